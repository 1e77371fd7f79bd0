// The engine's question answering as the studio and `vitask infer` use it, on real model
// folders written from the fixtures, the ONNX TSM fixture and a real DICOM image.
#include "service_test_files.h"
#include "vitask/common/error.h"
#include "vitask/model/llava_pipeline.h"
#include "vitask/service/vision_assistant.h"
#include "vitask/tsm/tsm_loader.h"

#include <QTemporaryDir>
#include <QtTest>

#include <fstream>
#include <numeric>

using namespace vitask;
using namespace vitask::service;

namespace {

// A small synthetic RGB picture with structure (so the TSM and saliency have something).
ModelImage testPicture(int size = 48) {
    ModelImage image{3, size, size, std::vector<float>(static_cast<size_t>(3 * size * size))};
    for (int c = 0; c < 3; ++c)
        for (int y = 0; y < size; ++y)
            for (int x = 0; x < size; ++x)
                image.values[static_cast<size_t>((c * size + y) * size + x)] =
                    ((x / 8 + y / 8 + c) % 2 == 0) ? 0.9f : 0.15f * static_cast<float>(c + 1);
    return image;
}

double sum(const std::vector<LabelProbability>& labels) {
    return std::accumulate(labels.begin(), labels.end(), 0.0, [](double s, const auto& l) { return s + l.probability; });
}

}  // namespace

class TestVisionAssistant : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        root_ = dir_.path().toStdString();
        test::writeVitaskModel(root_ / "vitask-512", 512);
        test::writeVitaskModel(root_ / "vitask-256", 256);
        manifest_ = test::writeTsmManifest(root_ / "tsm");
        test::writeSlowLlava(root_ / "slow-llava");
    }

    // The studio's answer to a plain LLaVA checkpoint is `vitask chat`'s: the same prompt,
    // the same greedy ids, and the streamed pieces add up to the answer.
    void plainCheckpointAnswersAsChat() {
        const auto file = test::pydicomCtSmall();
        if (file.empty()) QFAIL("python3-pydicom's test files are missing: install python3-pydicom (scripts/install-deps.sh installs it)");
        const std::string question = "Analyze the given dermatoscope image for diagnosis.";
        const auto image = modelImageFromFile(file);

        VisionAssistant assistant(DeviceChoice::Cpu);
        const auto& info = assistant.loadModel(test::tinyLlava());
        QVERIFY(!info.vitask);
        QCOMPARE(info.exemplarWidth, int64_t{0});
        QCOMPARE(info.device, std::string("cpu"));
        AskRequest request;
        request.question = question;
        request.maxNewTokens = 12;
        std::string streamed;
        AskCallbacks callbacks;
        callbacks.onText = [&](const std::string& added) { streamed += added; return true; };
        const auto result = assistant.ask(image, request, callbacks);

        auto pipeline = model::LlavaPipeline::load(test::tinyLlava());
        model::GenerationOptions options;
        options.maxNewTokens = 12;
        auto pixels = image.values;
        const auto tensor = torch::from_blob(pixels.data(), {image.channels, image.height, image.width}, torch::kFloat32);
        const auto expected = pipeline.ask(tensor, question, options);
        QCOMPARE(result.promptIds, expected.promptIds);
        QCOMPARE(result.generatedIds, expected.tokens);
        QCOMPARE(result.answer, expected.text);
        QCOMPARE(streamed, expected.text);
        QVERIFY(result.labels.empty());
        QVERIFY(!result.tsm);
        QCOMPARE(result.agreement, Agreement::Unknown);
    }

    // A VITask model with its TSM: the task comes from vitask.json, the label set is
    // scored without and with the exemplar, and the TSM's prediction is the TSM's own.
    void vitaskModelWithTsm() {
        VisionAssistant assistant(DeviceChoice::Cpu);
        const auto& info = assistant.loadModel(root_ / "vitask-512");
        QVERIFY(info.vitask);
        QCOMPARE(info.exemplarWidth, int64_t{512});
        QCOMPARE(info.trainedTsm, std::string("squeezenet-demo"));
        QCOMPARE(info.tasks.size(), size_t{1});
        QCOMPARE(info.tasks[0].modality, std::string("dermatoscope"));
        QCOMPARE(info.tasks[0].labels, test::tsmLabels());
        const auto tsm = assistant.loadTsm(manifest_.string());
        QVERIFY(tsm.ready);
        QCOMPARE(tsm.featureWidth, int64_t{512});

        AskRequest request;
        request.task = info.tasks[0];
        request.maxNewTokens = 6;
        bool tsmFirst = false;
        std::string streamed;
        AskCallbacks callbacks;
        callbacks.onTsm = [&](const TsmPrediction&) { tsmFirst = streamed.empty(); };
        callbacks.onText = [&](const std::string& added) { streamed += added; return true; };
        const auto image = testPicture();
        const auto result = assistant.ask(image, request, callbacks);
        QVERIFY(tsmFirst);
        QVERIFY2(result.instruction.find("dermatoscope") != std::string::npos, result.instruction.c_str());
        QCOMPARE(result.labels.size(), size_t{7});
        QCOMPARE(result.labelsWithExemplar.size(), size_t{7});
        QVERIFY(std::abs(sum(result.labels) - 1.0) < 1e-6);
        QVERIFY(std::abs(sum(result.labelsWithExemplar) - 1.0) < 1e-6);
        // The exemplar changes the model's input, so it changes the scores.
        double difference = 0;
        for (size_t k = 0; k < 7; ++k)
            difference += std::abs(result.labels[k].probability - result.labelsWithExemplar[k].probability);
        QVERIFY2(difference > 1e-6, "the exemplar did not change the label probabilities");

        // The TSM's probabilities are those of the TSM run directly on the same image.
        QVERIFY(result.tsm);
        auto direct = tsm::openTsm(manifest_);
        auto pixels = image.values;
        const auto output = direct->predict(direct->prepare(
            torch::from_blob(pixels.data(), {image.channels, image.height, image.width}, torch::kFloat32)));
        for (size_t k = 0; k < 7; ++k)
            QVERIFY(std::abs(result.tsm->probabilities[k].probability -
                             output.probabilities[0][static_cast<int64_t>(k)].item<double>()) < 1e-6);
        QCOMPARE(static_cast<int64_t>(result.tsm->top), output.probabilities[0].argmax().item<int64_t>());

        // Saliency of the TSM's top class at its input resolution, in [0, 1].
        QVERIFY(result.saliency);
        QCOMPARE(result.saliency->width, 64);
        QCOMPARE(result.saliency->height, 64);
        QCOMPARE(result.saliency->method, std::string("occlusion"));
        QCOMPARE(result.saliency->label, result.tsm->probabilities[result.tsm->top].label);
        for (float v : result.saliency->values) QVERIFY(v >= 0.0f && v <= 1.0f);

        // The VLM's label is its top-scored one and the badge follows the stated rule.
        QVERIFY(!result.vlmLabel.empty());
        QCOMPARE(result.agreement, judgeAgreement(result));
        QCOMPARE(streamed, result.answer);
    }

    void answerWithExemplarChangesThePrompt() {
        VisionAssistant assistant(DeviceChoice::Cpu);
        const auto& info = assistant.loadModel(root_ / "vitask-512");
        assistant.loadTsm(manifest_.string());
        AskRequest request;
        request.task = info.tasks[0];
        request.maxNewTokens = 4;
        request.saliency = false;
        const auto plain = assistant.ask(testPicture(), request);
        request.answerWithExemplar = true;
        const auto withExemplar = assistant.ask(testPicture(), request);
        QVERIFY(withExemplar.answeredWithExemplar);
        QCOMPARE(withExemplar.promptIds.size(), plain.promptIds.size() + 1);
        QVERIFY(!withExemplar.saliency);
    }

    void exemplarNeedsAMatchingTsm() {
        VisionAssistant assistant(DeviceChoice::Cpu);
        const auto& info = assistant.loadModel(root_ / "vitask-256");
        AskRequest request;
        request.task = info.tasks[0];
        request.answerWithExemplar = true;
        try {
            assistant.ask(testPicture(), request);
            QFAIL("EP without a TSM was accepted");
        } catch (const Error& e) {
            QVERIFY2(std::string(e.what()).find("squeezenet-demo") != std::string::npos, e.what());
        }
        assistant.loadTsm(manifest_.string());
        try {
            assistant.ask(testPicture(), request);
            QFAIL("a TSM of another feature width was accepted");
        } catch (const Error& e) {
            const std::string message = e.what();
            QVERIFY2(message.find("512") != std::string::npos && message.find("256") != std::string::npos, e.what());
            QVERIFY2(message.find("refit_connector") != std::string::npos, e.what());
        }
        // Without EP the same TSM is still compared with the model.
        request.answerWithExemplar = false;
        request.maxNewTokens = 2;
        const auto result = assistant.ask(testPicture(), request);
        QVERIFY(result.tsm);
        QVERIFY(result.labelsWithExemplar.empty());
    }

    void cancelStopsWithinOneToken() {
        VisionAssistant assistant(DeviceChoice::Cpu);
        assistant.loadModel(root_ / "slow-llava");
        AskRequest request = test::describeTheImage();
        request.maxNewTokens = 40;
        // Uncancelled, this answer runs past the token where it is cancelled below.
        const auto full = assistant.ask(testPicture(), request);
        QVERIFY2(full.generatedIds.size() > 3, "the reference answer is too short for this test");

        std::atomic<bool> cancel{false};
        AskCallbacks callbacks;
        int64_t seen = 0;
        callbacks.onProgress = [&](int64_t tokens, int64_t) {
            seen = tokens;
            if (tokens == 2) cancel = true;
        };
        const auto result = assistant.ask(testPicture(), request, callbacks, &cancel);
        QCOMPARE(result.finish, std::string("cancelled"));
        QCOMPARE(seen, int64_t{2});
        QCOMPARE(result.generatedIds.size(), size_t{2});
        QVERIFY(result.labels.empty());

        // Cancelled before it starts: nothing runs.
        const auto none = assistant.ask(testPicture(), request, {}, &cancel);
        QCOMPARE(none.finish, std::string("cancelled"));
        QVERIFY(none.generatedIds.empty());
    }

    void brokenInputsAreClearErrors() {
        VisionAssistant assistant(DeviceChoice::Cpu);
        try {
            assistant.ask(testPicture(), {});
            QFAIL("asking without a model was accepted");
        } catch (const Error& e) {
            QVERIFY(std::string(e.what()).find("no model") != std::string::npos);
        }
        assistant.loadModel(test::tinyLlava());

        // A model folder with a broken config: an error naming the file; the loaded model stays.
        const auto broken = root_ / "broken";
        std::filesystem::create_directories(broken);
        std::ofstream(broken / "config.json") << "{ not json";
        try {
            assistant.loadModel(broken);
            QFAIL("a broken model folder loaded");
        } catch (const Error& e) {
            QVERIFY2(std::string(e.what()).find("config.json") != std::string::npos, e.what());
        }
        QVERIFY(assistant.hasModel());
        QCOMPARE(assistant.model().name, std::string("tiny-llava"));

        try {
            assistant.loadModel(root_ / "does-not-exist");
            QFAIL("a missing folder loaded");
        } catch (const Error& e) {
            QVERIFY2(std::string(e.what()).find("does-not-exist") != std::string::npos, e.what());
        }
        try {
            assistant.loadTsm("no-such-tsm", {root_ / "tsm"});
            QFAIL("a missing TSM loaded");
        } catch (const Error& e) {
            QVERIFY2(std::string(e.what()).find("squeezenet-demo") != std::string::npos, e.what());  // lists the names
        }
        QVERIFY(!assistant.hasTsm());
        try {
            assistant.ask(ModelImage{}, test::describeTheImage());
            QFAIL("an empty image was accepted");
        } catch (const Error& e) {
            QVERIFY(std::string(e.what()).find("image") != std::string::npos);
        }
    }

    void agreementRule() {
        AskResult result;
        QCOMPARE(judgeAgreement(result), Agreement::Unknown);
        result.tsm = TsmPrediction{"t", {{"a", 0.2}, {"B", 0.8}}, 1};
        result.vlmLabel = "b";
        result.labels = {{"a", 0.3}, {"b", 0.7}};
        QCOMPARE(judgeAgreement(result), Agreement::Agree);
        result.labels = {{"a", 0.45}, {"b", 0.4}, {"c", 0.15}};
        result.vlmLabel = "a";
        QCOMPARE(judgeAgreement(result), Agreement::VlmUnsure);
        result.labels = {{"a", 0.9}, {"b", 0.1}};
        QCOMPARE(judgeAgreement(result), Agreement::Disagree);
        QVERIFY(vitask::service::agreementRule().find("50 %") != std::string::npos);
    }

    // A TSM over several datasets is compared with a task through that task's group.
    void tsmPredictionOfATaskIsItsGroup() {
        const std::vector<std::string> labels{"chest/normal", "chest/effusion", "skin/nevus", "skin/melanoma"};
        const std::vector<double> p{0.3, 0.7, 0.1, 0.9};
        const TaskInfo chest{"chest", "chest X-ray", {"normal", "effusion"}, false};
        std::size_t index = 99;
        const auto grouped = tsmPredictionFor("t", labels, p, &chest, &index);
        QCOMPARE(grouped.probabilities.size(), size_t{2});
        QCOMPARE(grouped.probabilities[1].label, std::string("effusion"));
        QCOMPARE(grouped.top, size_t{1});
        QCOMPARE(index, size_t{1});
        const auto all = tsmPredictionFor("t", labels, p, nullptr, &index);
        QCOMPARE(all.probabilities.size(), size_t{4});
        QCOMPARE(all.probabilities[3].label, std::string("skin/melanoma"));
        QCOMPARE(index, size_t{3});
        const TaskInfo other{"derma", "dermatoscope", {"nevus"}, false};
        QCOMPARE(tsmPredictionFor("t", labels, p, &other).probabilities.size(), size_t{4});
    }

    void questionTemplatesCoverTheVariants() {
        const auto templates = questionTemplates({"dermamnist", "dermatoscope", test::tsmLabels(), false});
        QCOMPARE(templates.size(), size_t{7});
        QCOMPARE(templates[0].variant, std::string("complete"));
        QCOMPARE(templates[0].text, std::string("Analyze the given dermatoscope image for diagnosis. The possible diagnoses "
                                                "are: akiec, bcc, bkl, df, mel, nv, vasc."));
        QCOMPARE(templates[1].variant, std::string("no_label_set"));
        QVERIFY(templates[1].text.find("vasc") == std::string::npos);
    }

private:
    QTemporaryDir dir_;
    std::filesystem::path root_;
    std::filesystem::path manifest_;
};

QTEST_GUILESS_MAIN(TestVisionAssistant)
#include "test_vision_assistant.moc"

// A dataset split evaluated in the background (EngineService::evaluateDataset) by the
// fixture VITask model (EP connector of width 512) and the ONNX TSM: its figures and
// per-sample answers are those `vitask eval` and `vitask tsm eval` print for the same
// inputs (run as child processes), a cancel stops it early, an interactive question goes
// before the next sample, and a model loaded meanwhile or a missing file fails it.
#include "service_test_files.h"
#include "vitask/service/engine_service.h"
#include "vitask/vitask/npz_writer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <nlohmann/json.hpp>

#include <cmath>
#include <condition_variable>
#include <fstream>
#include <future>
#include <mutex>

using namespace vitask::service;
namespace fs = std::filesystem;

namespace {

constexpr int kSamples = 12;

// A dataset outside the MedMNIST catalog whose sidecar names the TSM's 7 labels (the only
// words the fixture model's tokenizer spells out) and the dermatoscope modality.
fs::path writeDataset(const fs::path& folder, int testSamples) {
    vitask::recipe::NpzWriter npz;
    for (const auto& [split, count] : {std::pair<std::string, int>{"train", 7}, {"val", 7}, {"test", testSamples}}) {
        std::vector<uint8_t> pixels, labels;
        for (int i = 0; i < count; ++i) {
            for (int y = 0; y < 28; ++y)
                for (int x = 0; x < 28; ++x)
                    for (int c = 0; c < 3; ++c) pixels.push_back(test::dermaMnistPixel(i * 3 + 1, y, x, c));
            labels.push_back(static_cast<uint8_t>(i % 7));
        }
        npz.addUint8(split + "_images", {count, 28, 28, 3}, std::move(pixels));
        npz.addUint8(split + "_labels", {count, 1}, std::move(labels));
    }
    fs::create_directories(folder);
    npz.write(folder / "derm7.npz");
    std::ofstream(folder / "derm7.json")
        << nlohmann::json{{"name", "derm7"}, {"modality", "dermatoscope"}, {"labels", test::tsmLabels()}}.dump();
    return folder / "derm7.npz";
}

QString cli() {
    const auto explicitCli = qEnvironmentVariable("VITASK_CLI");
    return explicitCli.isEmpty() ? qEnvironmentVariable("VITASK_BINARY_DIR") + QStringLiteral("/bin/vitask") : explicitCli;
}

QByteArray runCli(const QStringList& arguments) {
    QProcess process;
    process.start(cli(), QStringList{QStringLiteral("--no-log-file")} + arguments);
    if (!process.waitForFinished(300000) || process.exitCode() != 0) {
        qWarning("vitask %s failed: %s", qPrintable(arguments.join(QLatin1Char(' '))),
                 process.readAllStandardError().constData());
        return {};
    }
    return process.readAllStandardOutput();
}

nlohmann::json readJson(const fs::path& file) {
    std::ifstream in(file);
    return nlohmann::json::parse(in);
}

std::vector<nlohmann::json> readLines(const fs::path& file) {
    std::ifstream in(file);
    std::vector<nlohmann::json> out;
    for (std::string line; std::getline(in, line);)
        if (!line.empty()) out.push_back(nlohmann::json::parse(line));
    return out;
}

// The figures of one system against the metrics `vitask eval --out` or `vitask tsm eval`
// wrote (metricsJson): equal, not close.
void compareMetrics(const SystemMetrics& got, const nlohmann::json& expected) {
    QCOMPARE(got.samples, expected["samples"].get<int64_t>());
    QCOMPARE(got.accuracy, expected["accuracy"].get<double>());
    QCOMPARE(got.macroF1, expected["macro_f1"].get<double>());
    if (expected["macro_auc"].is_null()) QVERIFY(std::isnan(got.macroAuc));
    else QCOMPARE(got.macroAuc, expected["macro_auc"].get<double>());
    QCOMPARE(got.confusion, expected["confusion"].get<std::vector<std::vector<int64_t>>>());
    QCOMPARE(got.perClass.size(), expected["per_class"].size());
    for (size_t k = 0; k < got.perClass.size(); ++k) {
        QCOMPARE(got.perClass[k].label, expected["per_class"][k]["label"].get<std::string>());
        QCOMPARE(got.perClass[k].f1, expected["per_class"][k]["f1"].get<double>());
    }
}

// The answers `vitask eval --out` wrote per sample are the rows' VLM answers.
void compareAnswers(const std::vector<SampleRow>& rows, const fs::path& predictions, bool withExemplar) {
    const auto lines = readLines(predictions);
    QCOMPARE(rows.size(), lines.size());
    for (size_t i = 0; i < rows.size(); ++i) {
        const auto& answer = withExemplar ? *rows[i].vlmWithExemplar : rows[i].vlm;
        QCOMPARE(rows[i].index, lines[i]["index"].get<int64_t>());
        QCOMPARE(answer.answer, lines[i]["answer"].get<std::string>());
        QCOMPARE(rows[i].truth, lines[i]["truth"].get<std::string>());
        // The service scores one sample at a time, the CLI 32: the GEMMs round differently in
        // the last bits (about 1e-9 here), which no argmax and no ranking above noticed.
        if (lines[i].contains("probabilities")) {
            const auto p = lines[i]["probabilities"].get<std::vector<double>>();
            QVERIFY(std::abs(answer.probability - *std::max_element(p.begin(), p.end())) < 1e-6);
        }
    }
}

// What an evaluation reported, in order, on the worker thread.
struct Recorder {
    std::mutex mutex;
    std::condition_variable changed;
    std::vector<std::string> events;
    std::vector<DatasetEvaluationProgress> progress;
    std::optional<DatasetEvaluation> result;
    std::string error;
    bool over = false;

    void add(const std::string& event) {
        std::lock_guard lock(mutex);
        events.push_back(event);
        changed.notify_all();
    }
    bool wait(int seconds = 300) {
        std::unique_lock lock(mutex);
        return changed.wait_for(lock, std::chrono::seconds(seconds), [this] { return over; });
    }
};

}  // namespace

class TestDatasetEvaluation : public QObject {
    Q_OBJECT
private:
    QTemporaryDir dir_;
    fs::path root_, model_, manifest_, dataset_, bigDataset_;
    std::unique_ptr<EngineService> service_;

    // Evaluates and waits; `onProgress` runs on the worker after each progress report.
    std::shared_ptr<Recorder> evaluate(const DatasetEvaluationRequest& request,
                                       std::function<void(const DatasetEvaluationProgress&)> onProgress = {},
                                       std::shared_ptr<Recorder> recorder = std::make_shared<Recorder>()) {
        service_->evaluateDataset(
            request,
            [recorder, onProgress](const DatasetEvaluationProgress& p) {
                {
                    std::lock_guard lock(recorder->mutex);
                    recorder->progress.push_back(p);
                }
                if (p.row) recorder->add("row " + std::to_string(p.row->index));
                if (onProgress) onProgress(p);
            },
            [recorder](const DatasetEvaluation& result) {
                std::lock_guard lock(recorder->mutex);
                recorder->result = result;
                recorder->over = true;
                recorder->changed.notify_all();
            },
            [recorder](const std::string& message) {
                std::lock_guard lock(recorder->mutex);
                recorder->error = message;
                recorder->over = true;
                recorder->changed.notify_all();
            });
        return recorder;
    }

    DatasetEvaluationRequest request(const fs::path& dataset) const {
        DatasetEvaluationRequest r;
        r.dataset = dataset;
        r.split = "test";
        return r;
    }

    template <typename T>
    static T await(std::future<T> future) {
        if (future.wait_for(std::chrono::seconds(120)) != std::future_status::ready) throw std::runtime_error("timed out");
        return future.get();
    }

    void loadModel() {
        std::promise<std::string> loaded;
        service_->loadModel(model_, [&](const ModelInfo&) { loaded.set_value({}); },
                            [&](const std::string& m) { loaded.set_value(m); });
        QCOMPARE(await(loaded.get_future()), std::string());
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        root_ = dir_.path().toStdString();
        model_ = test::writeVitaskModel(root_ / "vitask-512", 512);
        manifest_ = test::writeTsmManifest(root_ / "tsm");
        dataset_ = writeDataset(root_ / "data", kSamples);
        bigDataset_ = writeDataset(root_ / "big", 60);
        service_ = std::make_unique<EngineService>(EngineSettings{DeviceChoice::Cpu, 2, {root_ / "tsm"}});
        loadModel();
        std::promise<std::string> tsm;
        service_->loadTsm(manifest_.string(), [&](const TsmEntry&) { tsm.set_value({}); },
                          [&](const std::string& m) { tsm.set_value(m); });
        QCOMPARE(await(tsm.get_future()), std::string());
    }

    void cleanupTestCase() { service_.reset(); }

    // Scoring, with and without the exemplar, two instructions (the complete one and the
    // per-sample shuffled label sets): every figure and every answer is the CLI's.
    void scoredFiguresEqualVitaskEval() {
        auto r = request(dataset_);
        r.instructions = {InstructionChoice{"complete", {}}, InstructionChoice{"shuffled_labels", {}}};
        const auto recorder = evaluate(r);
        QVERIFY(recorder->wait());
        QVERIFY2(recorder->error.empty(), recorder->error.c_str());
        const auto& result = *recorder->result;
        QVERIFY(!result.cancelled);
        QCOMPARE(result.samples, int64_t{kSamples});
        QCOMPARE(result.task.labels, test::tsmLabels());
        QCOMPARE(result.tsm, std::string("squeezenet-demo"));
        QVERIFY2(result.exemplarSkipped.empty(), result.exemplarSkipped.c_str());
        QCOMPARE(recorder->progress.size(), size_t{1 + 2 * kSamples});
        QCOMPARE(recorder->progress.back().done, int64_t{2 * kSamples});

        const auto out = root_ / "cli-score";
        const QString model = QString::fromStdString(model_.string()), data = QString::fromStdString(dataset_.string());
        for (size_t v = 0; v < 2; ++v) {
            const std::string variant = v == 0 ? "complete" : "shuffled_labels";
            const QStringList common{QStringLiteral("eval"), QStringLiteral("--model"), model, QStringLiteral("--data"),
                                     data, QStringLiteral("--variant"), QString::fromStdString(variant),
                                     QStringLiteral("--out"), QString::fromStdString(out.string()), QStringLiteral("--json")};
            const auto printed = nlohmann::json::parse(runCli(common).toStdString());
            const auto printedEp = nlohmann::json::parse(
                runCli(common + QStringList{QStringLiteral("--exemplar"), QStringLiteral("--tsm"),
                                            QString::fromStdString(manifest_.string())})
                    .toStdString());
            const auto& instruction = result.instructions[v];
            QCOMPARE(instruction.instruction.variant, variant);
            QVERIFY(instruction.vlm && instruction.vlmWithExemplar);
            // What `vitask eval --json` prints...
            QCOMPARE(instruction.vlm->accuracy, printed[0]["mean_accuracy"].get<double>());
            QCOMPARE(instruction.vlm->macroF1, printed[0]["mean_macro_f1"].get<double>());
            QCOMPARE(instruction.vlmWithExemplar->accuracy, printedEp[0]["mean_accuracy"].get<double>());
            QCOMPARE(instruction.vlmWithExemplar->macroF1, printedEp[0]["mean_macro_f1"].get<double>());
            // ... and what it writes with --out: AUC, per-class figures, confusion, answers.
            const auto plain = readJson(out / ("test_score_" + variant + ".json"));
            const auto ep = readJson(out / ("test_score_ep_" + variant + ".json"));
            QCOMPARE(plain["instruction"].get<std::string>(), variant);
            compareMetrics(*instruction.vlm, plain["tasks"][0]["metrics"]);
            compareMetrics(*instruction.vlmWithExemplar, ep["tasks"][0]["metrics"]);
            compareAnswers(instruction.rows, out / ("test_score_" + variant + "_predictions.jsonl"), false);
            compareAnswers(instruction.rows, out / ("test_score_ep_" + variant + "_predictions.jsonl"), true);
        }
        QVERIFY(result.instructions[0].example.rfind("Analyze the given dermatoscope image", 0) == 0);

        // The TSM's figures are `vitask tsm eval`'s, its labels every row's.
        const auto tsm = runCli({QStringLiteral("tsm"), QStringLiteral("eval"), QStringLiteral("--tsm"),
                                 QString::fromStdString(manifest_.string()), QStringLiteral("--data"), data,
                                 QStringLiteral("--json")});
        QVERIFY(!tsm.isEmpty());
        QVERIFY(result.tsmMetrics);
        compareMetrics(*result.tsmMetrics, nlohmann::json::parse(tsm.toStdString()));
        for (const auto& row : result.instructions[0].rows) {
            QVERIFY(row.tsm && !row.tsm->label.empty() && row.tsm->probability > 0);
            const bool same = row.vlm.label == row.vlmWithExemplar->label && row.vlm.label == row.tsm->label;
            QCOMPARE(row.agreement, same ? Agreement::Agree : Agreement::Disagree);
        }
    }

    // Generation (greedy, matched to a label; unparseable answers booked wrong) without
    // the exemplar and the TSM, and a free-text instruction beside it.
    void generatedFiguresEqualVitaskEval() {
        auto r = request(dataset_);
        r.method = "generate";
        r.withExemplar = false;
        r.withTsm = false;
        r.instructions = {InstructionChoice{"complete", {}},
                          InstructionChoice{kCustomInstruction, "Which lesion is this? Answer with one word."}};
        const auto recorder = evaluate(r);
        QVERIFY(recorder->wait());
        QVERIFY2(recorder->error.empty(), recorder->error.c_str());
        const auto& result = *recorder->result;
        QVERIFY(!result.tsmMetrics && !result.instructions[0].vlmWithExemplar);
        for (const auto& row : result.instructions[0].rows) {
            QVERIFY(!row.tsm && !row.vlmWithExemplar && std::isnan(row.vlm.probability));
            QCOMPARE(row.agreement, Agreement::Unknown);
        }
        QCOMPARE(result.instructions[1].example, std::string("Which lesion is this? Answer with one word."));
        QVERIFY(result.instructions[1].vlm);

        const auto out = root_ / "cli-generate";
        QVERIFY(!runCli({QStringLiteral("eval"), QStringLiteral("--model"), QString::fromStdString(model_.string()),
                         QStringLiteral("--data"), QString::fromStdString(dataset_.string()), QStringLiteral("--method"),
                         QStringLiteral("generate"), QStringLiteral("--out"), QString::fromStdString(out.string())})
                     .isEmpty());
        const auto expected = readJson(out / "test_generate_complete.json");
        compareMetrics(*result.instructions[0].vlm, expected["tasks"][0]["metrics"]);
        QCOMPARE(result.instructions[0].vlm->unparseable, expected["tasks"][0]["unparseable"].get<int64_t>());
        compareAnswers(result.instructions[0].rows, out / "test_generate_complete_predictions.jsonl", false);
    }

    // maxSamples takes the split's first samples, as the trainer's quick runs do.
    void maxSamplesTakesTheFirst() {
        auto r = request(bigDataset_);
        r.maxSamples = 5;
        r.withExemplar = false;
        const auto recorder = evaluate(r);
        QVERIFY(recorder->wait());
        QVERIFY2(recorder->error.empty(), recorder->error.c_str());
        QCOMPARE(recorder->result->splitSize, int64_t{60});
        QCOMPARE(recorder->result->samples, int64_t{5});
        QCOMPARE(recorder->result->instructions[0].rows.size(), size_t{5});
        QCOMPARE(recorder->result->instructions[0].rows.back().index, int64_t{4});
        QCOMPARE(recorder->result->tsmMetrics->samples, int64_t{5});
    }

    // A cancel stops within a sample: the rows answered so far, no figures, and the rest
    // of the 60 samples never asked.
    void cancelStopsEarly() {
        EngineService* service = service_.get();
        const auto recorder = evaluate(request(bigDataset_), [service](const DatasetEvaluationProgress& p) {
            if (p.done == 3) service->cancelEvaluation();
        });
        QVERIFY(recorder->wait());
        QVERIFY2(recorder->error.empty(), recorder->error.c_str());
        const auto& result = *recorder->result;
        QVERIFY(result.cancelled);
        QCOMPARE(result.instructions[0].rows.size(), size_t{3});
        QVERIFY(!result.instructions[0].vlm && !result.tsmMetrics);
        QVERIFY(!service_->busy() || QTest::qWaitFor([&] { return !service_->busy(); }, 10000));
    }

    // A question asked while the evaluation runs is answered before its next sample.
    void interactiveAskGoesBeforeTheNextSample() {
        EngineService* service = service_.get();
        auto recorder = std::make_shared<Recorder>();
        evaluate(
            request(bigDataset_),
            [service, recorder](const DatasetEvaluationProgress& p) {
                if (!p.row) return;
                if (p.row->index == 1) {
                    recorder->add("asked");
                    ModelImage image{3, 28, 28, std::vector<float>(3 * 28 * 28, 0.5f)};
                    service->ask(image, test::describeTheImage(), {},
                                 [recorder](const AskResult&) { recorder->add("answered"); },
                                 [recorder](const std::string& m) { recorder->add("ask failed: " + m); });
                }
                if (p.row->index == 3) service->cancelEvaluation();
            },
            recorder);
        QVERIFY(recorder->wait());
        std::vector<std::string> events;
        {
            std::lock_guard lock(recorder->mutex);
            events = recorder->events;
        }
        const std::vector<std::string> expected{"row 0", "row 1", "asked", "answered", "row 2"};
        QVERIFY(events.size() >= expected.size());
        QCOMPARE(std::vector<std::string>(events.begin(), events.begin() + 5), expected);
    }

    // A model loaded between two samples fails the evaluation (its corpus was the old
    // model's); a missing dataset fails naming the file, a task of another label count
    // saying so.
    void changedModelAndMissingFileFail() {
        EngineService* service = service_.get();
        auto once = std::make_shared<std::once_flag>();
        const auto path = model_;
        const auto recorder = evaluate(request(bigDataset_), [service, once, path](const DatasetEvaluationProgress& p) {
            if (p.row) std::call_once(*once, [&] { service->loadModel(path, {}, {}); });
        });
        QVERIFY(recorder->wait());
        QVERIFY2(recorder->error.find("another model was loaded") != std::string::npos, recorder->error.c_str());

        const auto missing = evaluate(request(root_ / "nowhere.npz"));
        QVERIFY(missing->wait());
        QVERIFY2(missing->error.find("nowhere.npz") != std::string::npos, missing->error.c_str());

        // A task whose labels do not name the dataset's 7 classes one by one.
        auto renamed = request(dataset_);
        renamed.task = TaskInfo{"derm7", "dermatoscope", {"akiec", "bcc"}, false};
        const auto wrongTask = evaluate(renamed);
        QVERIFY(wrongTask->wait());
        QVERIFY2(wrongTask->error.find("the task names 2 labels, the dataset has 7 classes") != std::string::npos,
                 wrongTask->error.c_str());
    }

    // A row's sample: the dataset's image and the TSM's prediction and saliency, the
    // prediction the one the evaluation's row shows.
    void sampleHasImageAndSaliency() {
        auto r = request(dataset_);
        r.withExemplar = false;
        r.maxSamples = 3;
        const auto recorder = evaluate(r);
        QVERIFY(recorder->wait());
        std::promise<std::optional<DatasetSample>> read;
        service_->datasetSample(dataset_, "test", 2, [&](const DatasetSample& s) { read.set_value(s); },
                                [&](const std::string&) { read.set_value(std::nullopt); });
        const auto sample = await(read.get_future());
        QVERIFY(sample);
        QCOMPARE(sample->image.width, 28);
        QCOMPARE(sample->image.channels, 3);
        QCOMPARE(sample->image.values[0], test::dermaMnistPixel(2 * 3 + 1, 0, 0, 0) / 255.0f);
        QCOMPARE(sample->truth, test::tsmLabels()[2]);
        QVERIFY(sample->tsm && sample->saliency);
        QCOMPARE(sample->tsm->probabilities[sample->tsm->top].label, recorder->result->instructions[0].rows[2].tsm->label);
        QCOMPARE(static_cast<size_t>(sample->saliency->width * sample->saliency->height), sample->saliency->values.size());

        std::promise<std::string> bad;
        service_->datasetSample(dataset_, "test", 99, [&](const DatasetSample&) { bad.set_value({}); },
                                [&](const std::string& m) { bad.set_value(m); });
        QVERIFY(await(bad.get_future()).find("no sample 99") != std::string::npos);
    }
};

QTEST_GUILESS_MAIN(TestDatasetEvaluation)
#include "test_dataset_evaluation.moc"

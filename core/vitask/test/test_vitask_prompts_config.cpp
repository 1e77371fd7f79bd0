// Instructions, answers and run configurations: what the model is asked, how its text
// becomes a class, and that every mistake in a run configuration names its key.

#include "vitask/vitask/answer_matching.h"
#include "vitask/vitask/prompt_builder.h"
#include "vitask/vitask/train_config.h"
#include "vitask_test_support.h"

#include <QtTest>

using namespace vitask::recipe;

namespace {

const TaskDescription kDerm{"dermatoscope", {"actinic keratoses", "melanoma", "melanocytic nevi"}, false};

QString parseError(const std::string& yaml) {
    return test::errorOf([&] { TrainConfig::parse(yaml, "/runs/run.yaml"); });
}

constexpr const char* kMinimal = "model: {scratch: {tokenizer: tok}}\ndata: [a.npz]\ntsm: t.tsm.json\n";

}  // namespace

class TestVitaskPromptsConfig : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void paperTemplate() {
        QCOMPARE(QString::fromStdString(buildInstruction(kDerm, InstructionVariant::Complete)),
                 QStringLiteral("Analyze the given dermatoscope image for diagnosis. The possible diagnoses are: "
                                "actinic keratoses, melanoma, melanocytic nevi."));
        QCOMPARE(QString::fromStdString(buildInstruction(kDerm, InstructionVariant::NoLabelSet)),
                 QStringLiteral("Analyze the given dermatoscope image for diagnosis."));
    }

    void variantsChangeWhatTheyPromise() {
        const auto complete = buildInstruction(kDerm, InstructionVariant::Complete);
        for (auto variant : allInstructionVariants()) {
            const auto text = buildInstruction(kDerm, variant, 3);
            QCOMPARE(text, buildInstruction(kDerm, variant, 3));  // deterministic in the seed
            const bool namesAllLabels = text.find("actinic keratoses") != std::string::npos &&
                                        text.find("melanoma") != std::string::npos &&
                                        text.find("melanocytic nevi") != std::string::npos;
            QCOMPARE(namesAllLabels, variant != InstructionVariant::NoLabelSet);
            QCOMPARE(text.find("dermatoscope") != std::string::npos || variant == InstructionVariant::Typos,
                     variant != InstructionVariant::NoModality);
            if (variant != InstructionVariant::Complete) QVERIFY2(text != complete, variantName(variant));
        }
        const auto shuffled = buildInstruction(kDerm, InstructionVariant::ShuffledLabels, 1);
        QVERIFY(shuffled.find("actinic keratoses, melanoma, melanocytic nevi") == std::string::npos);
        QCOMPARE(parseInstructionVariant("typos", "k"), InstructionVariant::Typos);
        QVERIFY(test::errorOf([] { parseInstructionVariant("typo", "prompts.train"); }).contains("no_label_set"));
    }

    void responses() {
        QCOMPARE(QString::fromStdString(buildResponse(kDerm, {0, 1, 0})), QStringLiteral("melanoma"));
        const TaskDescription chest{"chest X-ray", {"atelectasis", "effusion", "mass"}, true};
        QCOMPARE(QString::fromStdString(buildResponse(chest, {1, 0, 1})), QStringLiteral("atelectasis, mass"));
        QCOMPARE(QString::fromStdString(buildResponse(chest, {0, 0, 0})), QStringLiteral("no finding"));
        QVERIFY(!test::errorOf([] { buildResponse(kDerm, {1, 1, 0}); }).isEmpty());
    }

    void answersToClasses() {
        const auto& labels = kDerm.labels;
        QCOMPARE(matchAnswer("melanoma", labels).how, MatchedAnswer::How::Exact);
        QCOMPARE(matchAnswer(" Melanocytic Nevi.", labels).label, 2);
        QCOMPARE(matchAnswer(" Melanocytic Nevi.", labels).how, MatchedAnswer::How::Normalized);
        const auto typo = matchAnswer("melanomma", labels);
        QCOMPARE(typo.label, 1);
        QCOMPARE(typo.how, MatchedAnswer::How::EditDistance);
        QCOMPARE(matchAnswer("a large benign lesion", labels).label, -1);
        int unmatched = 0;
        const auto rows = matchMultiLabelAnswer("mass, effusion, banana", {"atelectasis", "effusion", "mass"}, &unmatched);
        QCOMPARE(rows, (std::vector<uint8_t>{0, 1, 1}));
        QCOMPARE(unmatched, 1);
        QCOMPARE(matchMultiLabelAnswer("no finding", {"a", "b"}), (std::vector<uint8_t>{0, 0}));
    }

    void presetsAndRoundTrip() {
        const auto config = TrainConfig::parse(std::string(kMinimal) + "preset: scratch\nseed: 4\n", "/runs/run.yaml");
        QCOMPARE(config.stages.size(), size_t{3});
        QCOMPARE(config.stages[0].name, std::string("warmup"));
        QVERIFY(config.stages[2].crt > 0 && config.stages[1].crt == 0);
        QCOMPARE(config.datasets.front(), std::filesystem::path("/runs/a.npz"));  // relative to the YAML file
        const auto again = TrainConfig::parse(config.toYaml(), "/elsewhere/config.yaml");
        QCOMPARE(again.toYaml(), config.toYaml());
        QCOMPARE(again.datasets, config.datasets);
        QCOMPARE(again.seed, uint64_t{4});
        // The scratch preset's exemplar is 4 tokens (results.md), kept through config.yaml;
        // the paper preset keeps the paper's one, and a run may ask for its own.
        QCOMPARE(*config.exemplar.tokens, int64_t{4});
        QCOMPARE(*again.exemplar.tokens, int64_t{4});
        const auto paper = TrainConfig::parse(std::string(kMinimal) + "preset: paper\n", "/runs/run.yaml");
        QVERIFY(!paper.exemplar.tokens);
        const auto own = TrainConfig::parse(std::string(kMinimal) + "preset: scratch\nexemplar: {tokens: 2}\n", "/runs/run.yaml");
        QCOMPARE(*own.exemplar.tokens, int64_t{2});
    }

    void mistakesNameTheirKey() {
        QVERIFY(parseError(std::string(kMinimal) + "trainig: {}\n").contains("trainig is not a known key"));
        QVERIFY(parseError(std::string(kMinimal) + "training: {batch_size: many}\n").contains("training.batch_size"));
        QVERIFY(parseError(std::string(kMinimal) + "training: {batch_size: 0}\n").contains("at least 1"));
        QVERIFY(parseError(std::string(kMinimal) + "rda: {direction: backwards}\n").contains("rda.direction"));
        QVERIFY(parseError(std::string(kMinimal) +
                           "stages: [{name: s, losses: {van: 1, rdaa: 1}, trainable: [language]}]\n")
                    .contains("stages[0].losses.rdaa"));
        QVERIFY(parseError(std::string(kMinimal) + "stages: [{name: s, trainable: [brain]}]\n").contains("brain"));
        QVERIFY(parseError("model: {scratch: {tokenizer: t}}\ndata: [a.npz]\npreset: scratch\n").contains("tsm is missing"));
        QVERIFY(parseError("data: [a.npz]\ntsm: t\n").contains("model"));
        QVERIFY(parseError("model: {scratch: {tokenizer: t}\n").contains("not valid YAML"));
        QVERIFY(parseError(std::string(kMinimal) + "preset: paper\nstages: [{name: s, trainable: [lora]}]\nlora: {rank: 4}\n").isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestVitaskPromptsConfig)
#include "test_vitask_prompts_config.moc"

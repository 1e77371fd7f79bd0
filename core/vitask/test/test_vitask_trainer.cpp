// The VITask trainer end to end on a small synthetic benchmark with a real built-in TSM
// trained in the test: every stage computes the losses it is configured with, the run
// directory holds what it promises, the final model reloads, and a run cancelled in the
// middle and resumed ends with exactly the metrics of an uninterrupted run.

#include "vitask/model/safetensors.h"
#include "vitask/tsm/plugin_probe.h"
#include "vitask/vitask/batch_prefetcher.h"
#include "vitask/vitask/task_corpus.h"
#include "vitask/vitask/vitask_step.h"
#include "vitask/vitask/synthetic_benchmark.h"
#include "vitask/vitask/trainer.h"
#include "vitask/vitask/tsm_training.h"
#include "vitask_test_support.h"

#include <QTemporaryDir>
#include <QtTest>

#include <unistd.h>

#include <fstream>
#include <optional>

using namespace vitask::recipe;
namespace fs = std::filesystem;

namespace {

std::vector<nlohmann::json> records(const RunDirectory& run, const std::string& type) {
    std::vector<nlohmann::json> out;
    for (const auto& r : run.readMetrics())
        if (r.value("type", "") == type) out.push_back(r);
    return out;
}

}  // namespace

class TestVitaskTrainer : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    std::string configText_;
    fs::path tsm_, otherTsm_;

    std::string refitConfig(const std::string& preset) const {
        const fs::path root = dir_.path().toStdString();
        return "preset: " + preset + "\nseed: 5\nthreads: 1\nmodel: {base: " + (root / "full" / "final").string() +
               "}\ntsm: " + otherTsm_.string() + "\ndata: [synth_chest_xray.npz, synth_dermoscopy.npz]\n"
               "max_train_samples: 32\ntraining: {batch_size: 8, log_every: 1}\n";
    }

    TrainConfig config(int keepLast) const {
        return TrainConfig::parse(configText_ + "training: {batch_size: 8, log_every: 1, checkpoint_every: 3, "
                                                "keep_last_checkpoints: " + std::to_string(keepLast) + "}\n",
                                  fs::path(dir_.path().toStdString()) / "run.yaml");
    }

    // The uninterrupted run of config(100) in <dir>/full, trained on first use: the refit
    // starts from its final model and the resumed run must end with its metrics, so each
    // test function gets it whether or not stagesComputeTheirLosses ran before it.
    std::optional<TrainOutcome> fullOutcome_;
    RunDirectory fullRun() {
        const RunDirectory run(fs::path(dir_.path().toStdString()) / "full");
        if (!fullOutcome_) fullOutcome_ = Trainer(config(100), run.root()).run(false);
        return run;
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        const fs::path root = dir_.path().toStdString();
        SyntheticOptions options;
        options.trainSize = 48;
        options.valSize = 16;
        options.testSize = 24;
        std::vector<MedMnistDataset> datasets;
        for (const char* name : {"chest_xray", "dermoscopy"}) {
            datasets.push_back(generateSyntheticDataset(*findSyntheticModality(name), options));
            datasets.back().save((root / (datasets.back().name() + ".npz")).string());
        }
        TsmTrainingOptions tsmOptions;
        tsmOptions.name = "tsm";
        tsmOptions.architecture.stageBlocks = {1, 1};
        tsmOptions.architecture.width = 8;
        tsmOptions.architecture.smallInputStem = true;
        tsmOptions.epochs = 2;
        tsmOptions.batchSize = 16;
        const auto trained = trainTsm({&datasets[0], &datasets[1]}, root / "tsm", tsmOptions);
        QVERIFY(fs::exists(trained.manifest));
        tsm_ = trained.manifest;
        tsmOptions.name = "other_tsm";  // features 24 wide instead of 16
        tsmOptions.architecture.width = 12;
        otherTsm_ = trainTsm({&datasets[0], &datasets[1]}, root / "other_tsm", tsmOptions).manifest;
        QVERIFY(fs::exists(otherTsm_));

        configText_ = "preset: custom\nseed: 3\nthreads: 1\nmax_train_samples: 32\n"
                      "model:\n  scratch: {tokenizer: " + qEnvironmentVariable("VITASK_SOURCE_DIR").toStdString() +
                      "/resources/tokenizers/vitask-scratch, image_size: 28, patch_size: 7, vision_width: 32,"
                      " vision_layers: 1, text_width: 32, text_layers: 1, heads: 2}\n"
                      "tsm: " + trained.manifest.string() + "\n"
                      "data: [synth_chest_xray.npz, synth_dermoscopy.npz]\n"
                      "prompts: {train: [complete, no_label_set]}\n"
                      "stages:\n"
                      "  - {name: warmup, epochs: 1, lr: 3.0e-3, losses: {van: 1}, trainable: [vision, projector, language]}\n"
                      "  - {name: stage1, epochs: 1, lr: 1.0e-3, losses: {van: 1, ep: 1, rda: 0.5}, trainable: [language, connector]}\n"
                      "  - {name: stage2, epochs: 1, lr: 1.0e-3, losses: {van: 1, ep: 1, rda: 0.5, crt: 0.3}, trainable: [language]}\n";
    }

    void stagesComputeTheirLosses() {
        const RunDirectory run = fullRun();
        QCOMPARE(*fullOutcome_, TrainOutcome::Finished);
        const auto train = records(run, "train");
        QCOMPARE(train.size(), size_t{24});  // 3 stages x ceil(64 samples / 8)
        for (const auto& r : train) {
            const auto stage = r.at("stage").get<std::string>();
            QCOMPARE(r.at("l_ep").get<double>() > 0, stage != "warmup");
            QCOMPARE(r.at("l_rda").get<double>() > 0, stage != "warmup");
            QCOMPARE(r.at("l_crt").get<double>() > 0, stage == "stage2");
            QVERIFY(std::isfinite(r.at("loss").get<double>()));
        }
        QVERIFY2(train.back().at("l_van").get<double>() < train.front().at("l_van").get<double>(), "nothing learnt");
        const auto eval = records(run, "eval");
        QCOMPARE(eval.size(), size_t{3 * 2 + 2});  // val after each stage and test, each without and with EP
        QCOMPARE(run.readStatus()->at("state").get<std::string>(), std::string("finished"));

        // Frozen groups stay frozen: the vision tower trains in the warm-up only, the
        // connector in stage 1 only.
        const auto atStep = [&](int64_t step) {
            return vitask::model::SafetensorsReader::open(run.checkpointsFolder() / RunDirectory::checkpointName(step) /
                                                         "weights.safetensors");
        };
        const auto endWarmup = atStep(8), endStage1 = atStep(16), endStage2 = atStep(24);
        const std::string vision = "vlm.vision_tower.embeddings.patch_embedding.weight";
        const std::string connector = "connector.linear_1.weight";
        QVERIFY(torch::equal(endWarmup.tensor(vision), endStage2.tensor(vision)));
        QVERIFY(!torch::equal(endWarmup.tensor(connector), endStage1.tensor(connector)));
        QVERIFY(torch::equal(endStage1.tensor(connector), endStage2.tensor(connector)));

        // The final model reloads and the evaluation files are complete.
        const auto model = VitaskModel::load(run.finalFolder());
        QCOMPARE(model.exemplarWidth(), int64_t{16});
        // It lists its tasks, so an application can ask and score without the datasets.
        std::ifstream description(run.finalFolder() / "vitask.json");
        const auto tasks = nlohmann::json::parse(description).at("tasks");
        QCOMPARE(tasks.size(), size_t{2});
        const auto dermoscopy =
            MedMnistDataset::load((fs::path(dir_.path().toStdString()) / "synth_dermoscopy.npz").string());
        QCOMPARE(tasks[1].at("name").get<std::string>(), dermoscopy.name());
        QCOMPARE(tasks[1].at("modality").get<std::string>(), dermoscopy.modality());
        QCOMPARE(tasks[1].at("labels").get<std::vector<std::string>>(), dermoscopy.labelNames());
        QCOMPARE(tasks[1].at("multi_label").get<bool>(), false);
        std::ifstream summary(run.evalFolder() / "test_score_ep.json");
        const auto json = nlohmann::json::parse(summary);
        QCOMPARE(json.at("tasks").size(), size_t{2});
        QVERIFY(json["tasks"][0]["metrics"].contains("confusion"));
        std::ifstream predictions(run.evalFolder() / "test_score_predictions.jsonl");
        int lines = 0;
        for (std::string line; std::getline(predictions, line);) {
            const auto p = nlohmann::json::parse(line);
            double sum = 0;
            for (double v : p.at("probabilities")) sum += v;
            QVERIFY(std::abs(sum - 1) < 1e-9);
            ++lines;
        }
        QCOMPARE(lines, 48);
    }

    void anotherTsmRefitsOnlyTheConnector() {
        const fs::path root = dir_.path().toStdString();
        fullRun();  // refitConfig() continues its final model
        QCOMPARE(*fullOutcome_, TrainOutcome::Finished);
        const auto base = VitaskModel::load(root / "full" / "final");
        const auto noConnectorStage = test::errorOf([&] {
            Trainer(TrainConfig::parse(refitConfig("custom") +
                                           "stages: [{name: s, epochs: 1, losses: {van: 1, ep: 1}, trainable: [language]}]\n",
                                       root / "refit.yaml"),
                    root / "refit_refused")
                .run(false);
        });
        QVERIFY2(noConnectorStage.contains("24 wide") && noConnectorStage.contains("takes 16") &&
                     noConnectorStage.contains("refit_connector"),
                 qPrintable(noConnectorStage));

        const RunDirectory run(root / "refit");
        QCOMPARE(Trainer(TrainConfig::parse(refitConfig("refit_connector"), root / "refit.yaml"), run.root()).run(false),
                 TrainOutcome::Finished);
        auto refitted = VitaskModel::load(run.finalFolder());
        QCOMPARE(refitted.exemplarWidth(), int64_t{24});
        // The VLM is the base's, bit for bit; only the connector is new and learnt.
        const auto baseWeights = vitask::model::SafetensorsReader::open(root / "full" / "final" / "model.safetensors");
        const auto refitWeights = vitask::model::SafetensorsReader::open(run.finalFolder() / "model.safetensors");
        QCOMPARE(refitWeights.names(), baseWeights.names());
        for (const auto& name : baseWeights.names())
            QVERIFY2(torch::equal(baseWeights.tensor(name), refitWeights.tensor(name)), name.c_str());
        const auto train = records(run, "train");
        QCOMPARE(train.size(), size_t{24});  // 3 epochs x 8 steps, L_ep only
        QVERIFY(train.back().at("l_ep").get<double>() < train.front().at("l_ep").get<double>());
        QCOMPARE(train.front().at("l_crt").get<double>(), 0.0);

        // The preset continues a trained model: without one it is refused before any work.
        const auto noBase = test::errorOf([&] {
            TrainConfig::parse("preset: refit_connector\n" + configText_.substr(configText_.find("max_train_samples")),
                               root / "refit.yaml");
        });
        QVERIFY2(noBase.contains("model.base"), qPrintable(noBase));

        // The old model with the new TSM's features: refused with the way out.
        const auto mismatch = test::errorOf([&] { refitted.exemplarEmbeddings({torch::zeros({2, 16}), {}}); });
        QVERIFY2(mismatch.contains("16 wide") && mismatch.contains("refit_connector"), qPrintable(mismatch));
        QCOMPARE(base.exemplarWidth(), int64_t{16});
    }

    // exemplar: {tokens, hidden_width, probabilities} shapes the connector, vitask.json
    // keeps it, a run continuing the model inherits it, and connector_lr speeds the
    // connector's fit alone.
    void exemplarShapeAndConnectorLrAreConfigurable() {
        const fs::path root = dir_.path().toStdString();
        fullRun();
        QCOMPARE(*fullOutcome_, TrainOutcome::Finished);
        const auto labels = static_cast<int64_t>(vitask::tsm::openProbed(tsm_)->labels().size());
        const auto refit = [&](const std::string& name, const std::string& base, const std::string& extra,
                               double connectorLr) {
            const RunDirectory run(root / name);
            const auto text = "preset: custom\nseed: 5\nthreads: 1\nmodel: {base: " + base + "}\ntsm: " +
                              tsm_.string() + "\ndata: [synth_chest_xray.npz, synth_dermoscopy.npz]\n"
                              "max_train_samples: 32\ntraining: {batch_size: 8, log_every: 1}\n" + extra +
                              "stages: [{name: s, epochs: 2, lr: 1.0e-3, connector_lr: " + std::to_string(connectorLr) +
                              ", losses: {ep: 1}, trainable: [connector]}]\n";
            if (Trainer(TrainConfig::parse(text, root / (name + ".yaml")), run.root()).run(false) != TrainOutcome::Finished)
                return std::vector<nlohmann::json>{};
            return records(run, "train");
        };
        const auto full = (root / "full" / "final").string();
        const auto shaped = refit("shaped", full, "exemplar: {tokens: 3, hidden_width: 40, probabilities: true}\n", 1e-3);
        QCOMPARE(shaped.size(), size_t{16});  // 2 epochs x 8 steps

        auto model = VitaskModel::load(root / "shaped" / "final");
        QCOMPARE(model.exemplarSpec(), (ExemplarSpec{16, labels, 3, 40}));
        const auto ids = model.promptIds("Which finding?", true);
        QCOMPARE(std::count(ids.begin(), ids.end(), kExemplarTokenId), 3L);
        const auto embeddings = model.exemplarEmbeddings({torch::zeros({2, 16}), torch::full({2, labels}, 0.5)});
        QCOMPARE(embeddings.sizes().vec(), (std::vector<int64_t>{2, 3, 32}));
        const auto noProbabilities = test::errorOf([&] { model.exemplarEmbeddings({torch::zeros({2, 16}), {}}); });
        QVERIFY2(noProbabilities.contains("probabilities"), qPrintable(noProbabilities));

        // Continuing the shaped model without an exemplar section keeps its shape.
        const auto continued = refit("continued", (root / "shaped" / "final").string(), "", 1e-3);
        QCOMPARE(continued.size(), size_t{16});
        QCOMPARE(VitaskModel::load(root / "continued" / "final").exemplarSpec(), model.exemplarSpec());

        // The same fit with the connector's lr 30 times the stage's: L_ep falls further.
        const auto faster = refit("faster", full, "exemplar: {tokens: 3, hidden_width: 40, probabilities: true}\n", 3e-2);
        QCOMPARE(faster.size(), size_t{16});
        QCOMPARE(faster.front().at("l_ep").get<double>(), shaped.front().at("l_ep").get<double>());  // same start
        QVERIFY2(faster.back().at("l_ep").get<double>() < shaped.back().at("l_ep").get<double>(),
                 qPrintable(QString("%1 vs %2").arg(faster.back().at("l_ep").get<double>())
                                .arg(shaped.back().at("l_ep").get<double>())));
        const auto written = TrainConfig::load(root / "faster" / "config.yaml");
        QCOMPARE(written.stages.at(0).connectorLearningRate, 3e-2);
        QCOMPARE(*written.exemplar.tokens, int64_t{3});
        QCOMPARE(*written.exemplar.probabilities, true);
    }

    void pixelsMadePerBatchEqualCachedOnes() {
        const fs::path root = dir_.path().toStdString();
        const auto config = this->config(2);
        const VitaskModel model(buildTrainingPipeline(config), ExemplarSpec{});
        const auto data = MedMnistDataset::load((root / "synth_dermoscopy.npz").string());
        CorpusOptions perBatch;
        perBatch.pixelCacheBytes = 0;
        const auto cached = TaskCorpus::build({&data}, Split::Val, model, nullptr);
        const auto made = TaskCorpus::build({&data}, Split::Val, model, nullptr, perBatch);
        QVERIFY(cached.pixelsCached());
        QVERIFY(!made.pixelsCached());
        const std::vector<int64_t> rows{5, 0, 15, 5};
        QVERIFY(torch::equal(cached.pixels(rows), made.pixels(rows)));

        // The prefetcher hands out the batch made ahead only when it is the one asked for.
        int made_calls = 0;
        BatchPrefetcher prefetcher([&](const std::vector<int64_t>& samples, int64_t step) {
            ++made_calls;
            StepBatch batch;
            batch.pixels = made.pixels(samples) + static_cast<double>(step);
            return batch;
        });
        prefetcher.prefetch({1, 2}, 7);
        QVERIFY(torch::equal(prefetcher.take({1, 2}, 7).pixels, made.pixels({1, 2}) + 7.0));
        prefetcher.prefetch({3}, 8);
        QVERIFY(torch::equal(prefetcher.take({3}, 9).pixels, made.pixels({3}) + 9.0));  // not the one made ahead
        QCOMPARE(made_calls, 3);
    }

    void bf16AutocastRunsThePassesInBfloat16() {
        auto config = this->config(2);
        torch::manual_seed(1);
        VitaskModel model(buildTrainingPipeline(config), ExemplarSpec{});
        const fs::path root = dir_.path().toStdString();
        const auto data = MedMnistDataset::load((root / "synth_chest_xray.npz").string());
        const auto corpus = TaskCorpus::build({&data}, Split::Train, model, nullptr);
        const auto& stage = config.stages.front();  // the warm-up: L_van on every VLM group
        std::vector<int64_t> samples{0, 1, 2, 3, 4, 5, 6, 7};
        const auto batch = makeStepBatch(model, corpus, stage, config, samples, 0);
        torch::NoGradGuard noGrad;
        const double fp32 = stepLosses(model, stage, config, batch).van;
        config.bf16 = true;
        const auto terms = stepLosses(model, stage, config, batch);
        QVERIFY2(terms.van != fp32, "autocast changed nothing");
        QVERIFY2(std::abs(terms.van - fp32) < 0.02 * fp32, qPrintable(QString::number(terms.van - fp32)));
        QCOMPARE(terms.total.scalar_type(), torch::kFloat32);
        for (const auto& [name, p] : model.namedParameters()) QCOMPARE(p.scalar_type(), torch::kFloat32);
        // The scope is left: plain passes are float32 again.
        config.bf16 = false;
        QCOMPARE(stepLosses(model, stage, config, batch).van, fp32);
        QVERIFY(TrainConfig::parse(configText_ + "training: {precision: bf16}\n", root / "run.yaml").bf16);
        const auto bad = test::errorOf([&] { TrainConfig::parse(configText_ + "training: {precision: fp8}\n", root / "run.yaml"); });
        QVERIFY2(bad.contains("training.precision"), qPrintable(bad));
    }

    void resumedRunEndsLikeAnUninterruptedOne() {
        const fs::path root = dir_.path().toStdString();
        const RunDirectory full = fullRun();
        QCOMPARE(*fullOutcome_, TrainOutcome::Finished);
        const RunDirectory run(root / "resumed");
        Trainer first(config(2), run.root());
        const auto outcome = first.run(false, [](const TrainProgress& p) { return p.step != 11; });
        QCOMPARE(outcome, TrainOutcome::Cancelled);
        QCOMPARE(run.readStatus()->at("state").get<std::string>(), std::string("cancelled"));
        // The status names the process and its machine (the studio tells a live run from
        // a dead one by them), and the speed and time left as last logged.
        const auto status = *run.readStatus();
        char host[256] = {};
        ::gethostname(host, sizeof host - 1);
        QCOMPARE(status.at("pid").get<int64_t>(), static_cast<int64_t>(::getpid()));
        QCOMPARE(status.at("host").get<std::string>(), std::string(host));
        QVERIFY(status.at("steps_per_s").get<double>() > 0);
        QVERIFY(status.at("eta_s").get<double>() > 0);
        QVERIFY(status.at("started_at").get<int64_t>() <= status.at("updated_at").get<int64_t>());
        QCOMPARE(RunDirectory::checkpointStep(*run.latestCheckpoint()), int64_t{11});
        QVERIFY(!test::errorOf([&] { Trainer(config(2), run.root()).run(false); }).isEmpty());

        Trainer second(config(2), run.root());
        QCOMPARE(second.run(true), TrainOutcome::Finished);
        const auto expected = records(full, "train"), got = records(run, "train");
        QCOMPARE(got.size(), expected.size());
        for (size_t i = 0; i < got.size(); ++i)
            for (const char* key : {"step", "loss", "l_van", "l_ep", "l_rda", "l_crt", "lr", "grad_norm"})
                QVERIFY2(got[i].at(key) == expected[i].at(key),
                         qPrintable(QStringLiteral("record %1, %2: %3 vs %4").arg(i).arg(key)
                                        .arg(QString::fromStdString(got[i].at(key).dump()))
                                        .arg(QString::fromStdString(expected[i].at(key).dump()))));
        const auto expectedEval = records(full, "eval"), gotEval = records(run, "eval");
        QCOMPARE(gotEval.size(), expectedEval.size());
        for (size_t i = 0; i < gotEval.size(); ++i) QCOMPARE(gotEval[i].at("macro_f1"), expectedEval[i].at("macro_f1"));
        QVERIFY(run.checkpoints().size() <= 3);  // the last two and the best
    }
};

QTEST_GUILESS_MAIN(TestVitaskTrainer)
#include "test_vitask_trainer.moc"

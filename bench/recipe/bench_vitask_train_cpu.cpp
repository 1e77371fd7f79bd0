// VITask training throughput on CPU (issue 6): optimiser steps of the scratch preset's
// stage 2 (plain + exemplar + negative passes; L_van + L_ep + 0.5 L_rda + 0.1 L_crt;
// the language model trained; AdamW, gradient clipping) through the trainer's own code
// (vitask_step.h: makeStepBatch, stepLosses, makeStageOptimizer, optimizerStep), and the
// same computation in eager PyTorch by a peer (vitask_train_peer.py, run with
// /usr/bin/python3 and Debian's python3-torch 1.13) on the same weights and batch, with
// the same thread count (LibTorch's and the BLAS's on both sides).
//
// The model is the experiment's scratch LLaVA (docs/training.md; tokenizer
// resources/tokenizers/vitask-scratch), initialised as `vitask train` initialises it; the
// batch is drawn from the synthetic benchmark (`vitask data synth`, all four modalities)
// through TaskCorpus as the trainer draws it, with random TSM features (the TSM is frozen
// and its features precomputed, so no TSM runs per step on either side).
//
// Both sides run the same sequence from the same weights, each step on the same fixed
// batch: one step whose loss terms are compared (they must agree to 1e-4; exit status 3
// otherwise), --warmup steps, then --steps timed steps; the last step's terms are
// compared too (a check that the optimisers agree). samples/s = batch x timed steps / their time. Ratios, not absolute times, are the
// point: the peer runs in the same invocation on the same machine.
//
// usage: bench_vitask_train_cpu [--threads N] [--batch N] [--steps N] [--warmup N]
//                               [--dir FOLDER] [--keep]
#include "bench_support.h"
#include "vitask/model/safetensors.h"
#include "vitask/runtime/system_info.h"
#include "vitask/vitask/synthetic_benchmark.h"
#include "vitask/vitask/trainer.h"
#include "vitask/vitask/vitask_step.h"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <string>
#include <thread>

namespace fs = std::filesystem;
namespace vr = vitask::recipe;
using Clock = std::chrono::steady_clock;

namespace {

constexpr int64_t kFeatureWidth = 64;  // the TSM feature width (the built-in ResNet's is of this order)
constexpr double kLossTolerance = 1e-4;

struct Options {
    int threads = 1;
    int64_t batch = 32;
    int steps = 10;   // timed
    int warmup = 2;   // untimed, after the first (compared) step
    fs::path dir;
    bool keep = false;
};

void addOptions(CLI::App& app, Options& options) {
    app.add_option("--threads", options.threads, "LibTorch threads on both sides")->check(CLI::Range(1, 1000000));
    app.add_option("--batch", options.batch, "Samples per step")->check(CLI::Range(int64_t{4}, int64_t{1} << 20));
    app.add_option("--steps", options.steps, "Timed steps")->check(CLI::Range(1, 1000000));
    app.add_option("--warmup", options.warmup, "Untimed steps after the first, compared one")
        ->check(CLI::Range(0, 1000000));
    app.add_option("--dir", options.dir, "Folder for the model and inputs (default: a temporary one)");
    app.add_flag("--keep", options.keep, "Keep that folder");
}

nlohmann::json termsJson(const vr::LossTerms& terms) {
    return {{"total", terms.total.item<double>()}, {"van", terms.van}, {"ep", terms.ep}, {"rda", terms.rda},
            {"crt", terms.crt}};
}

// Largest absolute difference over the loss terms of two {total, van, ep, rda, crt} objects.
double largestDifference(const nlohmann::json& a, const nlohmann::json& b) {
    double worst = 0;
    for (const char* key : {"total", "van", "ep", "rda", "crt"})
        worst = std::max(worst, std::abs(a.at(key).get<double>() - b.at(key).get<double>()));
    return worst;
}

// The rows of a batch as JSON lists (ragged token lists do not fit a safetensors file).
nlohmann::json batchJson(const vr::StepBatch& batch) {
    return {{"plain_prompts", batch.plainPrompts}, {"exemplar_prompts", batch.exemplarPrompts},
            {"responses", batch.responses}, {"negative_kept", batch.negativeKept}};
}

struct Ours {
    nlohmann::json firstTerms, lastTerms;
    std::vector<double> stepMs;  // timed steps
    double seconds = 0;          // their sum
};

Ours measureOurs(vr::VitaskModel& model, const vr::StageSpec& stage, const vr::TrainConfig& config,
                 const vr::StepBatch& batch, const Options& options) {
    model.train(true);
    vr::setTrainable(model, stage);
    auto optimizer = vr::makeStageOptimizer(model, stage, config);
    Ours ours;
    ours.firstTerms = termsJson(vr::trainOneStep(model, stage, config, batch, *optimizer.adamw));
    for (int s = 0; s < options.warmup; ++s) vr::trainOneStep(model, stage, config, batch, *optimizer.adamw);
    for (int s = 0; s < options.steps; ++s) {
        const auto start = Clock::now();
        const auto terms = vr::trainOneStep(model, stage, config, batch, *optimizer.adamw);
        const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
        ours.stepMs.push_back(seconds * 1e3);
        ours.seconds += seconds;
        if (s + 1 == options.steps) ours.lastTerms = termsJson(terms);
    }
    return ours;
}

}  // namespace

int main(int argc, char** argv) {
    Options options;
    CLI::App app{"VITask training step on CPU: vitask's trainer step against the same step in eager PyTorch"};
    addOptions(app, options);
    CLI11_PARSE(app, argc, argv);
    vitask::bench::quietLogging("bench_vitask_train_cpu");
    fs::path dir;
    try {
        dir = vitask::bench::workFolder(options.dir, "train");
        const std::string loadStart = vitask::bench::loadAverage();
        vitask::runtime::setCpuThreads(options.threads);

        // The run configuration of the experiment's scratch model (defaults: seed 0, the
        // complete instruction, RDA forward at tau 1, CRT negatives not detached, weight
        // decay 0.01, clipping at 1) and the scratch preset's stage 2.
        vr::TrainConfig config;
        config.model.scratch.tokenizer = fs::path(VITASK_SOURCE_DIR) / "resources/tokenizers/vitask-scratch";
        config.batchSize = options.batch;
        const auto stage = vr::presetStages("scratch", "benchmark")[2];

        torch::manual_seed(config.seed);  // as Session::prepare seeds the initialisation
        vr::VitaskModel model(vr::buildTrainingPipeline(config), vr::ExemplarSpec{kFeatureWidth});

        // The batch: `batch` samples spread over a synthetic corpus of 2 x batch samples.
        vr::SyntheticOptions synthetic;
        synthetic.trainSize = std::max<int64_t>(2, options.batch / 2);
        synthetic.valSize = 0;
        synthetic.testSize = 0;
        std::vector<vr::MedMnistDataset> datasets;
        for (const auto& modality : vr::syntheticModalities())
            datasets.push_back(vr::generateSyntheticDataset(modality, synthetic));
        std::vector<const vr::MedMnistDataset*> sources;
        for (const auto& d : datasets) sources.push_back(&d);
        const auto corpus = vr::TaskCorpus::build(sources, vr::Split::Train, model, nullptr);
        std::vector<int64_t> samples;
        for (int64_t k = 0; k < options.batch; ++k) samples.push_back(k * corpus.size() / options.batch);
        auto batch = vr::makeStepBatch(model, corpus, stage, config, samples, 0);
        torch::manual_seed(5);
        batch.exemplar.features = torch::randn({options.batch, kFeatureWidth});

        // What the peer reads: the model folder as `vitask train` saves it, the batch.
        model.save(dir / "model");
        vitask::model::writeSafetensors(dir / "inputs.safetensors", {{"pixels", batch.pixels},
                                                                     {"features", batch.exemplar.features},
                                                                     {"negative_pixels", batch.negativePixels}});
        nlohmann::json runFile{{"batch", batchJson(batch)},
                           {"stage", {{"van", stage.van}, {"ep", stage.ep}, {"rda", stage.rda}, {"crt", stage.crt},
                                      {"lr", stage.learningRate}}},
                           {"rda", {{"direction", vr::rdaDirectionName(config.rdaDirection)}, {"tau", config.rdaTau}}},
                           {"crt_detach_negative", config.crtDetachNegative},
                           {"weight_decay", config.weightDecay},
                           {"max_grad_norm", config.maxGradNorm},
                           {"warmup", options.warmup},
                           {"steps", options.steps}};
        std::ofstream(dir / "run.json") << runFile.dump() << "\n";

        const auto ours = measureOurs(model, stage, config, batch, options);

        const std::string loadBeforePeer = vitask::bench::loadAverage();
        const std::string threads = std::to_string(options.threads);
        const auto peer = nlohmann::json::parse(
            vitask::bench::runCommand("OMP_NUM_THREADS=" + threads + " OPENBLAS_NUM_THREADS=" + threads +
                " /usr/bin/python3 " VITASK_BENCH_PEER " --dir " + dir.string() + " --threads " + threads));

        const double timedSamples = static_cast<double>(options.batch * options.steps);
        const double oursRate = timedSamples / ours.seconds;
        const double peerRate = timedSamples / peer.at("seconds").get<double>();
        const double ratio = oursRate / peerRate;
        const double firstDifference = largestDifference(ours.firstTerms, peer.at("first_terms"));
        const double lastDifference = largestDifference(ours.lastTerms, peer.at("last_terms"));
        const auto& c = model.vlm().config();
        int64_t responseTokens = 0;
        for (const auto& r : batch.responses) responseTokens += static_cast<int64_t>(r.size());
        auto longest = [](const std::vector<std::vector<int64_t>>& rows) {
            size_t n = 0;
            for (const auto& r : rows) n = std::max(n, r.size());
            return n;
        };
        nlohmann::json out{
            {"benchmark", "VITask stage-2 training steps on CPU: vitask::recipe vs plain-PyTorch eager peer"},
            {"machine", {{"cpu_threads_available", std::thread::hardware_concurrency()},
                         {"loadavg_start", loadStart},
                         {"loadavg_before_peer", loadBeforePeer},
                         {"loadavg_end", vitask::bench::loadAverage()}}},
            {"threads", options.threads},
            {"batch", options.batch},
            {"steps", {{"timed", options.steps}, {"warmup", options.warmup}}},
            {"shapes", {{"vision", "CLIP " + std::to_string(c.vision.imageSize) + "px patch " +
                                       std::to_string(c.vision.patchSize) + ", width " + std::to_string(c.vision.hiddenSize) +
                                       " x " + std::to_string(c.vision.numLayers) + " layers, " +
                                       std::to_string(c.vision.numHeads) + " heads"},
                        {"text", "Llama width " + std::to_string(c.text.hiddenSize) + " x " +
                                     std::to_string(c.text.numLayers) + " layers, " + std::to_string(c.text.numHeads) +
                                     " heads, MLP " + std::to_string(c.text.intermediateSize) + ", vocab " +
                                     std::to_string(c.text.vocabSize)},
                        {"image_tokens", c.imageSeqLength},
                        {"exemplar_feature_width", kFeatureWidth},
                        {"plain_sequence", longest(batch.plainPrompts) + longest(batch.responses)},
                        {"exemplar_sequence", longest(batch.exemplarPrompts) + longest(batch.responses)},
                        {"response_tokens", responseTokens},
                        {"crt_rows", std::count(batch.negativeKept.begin(), batch.negativeKept.end(), 1)},
                        {"dtype", "float32"}}},
            {"stage", "scratch preset stage2: L_van + L_ep + 0.5 L_rda + 0.1 L_crt, language model trained, AdamW "
                      "(weight decay 0.01 on matrices), clip 1.0"},
            {"ours_samples_per_s", oursRate},
            {"peer_samples_per_s", peerRate},
            {"ratio", ratio},
            {"target", {{"ratio", 1.2}, {"met", ratio >= 1.2}}},
            {"step_ms", {{"ours", ours.stepMs}, {"peer", peer.at("step_ms")}}},
            {"loss_terms", {{"first_step", {{"ours", ours.firstTerms}, {"peer", peer.at("first_terms")},
                                            {"largest_difference", firstDifference},
                                            {"agree", firstDifference <= kLossTolerance}}},
                            {"last_step", {{"ours", ours.lastTerms}, {"peer", peer.at("last_terms")},
                                           {"largest_difference", lastDifference}}}}},
            {"peer", {{"python_torch", peer.at("torch")}, {"threads", peer.at("threads")},
                      {"implementation", peer.at("implementation")}}}};
        std::cout << out.dump(2) << "\n";
        if (!options.keep && options.dir.empty()) fs::remove_all(dir);
        return firstDifference <= kLossTolerance ? 0 : 3;
    } catch (const std::exception& e) {
        std::cerr << "error: " << e.what() << "\n";
        if (!options.keep && options.dir.empty() && !dir.empty()) fs::remove_all(dir);
        return 1;
    }
}

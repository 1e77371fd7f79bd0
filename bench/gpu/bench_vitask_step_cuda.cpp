// GPU check (docs/gpu.md): one VITask stage-2 optimiser step on the LLaVA-1.5-7B shape,
// through the trainer's own code (vitask_step.h: stepLosses, setTrainable,
// makeStageOptimizer, optimizerStep), so what is timed is what trains. The "paper"
// preset's stage 2: LoRA r=16 (alpha 32, dropout 0.05) on every language-model projection
// trained alone; L = L_van + L_ep + 0.5 L_rda + 0.1 L_crt, i.e. three language-model
// passes with backward per sample (plain, exemplar-prompted, negative image) and two
// frozen vision-tower passes. Weights bfloat16 (no autocast), random (the speed does not
// depend on their values); prompts, images and TSM features random.
//
// Reports samples/s (median of --steps steps after --warmup), the caching allocator's
// peak memory, and model-FLOPs utilisation against 989 TFLOP/s (H100/H200 SXM dense
// bf16). FLOPs are counted the usual way (PaLM, appendix B): per token of a trained pass
// 6N + 12 L d T for the language model (N its matrix parameters, T the sequence length;
// this counts the frozen weights' gradients, which LoRA never computes) plus the output
// head on the response rows, and 2N per token for the frozen vision tower and projector.
// The transformers peer's recorded LoRA step (plain pass only, DESIGN.md "GPU notes",
// not run here) is put through the same formula. If --batch does not fit, halves it
// until it does and says so.
//
// usage: bench_vitask_step_cuda [--batch N] [--steps N] [--warmup N] [--tokenizer FOLDER]
//        (tokenizer: a LLaVA folder's tokenizer files, default $VITASK_SHARED_DIR/fixtures/tiny-llava)
#include "gpu_check_support.h"

#include "vitask/common/error.h"
#include "vitask/model/lora.h"
#include "vitask/model/tokenizer.h"
#include "vitask/vitask/train_config.h"
#include "vitask/vitask/vitask_step.h"

#include <CLI/CLI.hpp>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <iostream>

namespace fs = std::filesystem;
namespace vm = vitask::model;
namespace vr = vitask::recipe;
namespace gc = vitask::gpucheck;

namespace {

constexpr int64_t kFeatureWidth = 512;    // a ResNet-18 TSM's feature width
constexpr int64_t kResponseTokens = 10;   // answer pieces + EOS
constexpr int64_t kSequenceTokens = 651;  // plain prompt + response, as the peer's 651
constexpr double kPeakFlops = 989e12;     // H100/H200 SXM, dense bf16

struct Options {
    int64_t batch = 8;
    int steps = 4;
    int warmup = 1;  // the first step also allocates the optimiser state
    fs::path tokenizer;
};

void addOptions(CLI::App& app, Options& options) {
    if (const char* shared = std::getenv("VITASK_SHARED_DIR"))
        options.tokenizer = fs::path(shared) / "fixtures" / "tiny-llava";
    app.add_option("--batch", options.batch, "Samples per step (halved until it fits)")->check(CLI::Range(1, 1000000));
    app.add_option("--steps", options.steps, "Timed steps")->check(CLI::Range(1, 1000000));
    app.add_option("--warmup", options.warmup, "Untimed steps first")->check(CLI::Range(0, 1000000));
    app.add_option("--tokenizer", options.tokenizer,
                   "A LLaVA tokenizer folder (default: $VITASK_SHARED_DIR/fixtures/tiny-llava)");
}

// The batch of one step: random instruction ids around the image placeholders, the
// exemplar placeholder after the last image token (as VitaskModel::promptIds puts it),
// a random answer ending in EOS, random pixels, TSM features and negative images.
vr::StepBatch randomStepBatch(const vm::LlavaConfig& config, int64_t batch) {
    const int64_t textTokens = kSequenceTokens - kResponseTokens - config.imageSeqLength;
    vr::StepBatch out;
    for (int64_t b = 0; b < batch; ++b) {
        auto plain = gc::randomPrompt(config, textTokens, 100 + static_cast<uint64_t>(b));
        auto exemplar = plain;
        const auto lastImage = std::find(exemplar.rbegin(), exemplar.rend(), config.imageTokenId);
        exemplar.insert(lastImage.base(), vr::kExemplarTokenId);
        auto response = gc::randomIds(config, kResponseTokens - 1, 200 + static_cast<uint64_t>(b));
        response.push_back(config.text.eosTokenId);
        out.plainPrompts.push_back(std::move(plain));
        out.exemplarPrompts.push_back(std::move(exemplar));
        out.responses.push_back(std::move(response));
    }
    torch::manual_seed(5);
    const auto& v = config.vision;
    out.pixels = torch::randn({batch, v.numChannels, v.imageSize, v.imageSize});
    out.exemplar.features = torch::randn({batch, kFeatureWidth});
    out.negativePixels = torch::randn({batch, v.numChannels, v.imageSize, v.imageSize});
    out.negativeKept.assign(static_cast<size_t>(batch), 1);
    return out;
}

// FLOPs of one trained language-model pass over a sequence of `tokens` with `responseRows`
// output-head rows (6N + 12 L d T per token, PaLM's convention).
double trainedPassFlops(const vm::TextConfig& t, int64_t tokens, int64_t responseRows) {
    const double n = static_cast<double>(gc::languageMatmulParameters(t));
    const double attention = 12.0 * t.numLayers * t.numHeads * t.headDim * static_cast<double>(tokens);
    return (6.0 * n + attention) * static_cast<double>(tokens) +
           6.0 * static_cast<double>(t.hiddenSize * t.vocabSize) * static_cast<double>(responseRows);
}

// FLOPs of the frozen vision tower and projector for one image (forward only, 2N per
// token plus attention 4 L d T per token).
double imageFlops(const vm::LlavaConfig& c) {
    const auto& v = c.vision;
    const double tokens = static_cast<double>(v.numPatches() + 1);
    const double perLayer = 4.0 * v.hiddenSize * v.hiddenSize + 2.0 * v.hiddenSize * v.intermediateSize;
    const double layers = static_cast<double>(v.numLayers);  // all layers up to -2 run, count all
    const double tower = (2.0 * perLayer * layers + 4.0 * layers * v.hiddenSize * tokens) * tokens;
    const double projector = 2.0 * (static_cast<double>(v.hiddenSize) * c.text.hiddenSize +
                                    static_cast<double>(c.text.hiddenSize) * c.text.hiddenSize) *
                             static_cast<double>(c.imageSeqLength);
    return tower + projector;
}

}  // namespace

int main(int argc, char** argv) {
    Options options;
    CLI::App app{"VITask stage-2 LoRA step on the LLaVA-1.5-7B shape on CUDA: samples/s, memory, MFU"};
    addOptions(app, options);
    CLI11_PARSE(app, argc, argv);
    vitask::bench::quietLogging("bench_vitask_step_cuda");
    if (gc::skipWithoutCuda("bench_vitask_step_cuda")) return 0;
    nlohmann::json out{{"check", "bench_vitask_step_cuda"}, {"environment", gc::deviceFacts()}};
    try {
        if (options.tokenizer.empty() || !fs::exists(options.tokenizer / "tokenizer.model"))
            throw vitask::Error("no tokenizer folder", options.tokenizer.string(),
                                "Pass --tokenizer (e.g. .gpu-deps/fixtures/tiny-llava) or set VITASK_SHARED_DIR.");
        auto config = gc::llava15Shape7b();
        // The pipeline checks that the tokenizer's <image> id is the model's.
        config.imageTokenId = vm::Tokenizer::fromDirectory(options.tokenizer).addedTokenId("<image>");

        torch::manual_seed(0);
        auto started = gc::Clock::now();
        auto pipeline = [&] {
            gc::DefaultDtypeScope bf16(torch::kBFloat16);
            return vm::LlavaPipeline::create(config, options.tokenizer, torch::kCUDA);
        }();
        const double buildSeconds = gc::secondsSince(started);

        vr::TrainConfig train;  // defaults: AdamW, weight decay 0.01, clipping at 1, RDA forward at tau 1
        train.stages = vr::presetStages("paper", "bench_vitask_step_cuda");
        const auto stage = train.stages.at(1);
        vm::LoraConfig lora;
        lora.shape.rank = train.lora.rank;
        lora.shape.alpha = train.lora.alpha;
        lora.shape.dropout = train.lora.dropout;
        lora.targetModules = train.lora.targets;
        const auto adapters = vm::addLoraAdapters(*pipeline.model(), lora);
        vr::VitaskModel model(std::move(pipeline), vr::ExemplarSpec{kFeatureWidth});
        model.train(true);
        vr::setTrainable(model, stage);
        auto optimizer = vr::makeStageOptimizer(model, stage, train);
        int64_t trainable = 0;
        for (auto& [name, p] : model.namedParameters())
            if (p.requires_grad()) trainable += p.numel();
        const auto weightsPeak = gc::memoryPeak();

        out["model"] = {{"shape", "LLaVA-1.5-7B: CLIP ViT-L/14-336 (24 x 1024), Llama 32 x 4096, 32 heads, "
                                  "MLP 11008, vocabulary 32064; EP connector from 512 features"},
                        {"dtype", "bfloat16 weights, no autocast"},
                        {"build_s", buildSeconds},
                        {"lora_adapters", adapters},
                        {"lora_rank", lora.shape.rank},
                        {"trainable_parameters", trainable},
                        {"peak_allocated_while_building_gib", gc::gib(weightsPeak.allocated)}};
        out["stage"] = {{"preset", "paper"}, {"name", stage.name}, {"van", stage.van}, {"ep", stage.ep},
                        {"rda", stage.rda}, {"crt", stage.crt}, {"crt_detach_negative", train.crtDetachNegative}};

        nlohmann::json attempts = nlohmann::json::array();
        for (int64_t batch = options.batch; batch >= 1; batch /= 2) {
            const auto stepBatch = randomStepBatch(config, batch);
            gc::releaseCachedMemory();
            gc::resetMemoryPeak();
            std::vector<double> stepSeconds;
            nlohmann::json losses;
            try {
                for (int s = 0; s < options.warmup + options.steps; ++s) {
                    gc::synchronize();
                    const auto start = gc::Clock::now();
                    const auto terms = vr::trainOneStep(model, stage, train, stepBatch, *optimizer.adamw);
                    const double seconds = gc::secondsSince(start);
                    if (s >= options.warmup) stepSeconds.push_back(seconds);
                    losses = {{"total", terms.total.item<double>()}, {"van", terms.van}, {"ep", terms.ep},
                              {"rda", terms.rda}, {"crt", terms.crt}};
                }
            } catch (const std::exception& e) {
                if (!gc::isOutOfMemory(e)) throw;
                optimizer.adamw->zero_grad();
                gc::releaseCachedMemory();
                attempts.push_back({{"batch", batch}, {"result", "out of memory"}});
                continue;
            }
            const auto peak = gc::memoryPeak();
            const double step = gc::median(stepSeconds);
            const double samplesPerS = static_cast<double>(batch) / step;
            const double flops = static_cast<double>(batch) *
                                     (2.0 * trainedPassFlops(config.text, kSequenceTokens, kResponseTokens) +
                                      trainedPassFlops(config.text, kSequenceTokens + 1, kResponseTokens) +
                                      2.0 * imageFlops(config));
            attempts.push_back({{"batch", batch}, {"result", "ok"}});
            out["batch"] = batch;
            out["tokens_per_sample"] = {{"plain", kSequenceTokens}, {"exemplar", kSequenceTokens + 1},
                                        {"negative", kSequenceTokens}, {"response", kResponseTokens}};
            out["step_s"] = step;
            out["runs_step_s"] = stepSeconds;
            out["samples_per_s"] = samplesPerS;
            out["peak_allocated_gib"] = gc::gib(peak.allocated);
            out["peak_reserved_gib"] = gc::gib(peak.reserved);
            out["flops_per_step"] = flops;
            out["mfu"] = flops / step / kPeakFlops;
            out["mfu_peak_tflops"] = kPeakFlops / 1e12;
            out["last_losses"] = losses;
            out["response_rows_per_pass"] = batch * kResponseTokens;

            // The peer: one trained plain pass and one image per sample, 15.5 samples/s.
            const double peerSamples = 15.5;
            const double peerFlops =
                trainedPassFlops(config.text, kSequenceTokens, kResponseTokens) + imageFlops(config);
            out["peer_recorded"] = {
                {"source", "transformers 5.17 + peft LoRA r=16 on all LM projections, bf16, batch 8 x 651 tokens, "
                           "one plain pass per sample, same GPU kind, earlier session (DESIGN.md GPU notes); not run "
                           "here"},
                {"samples_per_s", peerSamples},
                {"mfu_same_formula", peerSamples * peerFlops / kPeakFlops},
                {"language_passes_per_s", peerSamples},
                {"ours_language_passes_per_s", 3.0 * samplesPerS},
                {"pass_throughput_ratio", 3.0 * samplesPerS / peerSamples}};
            break;
        }
        out["attempts"] = attempts;
        std::cout << out.dump(2) << std::endl;
        return out.contains("step_s") ? 0 : 1;
    } catch (const std::exception& e) {
        out["error"] = e.what();
        std::cout << out.dump(2) << std::endl;
        return 1;
    }
}

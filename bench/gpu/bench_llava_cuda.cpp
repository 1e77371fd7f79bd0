// GPU check (docs/gpu.md): LLaVA-1.5-7B inference with vitask::model on a CUDA device,
// bfloat16, random weights (the speed does not depend on their values). One 336 px
// image + --text-tokens text tokens (BOS included) per row, greedy decoding through
// generate() as it is, EOS suppressed (min_new_tokens) so every run has the same length.
// At each batch size (default 1 and 8), measured from the start of the image encoding:
//   prefill_ms          until the first new token is known (vision tower, projector,
//                       prompt pass, output head, argmax, the copy of the token to the CPU);
//   decode_tokens_per_s per sequence over the following --new-tokens steps (aggregate:
//                       times the batch).
// Median of --runs runs after one warm-up run. Targets (issue): prefill <= 20 ms and
// >= 250 tokens/s at batch 1. The transformers peer was measured in an earlier session on
// the same kind of GPU (/work/shared/DESIGN.md "GPU notes"): 30.2 ms and 15.1 tokens/s.
//
// The model is built by LlavaModel's constructor, which initialises every weight on the
// CPU (LibTorch has no C++ way to build modules on a GPU): built in bfloat16 (half the
// memory and copy of float32), then moved; construct_s and to_cuda_s say what it cost.
//
// usage: bench_llava_cuda [--runs N] [--new-tokens N] [--text-tokens N] [--batches 1,8]
#include "gpu_check_support.h"

#include "vitask/model/generation.h"

#include <CLI/CLI.hpp>

#include <cmath>
#include <iostream>

namespace vm = vitask::model;
namespace gc = vitask::gpucheck;

namespace {

struct Options {
    int runs = 3;
    int64_t newTokens = 64;    // decode steps timed (after the first token, which ends prefill)
    int64_t textTokens = 51;   // per row, BOS included, around the 576 image tokens
    std::vector<int64_t> batches{1, 8};
};

void addOptions(CLI::App& app, Options& options) {
    app.add_option("--runs", options.runs, "Timed runs; the median is reported")->check(CLI::Range(1, 1000000));
    app.add_option("--new-tokens", options.newTokens, "Decode steps timed")->check(CLI::Range(1, 1000000));
    app.add_option("--text-tokens", options.textTokens, "Text tokens per row around the image, BOS included")
        ->check(CLI::Range(int64_t{6}, int64_t{100000}));
    app.add_option("--batches", options.batches, "Batch sizes, comma-separated")
        ->delimiter(',')
        ->check(CLI::Range(1, 1000000));
}

nlohmann::json measureBatch(vm::LlavaModelImpl& model, int64_t batch, const Options& options) {
    const auto& config = model.config();
    std::vector<std::vector<int64_t>> prompts;
    for (int64_t b = 0; b < batch; ++b) prompts.push_back(gc::randomPrompt(config, options.textTokens, 7 + b));
    torch::manual_seed(11);
    const auto pixels = torch::randn({batch, config.vision.numChannels, config.vision.imageSize, config.vision.imageSize})
                            .to(torch::kCUDA, torch::kBFloat16);
    vm::GenerationOptions generation;
    generation.maxNewTokens = options.newTokens + 1;  // the first token ends prefill
    generation.minNewTokens = generation.maxNewTokens;

    gc::resetMemoryPeak();
    std::vector<double> prefillMs, decodePerSequence;
    bool finite = true;
    for (int r = 0; r <= options.runs; ++r) {  // run 0 warms up (cuBLAS handles, kernels, allocator)
        std::vector<double> stamps;  // when each step's tokens reached the CPU
        gc::synchronize();
        const auto start = gc::Clock::now();
        const auto out = [&] {
            torch::NoGradGuard noGrad;
            const auto images = model.encodeImages(pixels);
            return vm::generate(model, prompts, {{config.imageTokenId, images}}, generation, [&](size_t row, int64_t) {
                if (row == 0) stamps.push_back(std::chrono::duration<double>(gc::Clock::now() - start).count());
                return true;
            });
        }();
        for (const auto& o : out)
            for (float lp : o.logProbs) finite = finite && std::isfinite(lp);
        if (r == 0) continue;
        prefillMs.push_back(stamps.front() * 1e3);
        decodePerSequence.push_back(double(stamps.size() - 1) / (stamps.back() - stamps.front()));
    }
    const auto peak = gc::memoryPeak();
    const double decode = gc::median(decodePerSequence);
    return {{"batch", batch},
            {"prompt_tokens", prompts.front().size()},
            {"prefill_ms", gc::median(prefillMs)},
            {"decode_tokens_per_s", decode},
            {"decode_tokens_per_s_aggregate", decode * static_cast<double>(batch)},
            {"runs_prefill_ms", prefillMs},
            {"runs_decode_tokens_per_s", decodePerSequence},
            {"finite_log_probs", finite},
            {"peak_allocated_gib", gc::gib(peak.allocated)}};
}

}  // namespace

int main(int argc, char** argv) {
    Options options;
    CLI::App app{"LLaVA-1.5-7B shape on CUDA: prefill ms and greedy decode tokens/s (bf16, random weights)"};
    addOptions(app, options);
    CLI11_PARSE(app, argc, argv);
    vitask::bench::quietLogging("bench_llava_cuda");
    if (gc::skipWithoutCuda("bench_llava_cuda")) return 0;
    nlohmann::json out{{"check", "bench_llava_cuda"}, {"environment", gc::deviceFacts()}};
    try {
        const auto config = gc::llava15Shape7b();
        torch::manual_seed(0);
        auto started = gc::Clock::now();
        vm::LlavaModel model{nullptr};
        {
            gc::DefaultDtypeScope bf16(torch::kBFloat16);
            model = vm::LlavaModel(config);
        }
        const double constructSeconds = gc::secondsSince(started);
        started = gc::Clock::now();
        model->to(torch::kCUDA);
        model->eval();
        const double toCudaSeconds = gc::secondsSince(started);

        const auto& t = config.text;
        // Decoding one token reads every language-model weight once: bytes per step over
        // the copy bandwidth measured on this kind of GPU (~4.3 TB/s, KINDS.md) bounds
        // batch-1 tokens/s from above.
        const double weightBytes =
            2.0 * static_cast<double>(gc::languageMatmulParameters(t) + t.vocabSize * t.hiddenSize);
        out["model"] = {{"shape", "LLaVA-1.5-7B: CLIP ViT-L/14-336 (24 x 1024), Llama 32 x 4096, 32 heads, "
                                  "MLP 11008, vocabulary 32064"},
                        {"parameters", gc::parameterCount(*model)},
                        {"dtype", "bfloat16"},
                        {"weights", "random (LlavaModel's initialisation)"},
                        {"construct_s", constructSeconds},
                        {"to_cuda_s", toCudaSeconds}};
        out["decode_bound"] = {{"weight_bytes_per_step", weightBytes},
                               {"tokens_per_s_at_4_3_TBps", 4.3e12 / weightBytes}};
        out["new_tokens"] = options.newTokens;
        out["runs"] = options.runs;

        nlohmann::json results = nlohmann::json::array();
        for (auto batch : options.batches) {
            try {
                results.push_back(measureBatch(*model, batch, options));
            } catch (const std::exception& e) {
                if (!gc::isOutOfMemory(e)) throw;
                gc::releaseCachedMemory();
                results.push_back({{"batch", batch}, {"error", "out of memory"}});
            }
        }
        out["results"] = results;
        for (const auto& r : results) {
            if (r.at("batch") != 1 || !r.contains("prefill_ms")) continue;
            const double prefill = r.at("prefill_ms"), decode = r.at("decode_tokens_per_s");
            out["target_batch_1"] = {{"prefill_ms_at_most", 20.0},
                                     {"decode_tokens_per_s_at_least", 250.0},
                                     {"met", prefill <= 20.0 && decode >= 250.0}};
            out["peer_recorded"] = {{"source", "transformers 5.17, bf16, SDPA, batch 1, same GPU kind, earlier "
                                               "session (DESIGN.md GPU notes); not run here"},
                                    {"prefill_ms", 30.2},
                                    {"decode_tokens_per_s", 15.1},
                                    {"prefill_speedup", 30.2 / prefill},
                                    {"decode_speedup", decode / 15.1}};
        }
        std::cout << out.dump(2) << std::endl;
        return 0;
    } catch (const std::exception& e) {
        out["error"] = e.what();
        std::cout << out.dump(2) << std::endl;
        return 1;
    }
}

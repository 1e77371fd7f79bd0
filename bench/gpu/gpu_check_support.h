#pragma once
// Shared by the GPU check programs (bench/gpu, docs/gpu.md): the answer when there is no
// CUDA device, facts about the device, synchronised timing, the CUDA caching
// allocator's statistics, and the LLaVA-1.5-7B architecture with random weights.
//
// Everything CUDA-specific sits behind VITASK_GPU_CHECKS_WITH_CUDA (set by CMake when the
// LibTorch found was built with CUDA), so the checks also build against Debian's CPU
// LibTorch 1.13, where they report {"skipped": "no CUDA"}.

#include "bench_support.h"
#include "vitask/model/llava_config.h"
#include "vitask/model/llava_model.h"

#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

namespace vitask::gpucheck {

using Clock = std::chrono::steady_clock;

// True (after printing {"check": ..., "skipped": "no CUDA"}) when no CUDA device is
// usable: a CPU-only LibTorch, or no device visible.
bool skipWithoutCuda(const std::string& check);

// LibTorch version, and the device's name, memory, compute capability and multiprocessor
// count (the device part only where LibTorch has CUDA).
nlohmann::json deviceFacts();

// Waits for the device's queued work; with it, wall-clock times are GPU times.
void synchronize();
double secondsSince(Clock::time_point start);  // synchronises first
double median(std::vector<double> values);

// The caching allocator's peak bytes since the last reset (-1 without CUDA support).
struct MemoryPeak {
    int64_t allocated = -1;
    int64_t reserved = -1;
};
void resetMemoryPeak();
MemoryPeak memoryPeak();
// Bytes in GiB for the JSON; null where the statistics are unavailable (negative).
nlohmann::json gib(int64_t bytes);
// Returns cached, unused blocks to the device (after an out-of-memory attempt).
void releaseCachedMemory();
bool isOutOfMemory(const std::exception& error);

// LLaVA-1.5-7B (llava-hf/llava-1.5-7b-hf): CLIP ViT-L/14 at 336 px (24 layers, width
// 1024, 16 heads, MLP 4096; feature layer -2 without CLS: 576 image tokens), GELU MLP
// projector, Llama (32 layers, width 4096, 32 heads, MLP 11008, vocabulary 32064).
model::LlavaConfig llava15Shape7b();

// Makes modules built inside its scope hold `dtype` weights (LibTorch's default dtype).
// LibTorch has no C++ way to build modules on a GPU, so the 7B model's constructor
// initialises its weights on the CPU; in bfloat16 that is half the memory and copy of
// float32. Restores float32 on leaving.
class DefaultDtypeScope {
public:
    explicit DefaultDtypeScope(torch::ScalarType dtype);
    ~DefaultDtypeScope();
    DefaultDtypeScope(const DefaultDtypeScope&) = delete;
    DefaultDtypeScope& operator=(const DefaultDtypeScope&) = delete;
};

int64_t parameterCount(torch::nn::Module& module);

// Matrix-product parameters of one token's pass through the language model's decoder
// layers (attention and MLP projections; no embeddings, no output head).
int64_t languageMatmulParameters(const model::TextConfig& text);

// `count` random token ids from `seed`, in [3, min(vocabulary, image token id)): no UNK,
// BOS or EOS, and never the image placeholder (the model counts those).
std::vector<int64_t> randomIds(const model::LlavaConfig& config, int64_t count, uint64_t seed);

// A prompt as LLaVA-1.5's template lays it out: BOS, text, the image placeholders, more
// text; `textTokens` counts BOS. The text is randomIds(seed).
std::vector<int64_t> randomPrompt(const model::LlavaConfig& config, int64_t textTokens, uint64_t seed);

}  // namespace vitask::gpucheck

#include "gpu_check_support.h"


#include <ATen/CPUGeneratorImpl.h>
#include <torch/version.h>

#ifdef VITASK_GPU_CHECKS_WITH_CUDA
#include <ATen/cuda/CUDAContext.h>
#include <c10/cuda/CUDACachingAllocator.h>
#endif

#include <algorithm>
#include <iostream>

namespace vitask::gpucheck {

bool skipWithoutCuda(const std::string& check) {
    if (torch::cuda::is_available()) return false;
    std::cout << nlohmann::json{{"check", check}, {"skipped", "no CUDA"}, {"libtorch", TORCH_VERSION}}.dump()
              << std::endl;
    return true;
}

nlohmann::json deviceFacts() {
    nlohmann::json facts{{"libtorch", TORCH_VERSION}, {"cuda_devices", torch::cuda::device_count()}};
#ifdef VITASK_GPU_CHECKS_WITH_CUDA
    const auto* properties = at::cuda::getDeviceProperties(0);
    facts["device"] = properties->name;
    facts["memory_gib"] = static_cast<double>(properties->totalGlobalMem) / (1024.0 * 1024.0 * 1024.0);
    facts["compute_capability"] = std::to_string(properties->major) + "." + std::to_string(properties->minor);
    facts["multiprocessors"] = properties->multiProcessorCount;
#else
    facts["device"] = nullptr;  // this LibTorch was built without CUDA headers
#endif
    return facts;
}

void synchronize() {
    if (torch::cuda::is_available()) torch::cuda::synchronize();
}

double secondsSince(Clock::time_point start) {
    synchronize();
    return std::chrono::duration<double>(Clock::now() - start).count();
}

double median(std::vector<double> values) {
    if (values.empty()) return 0;
    std::sort(values.begin(), values.end());
    const size_t n = values.size();
    return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

// Index 0 of the allocator's statistics arrays is StatType::AGGREGATE (all pools); the
// enum moved between namespaces across LibTorch 2.x, the layout did not.
void resetMemoryPeak() {
#ifdef VITASK_GPU_CHECKS_WITH_CUDA
    c10::cuda::CUDACachingAllocator::resetPeakStats(0);
#endif
}

MemoryPeak memoryPeak() {
    MemoryPeak peak;
#ifdef VITASK_GPU_CHECKS_WITH_CUDA
    const auto stats = c10::cuda::CUDACachingAllocator::getDeviceStats(0);
    peak.allocated = stats.allocated_bytes[0].peak;
    peak.reserved = stats.reserved_bytes[0].peak;
#endif
    return peak;
}

nlohmann::json gib(int64_t bytes) {
    if (bytes < 0) return nullptr;
    return static_cast<double>(bytes) / (1024.0 * 1024.0 * 1024.0);
}

void releaseCachedMemory() {
#ifdef VITASK_GPU_CHECKS_WITH_CUDA
    c10::cuda::CUDACachingAllocator::emptyCache();
#endif
}

bool isOutOfMemory(const std::exception& error) {
    // c10::OutOfMemoryError in LibTorch 2.x; its message is the reliable part across versions.
    return std::string(error.what()).find("out of memory") != std::string::npos;
}

model::LlavaConfig llava15Shape7b() {
    model::LlavaConfig config;
    auto& v = config.vision;
    v.hiddenSize = 1024;
    v.intermediateSize = 4096;
    v.numLayers = 24;
    v.numHeads = 16;
    v.imageSize = 336;
    v.patchSize = 14;
    v.hiddenAct = "quick_gelu";
    auto& t = config.text;
    t.vocabSize = 32064;
    t.hiddenSize = 4096;
    t.intermediateSize = 11008;
    t.numLayers = 32;
    t.numHeads = 32;
    t.numKeyValueHeads = 32;
    t.headDim = 128;
    t.maxPositionEmbeddings = 4096;
    t.rmsNormEps = 1e-5;
    t.padTokenId = 32001;
    config.imageTokenId = 32000;
    config.imageSeqLength = v.numPatches();  // 576: "default" drops CLS
    config.visionFeatureLayer = -2;
    config.projectorHiddenAct = "gelu";
    return config;
}

DefaultDtypeScope::DefaultDtypeScope(torch::ScalarType dtype) {
    c10::set_default_dtype(c10::scalarTypeToTypeMeta(dtype));
}

DefaultDtypeScope::~DefaultDtypeScope() { c10::set_default_dtype(c10::scalarTypeToTypeMeta(torch::kFloat32)); }

int64_t parameterCount(torch::nn::Module& module) {
    int64_t count = 0;
    for (const auto& p : module.parameters()) count += p.numel();
    return count;
}

int64_t languageMatmulParameters(const model::TextConfig& text) {
    const int64_t d = text.hiddenSize, heads = text.numHeads * text.headDim, kv = text.numKeyValueHeads * text.headDim;
    const int64_t attention = d * heads + 2 * d * kv + heads * d;
    const int64_t mlp = 3 * d * text.intermediateSize;
    return text.numLayers * (attention + mlp);
}

std::vector<int64_t> randomIds(const model::LlavaConfig& config, int64_t count, uint64_t seed) {
    auto generator = at::detail::createCPUGenerator(seed);
    const int64_t end = std::min(config.text.vocabSize, config.imageTokenId);
    const auto ids = torch::randint(3, end, {count}, generator, torch::TensorOptions().dtype(torch::kLong));
    return {ids.data_ptr<int64_t>(), ids.data_ptr<int64_t>() + count};
}

std::vector<int64_t> randomPrompt(const model::LlavaConfig& config, int64_t textTokens, uint64_t seed) {
    constexpr int64_t kBeforeImage = 4;  // "USER:" pieces after BOS
    const auto text = randomIds(config, textTokens - 1, seed);
    const auto split = text.begin() + std::min<int64_t>(kBeforeImage, static_cast<int64_t>(text.size()));
    std::vector<int64_t> ids{config.text.bosTokenId};
    ids.insert(ids.end(), text.begin(), split);
    ids.insert(ids.end(), config.imageSeqLength, config.imageTokenId);
    ids.insert(ids.end(), split, text.end());
    return ids;
}

}  // namespace vitask::gpucheck

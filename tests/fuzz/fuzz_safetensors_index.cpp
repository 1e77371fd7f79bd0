// A sharded checkpoint's model.safetensors.index.json beside two valid shards: the
// index's weight_map may name missing shards, tensors a shard lacks, or no JSON at all.
#include "fuzz_support.h"

#include "vitask/model/safetensors.h"

#include <torch/torch.h>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static const bool shards = [] {
        vitask::model::writeSafetensors(vitask::fuzz::scratchFolder() / "model-00001-of-00002.safetensors",
                                        {{"a.weight", torch::arange(6, torch::kFloat32).reshape({2, 3})}});
        vitask::model::writeSafetensors(vitask::fuzz::scratchFolder() / "model-00002-of-00002.safetensors",
                                        {{"b.bias", torch::ones({4}, torch::kFloat16)}});
        return true;
    }();
    (void)shards;
    auto index = vitask::fuzz::writeScratch("model.safetensors.index.json", vitask::fuzz::asText(data, size));
    return vitask::fuzz::guarded([&] {
        const auto reader = vitask::model::SafetensorsReader::open(index);
        for (const auto& name : reader.names())
            reader.tensor(name).to(torch::kFloat64).sum().item<double>();
    });
}

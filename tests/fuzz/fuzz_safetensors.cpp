// A .safetensors checkpoint through SafetensorsReader (header JSON, dtypes, shapes,
// offsets), then every tensor read in full, as loading a model does.
#include "fuzz_support.h"

#include "vitask/model/safetensors.h"

#include <torch/torch.h>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    auto file = vitask::fuzz::writeScratch("model.safetensors", vitask::fuzz::asText(data, size));
    return vitask::fuzz::guarded([&] {
        const auto reader = vitask::model::SafetensorsReader::open(file);
        for (const auto& name : reader.names())
            reader.tensor(name).to(torch::kFloat64).sum().item<double>();
        reader.metadata();
    });
}

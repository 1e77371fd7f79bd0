// A Hugging Face config.json through LlavaConfig::load: the LLaVA, Llama and CLIP
// sections, their dimensions (negative, zero, huge, non-dividing) and checks.
#include "fuzz_support.h"

#include "vitask/model/llava_config.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    auto file = vitask::fuzz::writeScratch("config.json", vitask::fuzz::asText(data, size));
    return vitask::fuzz::guarded([&] { vitask::model::LlavaConfig::load(file); });
}

// A TSM manifest (<name>.tsm.json) through TsmManifest::read: every field's type, range
// and path, before any model is opened.
#include "fuzz_support.h"

#include "vitask/tsm/tsm_manifest.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    auto file = vitask::fuzz::writeScratch("model.tsm.json", vitask::fuzz::asText(data, size));
    return vitask::fuzz::guarded([&] { vitask::tsm::TsmManifest::read(file); });
}

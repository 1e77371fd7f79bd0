// A whole .npz archive (zip of .npy members, stored or deflated) through NpzReader: every
// member's header and data, as a MedMNIST dataset is opened.
#include "fuzz_support.h"

#include "vitask/vitask/npz_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    auto file = vitask::fuzz::writeScratch("input.npz", vitask::fuzz::asText(data, size));
    return vitask::fuzz::guarded([&] {
        const vitask::recipe::NpzReader reader(file.string());
        for (const auto& key : reader.keys()) {
            reader.readHeader(key);
            reader.read(key);
        }
    });
}

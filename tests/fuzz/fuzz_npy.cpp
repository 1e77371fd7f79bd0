// One .npy member as NpyArray::parse reads it out of a MedMNIST .npz: the magic, the
// header dict (descr, fortran_order, shape), then the data, header-only and in full.
#include "fuzz_support.h"

#include "vitask/vitask/npy_array.h"

#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::vector<uint8_t> bytes(data, data + size);
    vitask::fuzz::guarded([&] { vitask::recipe::NpyArray::parse(bytes, "fuzz.npy", true); });
    return vitask::fuzz::guarded([&] {
        const auto array = vitask::recipe::NpyArray::parse(bytes, "fuzz.npy");
        if (array.shape().size() <= 2)
            array.toInt64("fuzz.npy");  // how labels are read
    });
}

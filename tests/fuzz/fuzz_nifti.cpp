// NIfTI-1/2 as the studio and `vitask image` open it (ImageLoader: our own reader for .nii
// and .nii.gz, ITK for what it hands over), then the viewer's first window. The first
// byte's low bit picks the name (.nii or .nii.gz), so one corpus covers both.
#include "fuzz_support.h"

#include "vitask/imaging/image_loader.h"
#include "vitask/imaging/window.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size < 1)
        return 0;
    const bool gzipped = data[0] & 1;
    auto file = vitask::fuzz::writeScratch(gzipped ? "input.nii.gz" : "input.nii", vitask::fuzz::asText(data + 1, size - 1));
    return vitask::fuzz::guarded([&] {
        const auto volume = vitask::imaging::ImageLoader::load(file);
        vitask::imaging::defaultWindow(volume);
    });
}

// A dataset's CSV manifest through readCsvManifest (RFC 4180 quoting, BOM, header
// columns, single- and multi-label rows; the first byte's low bit asks for multi-label).
#include "fuzz_support.h"

#include "vitask/vitask/csv_manifest.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size < 1)
        return 0;
    auto file = vitask::fuzz::writeScratch("manifest.csv", vitask::fuzz::asText(data + 1, size - 1));
    return vitask::fuzz::guarded([&] {
        const auto manifest = vitask::recipe::readCsvManifest(file.string(), data[0] & 1);
        manifest.labelNames();
    });
}

// One DICOM file down the path the studio takes: the header scan (DicomScanner, with the
// direct-pixel locator and series geometry), the series read (direct pixels or DCMTK's
// decoders, palette and LUT expansion), and the single-file read of `vitask image`.
#include "fuzz_support.h"

#include "vitask/imaging/dicom_reader.h"
#include "vitask/imaging/dicom_scanner.h"
#include "vitask/imaging/window.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    auto file = vitask::fuzz::writeScratch("input.dcm", vitask::fuzz::asText(data, size));
    vitask::fuzz::guarded([&] {
        const auto tree = vitask::imaging::DicomScanner::scan(file);
        for (const auto* series : tree.allSeries())
            if (series->hasPixels())
                vitask::fuzz::guarded([&] {
                    const auto volume = vitask::imaging::DicomReader::readSeries(*series);
                    vitask::imaging::defaultWindow(volume, 0);
                });
    });
    return vitask::fuzz::guarded([&] { vitask::imaging::DicomReader::readFile(file); });
}

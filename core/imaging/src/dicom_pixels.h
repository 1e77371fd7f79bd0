#pragma once
// Internal: decodes the pixel data of one loaded DICOM file to float32 values after the
// modality LUT (monochrome) or RGB (colour), frames consecutive, components interleaved.

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcfilefo.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace vitask::imaging::detail {

struct DecodedPixels {
    std::size_t columns = 0, rows = 0, frames = 0, components = 1;
    std::string photometric;   // of the values returned: colour is always "RGB"
    std::vector<float> values;
};

// Throws vitask::Error naming the file for missing or truncated pixel data, unsupported
// encodings and decoder failures.
DecodedPixels decodePixels(DcmFileFormat& format, const std::filesystem::path& file);

// Rescale slope and intercept of each frame: enhanced objects keep them in the
// functional groups, others at the top level (defaults 1 and 0).
std::vector<std::pair<double, double>> modalityRescale(DcmDataset& ds, std::size_t frames);

// Native 16-bit stored values to float32 after the modality LUT: masked to Bits Stored,
// sign-extended when signed, then value * slope + intercept (in double, as pydicom does).
void convertStored16(const std::uint16_t* stored, std::size_t count, int bitsStored, bool isSigned,
                     double slope, double intercept, float* out);

}  // namespace vitask::imaging::detail

#pragma once
// Internal: decodes the pixel data of one loaded DICOM file to float32 values after the
// modality LUT (monochrome) or RGB (colour), frames consecutive, components interleaved.

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcfilefo.h>

#include <cstddef>
#include <filesystem>
#include <string>
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

}  // namespace vitask::imaging::detail

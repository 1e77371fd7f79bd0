#include "vitask/imaging/photo_reader.h"

#include "file_name.h"
#include "photo_codec.h"
#include "vitask/common/error.h"
#include "vitask/common/input_file.h"


#include <algorithm>
#include <cctype>
#include <fstream>
#include <iterator>

namespace vitask::imaging {
namespace {

namespace fs = std::filesystem;

// A JPEG is complete when an End Of Image marker follows its last Start Of Scan.
// (An EXIF thumbnail ends with its own EOI before the main scan, so order matters.)
bool jpegComplete(const std::vector<std::uint8_t>& bytes) {
    std::size_t lastScan = std::string::npos, lastEnd = std::string::npos;
    for (std::size_t i = 0; i + 1 < bytes.size(); ++i) {
        if (bytes[i] != 0xFF) continue;
        if (bytes[i + 1] == 0xDA) lastScan = i;
        if (bytes[i + 1] == 0xD9) lastEnd = i;
    }
    return lastScan != std::string::npos && lastEnd != std::string::npos && lastEnd > lastScan;
}

}  // namespace

bool PhotoReader::hasPhotoExtension(const fs::path& file) {
    const std::string name = detail::lowerFileName(file);
    return detail::endsWith(name, ".png") || detail::endsWith(name, ".jpg") || detail::endsWith(name, ".jpeg");
}

Volume PhotoReader::read(const fs::path& file) {
    const std::string name = file.string();
    std::ifstream in = openInputFile(file, "the image", std::ios::binary);
    const std::vector<std::uint8_t> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    // The decoder answers an empty buffer with an assertion text, not a reason.
    if (bytes.empty()) throw Error("the file is empty (0 bytes)", name, "Copy the image again from its source.");
    const bool jpeg = bytes.size() >= 3 && bytes[0] == 0xFF && bytes[1] == 0xD8 && bytes[2] == 0xFF;
    if (jpeg && !jpegComplete(bytes)) {
        throw Error("the JPEG data is truncated (no end-of-image marker after the last scan)", name,
                    "Copy the file again from its source; it was cut short.");
    }
    const auto photo = detail::photoCodec().decode(bytes, name);
    Volume volume;
    volume.dims = {static_cast<std::size_t>(photo.columns), static_cast<std::size_t>(photo.rows), 1, 1};
    volume.components = static_cast<std::size_t>(photo.channels);
    volume.voxels = std::move(photo.values);
    volume.photometric = volume.isColour() ? "RGB" : "MONOCHROME2";
    volume.windows = {photo.bits == 16 ? Window{32768.0, 65536.0, "full range (16-bit)"} : fullRange8Bit()};
    volume.source = name;
    return volume;
}

}  // namespace vitask::imaging

#include "vitask/imaging/photo_reader.h"

#include "file_name.h"
#include "vitask/common/error.h"
#include "vitask/common/input_file.h"

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <iterator>

namespace vitask::imaging {
namespace {

namespace fs = std::filesystem;

// A JPEG is complete when an End Of Image marker follows its last Start Of Scan.
// (An EXIF thumbnail ends with its own EOI before the main scan, so order matters.)
bool jpegComplete(const std::vector<uchar>& bytes) {
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
    const std::vector<uchar> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    // OpenCV answers an empty buffer with an assertion text, not a reason.
    if (bytes.empty()) throw Error("the file is empty (0 bytes)", name, "Copy the image again from its source.");
    const bool jpeg = bytes.size() >= 3 && bytes[0] == 0xFF && bytes[1] == 0xD8 && bytes[2] == 0xFF;
    if (jpeg && !jpegComplete(bytes)) {
        throw Error("the JPEG data is truncated (no end-of-image marker after the last scan)", name,
                    "Copy the file again from its source; it was cut short.");
    }
    cv::Mat image;
    try {
        // ANYDEPTH keeps 16-bit PNGs; ANYCOLOR keeps grey grey and drops alpha.
        image = cv::imdecode(bytes, cv::IMREAD_ANYDEPTH | cv::IMREAD_ANYCOLOR);
    } catch (const cv::Exception& e) {
        throw Error(std::string("cannot decode the image (") + e.what() + ")", name,
                    "The file may be damaged; open it in another viewer to check.");
    }
    if (image.empty()) {
        throw Error("not a decodable PNG or JPEG image (damaged, truncated or another format)", name,
                    "Check the file; convert other formats to PNG first.");
    }
    if (image.channels() == 4) cv::cvtColor(image, image, cv::COLOR_BGRA2BGR);
    if (image.channels() != 1 && image.channels() != 3) {
        throw Error("unsupported number of channels: " + std::to_string(image.channels()), name,
                    "Save the image as grey or RGB.");
    }
    if (image.depth() != CV_8U && image.depth() != CV_16U) {
        throw Error("unsupported sample depth (8 or 16 bits are)", name, "Save the image as 8- or 16-bit.");
    }
    if (image.channels() == 3) cv::cvtColor(image, image, cv::COLOR_BGR2RGB);

    Volume volume;
    volume.dims = {static_cast<std::size_t>(image.cols), static_cast<std::size_t>(image.rows), 1, 1};
    volume.components = static_cast<std::size_t>(image.channels());
    cv::Mat values(image.rows, image.cols, CV_32FC(image.channels()));
    image.convertTo(values, CV_32F);
    volume.voxels.resize(volume.voxelCount() * volume.components);
    const std::size_t rowValues = volume.dims[0] * volume.components;
    for (int y = 0; y < values.rows; ++y) {
        std::copy_n(values.ptr<float>(y), rowValues, volume.voxels.begin() + y * rowValues);
    }
    volume.photometric = volume.isColour() ? "RGB" : "MONOCHROME2";
    volume.windows = {image.depth() == CV_16U ? Window{32768.0, 65536.0, "full range (16-bit)"}
                                              : fullRange8Bit()};
    volume.source = name;
    return volume;
}

}  // namespace vitask::imaging

#pragma once
// PNG and JPEG decoding and PNG encoding, by OpenCV's imgcodecs in a module of their own
// (libvitask_imaging_codecs.so beside libvitask_imaging.so), loaded the first time a
// photo is read or a PNG written. imgcodecs brings some 140 libraries (GDAL among them)
// whose loading took 60 of the 80 ms every imaging command paid at start.

#include <cstdint>
#include <string>
#include <vector>

namespace vitask::imaging::detail {

struct DecodedPhoto {
    int rows = 0, columns = 0;
    int channels = 0;   // 1 (grey) or 3 (RGB: alpha dropped)
    int bits = 8;       // 8 or 16, as stored
    std::vector<float> values;  // rows x columns x channels, as stored
};

class PhotoCodec {
public:
    virtual ~PhotoCodec() = default;
    // Throws vitask::Error naming `name` when the bytes are not a PNG or JPEG it can decode.
    virtual DecodedPhoto decode(const std::vector<std::uint8_t>& bytes, const std::string& name) const = 0;
    // 8-bit grey (channels 1) or RGB (channels 3) pixels, row by row.
    virtual std::vector<std::uint8_t> encodePng(const std::vector<std::uint8_t>& pixels, int rows, int columns,
                                                int channels) const = 0;
};

// The codec module, loaded once; a vitask::Error naming its file when it cannot be.
const PhotoCodec& photoCodec();

}  // namespace vitask::imaging::detail

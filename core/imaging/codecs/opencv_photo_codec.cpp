// The photo codec module (src/photo_codec.h) on OpenCV's imgcodecs.

#include "photo_codec.h"
#include "vitask/common/error.h"

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>

namespace vitask::imaging::detail {
namespace {

class OpenCvPhotoCodec : public PhotoCodec {
public:
    DecodedPhoto decode(const std::vector<std::uint8_t>& bytes, const std::string& name) const override {
        cv::Mat image;
        try {
            // ANYDEPTH keeps 16-bit PNGs; ANYCOLOR keeps grey grey and drops alpha.
            image = cv::imdecode(bytes, cv::IMREAD_ANYDEPTH | cv::IMREAD_ANYCOLOR);
        } catch (const cv::Exception& e) {
            throw Error(std::string("cannot decode the image (") + e.what() + ")", name,
                        "The file may be damaged; open it in another viewer to check.");
        }
        if (image.empty())
            throw Error("not a decodable PNG or JPEG image (damaged, truncated or another format)", name,
                        "Check the file; convert other formats to PNG first.");
        if (image.channels() == 4) cv::cvtColor(image, image, cv::COLOR_BGRA2BGR);
        if (image.channels() != 1 && image.channels() != 3)
            throw Error("unsupported number of channels: " + std::to_string(image.channels()), name,
                        "Save the image as grey or RGB.");
        if (image.depth() != CV_8U && image.depth() != CV_16U)
            throw Error("unsupported sample depth (8 or 16 bits are)", name, "Save the image as 8- or 16-bit.");
        if (image.channels() == 3) cv::cvtColor(image, image, cv::COLOR_BGR2RGB);

        DecodedPhoto photo;
        photo.rows = image.rows;
        photo.columns = image.cols;
        photo.channels = image.channels();
        photo.bits = image.depth() == CV_16U ? 16 : 8;
        cv::Mat values(image.rows, image.cols, CV_32FC(image.channels()));
        image.convertTo(values, CV_32F);
        const std::size_t rowValues = static_cast<std::size_t>(image.cols) * image.channels();
        photo.values.resize(rowValues * image.rows);
        for (int y = 0; y < values.rows; ++y)
            std::copy_n(values.ptr<float>(y), rowValues, photo.values.begin() + y * rowValues);
        return photo;
    }

    std::vector<std::uint8_t> encodePng(const std::vector<std::uint8_t>& pixels, int rows, int columns,
                                        int channels) const override {
        cv::Mat image(rows, columns, channels == 3 ? CV_8UC3 : CV_8UC1, const_cast<std::uint8_t*>(pixels.data()));
        cv::Mat bgr;
        if (channels == 3) cv::cvtColor(image, bgr, cv::COLOR_RGB2BGR);  // OpenCV's channel order
        std::vector<std::uint8_t> encoded;
        if (!cv::imencode(".png", channels == 3 ? bgr : image, encoded))
            throw Error("the PNG encoder failed", "OpenCV imgcodecs", "Report this as a bug.");
        return encoded;
    }
};

}  // namespace
}  // namespace vitask::imaging::detail

extern "C" __attribute__((visibility("default"))) const vitask::imaging::detail::PhotoCodec* vitask_photo_codec() {
    static const vitask::imaging::detail::OpenCvPhotoCodec codec;
    return &codec;
}

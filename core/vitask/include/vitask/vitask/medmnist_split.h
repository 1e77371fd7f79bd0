#pragma once
// MedMnistSplit: the images and labels of one split (train, val or test) of a MedMNIST
// dataset, in plain types so that trainers, the CLI and the studio read it alike.

#include <cstdint>
#include <string>
#include <vector>

namespace vitask::recipe {

enum class Split { Train, Val, Test };
const char* splitName(Split split);  // "train", "val", "test": also the .npz key prefix

// One image, row-major height x width x channels (RGB interleaved), pointing into its split.
struct ImageView {
    int width = 0;
    int height = 0;
    int channels = 0;
    const uint8_t* pixels = nullptr;
    size_t byteCount() const { return static_cast<size_t>(width) * height * channels; }
    uint8_t at(int x, int y, int c = 0) const { return pixels[(static_cast<size_t>(y) * width + x) * channels + c]; }
};

class MedMnistSplit {
public:
    MedMnistSplit() = default;
    // labels: count x labelColumns values, already checked against classCount.
    MedMnistSplit(Split split, int64_t count, int width, int height, int channels, std::vector<uint8_t> pixels,
                  std::vector<int64_t> labels, int labelColumns, int classCount);

    Split split() const { return split_; }
    int64_t size() const { return count_; }
    int width() const { return width_; }
    int height() const { return height_; }
    int channels() const { return channels_; }
    bool multiLabel() const { return labelColumns_ > 1; }
    int classCount() const { return classCount_; }
    // False when the dataset was loaded without pixels (to inspect labels and shapes only).
    bool hasPixels() const { return !pixels_.empty() || count_ == 0; }

    ImageView image(int64_t i) const;
    std::vector<uint8_t> imageCopy(int64_t i) const;
    // The class index of sample i (single-label datasets only).
    int64_t label(int64_t i) const;
    // Sample i as classCount() 0/1 targets: one-hot for single-label, the row for multi-label.
    std::vector<uint8_t> targets(int64_t i) const;
    // Samples per class (multi-label: samples on which each label is positive).
    std::vector<int64_t> classCounts() const;

private:
    void checkIndex(int64_t i) const;

    Split split_ = Split::Train;
    int64_t count_ = 0;
    int width_ = 0;
    int height_ = 0;
    int channels_ = 0;
    std::vector<uint8_t> pixels_;
    std::vector<int64_t> labels_;
    int labelColumns_ = 1;
    int classCount_ = 0;
};

}  // namespace vitask::recipe

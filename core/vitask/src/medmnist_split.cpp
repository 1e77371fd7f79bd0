#include "vitask/vitask/medmnist_split.h"

#include "vitask/common/error.h"

namespace vitask::recipe {

const char* splitName(Split split) {
    switch (split) {
        case Split::Train: return "train";
        case Split::Val: return "val";
        case Split::Test: return "test";
    }
    return "unknown";
}

MedMnistSplit::MedMnistSplit(Split split, int64_t count, int width, int height, int channels,
                             std::vector<uint8_t> pixels, std::vector<int64_t> labels, int labelColumns,
                             int classCount)
    : split_(split), count_(count), width_(width), height_(height), channels_(channels), pixels_(std::move(pixels)),
      labels_(std::move(labels)), labelColumns_(labelColumns), classCount_(classCount) {}

void MedMnistSplit::checkIndex(int64_t i) const {
    if (i < 0 || i >= count_)
        throw Error("sample " + std::to_string(i) + " is out of range (the split has " + std::to_string(count_) + ")",
                    splitName(split_));
}

ImageView MedMnistSplit::image(int64_t i) const {
    checkIndex(i);
    if (!hasPixels())
        throw Error("the images were not loaded (the dataset was opened for inspection only)", splitName(split_),
                    "Load the dataset with images.");
    ImageView view;
    view.width = width_;
    view.height = height_;
    view.channels = channels_;
    view.pixels = pixels_.data() + static_cast<size_t>(i) * view.byteCount();
    return view;
}

std::vector<uint8_t> MedMnistSplit::imageCopy(int64_t i) const {
    const ImageView view = image(i);
    return {view.pixels, view.pixels + view.byteCount()};
}

int64_t MedMnistSplit::label(int64_t i) const {
    checkIndex(i);
    if (multiLabel())
        throw Error("this dataset is multi-label: a sample has several labels, not one class", splitName(split_),
                    "Use targets(i).");
    return labels_[static_cast<size_t>(i)];
}

std::vector<uint8_t> MedMnistSplit::targets(int64_t i) const {
    checkIndex(i);
    std::vector<uint8_t> out(static_cast<size_t>(classCount_), 0);
    if (multiLabel()) {
        for (int c = 0; c < labelColumns_; ++c)
            out[static_cast<size_t>(c)] = labels_[static_cast<size_t>(i) * labelColumns_ + c] != 0;
    } else {
        out[static_cast<size_t>(labels_[static_cast<size_t>(i)])] = 1;
    }
    return out;
}

std::vector<int64_t> MedMnistSplit::classCounts() const {
    std::vector<int64_t> counts(static_cast<size_t>(classCount_), 0);
    if (multiLabel()) {
        for (size_t k = 0; k < labels_.size(); ++k) counts[k % static_cast<size_t>(labelColumns_)] += labels_[k] != 0;
    } else {
        for (const auto label : labels_) ++counts[static_cast<size_t>(label)];
    }
    return counts;
}

}  // namespace vitask::recipe

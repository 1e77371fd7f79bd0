#include "vitask/vitask/medmnist_dataset.h"

#include "vitask/common/error.h"
#include "vitask/vitask/npz_reader.h"

#include <algorithm>

namespace vitask::recipe {
namespace {

const Split kSplits[] = {Split::Train, Split::Val, Split::Test};

std::string catalogNames() {
    std::string names;
    for (const auto& info : medMnistCatalog()) names += (names.empty() ? "" : ", ") + info.name;
    return names;
}

std::string fileStem(const std::string& path) {
    std::string stem = path.substr(path.find_last_of('/') == std::string::npos ? 0 : path.find_last_of('/') + 1);
    if (const auto dot = stem.rfind('.'); dot != std::string::npos && dot > 0) stem.resize(dot);
    return stem;
}

// The images of one split, as read from the archive (pixels possibly left unread).
struct RawImages {
    int64_t count = 0;
    int height = 0;
    int width = 0;
    int channels = 1;
    std::vector<uint8_t> pixels;
};

RawImages readImages(const NpzReader& npz, const std::string& key, bool loadPixels) {
    NpyArray array = loadPixels ? npz.read(key) : npz.readHeader(key);
    const std::string subject = npz.path() + ": " + key;
    if (array.kind() != 'u' || array.itemSize() != 1)
        throw Error("images have dtype " + array.dtypeName() + " ('" + array.descr() + "'), but MedMNIST images are uint8",
                    subject, "Convert them with images.astype(np.uint8) (values 0-255).");
    const auto& shape = array.shape();
    const bool grey = shape.size() == 3 || (shape.size() == 4 && shape[3] == 1);
    const bool rgb = shape.size() == 4 && shape[3] == 3;
    if (!grey && !rgb)
        throw Error("images have shape " + array.shapeText() + ", expected (N, H, W) or (N, H, W, 3)", subject,
                    "Store one image per row: grey as (N, H, W), colour as (N, H, W, 3).");
    RawImages images;
    images.count = shape[0];
    images.height = static_cast<int>(shape[1]);
    images.width = static_cast<int>(shape[2]);
    images.channels = rgb ? 3 : 1;
    if (loadPixels) images.pixels = array.takeData();
    return images;
}

}  // namespace

MedMnistDataset MedMnistDataset::load(const std::string& path, const MedMnistLoadOptions& options) {
    MedMnistDataset dataset;
    dataset.path_ = path;
    if (!options.dataset.empty()) {
        dataset.info_ = findMedMnistInfo(options.dataset);
        if (!dataset.info_)
            throw Error("unknown MedMNIST dataset '" + options.dataset + "'", "--dataset",
                        "Use one of: " + catalogNames() + ".");
    } else {
        dataset.info_ = medMnistInfoForFile(path);
    }
    const NpzReader npz(path);

    // Read and check every split's labels first: their layout decides multi-label and,
    // for a file outside the catalog, the number of classes.
    struct RawLabels {
        std::vector<int64_t> values;
        int columns = 1;
    };
    std::array<RawLabels, 3> labels;
    std::array<RawImages, 3> images;
    for (const Split split : kSplits) {
        const size_t s = static_cast<size_t>(split);
        const std::string imageKey = std::string(splitName(split)) + "_images";
        const std::string labelKey = std::string(splitName(split)) + "_labels";
        images[s] = readImages(npz, imageKey, options.loadPixels);
        const NpyArray array = npz.read(labelKey);
        const std::string subject = path + ": " + labelKey;
        labels[s].values = array.toInt64(subject);
        const auto& shape = array.shape();
        if (shape.size() != 1 && shape.size() != 2)
            throw Error("labels have shape " + array.shapeText() + ", expected (N, 1) or (N, labels)", subject);
        labels[s].columns = shape.size() == 2 ? static_cast<int>(shape[1]) : 1;
        if (shape[0] != images[s].count)
            throw Error("holds " + std::to_string(shape[0]) + " labels for " + std::to_string(images[s].count) +
                            " images in " + imageKey,
                        subject, "Every image needs exactly one label row: write the file again.");
    }

    const RawLabels& first = labels[0];
    for (const auto& l : labels)
        if (l.columns != first.columns)
            throw Error("the splits' labels have different widths (" + std::to_string(first.columns) + " and " +
                            std::to_string(l.columns) + " columns)",
                        path, "Write every split with the same label layout.");
    if (dataset.info_) {
        dataset.multiLabel_ = dataset.info_->multiLabel;
        dataset.labelNames_ = dataset.info_->labels;
        const int expected = dataset.multiLabel_ ? static_cast<int>(dataset.labelNames_.size()) : 1;
        if (first.columns != expected)
            throw Error("labels have " + std::to_string(first.columns) + " column(s), but " + dataset.info_->name +
                            " (" + dataset.info_->task + ") has " + std::to_string(expected),
                        path + ": train_labels", "Check that the file is " + dataset.info_->name + ", or pass --dataset.");
    } else {
        // Outside the catalog: several columns mean multi-label, one column a class index.
        dataset.multiLabel_ = first.columns > 1;
        int64_t classes = first.columns;
        if (!dataset.multiLabel_) {
            classes = 0;
            for (const auto& l : labels)
                for (const auto v : l.values) classes = std::max(classes, v + 1);
        }
        for (int64_t c = 0; c < classes; ++c) dataset.labelNames_.push_back("class " + std::to_string(c));
    }

    const int64_t classCount = static_cast<int64_t>(dataset.labelNames_.size());
    for (const Split split : kSplits) {
        const size_t s = static_cast<size_t>(split);
        const std::string subject = path + ": " + splitName(split) + "_labels";
        const auto& values = labels[s].values;
        for (size_t k = 0; k < values.size(); ++k) {
            const int64_t v = values[k];
            const bool ok = dataset.multiLabel_ ? (v == 0 || v == 1) : (v >= 0 && v < classCount);
            if (ok) continue;
            const int64_t row = static_cast<int64_t>(k) / labels[s].columns;
            throw Error("sample " + std::to_string(row) + " has label " + std::to_string(v) + ", outside " +
                            (dataset.multiLabel_ ? std::string("0/1") : "the label set 0.." + std::to_string(classCount - 1)) +
                            (dataset.info_ ? " of " + dataset.info_->name : std::string()),
                        subject, "Check that the file is the dataset it is named after, or pass --dataset.");
        }
        RawImages& im = images[s];
        dataset.splits_[s] = MedMnistSplit(split, im.count, im.width, im.height, im.channels, std::move(im.pixels),
                                           std::move(labels[s].values), labels[s].columns,
                                           static_cast<int>(classCount));
    }
    return dataset;
}

std::string MedMnistDataset::name() const { return info_ ? info_->name : fileStem(path_); }

std::string MedMnistDataset::modality() const { return info_ ? info_->modality : std::string(); }

std::string MedMnistDataset::task() const {
    if (info_) return info_->task;
    if (multiLabel_) return "multi-label, binary-class";
    return classCount() == 2 ? "binary-class" : "multi-class";
}

}  // namespace vitask::recipe

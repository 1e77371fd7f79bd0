#include "vitask/vitask/medmnist_dataset.h"
#include "vitask/common/json_file.h"

#include "vitask/common/atomic_file.h"
#include "vitask/common/error.h"
#include "vitask/common/input_file.h"
#include "vitask/vitask/npz_reader.h"
#include "vitask/vitask/npz_writer.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>

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

// The sidecar of a dataset outside the catalog: <stem>.json beside <stem>.npz.
std::filesystem::path sidecarPath(const std::string& npzPath) {
    return std::filesystem::path(npzPath).replace_extension(".json");
}

// What a sidecar says; absent keys stay empty.
struct Sidecar {
    std::string name;
    std::string modality;
    std::vector<std::string> labels;
};

Sidecar readSidecar(const std::filesystem::path& file) {
    const std::string subject = file.string();
    const char remedy[] = "Fix the file (docs/formats.md, \"Dataset sidecar\"), or remove it to load the dataset "
                          "without label names.";
    std::ifstream in = openInputFile(file, "the dataset sidecar");
    nlohmann::json json;
    try {
        json = nlohmann::json::parse(in);
    } catch (const nlohmann::json::exception& e) {
        throw Error(std::string("the dataset sidecar is not valid JSON: ") + e.what(), subject, remedy);
    }
    if (!json.is_object() || !json.contains("labels") || !json["labels"].is_array())
        throw Error("the dataset sidecar has no \"labels\" list", subject, remedy);
    Sidecar sidecar;
    try {
        sidecar.labels = json["labels"].get<std::vector<std::string>>();
        sidecar.name = json.value("name", std::string());
        sidecar.modality = json.value("modality", std::string());
    } catch (const nlohmann::json::exception& e) {
        throw Error(std::string("the dataset sidecar has a value of the wrong type: ") + e.what(), subject, remedy);
    }
    return sidecar;
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
    Sidecar sidecar;
    if (!dataset.info_ && std::filesystem::exists(sidecarPath(path))) sidecar = readSidecar(sidecarPath(path));
    dataset.name_ = sidecar.name;
    dataset.modality_ = sidecar.modality;

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
    } else if (!sidecar.labels.empty()) {
        // Outside the catalog, named by its sidecar: labels outside its list are rejected below.
        dataset.multiLabel_ = first.columns > 1;
        dataset.labelNames_ = sidecar.labels;
        if (dataset.multiLabel_ && first.columns != static_cast<int>(sidecar.labels.size()))
            throw Error("labels have " + std::to_string(first.columns) + " columns, but the sidecar names " +
                            std::to_string(sidecar.labels.size()) + " labels",
                        path + ": train_labels", "Make " + sidecarPath(path).string() + " list one name per column.");
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

MedMnistDataset MedMnistDataset::fromParts(std::string path, std::string name, std::string modality,
                                           std::vector<std::string> labelNames, bool multiLabel,
                                           std::array<MedMnistSplit, 3> splits) {
    for (const auto& split : splits)
        if (split.classCount() != static_cast<int>(labelNames.size()) || (split.size() > 0 && split.multiLabel() != multiLabel))
            throw Error(std::string("the ") + splitName(split.split()) + " split has " +
                            std::to_string(split.classCount()) + (split.multiLabel() ? " labels" : " classes") +
                            ", the dataset " + std::to_string(labelNames.size()) +
                            (multiLabel ? " labels" : " classes"),
                        name);
    MedMnistDataset dataset;
    dataset.path_ = std::move(path);
    dataset.name_ = std::move(name);
    dataset.modality_ = std::move(modality);
    dataset.labelNames_ = std::move(labelNames);
    dataset.multiLabel_ = multiLabel;
    dataset.splits_ = std::move(splits);
    return dataset;
}

void MedMnistDataset::save(const std::string& npzPath) const {
    NpzWriter npz;
    const int columns = multiLabel_ ? classCount() : 1;
    const bool wideLabels = !multiLabel_ && classCount() > 256;  // uint8 as MedMNIST, unless it cannot hold them
    for (const Split which : kSplits) {
        const MedMnistSplit& s = split(which);
        const std::string prefix = splitName(which);
        std::vector<uint8_t> pixels;
        pixels.reserve(static_cast<size_t>(s.size()) * s.width() * s.height() * s.channels());
        std::vector<int64_t> labels;
        for (int64_t i = 0; i < s.size(); ++i) {
            const ImageView image = s.image(i);
            pixels.insert(pixels.end(), image.pixels, image.pixels + image.byteCount());
            if (multiLabel_) {
                const auto row = s.targets(i);
                labels.insert(labels.end(), row.begin(), row.end());
            } else {
                labels.push_back(s.label(i));
            }
        }
        std::vector<int64_t> shape = {s.size(), s.height(), s.width()};
        if (s.channels() == 3) shape.push_back(3);
        npz.addUint8(prefix + "_images", shape, std::move(pixels));
        if (wideLabels)
            npz.addInt64(prefix + "_labels", {s.size(), columns}, labels);
        else
            npz.addUint8(prefix + "_labels", {s.size(), columns}, std::vector<uint8_t>(labels.begin(), labels.end()));
    }
    npz.write(npzPath);
    if (info_) return;  // the catalog names it
    const nlohmann::json sidecar = {{"name", name()}, {"modality", modality()}, {"task", task()}, {"labels", labelNames_}};
    writeTextFileAtomically(sidecarPath(npzPath), jsonText(sidecar, 2) + "\n");
}

std::string MedMnistDataset::name() const {
    if (info_) return info_->name;
    return name_.empty() ? fileStem(path_) : name_;
}

std::string MedMnistDataset::modality() const { return info_ ? info_->modality : modality_; }

std::string MedMnistDataset::task() const {
    if (info_) return info_->task;
    if (multiLabel_) return "multi-label, binary-class";
    return classCount() == 2 ? "binary-class" : "multi-class";
}

}  // namespace vitask::recipe

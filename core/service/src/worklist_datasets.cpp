// Worklists of dataset samples: a MedMNIST .npz split, a CSV manifest's rows.
#include "vitask/vitask/csv_manifest.h"
#include "vitask/vitask/medmnist_dataset.h"
#include "vitask/vitask/npz_reader.h"
#include "vitask/vitask/prompt_builder.h"
#include "worklist_sources.h"

#include <memory>
#include <mutex>
#include <set>

namespace vitask::service::detail {
namespace {

namespace fs = std::filesystem;
using recipe::Split;

std::string joined(const std::vector<std::string>& labels, bool multiLabel) {
    if (multiLabel && labels.empty()) return recipe::kNoFinding;  // what the trainer answers then
    std::string text;
    for (const auto& label : labels) text += (text.empty() ? "" : "|") + label;
    return text;
}

Split splitNamed(const std::string& name, const fs::path& file) {
    for (const Split split : {Split::Train, Split::Val, Split::Test})
        if (name == recipe::splitName(split)) return split;
    throw Error("no split '" + name + "'", file.string(), "Choose the split train, val or test.");
}

// The pixels of one split's samples: the last split read stays in memory, since a deflated
// .npz member cannot be read in part and the background answering reads its samples one
// after another. The file's size and time tell a file written since.
struct SplitImages {
    fs::path file;
    std::string split;
    std::uintmax_t size = 0;
    fs::file_time_type modified;
    int64_t count = 0;
    int height = 0, width = 0, channels = 1;
    std::vector<uint8_t> pixels;  // count x height x width x channels
};

std::shared_ptr<const SplitImages> splitImages(const fs::path& file, const std::string& split) {
    static std::mutex mutex;
    static std::shared_ptr<const SplitImages> last;
    std::lock_guard lock(mutex);
    std::error_code error;
    const auto size = fs::file_size(file, error);
    const auto modified = fs::last_write_time(file, error);
    if (last && last->file == file && last->split == split && last->size == size && last->modified == modified)
        return last;

    const std::string key = split + "_images";
    auto array = recipe::NpzReader(file.string()).read(key);
    const auto& shape = array.shape();
    const bool grey = shape.size() == 3 || (shape.size() == 4 && shape[3] == 1);
    const bool rgb = shape.size() == 4 && shape[3] == 3;
    if (array.kind() != 'u' || array.itemSize() != 1 || (!grey && !rgb))
        throw Error("images of dtype " + array.dtypeName() + " and shape " + array.shapeText() +
                        " are not MedMNIST images (uint8, (N, H, W) or (N, H, W, 3))",
                    file.string() + ": " + key, "Check the file with `vitask data inspect`.");
    auto images = std::make_shared<SplitImages>();
    images->file = file;
    images->split = split;
    images->size = size;
    images->modified = modified;
    images->count = shape[0];
    images->height = static_cast<int>(shape[1]);
    images->width = static_cast<int>(shape[2]);
    images->channels = rgb ? 3 : 1;
    images->pixels = array.takeData();
    last = std::move(images);
    return last;
}

void reportDone(const ListProgress& progress, std::size_t count, const fs::path& file) {
    if (progress && !progress(count, count)) throw listingCancelled(file);
}

}  // namespace

WorklistSource listMedMnist(const fs::path& file, const std::string& split, const ListProgress& progress) {
    recipe::MedMnistLoadOptions options;
    options.loadPixels = false;  // labels and shapes: listing a 224 px dataset reads no pixels
    const auto dataset = recipe::MedMnistDataset::load(file.string(), options);
    const auto& part = dataset.split(splitNamed(split, file));
    if (part.size() == 0)
        throw Error("the " + split + " split holds no samples", file.string(), "Choose another split.");

    WorklistSource source;
    source.path = file;
    source.kind = WorklistSourceKind::MedMnist;
    source.split = split;
    source.task = {dataset.name(), dataset.modality(), dataset.labelNames(), dataset.multiLabel()};
    const auto& names = dataset.labelNames();
    for (int64_t i = 0; i < part.size(); ++i) {
        WorklistCase c;
        c.datasetPath = file;
        c.datasetSplit = split;
        c.datasetIndex = i;
        c.file = file;
        c.title = split + " #" + std::to_string(i);
        std::vector<std::string> labels;
        const auto targets = part.targets(i);
        for (std::size_t k = 0; k < targets.size() && k < names.size(); ++k)
            if (targets[k]) labels.push_back(names[k]);
        c.groundTruth = joined(labels, dataset.multiLabel());
        source.cases.push_back(std::move(c));
    }
    reportDone(progress, source.cases.size(), file);
    return source;
}

WorklistSource listCsvManifest(const fs::path& file, const std::string& split, const ListProgress& progress) {
    const auto manifest = recipe::readCsvManifest(file.string());
    WorklistSource source;
    source.path = file;
    source.kind = WorklistSourceKind::CsvManifest;
    source.split = manifest.hasSplitColumn ? split : std::string();
    // As CsvDataset names the task, so a model trained on the manifest scores the same labels.
    source.task = {file.stem().string(), std::string(), manifest.labelNames(), manifest.multiLabel};
    std::set<std::string> splits;
    for (const auto& row : manifest.rows) {
        splits.insert(row.split);
        if (manifest.hasSplitColumn && row.split != split) continue;
        WorklistCase c;
        c.datasetPath = file;
        c.datasetSplit = source.split;
        c.datasetIndex = static_cast<int64_t>(source.cases.size());
        c.file = row.file;
        c.title = (source.split.empty() ? "" : source.split + " · ") + "line " + std::to_string(row.line);
        c.groundTruth = joined(row.labels, manifest.multiLabel);
        source.cases.push_back(std::move(c));
    }
    if (source.cases.empty()) {
        std::string present;
        for (const auto& s : splits) present += (present.empty() ? "" : ", ") + (s.empty() ? "(empty)" : s);
        throw Error("no row of the " + split + " split (the split column holds: " + present + ")", file.string(),
                    "Choose one of those splits.");
    }
    reportDone(progress, source.cases.size(), file);
    return source;
}

ModelImage medMnistSampleImage(const WorklistCase& c) {
    const auto images = splitImages(c.file, c.datasetSplit);
    if (c.datasetIndex < 0 || c.datasetIndex >= images->count)
        throw Error("there is no sample " + std::to_string(c.datasetIndex) + " in the " + c.datasetSplit + " split (" +
                        std::to_string(images->count) + " samples)",
                    c.file.string(), "List the dataset again: the file may have changed.");
    // HWC uint8 to CHW in [0, 1], as the trainer feeds its samples to the model.
    const std::size_t plane = static_cast<std::size_t>(images->height) * images->width;
    const std::size_t channels = static_cast<std::size_t>(images->channels);
    const uint8_t* in = images->pixels.data() + static_cast<std::size_t>(c.datasetIndex) * plane * channels;
    ModelImage image{images->channels, images->height, images->width, std::vector<float>(plane * channels)};
    for (std::size_t i = 0; i < plane; ++i)
        for (std::size_t k = 0; k < channels; ++k) image.values[k * plane + i] = in[i * channels + k] / 255.0f;
    return image;
}

}  // namespace vitask::service::detail

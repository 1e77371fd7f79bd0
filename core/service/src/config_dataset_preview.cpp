// previewDataset (run_config.h): a dataset loaded as the trainer loads it, summarised
// with the validation report, and a few images of every class to look at.
#include "vitask/service/run_config.h"

#include "vitask/vitask/dataset_loader.h"
#include "vitask/vitask/dataset_report.h"

namespace vitask::service {
namespace {

namespace recipe = vitask::recipe;

PreviewImage imageOf(const recipe::MedMnistSplit& split, int64_t i) {
    const auto view = split.image(i);
    return {view.width, view.height, view.channels, split.imageCopy(i)};
}

// The first samples of each class, from the first split that has any (train, normally):
// what a person scrolls through to see that the labels mean what they say.
std::vector<std::vector<PreviewImage>> thumbnailsOf(const recipe::MedMnistDataset& data, int perClass) {
    std::vector<std::vector<PreviewImage>> out(static_cast<size_t>(data.classCount()));
    int64_t missing = static_cast<int64_t>(out.size()) * perClass;
    for (const auto which : {recipe::Split::Train, recipe::Split::Val, recipe::Split::Test}) {
        const auto& split = data.split(which);
        for (int64_t i = 0; i < split.size() && missing > 0; ++i) {
            const auto targets = split.targets(i);
            for (size_t c = 0; c < targets.size() && c < out.size(); ++c) {
                if (!targets[c] || static_cast<int>(out[c].size()) >= perClass) continue;
                out[c].push_back(imageOf(split, i));
                --missing;
            }
        }
    }
    return out;
}

}  // namespace

DatasetPreview previewDataset(const std::string& path, const DatasetPreviewOptions& options) {
    DatasetPreview preview;
    preview.path = path;
    try {
        // The trainer's options: a manifest's images are decoded, so an unreadable one shows now.
        const auto data = recipe::loadDataset(path);
        const auto report = recipe::DatasetReport::of(data);
        preview.name = data.name();
        preview.modality = data.modality();
        preview.task = data.task();
        preview.multiLabel = data.multiLabel();
        preview.labels = data.labelNames();
        for (const auto& s : report.splits())
            preview.splits.push_back({s.name, s.size, s.width, s.height, s.channels, s.classCounts});
        preview.warnings = report.warnings();
        preview.thumbnails = thumbnailsOf(data, options.thumbnailsPerClass);
    } catch (const std::exception& e) {
        // vitask::Error names the file and the fix; anything else (a bad allocation on a
        // huge file) is still the reason the trainer would stop.
        preview.errors.emplace_back(e.what());
    }
    return preview;
}

}  // namespace vitask::service

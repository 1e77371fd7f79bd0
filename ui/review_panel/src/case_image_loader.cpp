#include "case_image_loader.h"

#include "vitask/common/error.h"
#include "vitask/imaging/image_loader.h"
#include "vitask/service/worklist.h"
#include "vitask/ui/bridge/post_to.h"

#include <QPointer>

#include <algorithm>

namespace vitask::ui {
namespace {

// A dataset sample (values in [0, 1], CHW) as an 8-bit-valued volume, so the window
// shown reads as the image's grey levels.
imaging::Volume volumeFromSample(const service::ModelImage& image) {
    imaging::Volume v;
    v.dims = {std::size_t(image.width), std::size_t(image.height), 1, 1};
    v.components = image.channels == 3 ? 3 : 1;
    v.photometric = v.components == 3 ? "RGB" : "MONOCHROME2";
    const std::size_t plane = std::size_t(image.width) * std::size_t(image.height);
    v.voxels.resize(plane * v.components);
    for (std::size_t i = 0; i < plane; ++i)
        for (std::size_t c = 0; c < v.components; ++c) v.voxels[i * v.components + c] = image.values[c * plane + i] * 255.0f;
    v.windows.emplace_back(127.5, 256.0, "8-bit");
    return v;
}

bool isDatasetFile(const QString& path) { return path.endsWith(QLatin1String(".npz"), Qt::CaseInsensitive); }

}  // namespace

std::shared_ptr<const imaging::Volume> loadCaseVolume(const WorklistCase& c) {
    imaging::Volume volume;
    if (isDatasetFile(c.key.datasetPath)) {
        service::WorklistCase sample;
        sample.datasetPath = c.key.datasetPath.toStdString();
        sample.datasetSplit = c.key.datasetSplit.toStdString();
        sample.datasetIndex = c.key.datasetIndex;
        sample.file = c.file.toStdString();
        volume = volumeFromSample(service::loadCaseImage(sample));
    } else {
        volume = imaging::ImageLoader::load(c.file.toStdString());
    }
    // The viewer's default window reads the range without a pass of its own.
    if (!volume.voxels.empty() && !volume.valueRange) {
        float low = volume.voxels[0], high = volume.voxels[0];
        for (std::size_t i = 0; i < volume.voxels.size(); i += volume.components) {
            low = std::min(low, volume.voxels[i]);
            high = std::max(high, volume.voxels[i]);
        }
        volume.valueRange = std::array<float, 2>{low, high};
    }
    return std::make_shared<const imaging::Volume>(std::move(volume));
}

CaseImageLoader::CaseImageLoader(QObject* parent) : QObject(parent) { pool_.setMaxThreadCount(1); }

CaseImageLoader::~CaseImageLoader() {
    pool_.clear();
    pool_.waitForDone();
}

std::shared_ptr<const imaging::Volume> CaseImageLoader::cached(int position) const { return cache_.value(position); }

void CaseImageLoader::request(const WorklistCase& c) {
    const int position = c.position;
    if (cache_.contains(position)) {
        remember(position, cache_.value(position));
        Q_EMIT loaded(position, cache_.value(position));
        return;
    }
    if (reading_.contains(position)) return;
    reading_.insert(position);
    QPointer<CaseImageLoader> self(this);
    const int generation = generation_;
    pool_.start([self, c, position, generation] {
        std::shared_ptr<const imaging::Volume> volume;
        QString error;
        try {
            volume = loadCaseVolume(c);
        } catch (const std::exception& e) {
            error = QString::fromStdString(e.what());
        }
        if (!self) return;
        postTo(self.data(), [self, position, generation, volume, error] {
            if (!self || generation != self->generation_) return;
            self->reading_.remove(position);
            if (!volume) {
                Q_EMIT self->failed(position, error);
                return;
            }
            self->remember(position, volume);
            Q_EMIT self->loaded(position, volume);
        });
    });
}

void CaseImageLoader::clear() {
    ++generation_;
    cache_.clear();
    recent_.clear();
    reading_.clear();
}

void CaseImageLoader::remember(int position, std::shared_ptr<const imaging::Volume> volume) {
    recent_.removeAll(position);
    recent_ << position;
    cache_.insert(position, std::move(volume));
    while (recent_.size() > kCached) cache_.remove(recent_.takeFirst());
}

}  // namespace vitask::ui

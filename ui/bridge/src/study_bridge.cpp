#include "vitask/ui/bridge/study_bridge.h"

#include "vitask/ui/bridge/post_to.h"

namespace vitask::ui {

StudyBridge::StudyBridge(QObject* parent) : QObject(parent), service_(std::make_unique<service::StudyService>()) {}

StudyBridge::~StudyBridge() { service_.reset(); }

void StudyBridge::open(const QString& path) {
    service_->open(
        path.toStdString(),
        [this](std::size_t done, std::size_t total) { postTo(this, [this, done, total] { Q_EMIT openProgress(done, total); }); },
        [this](std::shared_ptr<const imaging::StudyCatalog> catalog) {
            postTo(this, [this, catalog] { Q_EMIT opened(catalog); });
        },
        [this, path](const std::string& message) {
            postTo(this, [this, path, message] { Q_EMIT openFailed(path, QString::fromStdString(message)); });
        });
}

void StudyBridge::cancelOpen() { service_->cancelOpen(); }

void StudyBridge::loadSeries(std::shared_ptr<const imaging::StudyCatalog> catalog, std::size_t index) {
    service_->loadSeries(
        catalog, index,
        [this, catalog, index](std::shared_ptr<const imaging::Volume> volume) {
            postTo(this, [this, catalog, index, volume] { Q_EMIT seriesLoaded(catalog, index, volume); });
        },
        [this, index](const std::string& message) {
            postTo(this, [this, index, message] { Q_EMIT seriesFailed(index, QString::fromStdString(message)); });
        });
}

void StudyBridge::thumbnails(std::shared_ptr<const imaging::StudyCatalog> catalog, int maxSide) {
    service_->thumbnails(catalog, maxSide, [this, catalog](std::size_t index, const imaging::Thumbnail& thumbnail) {
        postTo(this, [this, catalog, index, thumbnail] { Q_EMIT thumbnailReady(catalog, index, thumbnail); });
    });
}

void StudyBridge::readElements(const QString& file) {
    service_->readElements(
        file.toStdString(),
        [this, file](const std::vector<imaging::DicomElement>& elements) {
            postTo(this, [this, file, elements] { Q_EMIT elementsRead(file, elements); });
        },
        [this, file](const std::string& message) {
            postTo(this, [this, file, message] { Q_EMIT elementsFailed(file, QString::fromStdString(message)); });
        });
}

}  // namespace vitask::ui

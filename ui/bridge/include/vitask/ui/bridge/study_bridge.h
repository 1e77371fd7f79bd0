#pragma once
// The study service (open, decode, thumbnails, DICOM elements) for the UI thread: calls
// return at once, results arrive as signals on the thread that owns the bridge.

#include "vitask/service/study_service.h"

#include <QObject>
#include <QString>

#include <memory>
#include <vector>

namespace vitask::ui {

class StudyBridge : public QObject {
    Q_OBJECT
public:
    explicit StudyBridge(QObject* parent = nullptr);
    ~StudyBridge() override;

    void open(const QString& path);
    void cancelOpen();
    void loadSeries(std::shared_ptr<const imaging::StudyCatalog> catalog, std::size_t index);
    void thumbnails(std::shared_ptr<const imaging::StudyCatalog> catalog, int maxSide);
    void readElements(const QString& file);

Q_SIGNALS:
    void openProgress(std::size_t done, std::size_t total);
    void opened(std::shared_ptr<const vitask::imaging::StudyCatalog> catalog);
    void openFailed(const QString& path, const QString& message);
    void seriesLoaded(std::shared_ptr<const vitask::imaging::StudyCatalog> catalog, std::size_t index,
                      std::shared_ptr<const vitask::imaging::Volume> volume);
    void seriesFailed(std::size_t index, const QString& message);
    void thumbnailReady(std::shared_ptr<const vitask::imaging::StudyCatalog> catalog, std::size_t index,
                        const vitask::imaging::Thumbnail& thumbnail);
    void elementsRead(const QString& file, const std::vector<vitask::imaging::DicomElement>& elements);
    void elementsFailed(const QString& file, const QString& message);

private:
    std::unique_ptr<service::StudyService> service_;
};

}  // namespace vitask::ui

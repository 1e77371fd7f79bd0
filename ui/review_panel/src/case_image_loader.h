#pragma once
// Reads the images of a worklist's cases on a background thread and keeps the last few,
// so moving to the next case shows its image at once: the panel asks for the case it
// shows and prefetches the next one.

#include "vitask/imaging/volume.h"
#include "vitask/ui/review_store/review_types.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>
#include <QThreadPool>

#include <memory>

namespace vitask::ui {

// The volume a case shows (imaging's reader for DICOM, NIfTI and photos; a dataset
// sample's pixels 0..255 otherwise), with its value range computed. Throws vitask::Error
// naming the file.
std::shared_ptr<const imaging::Volume> loadCaseVolume(const WorklistCase& c);

class CaseImageLoader : public QObject {
    Q_OBJECT
public:
    explicit CaseImageLoader(QObject* parent = nullptr);
    ~CaseImageLoader() override;  // waits for the read in progress

    // The case's volume from the cache, or null.
    std::shared_ptr<const imaging::Volume> cached(int position) const;
    // Reads the case unless cached or already being read; `loaded` or `failed` follows.
    void request(const WorklistCase& c);
    void clear();

Q_SIGNALS:
    void loaded(int position, std::shared_ptr<const imaging::Volume> volume);
    void failed(int position, const QString& message);

private:
    void remember(int position, std::shared_ptr<const imaging::Volume> volume);

    static constexpr int kCached = 8;
    QThreadPool pool_;
    QHash<int, std::shared_ptr<const imaging::Volume>> cache_;
    QList<int> recent_;            // cache positions, most recent last
    QSet<int> reading_;
    int generation_ = 0;           // clear() makes reads in flight stale
};

}  // namespace vitask::ui

#pragma once
// Studies for applications: opening a path (a folder scan can take minutes), decoding a
// series, thumbnails and DICOM elements, on background threads so the caller's (the
// UI's) never waits on the disk. Calls return at once; results and errors arrive through
// callbacks ON A WORKER THREAD. Opening and decoding run in order on one thread;
// thumbnails on a second one, so a series the user asks for never waits behind them.
// Imaging builds only.

#include "vitask/imaging/dicom_metadata.h"
#include "vitask/imaging/study_catalog.h"
#include "vitask/imaging/volume.h"

#include <cstddef>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace vitask::service {

class StudyService {
public:
    using Failed = std::function<void(const std::string& message)>;

    StudyService();
    ~StudyService();  // drops the work not started, cancels a scan and joins
    StudyService(const StudyService&) = delete;
    StudyService& operator=(const StudyService&) = delete;

    // `progress` (files done, files in all) at most every 50 ms and at the end.
    void open(const std::filesystem::path& path, std::function<void(std::size_t, std::size_t)> progress,
              std::function<void(std::shared_ptr<const imaging::StudyCatalog>)> done, Failed failed);
    // Stops a running scan: its `failed` gets a "cancelled" message.
    void cancelOpen();

    void loadSeries(std::shared_ptr<const imaging::StudyCatalog> catalog, std::size_t index,
                    std::function<void(std::shared_ptr<const imaging::Volume>)> done, Failed failed);
    // One thumbnail per series, in order; a series whose file fails is skipped (logged).
    void thumbnails(std::shared_ptr<const imaging::StudyCatalog> catalog, int maxSide,
                    std::function<void(std::size_t, const imaging::Thumbnail&)> each);
    void readElements(const std::filesystem::path& file,
                      std::function<void(const std::vector<imaging::DicomElement>&)> done, Failed failed);

private:
    struct State;
    std::unique_ptr<State> state_;
};

}  // namespace vitask::service

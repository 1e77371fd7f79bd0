#include "vitask/service/study_service.h"

#include "vitask/common/failure_message.h"

#include "worker_thread.h"

#include <spdlog/spdlog.h>

#include <atomic>
#include <chrono>
#include <exception>

namespace vitask::service {

struct StudyService::State {
    std::atomic<bool> cancelScan{false};
    detail::WorkerThread thumbnails{10};  // only decoration: after everything else
    detail::WorkerThread io;  // last: destroyed (joined) first
};

StudyService::StudyService() : state_(std::make_unique<State>()) {}

StudyService::~StudyService() { state_->cancelScan = true; }

void StudyService::open(const std::filesystem::path& path, std::function<void(std::size_t, std::size_t)> progress,
                        std::function<void(std::shared_ptr<const imaging::StudyCatalog>)> done, Failed failed) {
    state_->cancelScan = false;
    state_->io.post([state = state_.get(), path, progress = std::move(progress), done = std::move(done),
                     failed = std::move(failed)] {
        using Clock = std::chrono::steady_clock;
        auto last = Clock::now();
        const auto throttled = [&](std::size_t doneFiles, std::size_t total) {
            const auto now = Clock::now();
            if (progress && (doneFiles == total || now - last >= std::chrono::milliseconds(50))) {
                last = now;
                progress(doneFiles, total);
            }
            return !state->cancelScan.load();
        };
        try {
            auto catalog = std::make_shared<const imaging::StudyCatalog>(imaging::openStudy(path, throttled));
            if (done) done(std::move(catalog));
        } catch (const std::exception& e) {
            if (failed) failed(describeFailure(e).text);
        }
    });
}

void StudyService::cancelOpen() { state_->cancelScan = true; }

void StudyService::loadSeries(std::shared_ptr<const imaging::StudyCatalog> catalog, std::size_t index,
                              std::function<void(std::shared_ptr<const imaging::Volume>)> done, Failed failed) {
    state_->io.post([catalog = std::move(catalog), index, done = std::move(done), failed = std::move(failed)] {
        try {
            auto volume = std::make_shared<const imaging::Volume>(imaging::loadSeries(*catalog, index));
            if (done) done(std::move(volume));
        } catch (const std::exception& e) {
            if (failed) failed(describeFailure(e).text);
        }
    });
}

void StudyService::thumbnails(std::shared_ptr<const imaging::StudyCatalog> catalog, int maxSide,
                              std::function<void(std::size_t, const imaging::Thumbnail&)> each) {
    for (std::size_t i = 0; i < catalog->series.size(); ++i) {
        state_->thumbnails.post([catalog, i, maxSide, each] {
            try {
                const auto thumbnail = imaging::makeThumbnail(*catalog, i, maxSide);
                if (each) each(i, thumbnail);
            } catch (const std::exception& e) {
                spdlog::warn("no thumbnail for series {}: {}", i + 1, e.what());
            }
        });
    }
}

void StudyService::readElements(const std::filesystem::path& file,
                                std::function<void(const std::vector<imaging::DicomElement>&)> done, Failed failed) {
    state_->io.post([file, done = std::move(done), failed = std::move(failed)] {
        try {
            const auto elements = imaging::DicomMetadata::read(file);
            if (done) done(elements);
        } catch (const std::exception& e) {
            if (failed) failed(describeFailure(e).text);
        }
    });
}

}  // namespace vitask::service

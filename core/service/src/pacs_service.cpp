#include "vitask/service/pacs_service.h"

#include "vitask/common/user_paths.h"
#include "vitask/pacs/archive_client.h"
#include "vitask/common/failure_message.h"

#include "worker_thread.h"

#include <atomic>
#include <exception>

namespace vitask::service {

std::filesystem::path pacsCacheFolder(const std::string& studyUid) { return userCacheDir() / "pacs" / studyUid; }

struct PacsService::State {
    std::atomic<bool> cancel{false};
    detail::WorkerThread network;  // last: destroyed (joined) first
};

PacsService::PacsService() : state_(std::make_unique<State>()) {}

PacsService::~PacsService() { state_->cancel = true; }

namespace {

// Runs `work`, reporting a failure through `failed` in the words the user reads.
template <typename Work>
void guarded(Work&& work, const PacsService::Failed& failed) {
    try {
        work();
    } catch (const std::exception& e) {
        if (failed) failed(describeFailure(e).text);
    }
}

}  // namespace

void PacsService::echo(const pacs::PacsNode& node, std::function<void()> done, Failed failed) {
    state_->network.post([node, done = std::move(done), failed = std::move(failed)] {
        guarded([&] {
            pacs::openArchive(node)->echo();
            if (done) done();
        }, failed);
    });
}

void PacsService::find(const pacs::PacsNode& node, const pacs::StudyQuery& query,
                       std::function<void(const std::vector<pacs::StudyMatch>&)> done, Failed failed) {
    state_->network.post([node, query, done = std::move(done), failed = std::move(failed)] {
        guarded([&] {
            const auto matches = pacs::openArchive(node)->findStudies(query);
            if (done) done(matches);
        }, failed);
    });
}

void PacsService::findSeries(const pacs::PacsNode& node, const std::string& studyUid,
                             std::function<void(const std::vector<pacs::SeriesMatch>&)> done, Failed failed) {
    state_->network.post([node, studyUid, done = std::move(done), failed = std::move(failed)] {
        guarded([&] {
            const auto series = pacs::openArchive(node)->findSeries(studyUid);
            if (done) done(series);
        }, failed);
    });
}

void PacsService::retrieve(const pacs::PacsNode& node, const std::string& studyUid, const std::string& seriesUid,
                           std::function<void(int, int)> progress,
                           std::function<void(const std::filesystem::path&, const pacs::TransferResult&)> done,
                           Failed failed) {
    state_->cancel = false;
    state_->network.post([state = state_.get(), node, studyUid, seriesUid, progress = std::move(progress),
                          done = std::move(done), failed = std::move(failed)] {
        guarded([&] {
            const auto folder = pacsCacheFolder(studyUid);
            const auto result = pacs::openArchive(node)->retrieve(studyUid, seriesUid, folder, [&](int doneCount, int total) {
                if (progress) progress(doneCount, total);
                return !state->cancel.load();
            });
            if (done) done(folder, result);
        }, failed);
    });
}

void PacsService::send(const pacs::PacsNode& node, const std::vector<std::filesystem::path>& files,
                       std::function<void(const pacs::TransferResult&)> done, Failed failed) {
    state_->network.post([node, files, done = std::move(done), failed = std::move(failed)] {
        guarded([&] {
            const auto result = pacs::openArchive(node)->send(files);
            if (done) done(result);
        }, failed);
    });
}

void PacsService::cancelRetrieve() { state_->cancel = true; }

}  // namespace vitask::service

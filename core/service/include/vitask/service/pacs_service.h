#pragma once
// The PACS for applications: C-ECHO, C-FIND and C-GET (vitask::pacs) on a background
// thread, so the caller's (the UI's) never waits on the network. Calls return at once;
// results and errors arrive through callbacks ON A WORKER THREAD, in the order asked.
// A retrieve goes into the user's cache (pacsCacheFolder), which the study browser
// then opens like any folder. Imaging builds only.

#include "vitask/pacs/pacs_node.h"

#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace vitask::service {

// Where a retrieved study lives: <user cache>/pacs/<Study Instance UID>.
std::filesystem::path pacsCacheFolder(const std::string& studyUid);

class PacsService {
public:
    using Failed = std::function<void(const std::string& message)>;

    PacsService();
    ~PacsService();  // cancels a retrieve, drops work not started, joins
    PacsService(const PacsService&) = delete;
    PacsService& operator=(const PacsService&) = delete;

    void echo(const pacs::PacsNode& node, std::function<void()> done, Failed failed);
    void find(const pacs::PacsNode& node, const pacs::StudyQuery& query,
              std::function<void(const std::vector<pacs::StudyMatch>&)> done, Failed failed);
    void findSeries(const pacs::PacsNode& node, const std::string& studyUid,
                    std::function<void(const std::vector<pacs::SeriesMatch>&)> done, Failed failed);
    // The study, or one of its series (seriesUid not empty), into the study's cache folder.
    // `progress` (instances done, total; total 0 when not known) after each instance.
    void retrieve(const pacs::PacsNode& node, const std::string& studyUid, const std::string& seriesUid,
                  std::function<void(int, int)> progress,
                  std::function<void(const std::filesystem::path& folder, const pacs::TransferResult&)> done,
                  Failed failed);
    // C-STORE of `files` (reports sent back, de-identified or not as they were written).
    void send(const pacs::PacsNode& node, const std::vector<std::filesystem::path>& files,
              std::function<void(const pacs::TransferResult&)> done, Failed failed);
    // Stops the running retrieve between two instances (its `failed` says "cancelled";
    // what arrived stays in the cache folder).
    void cancelRetrieve();

private:
    struct State;
    std::unique_ptr<State> state_;
};

}  // namespace vitask::service

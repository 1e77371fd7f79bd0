#include "vitask/pacs/archive_client.h"

#include "archive_errors.h"
#include "instance_files.h"
#include "vitask/common/error.h"
#include "vitask/pacs/dicomweb_client.h"
#include "vitask/pacs/dimse_client.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <tuple>

namespace vitask::pacs {
namespace fs = std::filesystem;

TransferResult ArchiveClient::retrieve(const std::string& studyUid, const std::string& seriesUid, const fs::path& folder,
                                       const TransferProgress& progress) const {
    if (studyUid.empty()) throw Error("no study given", node_.describe(), "Give the Study Instance UID (from find).");
    std::error_code error;
    fs::create_directories(folder, error);
    if (error) throw Error("cannot create the folder: " + error.message(), folder.string());
    const auto present = detail::instancesIn(folder);
    if (present.empty()) return retrieveAll(studyUid, seriesUid, folder, progress);

    // Resume: ask the archive what the study holds and fetch only what the folder lacks.
    const auto listed = findInstances(studyUid, seriesUid);
    if (listed.empty()) throw detail::nothingToRetrieve(studyUid, seriesUid);
    std::vector<InstanceRef> missing;
    for (const auto& instance : listed)
        if (!present.count(instance.sopUid)) missing.push_back(instance);
    const int already = static_cast<int>(listed.size() - missing.size());
    spdlog::info("retrieve from {}: {} of {} instance(s) already in the folder", node_.describe(), already, listed.size());
    TransferResult result;
    if (!missing.empty()) {
        const TransferProgress shifted = [&](int done, int) {
            return !progress || progress(already + done, static_cast<int>(listed.size()));
        };
        result = retrieveInstances(studyUid, missing, folder, shifted);
    }
    result.alreadyPresent = already;
    return result;
}

void sortSeries(std::vector<SeriesMatch>& series) {
    std::sort(series.begin(), series.end(), [](const SeriesMatch& a, const SeriesMatch& b) {
        return std::tie(a.number, a.seriesUid) < std::tie(b.number, b.seriesUid);
    });
}

std::unique_ptr<ArchiveClient> openArchive(const PacsNode& node) {
    if (node.protocol == Protocol::DicomWeb) return std::make_unique<DicomWebClient>(node);
    return std::make_unique<DimseClient>(node);
}

std::vector<fs::path> dicomFilesUnder(const std::vector<fs::path>& paths) {
    std::vector<fs::path> files;
    for (const auto& path : paths) {
        std::error_code error;
        if (fs::is_directory(path, error)) {
            for (fs::recursive_directory_iterator it(path, error), end; !error && it != end; it.increment(error))
                if (it->is_regular_file(error) && detail::hasPart10Preamble(it->path())) files.push_back(it->path());
            if (error) throw Error("cannot list the folder: " + error.message(), path.string());
        } else if (fs::exists(path, error)) {
            files.push_back(path);
        } else {
            throw Error("no such file or folder", path.string());
        }
    }
    std::sort(files.begin(), files.end());
    return files;
}

}  // namespace vitask::pacs

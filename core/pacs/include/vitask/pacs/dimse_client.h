#pragma once
// DIMSE with one archive, on DCMTK's dcmnet (DcmSCU): C-ECHO, study-level C-FIND, C-GET
// of a study or a series into a folder, C-STORE of files. Each call opens its own
// association and releases it. Failures are vitask::Error saying what the archive or the
// network said and what to check (association rejected: which AE title; nothing
// listening; a timeout; a study that no longer exists).

#include "vitask/pacs/pacs_node.h"

#include <filesystem>
#include <functional>
#include <vector>

namespace vitask::pacs {

// (done, total) after each instance; total 0 when the archive does not say. Returning
// false cancels (C-CANCEL for a retrieve) and the call throws a vitask::Error "cancelled".
using TransferProgress = std::function<bool(int done, int total)>;

class DimseClient {
public:
    explicit DimseClient(PacsNode node);

    void echo() const;
    std::vector<StudyMatch> findStudies(const StudyQuery& query) const;
    // Every instance of the study (or of one series of it) into `folder` as
    // <SOP Instance UID>.dcm, each written to a temporary name and renamed when complete.
    // A study the archive no longer has is a vitask::Error; instances the archive failed
    // to send are counted in `failed`.
    TransferResult get(const std::string& studyUid, const std::string& seriesUid, const std::filesystem::path& folder,
                       const TransferProgress& progress = {}) const;
    // C-STORE of each DICOM file (Part 10); a file the archive refuses is counted in
    // `failed`, one that cannot be read is a vitask::Error naming it before anything is sent.
    TransferResult send(const std::vector<std::filesystem::path>& files, const TransferProgress& progress = {}) const;

    const PacsNode& node() const { return node_; }

private:
    PacsNode node_;
};

// DICOM files under `paths` (files as given, folders searched recursively), sorted.
std::vector<std::filesystem::path> dicomFilesUnder(const std::vector<std::filesystem::path>& paths);

}  // namespace vitask::pacs

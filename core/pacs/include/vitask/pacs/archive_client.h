#pragma once
// One DICOM archive, whatever the protocol: DIMSE (DimseClient, DCMTK's dcmnet) or
// DICOMweb (DicomWebClient, libcurl). openArchive() picks the client for a node, as ITK's
// IO factories pick a reader for a file. Each call opens its own connection(s). Failures
// are vitask::Error saying what the archive or the network said and what to check.

#include "vitask/pacs/pacs_node.h"

#include <filesystem>
#include <functional>
#include <memory>
#include <vector>

namespace vitask::pacs {

// (done, total) after each instance; total 0 when the archive does not say. Returning
// false cancels and the call throws a vitask::Error "cancelled".
using TransferProgress = std::function<bool(int done, int total)>;

class ArchiveClient {
public:
    virtual ~ArchiveClient() = default;

    // Is the archive there, and does it accept us (C-ECHO; a one-study QIDO-RS query)?
    virtual void echo() const = 0;
    virtual std::vector<StudyMatch> findStudies(const StudyQuery& query) const = 0;
    // The series of a study, by series number. Empty when the archive has none.
    virtual std::vector<SeriesMatch> findSeries(const std::string& studyUid) const = 0;
    // The instances of a study (or of one of its series). Empty when the archive has none.
    virtual std::vector<InstanceRef> findInstances(const std::string& studyUid, const std::string& seriesUid) const = 0;

    // Every instance of the study (or of one series) into `folder` as <SOP Instance
    // UID>.dcm, each written to a temporary name and renamed when complete. Resumable:
    // instances already in the folder (an earlier retrieve cancelled or cut off) are not
    // fetched again. A study the archive no longer has is a vitask::Error; instances the
    // archive failed to send are counted in `failed`.
    TransferResult retrieve(const std::string& studyUid, const std::string& seriesUid,
                            const std::filesystem::path& folder, const TransferProgress& progress = {}) const;

    // Each DICOM Part 10 file stored (C-STORE; STOW-RS). A file the archive refuses is
    // counted in `failed`; one that cannot be read is a vitask::Error naming it before
    // anything is sent.
    virtual TransferResult send(const std::vector<std::filesystem::path>& files,
                                const TransferProgress& progress = {}) const = 0;

    const PacsNode& node() const { return node_; }

protected:
    explicit ArchiveClient(PacsNode node) : node_(std::move(node)) {}

    // The whole study or series, into a folder that holds none of it yet.
    virtual TransferResult retrieveAll(const std::string& studyUid, const std::string& seriesUid,
                                       const std::filesystem::path& folder, const TransferProgress& progress) const = 0;
    // Just these instances (all of the same study).
    virtual TransferResult retrieveInstances(const std::string& studyUid, const std::vector<InstanceRef>& instances,
                                             const std::filesystem::path& folder,
                                             const TransferProgress& progress) const = 0;

    PacsNode node_;
};

// By series number, then UID.
void sortSeries(std::vector<SeriesMatch>& series);

// The client for `node`'s protocol; a vitask::Error when the node lacks what it needs.
std::unique_ptr<ArchiveClient> openArchive(const PacsNode& node);

// DICOM files under `paths` (files as given, folders searched recursively for Part 10
// files), sorted.
std::vector<std::filesystem::path> dicomFilesUnder(const std::vector<std::filesystem::path>& paths);

}  // namespace vitask::pacs

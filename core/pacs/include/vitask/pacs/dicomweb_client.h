#pragma once
// An archive over DICOMweb (PS3.18), on libcurl: QIDO-RS to find studies and instances,
// WADO-RS to retrieve them (multipart/related, streamed to disk), STOW-RS to store files;
// HTTP or HTTPS, with Basic or Bearer credentials (node.auth). Every call is its own
// HTTP session.

#include "vitask/pacs/archive_client.h"

namespace vitask::pacs {

class DicomWebClient : public ArchiveClient {
public:
    explicit DicomWebClient(PacsNode node);

    void echo() const override;
    std::vector<StudyMatch> findStudies(const StudyQuery& query) const override;
    std::vector<SeriesMatch> findSeries(const std::string& studyUid) const override;
    std::vector<InstanceRef> findInstances(const std::string& studyUid, const std::string& seriesUid) const override;
    TransferResult send(const std::vector<std::filesystem::path>& files,
                        const TransferProgress& progress = {}) const override;

protected:
    TransferResult retrieveAll(const std::string& studyUid, const std::string& seriesUid,
                               const std::filesystem::path& folder, const TransferProgress& progress) const override;
    TransferResult retrieveInstances(const std::string& studyUid, const std::vector<InstanceRef>& instances,
                                     const std::filesystem::path& folder,
                                     const TransferProgress& progress) const override;
};

}  // namespace vitask::pacs

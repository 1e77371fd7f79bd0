#pragma once
// An archive over DIMSE, on DCMTK's dcmnet: C-ECHO, C-FIND (study, series and image
// level), retrieve by C-GET or by C-MOVE to our own storage SCP (node.retrieveMethod),
// C-STORE; DICOM TLS when node.tls. Each call opens its own association and releases it.

#include "vitask/pacs/archive_client.h"

namespace vitask::pacs {

class DimseClient : public ArchiveClient {
public:
    explicit DimseClient(PacsNode node);

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

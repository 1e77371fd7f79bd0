#pragma once
// A DICOM archive (PACS) reached over DIMSE, and what one asks of it: plain types, so the
// studio and the CLI never see DCMTK.

#include <string>

namespace vitask::pacs {

struct PacsNode {
    std::string host;
    int port = 104;
    std::string calledAe;             // the archive's AE title
    std::string callingAe = "VITASK";  // ours, as the archive knows us
    int timeoutSeconds = 30;          // to connect, to negotiate, and for each message
    std::string describe() const { return calledAe + "@" + host + ":" + std::to_string(port); }
};

// C-FIND keys at study level; empty fields match anything. Dates YYYYMMDD.
struct StudyQuery {
    std::string patientId;
    std::string patientName;  // DICOM wildcards allowed: "DOE^*"
    std::string modality;     // matched against Modalities in Study
    std::string dateFrom, dateTo;
    std::string accession;
    std::string studyUid;
};

struct StudyMatch {
    std::string studyUid;
    std::string patientId;
    std::string patientName;
    std::string studyDate;
    std::string studyDescription;
    std::string accession;
    std::string modalities;  // "CT\\MR" as the archive lists them
    int seriesCount = 0;     // 0: not reported by the archive
    int instanceCount = 0;
};

// The end of a retrieve or a send.
struct TransferResult {
    int completed = 0;
    int failed = 0;
    int warnings = 0;
};

}  // namespace vitask::pacs

#pragma once
// A DICOM archive (PACS) and what one asks of it: plain types, so the studio and the CLI
// never see DCMTK or libcurl. An archive is reached over DIMSE (AE title, host, port) or
// over DICOMweb (a base URL); `protocol` says which fields count.

#include <string>

namespace vitask::pacs {

enum class Protocol { Dimse, DicomWeb };
// How a DIMSE archive sends a study back: C-GET on our own association, or C-MOVE to our
// storage SCP (the archive must know our AE title with this host's address and
// `receivePort`; most hospital PACS serve only C-MOVE).
enum class RetrieveMethod { Get, Move };
enum class WebAuth { None, Basic, Bearer };

struct PacsNode {
    std::string name;  // the user's label ("Hospital PACS"); settings and keyring key
    Protocol protocol = Protocol::Dimse;
    int timeoutSeconds = 30;  // to connect, to negotiate, and without a byte arriving

    // DIMSE
    std::string host;
    int port = 104;
    std::string calledAe;              // the archive's AE title
    std::string callingAe = "VITASK";  // ours, as the archive knows us
    RetrieveMethod retrieveMethod = RetrieveMethod::Get;
    int receivePort = 11112;  // C-MOVE: our storage SCP listens here, as callingAe
    // DICOM TLS (DCMTK with OpenSSL): the archive's certificate must chain to caFile;
    // certificateFile/keyFile (PEM) are ours, for archives that ask for one.
    bool tls = false;
    std::string certificateFile, keyFile;

    // DICOMweb: base URL ("https://pacs/dicom-web"); http or https.
    std::string url;
    WebAuth auth = WebAuth::None;
    std::string user;
    std::string secret;  // password (Basic) or token (Bearer): never logged nor written in clear

    // Both: PEM file of certificates to trust besides the system's (a hospital's own CA);
    // the archive's certificate is always checked.
    std::string caFile;

    // How messages name the archive: no credentials in it.
    std::string describe() const {
        if (protocol == Protocol::DicomWeb) return url;
        return calledAe + "@" + host + ":" + std::to_string(port) + (tls ? " (TLS)" : "");
    }
};

// C-FIND / QIDO-RS keys at study level; empty fields match anything. Dates YYYYMMDD.
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

// A series of a study, as the archive lists it (C-FIND at series level; QIDO-RS).
struct SeriesMatch {
    std::string seriesUid;
    std::string modality;
    std::string description;
    int number = 0;         // Series Number; 0 when not reported
    int instanceCount = 0;  // 0 when not reported
};

// One instance of a study, as an archive lists it (to retrieve only what is missing).
struct InstanceRef {
    std::string seriesUid;
    std::string sopUid;
};

// The end of a retrieve or a send.
struct TransferResult {
    int completed = 0;
    int failed = 0;
    int warnings = 0;
    int alreadyPresent = 0;  // retrieve: instances found in the folder from an earlier, partial one
};

}  // namespace vitask::pacs

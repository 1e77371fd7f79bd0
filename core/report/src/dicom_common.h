#pragma once
// DCMTK helpers shared by the SR, the key image's Secondary Capture and the de-identified
// copies: loading, atomic saving, checked attribute writes, and the attributes every
// object of one case's export carries alike.

#include "vitask/common/atomic_file.h"
#include "vitask/report/case_report.h"

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcitem.h>

#include <filesystem>
#include <memory>
#include <string>

namespace vitask::report::detail {

// Silences DCMTK's own logging once per process: failures reach the user through
// vitask::Error, and DCMTK's messages may quote header values (patient data).
void initDcmtk();

// Whether `file` is a DICOM file by its content ("DICM" after the 128-byte preamble) or
// by its name (.dcm, .dicom, .dic): such a file must load, or the report is refused.
bool looksLikeDicom(const std::filesystem::path& file);

// Throws vitask::Error naming `file` when it is missing or not readable DICOM.
std::unique_ptr<DcmFileFormat> loadDicomFile(const std::filesystem::path& file);

std::string getString(DcmItem& item, const DcmTagKey& key);
// Throws vitask::Error naming `file` and the attribute when DCMTK refuses the value.
void putString(DcmItem& item, const DcmTagKey& key, const std::string& value, const std::filesystem::path& file);

// Saves `format` (explicit VR little endian unless `xfer` says otherwise) to a temporary
// file beside `file`; nothing replaces `file` until the caller commits. `what` names the
// object in messages ("DICOM SR"). Throws vitask::Error naming `file`.
std::unique_ptr<AtomicFile> saveToTemporary(DcmFileFormat& format, const std::filesystem::path& file,
                                            const std::string& what,
                                            E_TransferSyntax xfer = EXS_LittleEndianExplicit,
                                            E_FileWriteMode mode = EWM_fileformat);

// DICOM DA and TM values ("20261205", "225039").
struct DicomDateTime {
    std::string date, time;
};
// From an ISO 8601 UTC time ("2026-12-05T22:50:39Z"); empty when it is not one.
DicomDateTime dicomDateTime(const std::string& isoUtc);
DicomDateTime dicomNowUtc();

// The identity of one object an export creates.
struct NewInstance {
    std::string studyUid, seriesUid, instanceUid;
    std::string sopClassUid;
    std::string modality;
    std::string seriesNumber;
    std::string seriesDescription;
};

// The attributes the SR and the Secondary Capture share: SOP Common (UTF-8 character
// set), Patient (from c.patient; empty type 2 values without it), General Study (the
// source study's attributes), General Series and General Equipment (the writing
// program), content date and time (the report's, UTC), and the de-identification
// method when the report is de-identified.
void putSharedModules(DcmItem& dataset, const Report& report, const CaseReport& c, const NewInstance& instance,
                      const std::filesystem::path& file);

// Patient Identity Removed "YES", the De-identification Method and its code (PS3.15
// Basic Application Level Confidentiality Profile, DCM 113100).
void putDeidentificationMethod(DcmItem& dataset, const std::filesystem::path& file);

}  // namespace vitask::report::detail

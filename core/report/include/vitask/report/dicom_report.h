#pragma once
// A case as DICOM objects that a PACS stores and shows (imaging builds: DCMTK):
//  - a Comprehensive SR following TID 1500 (Measurement Report): the source study,
//    series and instance referenced, the AI algorithm identified (TID 4019: name,
//    version), the reviewer as person observer, the VLM's and the TSM's findings with
//    their probabilities, the reviewer's decision;
//  - a Secondary Capture of the key image (with the heatmap), in the same study.
// Both join the source's study (StudyInstanceUID of CaseReport::dicom; a new study for
// non-DICOM sources) in new series. Written as given: de-identify the report first
// (deidentify.h), and pass the same UidMap's fresh UIDs through one export.
//
// Also a de-identified copy of a source instance (PS3.15 Basic Profile), so an export
// can carry the images the SR references under the same new UIDs.

#include "vitask/report/case_report.h"
#include "vitask/report/deidentify.h"

#include <filesystem>

namespace vitask::report {

// Fills case `c`'s dicom references, patient data and burned-in annotation flag from its
// sourceFile when that is a DICOM file; leaves `c` as it is for other files. Throws
// vitask::Error naming the file when it is DICOM but cannot be read.
// A file is DICOM when it has "DICM" after its 128-byte preamble or is named *.dcm,
// *.dicom or *.dic. Patient data is converted to UTF-8; text in a character set DCMTK
// cannot convert (ISO 2022 IR 87 with Debian's DCMTK) keeps only its part before the
// first escape sequence (a person name's alphabetic group).
void readDicomSource(CaseReport& c);

struct DicomReportFiles {
    std::filesystem::path structuredReport;
    std::filesystem::path secondaryCapture;   // empty when the key image is empty or withheld
};

// Writes case `c` of `report` as an SR to `srFile` and its key image as a Secondary
// Capture beside it ("<stem>-key-image.dcm"). Throws vitask::Error naming the file when
// a file cannot be written. The SR is COMPLETE when the case was reviewed (PARTIAL
// otherwise) and always UNVERIFIED; all times in both objects are UTC.
DicomReportFiles writeDicomReport(const Report& report, const CaseReport& c, const std::filesystem::path& srFile);

// Copies the DICOM file `source` to `target` de-identified with the PS3.15 Basic
// Application Level Confidentiality Profile: its attributes removed, emptied or replaced
// with dummies as the profile lists them, private tags removed, UIDs replaced through
// `uids`, Patient Identity Removed "YES" and the De-identification Method recorded;
// pixel data unchanged. Refuses (vitask::Error) a source whose Burned In Annotation is
// "YES", since its pixels may show patient data.
// The copy keeps the source's transfer syntax and gets a new meta header; the table's
// compound actions (X/Z, X/D, Z/D, X/Z/D, X/Z/U*) resolve as core/report/src/
// deid_profile.cpp explains, and whole overlay groups (60xx) go with Overlay Data.
void writeDeidentifiedCopy(const std::filesystem::path& source, const std::filesystem::path& target, UidMap& uids);

}  // namespace vitask::report

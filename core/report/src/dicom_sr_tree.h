#pragma once
// The content tree of a case's Comprehensive SR, following TID 1500 (Measurement Report).

#include "vitask/report/case_report.h"

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmsr/dsrdoctr.h>

#include <filesystem>

namespace vitask::report::detail {

// The private coding scheme of the concepts DICOM has no code for (the VLM's answer, the
// review decision) and of the task's labels; declared in the SR's Coding Scheme
// Identification Sequence.
inline constexpr const char* kPrivateScheme = "99VITASK";
inline constexpr const char* kPrivateSchemeName = "VITask Studio labels and review concepts";

// Fills the empty `tree` with case `c` (see dicom_sr_tree.cpp for the layout). Throws
// vitask::Error naming `file` when DCMTK refuses a content item.
void buildMeasurementReport(DSRDocumentTree& tree, const CaseReport& c, const std::filesystem::path& file);

}  // namespace vitask::report::detail

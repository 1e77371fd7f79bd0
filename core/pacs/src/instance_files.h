#pragma once
// Received instances on disk, the same for every protocol: <SOP Instance UID>.dcm in the
// retrieve's folder, written under a ".partial" name first and renamed when complete, so
// that a folder never holds a half-written instance under its final name and a cut-off
// retrieve can resume from what is there.

#include <filesystem>
#include <set>
#include <string>

class DcmFileFormat;

namespace vitask::pacs::detail {

// Digits and dots, at most 64: a UID, and so a safe file name.
bool isUid(const std::string& text);

// "DICM" after the 128-byte preamble: a DICOM Part 10 file.
bool hasPart10Preamble(const std::filesystem::path& file);

// The SOP Instance UIDs of the complete instances in `folder` (its <uid>.dcm files); the
// leftovers of an interrupted write (*.partial) are removed.
std::set<std::string> instancesIn(const std::filesystem::path& folder);

// Writes `file` as <folder>/<uid>.dcm in its received transfer syntax. "" when written,
// else what went wrong (naming the file).
std::string saveInstance(DcmFileFormat& file, const std::string& uid, const std::filesystem::path& folder);

// A Part 10 file received whole at `partial` (in `folder`) renamed to <its SOP Instance
// UID>.dcm; returns that UID. A vitask::Error when it is not DICOM or has no usable UID.
std::string adoptReceivedFile(const std::filesystem::path& partial, const std::filesystem::path& folder);

}  // namespace vitask::pacs::detail

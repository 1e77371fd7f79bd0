#pragma once
// Finds DICOM files in a file, a folder (recursively) or through a DICOMDIR, reads their
// headers only, groups them into patient / study / series by UID and sorts each series
// along its slice normal (see SeriesGeometry).

#include "vitask/imaging/dicom_tree.h"

#include <cstddef>
#include <filesystem>
#include <functional>

namespace vitask::imaging {

// Progress of a scan: files parsed so far and files in all (0 while a folder is still
// being listed). Called on the scanning thread. Return false to cancel: the scan then
// throws vitask::Error "cancelled" naming the path.
using ScanProgress = std::function<bool(std::size_t done, std::size_t total)>;

class DicomScanner {
public:
    // Throws vitask::Error when the path does not exist, or when a single file given
    // explicitly is not DICOM. Unreadable files inside folders are listed in `skipped`.
    // `progress`, when given, hears of every parsed file, ending with (total, total).
    static DicomTree scan(const std::filesystem::path& path, const ScanProgress& progress = {});

    // True for a DICOMDIR (Media Storage Directory) file.
    static bool isDicomDir(const std::filesystem::path& file);
};

}  // namespace vitask::imaging

#pragma once
// Finds DICOM files in a file, a folder (recursively) or through a DICOMDIR, reads their
// headers only, groups them into patient / study / series by UID and sorts each series
// along its slice normal (see SeriesGeometry).

#include "vitask/imaging/dicom_tree.h"

#include <filesystem>

namespace vitask::imaging {

class DicomScanner {
public:
    // Throws vitask::Error when the path does not exist, or when a single file given
    // explicitly is not DICOM. Unreadable files inside folders are listed in `skipped`.
    static DicomTree scan(const std::filesystem::path& path);

    // True for a DICOMDIR (Media Storage Directory) file.
    static bool isDicomDir(const std::filesystem::path& file);
};

}  // namespace vitask::imaging

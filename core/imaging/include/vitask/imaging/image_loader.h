#pragma once
// Opens whatever a user points at as one Volume: a NIfTI file, a PNG/JPEG photo, or DICOM (a file, a folder
// searched recursively, a DICOMDIR) from which one series is chosen.

#include "vitask/imaging/dicom_tree.h"
#include "vitask/imaging/volume.h"

#include <filesystem>
#include <string>

namespace vitask::imaging {

class ImageLoader {
public:
    // `series`: a Series Instance UID, or the 1-based index `vitask image info` lists;
    // empty picks the only series with images. Throws vitask::Error naming the path when
    // it holds no images, when several series do and none was chosen, or when decoding
    // fails.
    static Volume load(const std::filesystem::path& path, const std::string& series = {});

    // Whether load() reads `path` as DICOM: a folder, a DICOMDIR, or a file not named as
    // NIfTI or a photo. Throws vitask::Error naming the path when it does not exist.
    static bool readsAsDicom(const std::filesystem::path& path);

    // The chosen series of a scan (rules as for load()).
    static const DicomSeries& selectSeries(const DicomTree& tree, const std::string& series,
                                           const std::filesystem::path& subject);
};

}  // namespace vitask::imaging

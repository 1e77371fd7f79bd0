#pragma once
// Human-readable and JSON summaries of what was found (series, geometry, warnings) for
// `vitask image info` and the studio's export. Patient names and IDs are left out.

#include "vitask/imaging/dicom_tree.h"
#include "vitask/imaging/volume.h"

#include <string>

namespace vitask::imaging {

class ImageSummary {
public:
    static std::string text(const DicomTree& tree);
    static std::string json(const DicomTree& tree);
    // A loaded volume (NIfTI, or a DICOM series once read).
    static std::string text(const Volume& volume);
    static std::string json(const Volume& volume);
};

}  // namespace vitask::imaging

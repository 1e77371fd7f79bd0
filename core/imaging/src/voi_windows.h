#pragma once
// Internal: the VOI presets of a DICOM file as Windows: VOI LUT Sequence items and Window
// Center/Width pairs at the top level, in the Shared Functional Groups and per frame
// (Frame VOI LUT Sequence) of enhanced multi-frame objects.

#include "vitask/imaging/window.h"

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcdatset.h>

#include <cstddef>
#include <string>
#include <vector>

namespace vitask::imaging::detail {

struct FileWindows {
    std::vector<Window> common;                  // for Volume::windows
    std::vector<std::vector<Window>> perFrame;   // for Volume::sliceWindows (may be empty)
};

// A malformed VOI LUT (bad descriptor, too little LUT Data) is left out with a warning
// naming the file: the image still opens with its other windows.
FileWindows readFileWindows(DcmDataset& ds, std::size_t frames, const std::string& file);

}  // namespace vitask::imaging::detail

#pragma once
// Reads 2D photographs (PNG, JPEG: dermoscopy, fundus, histology snapshots) into the same
// Volume type as DICOM and NIfTI, decoded with OpenCV imgcodecs.

#include "vitask/imaging/volume.h"

#include <filesystem>

namespace vitask::imaging {

class PhotoReader {
public:
    // True for .png, .jpg, .jpeg (case-insensitive).
    static bool hasPhotoExtension(const std::filesystem::path& file);

    // A 1-slice volume: grey stays grey, colour becomes RGB (alpha dropped), 8- and 16-bit
    // values kept as stored; spacing 1 (photos carry no physical size). Its one window is
    // the full range of its bit depth, so that display and preprocessing show the values
    // as stored. Throws vitask::Error naming the file when it cannot be decoded or a JPEG
    // is cut short (libjpeg would return a grey-filled image).
    static Volume read(const std::filesystem::path& file);
};

}  // namespace vitask::imaging

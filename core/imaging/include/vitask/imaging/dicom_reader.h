#pragma once
// Decodes DICOM pixel data into a Volume: all common transfer syntaxes through DCMTK
// (native, deflated, RLE, JPEG, JPEG-LS) and JPEG 2000 through ITK's GDCM image IO.

#include "vitask/imaging/dicom_tree.h"
#include "vitask/imaging/volume.h"

#include <filesystem>

namespace vitask::imaging {

class DicomReader {
public:
    // Every frame of one file as z slices. Throws vitask::Error naming the file when it is
    // not DICOM, has no pixel data, is truncated or cannot be decoded.
    static Volume readFile(const std::filesystem::path& file);

    // A whole series, slices in the order SeriesGeometry gave them; z spacing is the
    // median distance between neighbouring slices. Throws vitask::Error when the series
    // mixes orientations or image sizes (a volume cannot hold it).
    static Volume readSeries(const DicomSeries& series);
};

}  // namespace vitask::imaging

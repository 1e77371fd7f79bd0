#pragma once
// What the studio's study browser lists after the user opens a path: the series found in a
// DICOM file, folder (scanned recursively) or DICOMDIR, or the one image of a NIfTI or
// PNG/JPEG file, in plain types. Patient names and IDs are here for display only; never
// log them.

#include "vitask/imaging/dicom_scanner.h"
#include "vitask/imaging/dicom_tree.h"
#include "vitask/imaging/volume.h"

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

namespace vitask::imaging {

// One loadable series, flattened out of the patient / study / series tree.
struct SeriesItem {
    enum class Kind { Dicom, Nifti, Photo };
    Kind kind = Kind::Dicom;
    // DICOM only: the position of the series in StudyCatalog::tree.
    std::size_t patient = 0, study = 0, series = 0;

    std::string patientName;      // identifying: display only
    std::string patientId;        // identifying: display only
    std::string studyDate;        // YYYYMMDD as stored
    std::string studyDescription;
    std::string seriesDescription;
    std::string modality;         // "CT", "MR", ...; empty for NIfTI and photos
    int seriesNumber = 0;
    std::size_t images = 0;       // frames over all instances; a NIfTI's slices x time points
    std::vector<std::string> warnings;
    std::filesystem::path file;   // the NIfTI or photo file; a DICOM series' first instance
};

struct StudyCatalog {
    std::filesystem::path source;       // what the user opened
    DicomTree tree;            // empty for NIfTI and photos
    std::vector<SeriesItem> series;     // those with images, in tree order
    std::vector<SkippedFile> skipped;
};

// Scans `path` (a file, a folder, a DICOMDIR, a NIfTI or PNG/JPEG file). NIfTI and
// PNG/JPEG files met in a folder are listed after the DICOM series. Reads headers only
// (a NIfTI's first bytes). `progress` as for DicomScanner::scan. Throws vitask::Error
// naming the path when it does not exist, holds no images, or the scan was cancelled.
StudyCatalog openStudy(const std::filesystem::path& path, const ScanProgress& progress = {});

// Decodes series `index` of the catalog, with its valueRange computed. Throws
// vitask::Error naming the files at fault.
Volume loadSeries(const StudyCatalog& catalog, std::size_t index);

// A small image to stand for series `index` in the browser: its middle instance (a NIfTI
// volume's middle slice) as 8-bit grey or RGB, windowed with the default window and
// shrunk to fit `maxSide` pixels. Reads one file of a DICOM series, not all of them.
struct Thumbnail {
    int width = 0, height = 0, channels = 1;
    std::vector<unsigned char> pixels;  // rows top to bottom, channels interleaved
};
Thumbnail makeThumbnail(const StudyCatalog& catalog, std::size_t index, int maxSide = 96);

}  // namespace vitask::imaging

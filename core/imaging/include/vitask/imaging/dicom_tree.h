#pragma once
// What a scan of files, folders or a DICOMDIR found: patients, their studies, their
// series and the instances (files) of each series, in plain types for the studio's
// browser and the CLI. Patient names and IDs are here for display; never log them.

#include <array>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace vitask::imaging {

// Where a scan found native (uncompressed, little endian) single-frame 16-bit greyscale
// pixel data: a series read takes the values straight from the file instead of parsing
// every file a second time. The file's size and modification time as scanned guard
// against a file changed since; the reader then decodes it the ordinary way.
struct DirectPixels {
    bool usable = false;
    std::uint64_t offset = 0;                       // of the Pixel Data value in the file
    std::uint64_t fileSize = 0;
    std::int64_t modified = 0;                      // file time, in its clock's ticks
    int bitsStored = 16;
    bool isSigned = false;
    double slope = 1.0, intercept = 0.0;            // modality rescale
};

// One DICOM file (an instance) with the header fields that place it in its series.
struct DicomInstance {
    std::filesystem::path file;
    std::string sopInstanceUid;
    int instanceNumber = 0;
    bool hasInstanceNumber = false;
    std::size_t rows = 0, columns = 0, frames = 1, samplesPerPixel = 1;
    bool hasPixels = false;
    bool hasPosition = false;                       // Image Position/Orientation present
    bool geometryUnreadable = false;                // present in the header, values unreadable
    std::array<double, 3> position{0, 0, 0};        // Image Position (Patient), LPS mm
    std::array<double, 6> orientation{1, 0, 0, 0, 1, 0};  // row and column cosines
    // Patient Orientation (0020,0020), for images without the above (projection
    // radiographs): the patient directions along the rows and down the columns ("L", "F").
    std::array<std::string, 2> patientOrientation;
    std::array<double, 2> pixelSpacing{0, 0};       // row spacing (y), column spacing (x)
    bool hasPixelSpacing = false;
    std::string transferSyntax;                     // UID
    std::string photometric;
    DirectPixels direct;
};

struct DicomSeries {
    std::string seriesInstanceUid;
    std::string description;
    std::string modality;
    int seriesNumber = 0;
    std::vector<DicomInstance> instances;           // sorted along the slice normal
    std::vector<std::string> warnings;              // gaps, duplicates, mixed geometry
    bool sortedByPosition = false;                  // false: by instance number / file
    // Instances per slice position when every position holds the same number (> 1) of
    // them: a multi-temporal series, read as that many time points.
    std::size_t timePoints = 1;

    bool hasPixels() const;
    std::size_t frameCount() const;                 // frames over all instances
};

struct DicomStudy {
    std::string studyInstanceUid;
    std::string description;
    std::string date;                               // YYYYMMDD as stored
    std::vector<DicomSeries> series;
};

struct DicomPatient {
    std::string patientId;                          // identifying: display only
    std::string patientName;                        // identifying: display only
    std::vector<DicomStudy> studies;
};

// A file met during a scan that is not a usable DICOM file, with the reason.
struct SkippedFile {
    std::filesystem::path file;
    std::string reason;
};

struct DicomTree {
    std::vector<DicomPatient> patients;
    std::vector<SkippedFile> skipped;

    std::size_t seriesCount() const;
    std::vector<const DicomSeries*> allSeries() const;
};

}  // namespace vitask::imaging

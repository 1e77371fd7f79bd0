#pragma once
// A DICOM series read as the 16-bit integers its files store, not as the float32 Volume:
// what `vitask image convert` writes to NIfTI the way dcm2niix does, with half the
// memory and no arithmetic per voxel beyond masking. Only a series whose every image the
// scan located on disk (DirectPixels: native little endian, one frame, 16 bits) and whose
// images share one modality rescale qualifies; any other is read as a Volume.

#include "vitask/imaging/dicom_tree.h"
#include "vitask/imaging/volume.h"

#include <cstddef>
#include <optional>
#include <vector>

namespace vitask::imaging {

struct StoredSeries {
    // Everything a Volume read of the series gives but its voxels (dims, geometry,
    // modality, windows); `layout.voxels` stays empty.
    Volume layout;
    // One per z slice, in volume order: z fastest, then time.
    std::vector<DicomInstance> slices;
    int bitsStored = 16;
    bool storedSigned = false;
    // The integers read() gives are the stored values plus `offset`, as uint16 when
    // `valuesUnsigned`, else int16; the value after the modality LUT is integer * slope +
    // intercept. When the LUT is exact in int16 (slope 1, a whole intercept, every
    // storable value in range after it), the intercept goes into `offset` and the
    // integers are the values themselves (slope 1, intercept 0), as CT files usually hold.
    bool valuesUnsigned = false;
    int offset = 0;
    double slope = 1.0, intercept = 0.0;

    std::size_t valueCount() const { return layout.voxelCount(); }
};

class StoredSeriesReader {
public:
    // The series as stored values, or nothing when it does not qualify (see above) or a
    // file has changed since the scan. Throws vitask::Error as DicomReader::readSeries
    // does for a series that cannot form one volume.
    static std::optional<StoredSeries> open(const DicomSeries& series);

    // Integers [first, first + count) in volume order, little endian, to `out` (which
    // need not be aligned). Safe to call from several threads. Throws vitask::Error naming
    // the file when it can no longer be read as scanned.
    static void read(const StoredSeries& series, std::size_t first, std::size_t count, unsigned char* out);
};

}  // namespace vitask::imaging

#pragma once
// Internal: the fast path of series reads. The scan, which parses every header anyway,
// notes where plain 16-bit greyscale pixel data lies in each file (DirectPixels); the
// reader then fetches those bytes with one read per file and converts them straight into
// the volume, without DCMTK parsing the file a second time.

#include "vitask/imaging/dicom_tree.h"

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcfilefo.h>

#include <cstdint>
#include <filesystem>
#include <vector>

namespace vitask::imaging::detail {

// For a file loaded with its pixel data left on disk: where that data lies and how to
// convert it, or `usable` false when the file needs DCMTK's decoding (compressed, big
// endian, multi-frame, colour, other bit depths, a Modality LUT table, short data).
DirectPixels locateDirectPixels(DcmFileFormat& format, const std::filesystem::path& file);

// Whether the instance's file still has the size and time the scan saw.
bool unchangedSinceScan(const DicomInstance& instance);

// Reads the instance's rows x columns stored values into `out` (float32 after the modality
// LUT), using `scratch` as the read buffer. False when the file is no longer what the scan
// saw (size, time, short read): the caller then decodes it through DCMTK, which reports
// any damage properly.
bool readDirectPixels(const DicomInstance& instance, float* out, std::vector<std::uint16_t>& scratch);

}  // namespace vitask::imaging::detail

#pragma once
// Internal: Segmented Palette Color Lookup Table Data (0028,1221-1223), PS3.3 C.7.9.2.
// DCMTK 3.6.7 does not expand segmented palettes (DicomImage fails with "Invalid element
// value"), so the segments are expanded here into the normal Red/Green/Blue Palette Color
// Lookup Table Data that DicomImage applies like any other palette. Discrete, linear and
// indirect segments; for 8 bits per entry the opcodes, lengths, values and offsets are the
// bytes of the OW words (low byte first), for 16 bits the words; the indirect offset is a
// byte offset from the start of the data, as the standard says.

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcdatset.h>

#include <string>

namespace vitask::imaging::detail {

// When the dataset carries segmented red, green and blue palette data and no normal
// palette data, replaces the segmented elements with the expanded normal ones (one 16-bit
// word per entry, as many entries as each LUT Descriptor says). Throws vitask::Error
// naming the file for malformed segments or descriptors.
void expandSegmentedPalette(DcmDataset& ds, const std::string& file);

}  // namespace vitask::imaging::detail

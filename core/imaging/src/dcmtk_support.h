#pragma once
// Internal: the DCMTK plumbing shared by the scanner, the reader and the metadata listing.

#include "vitask/imaging/dicom_tree.h"

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcmetinf.h>
#include <dcmtk/dcmdata/dctagkey.h>

#include <array>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace vitask::imaging::detail {

// Registers the JPEG, JPEG-LS and RLE decoders and routes DCMTK's own log output away
// from the console (it could print identifiers). Safe to call from any thread, any time.
void initDcmtk();

// Loads a DICOM file, with or without a meta header. Values longer than maxReadLength
// bytes stay on disk until used (header scans pass a small value). Throws vitask::Error
// naming the file when it is missing, unreadable, truncated or not DICOM.
std::unique_ptr<DcmFileFormat> loadDicom(const std::filesystem::path& file,
                                         std::uint32_t maxReadLength = 4096);

std::string getString(DcmItem& item, const DcmTagKey& key);         // all values, '\'-joined
std::vector<double> getDoubles(DcmItem& item, const DcmTagKey& key); // DS/FD/FL/IS/US ...
std::optional<long> getLong(DcmItem& item, const DcmTagKey& key);

// A LUT Descriptor's three values as the 16 bits stored: writers encode it as US or SS
// whatever the sign of its values (PS3.3 C.11.2.1.1.1), so the caller decides how to read
// them (entries 0 = 65536; first mapped value signed or not). nullopt unless there are 3.
std::optional<std::array<std::uint16_t, 3>> getLutDescriptor(DcmItem& item, const DcmTagKey& key);

// The study/series identity and the instance geometry of one loaded file.
struct InstanceHeader {
    DicomInstance instance;
    std::string patientId, patientName;
    std::string studyUid, studyDescription, studyDate;
    std::string seriesUid, seriesDescription, modality;
    int seriesNumber = 0;
    std::string mediaStorageClass;
};
InstanceHeader readHeader(DcmFileFormat& file, const std::filesystem::path& path);

bool isJpeg2000(const std::string& transferSyntaxUid);

}  // namespace vitask::imaging::detail

#include "jpeg2000_guard.h"

#include "dcmtk_support.h"
#include "vitask/common/error.h"

#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcuid.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcpixel.h>
#include <dcmtk/dcmdata/dcpixseq.h>
#include <dcmtk/dcmdata/dcpxitem.h>

#include <unistd.h>

#include <atomic>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <set>
#include <string>

namespace vitask::imaging::detail {
namespace {

const char* const kRemedy = "The file may be damaged; open it in another viewer to check.";

std::uint32_t bigEndian(const std::uint8_t* p, int bytes) {
    std::uint32_t value = 0;
    for (int i = 0; i < bytes; ++i) value = (value << 8) | p[i];
    return value;
}

[[noreturn]] void damaged(const std::string& what, const std::filesystem::path& file) {
    throw Error("the JPEG 2000 pixel data is damaged (" + what + ")", file.string(), kRemedy);
}

// ISO/IEC 15444-1 annex A: SOC, then marker segments (marker, 16-bit length that counts
// itself) through the first tile-part's header up to its SOD, as far as GDCM walks them
// (it reads a COD segment's tenth byte whatever the segment's length). Markers
// 0xFF30-0xFF3F carry no length.
// The SIZ segment (annex A.5.1) against the DICOM header's description.
void checkSiz(const std::uint8_t* segment, std::size_t length, const Jpeg2000Image& image, const std::filesystem::path& file) {
    // From Lsiz: Rsiz at 2, Xsiz 4, Ysiz 8, XOsiz 12, YOsiz 16, XTsiz, YTsiz, XTOsiz,
    // YTOsiz, Csiz at 36, then Ssiz, XRsiz, YRsiz for each component from 38.
    if (length < 38) damaged("its SIZ segment is too short", file);
    const std::uint32_t width = bigEndian(segment + 4, 4) - bigEndian(segment + 12, 4);
    const std::uint32_t height = bigEndian(segment + 8, 4) - bigEndian(segment + 16, 4);
    const std::uint32_t components = bigEndian(segment + 36, 2);
    if (width != image.columns || height != image.rows || components != image.samples || length < 38 + 3 * components)
        damaged("the codestream holds " + std::to_string(width) + " x " + std::to_string(height) + " x " +
                    std::to_string(components) + ", the header says " + std::to_string(image.columns) + " x " +
                    std::to_string(image.rows) + " x " + std::to_string(image.samples),
                file);
    for (std::uint32_t c = 0; c < components; ++c) {
        const unsigned precision = (segment[38 + 3 * c] & 0x7F) + 1u;
        if (precision > image.bitsAllocated)
            damaged("a component has " + std::to_string(precision) + " bits, more than the " +
                        std::to_string(image.bitsAllocated) + " allocated",
                    file);
    }
}

void checkMainHeader(const std::uint8_t* data, std::size_t size, const Jpeg2000Image& image,
                     const std::filesystem::path& file) {
    bool sawSiz = false;
    std::size_t at = 2;  // after SOC
    while (at + 2 <= size) {
        const std::uint32_t marker = bigEndian(data + at, 2);
        if ((marker >> 8) != 0xFF) damaged("no marker at byte " + std::to_string(at) + " of the main header", file);
        if (marker == 0xFF93 || marker == 0xFFD9) {  // SOD, EOC
            if (!sawSiz) damaged("the main header has no SIZ segment", file);
            return;
        }
        if (marker >= 0xFF30 && marker <= 0xFF3F) {
            at += 2;
            continue;
        }
        if (at + 4 > size) break;
        const std::uint32_t length = bigEndian(data + at + 2, 2);
        if (length < 2 || at + 2 + length > size)
            damaged("the marker segment at byte " + std::to_string(at) + " claims " + std::to_string(length) +
                        " bytes, past the end of its " + std::to_string(size) + "-byte fragment",
                    file);
        if (marker == 0xFF51) {
            checkSiz(data + at + 2, length, image, file);
            sawSiz = true;
        }
        if (marker == 0xFF52 && length < 12) damaged("its COD segment is too short", file);
        at += 2 + length;
    }
    damaged("the codestream's headers end without tile data", file);
}

// A JP2 file (ISO/IEC 15444-1 annex I): boxes of length, type [, extended length]; the
// codestream is the contents of the 'jp2c' box.
void checkJp2Boxes(const std::uint8_t* data, std::size_t size, const Jpeg2000Image& image, const std::filesystem::path& file) {
    std::size_t at = 0;
    while (at + 8 <= size) {
        std::uint64_t length = bigEndian(data + at, 4);
        std::size_t header = 8;
        if (length == 1) {
            if (at + 16 > size) break;
            length = (std::uint64_t{bigEndian(data + at + 8, 4)} << 32) | bigEndian(data + at + 12, 4);
            header = 16;
        } else if (length == 0) {
            length = size - at;  // the last box runs to the end
        }
        if (length < header || length > size - at)
            damaged("the JP2 box at byte " + std::to_string(at) + " runs past its fragment", file);
        if (std::memcmp(data + at + 4, "jp2c", 4) == 0) {
            const std::uint8_t* codestream = data + at + header;
            const std::size_t codestreamSize = static_cast<std::size_t>(length) - header;
            if (codestreamSize < 2 || bigEndian(codestream, 2) != 0xFF4F) damaged("the JP2 codestream box holds no codestream", file);
            checkMainHeader(codestream, codestreamSize, image, file);
            return;
        }
        at += static_cast<std::size_t>(length);
    }
    damaged("the JP2 file holds no codestream box", file);
}

}  // namespace

void checkJpeg2000Codestreams(DcmElement& pixelData, E_TransferSyntax xfer, const Jpeg2000Image& image,
                              const std::filesystem::path& file) {
    auto* pixels = dynamic_cast<DcmPixelData*>(&pixelData);
    DcmPixelSequence* sequence = nullptr;
    if (pixels == nullptr || pixels->getEncapsulatedRepresentation(xfer, nullptr, sequence).bad() || sequence == nullptr)
        damaged("it is not stored as encapsulated fragments", file);
    static const std::uint8_t kJp2Signature[] = {0, 0, 0, 0x0C, 'j', 'P', ' ', ' '};
    // Item 0 is the basic offset table; the fragments follow.
    for (unsigned long i = 1; i < sequence->card(); ++i) {
        DcmPixelItem* item = nullptr;
        Uint8* data = nullptr;
        if (sequence->getItem(item, i).bad() || item == nullptr || item->getUint8Array(data).bad() || data == nullptr)
            continue;
        const std::size_t size = item->getLength();
        if (size >= 2 && bigEndian(data, 2) == 0xFF4F)
            checkMainHeader(data, size, image, file);
        else if (size >= sizeof kJp2Signature && std::memcmp(data, kJp2Signature, sizeof kJp2Signature) == 0)
            checkJp2Boxes(data, size, image, file);
    }
}

namespace {

[[noreturn]] void badAttribute(const DcmTagKey& key, const std::string& what, const std::filesystem::path& file) {
    throw Error(std::string(DcmTag(key).getTagName()) + " " + what, file.string(), kRemedy);
}

Uint16 requireUint16(DcmDataset& dataset, const DcmTagKey& key, const std::filesystem::path& file) {
    Uint16 value = 0;
    if (dataset.findAndGetUint16(key, value).bad()) badAttribute(key, "is missing or not a number", file);
    return value;
}

bool isUid(const std::string& text) {
    return !text.empty() && text.size() <= 64 && text.find_first_not_of("0123456789.") == std::string::npos;
}

}  // namespace

Jpeg2000Copy::Jpeg2000Copy(DcmDataset& dataset, E_TransferSyntax xfer, const std::filesystem::path& file) {
    DcmElement* pixelData = nullptr;
    if (dataset.findAndGetElement(DCM_PixelData, pixelData).bad() || pixelData == nullptr)
        damaged("there is no Pixel Data element", file);

    DcmFileFormat copy;
    DcmDataset& out = *copy.getDataset();
    const Uint16 rows = requireUint16(dataset, DCM_Rows, file), columns = requireUint16(dataset, DCM_Columns, file);
    const Uint16 samples = requireUint16(dataset, DCM_SamplesPerPixel, file);
    const Uint16 allocated = requireUint16(dataset, DCM_BitsAllocated, file);
    const Uint16 stored = requireUint16(dataset, DCM_BitsStored, file);
    const Uint16 highBit = requireUint16(dataset, DCM_HighBit, file);
    const Uint16 representation = requireUint16(dataset, DCM_PixelRepresentation, file);
    if (rows == 0 || columns == 0) badAttribute(DCM_Rows, "or Columns is 0", file);
    if (samples != 1 && samples != 3) badAttribute(DCM_SamplesPerPixel, "is " + std::to_string(samples) + " (1 or 3 are supported)", file);
    if (allocated != 8 && allocated != 16 && allocated != 32) badAttribute(DCM_BitsAllocated, "is " + std::to_string(allocated), file);
    if (stored == 0 || stored > allocated || highBit != stored - 1)
        badAttribute(DCM_BitsStored, "and High Bit do not fit Bits Allocated", file);
    if (representation > 1) badAttribute(DCM_PixelRepresentation, "is neither 0 nor 1", file);
    checkJpeg2000Codestreams(*pixelData, xfer, Jpeg2000Image{rows, columns, samples, allocated}, file);
    for (const auto& [key, value] : {std::pair{DCM_Rows, rows}, {DCM_Columns, columns}, {DCM_SamplesPerPixel, samples},
                                     {DCM_BitsAllocated, allocated}, {DCM_BitsStored, stored}, {DCM_HighBit, highBit},
                                     {DCM_PixelRepresentation, representation}})
        out.putAndInsertUint16(key, value);
    if (samples == 3) out.putAndInsertUint16(DCM_PlanarConfiguration, 0);  // ignored for compressed data

    static const std::set<std::string> kPhotometric = {"MONOCHROME1", "MONOCHROME2", "RGB", "YBR_FULL", "YBR_FULL_422",
                                                       "YBR_ICT", "YBR_RCT", "PALETTE COLOR"};
    const std::string photometric = getString(dataset, DCM_PhotometricInterpretation);
    if (!kPhotometric.count(photometric)) badAttribute(DCM_PhotometricInterpretation, "is '" + photometric + "'", file);
    out.putAndInsertString(DCM_PhotometricInterpretation, photometric.c_str());
    const auto frames = getLong(dataset, DCM_NumberOfFrames);
    if (frames && *frames >= 1) out.putAndInsertString(DCM_NumberOfFrames, std::to_string(*frames).c_str());
    // The SOP class and modality decide whether GDCM applies the rescale, as for the original.
    const std::string sopClass = getString(dataset, DCM_SOPClassUID);
    out.putAndInsertString(DCM_SOPClassUID, isUid(sopClass) ? sopClass.c_str() : UID_SecondaryCaptureImageStorage);
    const std::string modality = getString(dataset, DCM_Modality);
    if (!modality.empty() && modality.size() <= 16 && modality.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ") == std::string::npos)
        out.putAndInsertString(DCM_Modality, modality.c_str());
    for (const auto& key : {DCM_RescaleSlope, DCM_RescaleIntercept}) {
        const auto values = getDoubles(dataset, key);
        if (values.size() == 1 && std::isfinite(values[0])) {
            char text[32];
            std::snprintf(text, sizeof text, "%.10g", values[0]);
            out.putAndInsertString(key, text);
        }
    }
    out.insert(static_cast<DcmElement*>(pixelData->clone()));

    static std::atomic<unsigned> counter{0};
    path_ = std::filesystem::temp_directory_path() /
            ("vitask-j2k-" + std::to_string(::getpid()) + "-" + std::to_string(counter++) + ".dcm");
    if (copy.saveFile(path_.c_str(), xfer).bad()) {
        std::error_code ignored;
        std::filesystem::remove(path_, ignored);
        throw Error("cannot write a temporary copy for the JPEG 2000 decoder", path_.string(),
                    "Free space in the temporary folder (TMPDIR).");
    }
}

Jpeg2000Copy::~Jpeg2000Copy() {
    std::error_code ignored;
    std::filesystem::remove(path_, ignored);
}

}  // namespace vitask::imaging::detail

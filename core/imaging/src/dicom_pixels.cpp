#include "dicom_pixels.h"

#include "dcmtk_support.h"
#include "itk_codec.h"
#include "jpeg2000_guard.h"
#include "segmented_palette.h"
#include "stored_value.h"
#include "vitask/common/error.h"

#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcpixel.h>
#include <dcmtk/dcmdata/dcxfer.h>
#include <dcmtk/dcmimage/diregist.h>  // colour support for DicomImage
#include <dcmtk/dcmimgle/dcmimage.h>
#include <dcmtk/dcmimgle/dipixel.h>

#include <cmath>
#include <cstdint>
#include <utility>

namespace vitask::imaging::detail {
namespace {

namespace fs = std::filesystem;

template <typename T>
void copyMonochrome(const void* data, std::size_t count, std::vector<float>& out) {
    const T* in = static_cast<const T*>(data);
    out.resize(count);
    for (std::size_t i = 0; i < count; ++i) out[i] = static_cast<float>(in[i]);
}

template <typename T>
void copyColour(const void* data, std::size_t count, std::vector<float>& out) {
    // DCMTK keeps colour images as three planes whatever the Planar Configuration.
    const T* const* planes = static_cast<const T* const*>(data);
    out.resize(count * 3);
    for (std::size_t i = 0; i < count; ++i) {
        for (std::size_t c = 0; c < 3; ++c) out[i * 3 + c] = static_cast<float>(planes[c][i]);
    }
}

void copyInter(const DiPixel& pixel, bool colour, std::size_t count, std::vector<float>& out,
               const fs::path& file) {
    const void* data = pixel.getData();
    if (data == nullptr) {
        throw Error("the decoder returned no pixel data", file.string(),
                    "The file may be damaged; open it in another viewer to check.");
    }
    switch (pixel.getRepresentation()) {
#define VITASK_CASE(REP, TYPE)                                                   \
    case REP:                                                                    \
        colour ? copyColour<TYPE>(data, count, out) : copyMonochrome<TYPE>(data, count, out); \
        break;
        VITASK_CASE(EPR_Uint8, Uint8)
        VITASK_CASE(EPR_Sint8, Sint8)
        VITASK_CASE(EPR_Uint16, Uint16)
        VITASK_CASE(EPR_Sint16, Sint16)
        VITASK_CASE(EPR_Uint32, Uint32)
        VITASK_CASE(EPR_Sint32, Sint32)
#undef VITASK_CASE
    }
}

std::size_t expectedNativeBytes(DcmDataset& ds, std::size_t pixels, std::size_t samples,
                                const std::string& photometric) {
    const long bitsAllocated = getLong(ds, DCM_BitsAllocated).value_or(0);
    // 4:2:2 subsampled YBR stores two luminance and one pair of chroma values per two
    // pixels: two samples per pixel instead of three.
    const bool subsampled = photometric == "YBR_FULL_422" || photometric == "YBR_PARTIAL_422";
    const std::size_t values = pixels * (subsampled && samples == 3 ? 2 : samples);
    return (values * static_cast<std::size_t>(bitsAllocated) + 7) / 8;
}

// Explicit VR big endian with 32-bit pixels in an OW element: DCMTK byte-swaps OW as
// 16-bit words, which leaves the two halves of every 32-bit value in the wrong order.
// Writers (and pydicom; see rtdose_expb.dcm against its little endian twin rtdose.dcm)
// mean 32-bit big endian values, so the halves are swapped back before decoding.
void fixBigEndian32BitWords(DcmDataset& ds, DcmElement& pixelData, E_TransferSyntax xfer) {
    if (xfer != EXS_BigEndianExplicit || getLong(ds, DCM_BitsAllocated).value_or(0) != 32 ||
        pixelData.getVR() != EVR_OW) {
        return;
    }
    Uint16* words = nullptr;
    if (pixelData.getUint16Array(words).bad() || words == nullptr) return;
    const std::size_t count = pixelData.getLength() / sizeof(Uint16);
    for (std::size_t i = 0; i + 1 < count; i += 2) std::swap(words[i], words[i + 1]);
}

template <bool Signed>
void convertStored(const std::uint16_t* stored, std::size_t count, int unused, double slope,
                   double intercept, float* out) {
    if (slope == 1.0 && intercept == std::trunc(intercept) && std::abs(intercept) < double(1 << 23)) {
        // Integer results below 2^24: float arithmetic is exact, the same as in double.
        const int offset = int(intercept);
        for (std::size_t i = 0; i < count; ++i) out[i] = float(storedValue<Signed>(stored[i], unused) + offset);
        return;
    }
    for (std::size_t i = 0; i < count; ++i) {
        out[i] = static_cast<float>(storedValue<Signed>(stored[i], unused) * slope + intercept);
    }
}

// Native 16-bit greyscale (most CT and MR): the stored values are read straight from the
// element, masked to Bits Stored and sign-extended, without DicomImage's intermediate
// copies. Returns false when the file needs the general path (other depths, a high bit
// not at Bits Stored - 1, a Modality LUT table).
bool decodeNative16(DcmDataset& ds, DcmElement& pixelData, std::size_t rows, std::size_t columns,
                    std::size_t frames, const std::string& photometric, DecodedPixels& out) {
    if (getLong(ds, DCM_BitsAllocated).value_or(0) != 16 || getLong(ds, DCM_SamplesPerPixel).value_or(0) != 1 ||
        (photometric != "MONOCHROME1" && photometric != "MONOCHROME2") ||
        ds.tagExists(DCM_ModalityLUTSequence)) {
        return false;
    }
    const long bitsStored = getLong(ds, DCM_BitsStored).value_or(16);
    const long highBit = getLong(ds, DCM_HighBit).value_or(bitsStored - 1);
    const bool isSigned = getLong(ds, DCM_PixelRepresentation).value_or(0) == 1;
    if (bitsStored < 1 || bitsStored > 16 || highBit != bitsStored - 1) return false;
    Uint16* words = nullptr;
    if (pixelData.getUint16Array(words).bad() || words == nullptr) return false;
    const std::size_t count = rows * columns * frames;
    if (pixelData.getLength() / sizeof(Uint16) < count) return false;

    out.columns = columns;
    out.rows = rows;
    out.frames = frames;
    out.components = 1;
    out.photometric = photometric;
    out.values.resize(count);
    const auto rescale = modalityRescale(ds, frames);
    const std::size_t frameSize = rows * columns;
    for (std::size_t f = 0; f < frames; ++f) {
        const auto [slope, intercept] = rescale[f];
        convertStored16(words + f * frameSize, frameSize, int(bitsStored), isSigned, slope, intercept,
                        out.values.data() + f * frameSize);
    }
    return true;
}

// Values no image has, checked before DCMTK allocates what they declare: Samples per
// Pixel beyond 4 (DICOM has 1, 3, and the retired 4), and RLE data that would decode to
// more than RLE can expand the whole file to (at most 64 times: a run of 128 bytes in 2);
// a 3.7 KB file declaring 62979 samples per pixel made DCMTK allocate 2.5 GB (fuzz_dicom).
void requirePlausiblePixels(DcmDataset& ds, std::size_t pixelCount, std::size_t samples, const DcmXfer& xfer,
                            const fs::path& file) {
    if (samples < 1 || samples > 4)
        throw Error("Samples per Pixel (0028,0002) is " + std::to_string(samples) +
                        "; DICOM images have 1 (grey) or 3 (colour)",
                    file.string(), "The file is damaged; ask its sender for a corrected copy.");
    if (xfer.getXfer() != EXS_RLELossless) return;
    std::error_code ec;
    const auto onDisk = fs::file_size(file, ec);
    const auto bytesPerSample = static_cast<std::size_t>((getLong(ds, DCM_BitsAllocated).value_or(8) + 7) / 8);
    const std::size_t declared = pixelCount * samples * bytesPerSample;
    if (!ec && declared > 64 * static_cast<std::size_t>(onDisk) + 65536)
        throw Error("the RLE-compressed pixel data would decode to " + std::to_string(declared) +
                        " bytes, more than RLE can expand this " + std::to_string(onDisk) +
                        "-byte file to: Rows, Columns, Samples per Pixel or Bits Allocated are wrong",
                    file.string(), "The file is damaged; ask its sender for a corrected copy.");
}

}  // namespace

std::vector<std::pair<double, double>> modalityRescale(DcmDataset& ds, std::size_t frames) {
    auto fromItem = [](DcmItem& item, std::pair<double, double>& out) {
        DcmItem* transform = nullptr;
        DcmItem* source = &item;
        if (item.findAndGetSequenceItem(DCM_PixelValueTransformationSequence, transform, 0).good() &&
            transform) {
            source = transform;
        }
        const auto slope = getDoubles(*source, DCM_RescaleSlope);
        const auto intercept = getDoubles(*source, DCM_RescaleIntercept);
        if (slope.empty() && intercept.empty()) return false;
        out = {slope.empty() ? 1.0 : slope[0], intercept.empty() ? 0.0 : intercept[0]};
        return true;
    };
    std::pair<double, double> common{1.0, 0.0};
    DcmItem* shared = nullptr;
    if (!(ds.findAndGetSequenceItem(DCM_SharedFunctionalGroupsSequence, shared, 0).good() && shared &&
          fromItem(*shared, common))) {
        fromItem(ds, common);
    }
    std::vector<std::pair<double, double>> perFrame(frames, common);
    DcmSequenceOfItems* groups = nullptr;
    if (ds.findAndGetSequence(DCM_PerFrameFunctionalGroupsSequence, groups).good() && groups) {
        for (std::size_t f = 0; f < frames && f < groups->card(); ++f) {
            fromItem(*groups->getItem(static_cast<unsigned long>(f)), perFrame[f]);
        }
    }
    return perFrame;
}

void convertStored16(const std::uint16_t* stored, std::size_t count, int bitsStored, bool isSigned,
                     double slope, double intercept, float* out) {
    if (isSigned) {
        convertStored<true>(stored, count, 16 - bitsStored, slope, intercept, out);
    } else {
        convertStored<false>(stored, count, 16 - bitsStored, slope, intercept, out);
    }
}

DecodedPixels decodePixels(DcmFileFormat& format, const fs::path& file) {
    initDcmtk();
    DcmDataset& ds = *format.getDataset();
    DcmElement* pixelData = nullptr;
    if (ds.findAndGetElement(DCM_PixelData, pixelData).bad() || pixelData == nullptr) {
        const std::string modality = getString(ds, DCM_Modality);
        throw Error("contains no image (no Pixel Data element" +
                        (modality.empty() ? std::string(")") : "; modality " + modality + ")"),
                    file.string(), "Open an image file; this object holds no pixels.");
    }
    for (const DcmTagKey& key : {DCM_Rows, DCM_Columns, DCM_BitsAllocated, DCM_SamplesPerPixel}) {
        if (!getLong(ds, key)) {
            throw Error(std::string("the pixel description is incomplete: ") + DcmTag(key).getTagName() +
                            " is missing",
                        file.string(), "The file is not a valid DICOM image.");
        }
    }
    if (ds.tagExists(DCM_NumberOfFrames) && !getLong(ds, DCM_NumberOfFrames)) {
        throw Error("Number of Frames (0028,0008) is not a number: '" +
                        getString(ds, DCM_NumberOfFrames) + "'",
                    file.string(), "The file is malformed; ask its sender for a corrected copy.");
    }
    const std::size_t rows = static_cast<std::size_t>(*getLong(ds, DCM_Rows));
    const std::size_t columns = static_cast<std::size_t>(*getLong(ds, DCM_Columns));
    const std::size_t samples = static_cast<std::size_t>(*getLong(ds, DCM_SamplesPerPixel));
    const std::size_t frames =
        static_cast<std::size_t>(std::max(1L, getLong(ds, DCM_NumberOfFrames).value_or(1)));
    const std::string photometric = getString(ds, DCM_PhotometricInterpretation);
    const E_TransferSyntax xfer = ds.getOriginalXfer();
    const DcmXfer xferInfo(xfer);
    requirePlausiblePixels(ds, rows * columns * frames, samples, xferInfo, file);

    if (isJpeg2000(xferInfo.getXferID())) {
        const Jpeg2000Copy copy(ds, xfer, file);
        return itkCodec().decodeJpeg2000(copy.path(), file, frames);
    }

    if (!xferInfo.isEncapsulated()) {
        // DCMTK fills missing bytes with zeros and carries on: a silent wrong image.
        const std::size_t expected = expectedNativeBytes(ds, rows * columns * frames, samples, photometric);
        const std::size_t actual = pixelData->getLength();
        if (actual < expected) {
            throw Error("the pixel data is truncated: " + std::to_string(actual) + " bytes, " +
                            std::to_string(expected) + " expected",
                        file.string(), "Copy the file again from its source; it was cut short.");
        }
    }

    if (!xferInfo.isEncapsulated()) {
        fixBigEndian32BitWords(ds, *pixelData, xfer);
        DecodedPixels fast;
        if (decodeNative16(ds, *pixelData, rows, columns, frames, photometric, fast)) return fast;
    }

    if (photometric == "PALETTE COLOR") expandSegmentedPalette(ds, file.string());
    const bool modalityLutTable = ds.tagExists(DCM_ModalityLUTSequence);
    // Rescale slope/intercept are applied here in double precision (DCMTK would round the
    // result to integers); a Modality LUT table is left to DCMTK.
    const unsigned long flags = modalityLutTable ? 0UL : CIF_IgnoreModalityTransformation;
    DicomImage image(&ds, xfer, flags, 0, 0);
    if (image.getStatus() != EIS_Normal) {
        throw Error(std::string("cannot decode the pixel data (") +
                        DicomImage::getString(image.getStatus()) + ", transfer syntax " +
                        xferInfo.getXferName() + ")",
                    file.string(), "The file may be damaged or use an unsupported encoding.");
    }
    const DiPixel* inter = image.getInterData();
    if (inter == nullptr) {
        throw Error("the decoder returned no pixel data", file.string(),
                    "The file may be damaged; open it in another viewer to check.");
    }
    DecodedPixels out;
    out.columns = image.getWidth();
    out.rows = image.getHeight();
    out.frames = image.getFrameCount();
    const std::size_t count = out.columns * out.rows * out.frames;
    if (out.frames != frames || inter->getCount() < count || inter->getInputCount() < count) {
        throw Error("the pixel data holds fewer frames than the header declares (" +
                        std::to_string(inter->getInputCount()) + " of " + std::to_string(count) +
                        " pixels)",
                    file.string(), "Copy the file again from its source; it was cut short.");
    }
    const bool colour = !image.isMonochrome();
    out.components = colour ? 3 : 1;
    out.photometric = colour ? "RGB" : photometric;
    copyInter(*inter, colour, count, out.values, file);

    if (!colour && !modalityLutTable) {
        const auto rescale = modalityRescale(ds, frames);
        const std::size_t frameSize = out.columns * out.rows;
        for (std::size_t f = 0; f < out.frames; ++f) {
            const auto [slope, intercept] = rescale[f];
            if (slope == 1.0 && intercept == 0.0) continue;
            float* values = out.values.data() + f * frameSize;
            for (std::size_t i = 0; i < frameSize; ++i) {
                values[i] = static_cast<float>(values[i] * slope + intercept);
            }
        }
    }
    return out;
}

}  // namespace vitask::imaging::detail

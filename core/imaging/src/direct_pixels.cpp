#include "direct_pixels.h"

#include "dcmtk_support.h"
#include "dicom_pixels.h"
#include "file_descriptor.h"

#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcistrmf.h>
#include <dcmtk/dcmdata/dcxfer.h>

namespace vitask::imaging::detail {
namespace {

namespace fs = std::filesystem;

// The file's size and modification time, or false when it cannot be examined.
bool fileStamp(const fs::path& file, std::uint64_t& size, std::int64_t& modified) {
    std::error_code ec;
    size = fs::file_size(file, ec);
    if (ec) return false;
    modified = fs::last_write_time(file, ec).time_since_epoch().count();
    return !ec;
}

}  // namespace

DirectPixels locateDirectPixels(DcmFileFormat& format, const fs::path& file) {
    DirectPixels direct;
    DcmDataset& ds = *format.getDataset();
    const E_TransferSyntax xfer = ds.getOriginalXfer();
    // The bytes go into memory as they are: file and machine must share the byte order.
    if ((xfer != EXS_LittleEndianExplicit && xfer != EXS_LittleEndianImplicit) ||
        gLocalByteOrder != EBO_LittleEndian) {
        return direct;
    }
    // The same conditions as the native 16-bit path of decodePixels, single frame only.
    const std::string photometric = getString(ds, DCM_PhotometricInterpretation);
    if (getLong(ds, DCM_BitsAllocated).value_or(0) != 16 || getLong(ds, DCM_SamplesPerPixel).value_or(0) != 1 ||
        getLong(ds, DCM_NumberOfFrames).value_or(1) != 1 ||
        (photometric != "MONOCHROME1" && photometric != "MONOCHROME2") ||
        ds.tagExists(DCM_ModalityLUTSequence) || ds.tagExists(DCM_PerFrameFunctionalGroupsSequence) ||
        ds.tagExists(DCM_SharedFunctionalGroupsSequence)) {
        return direct;
    }
    const long bitsStored = getLong(ds, DCM_BitsStored).value_or(16);
    const long highBit = getLong(ds, DCM_HighBit).value_or(bitsStored - 1);
    if (bitsStored < 1 || bitsStored > 16 || highBit != bitsStored - 1) {
        return direct;
    }
    const auto rows = getLong(ds, DCM_Rows), columns = getLong(ds, DCM_Columns);
    DcmElement* pixelData = nullptr;
    if (!rows || !columns || *rows <= 0 || *columns <= 0 ||
        ds.findAndGetElement(DCM_PixelData, pixelData).bad() || pixelData == nullptr) {
        return direct;
    }
    // Only a value DCMTK left in the file has a known place there (not loaded, not deflated).
    const DcmInputStreamFactory* source = pixelData->getInputStream();
    if (source == nullptr || source->ident() != DFT_DcmInputFileStreamFactory) return direct;
    const std::uint64_t bytes = std::uint64_t(*rows) * std::uint64_t(*columns) * 2;
    const auto offset = static_cast<const DcmInputFileStreamFactory*>(source)->getOffset();
    if (offset < 0 || pixelData->getLength() < bytes || !fileStamp(file, direct.fileSize, direct.modified) ||
        std::uint64_t(offset) + bytes > direct.fileSize) {
        return direct;
    }
    const auto rescale = modalityRescale(ds, 1).front();
    direct.offset = std::uint64_t(offset);
    direct.bitsStored = int(bitsStored);
    direct.isSigned = getLong(ds, DCM_PixelRepresentation).value_or(0) == 1;
    direct.slope = rescale.first;
    direct.intercept = rescale.second;
    direct.usable = true;
    return direct;
}

bool unchangedSinceScan(const DicomInstance& instance) {
    std::uint64_t size = 0;
    std::int64_t modified = 0;
    return fileStamp(instance.file, size, modified) && size == instance.direct.fileSize &&
           modified == instance.direct.modified;
}

bool readDirectPixels(const DicomInstance& instance, float* out, std::vector<std::uint16_t>& scratch) {
    const DirectPixels& direct = instance.direct;
    if (!direct.usable || !unchangedSinceScan(instance)) return false;
    const std::size_t count = instance.rows * instance.columns;
    scratch.resize(count);
    const FileDescriptor fd(instance.file);
    if (!fd.isOpen() || !fd.readAt(scratch.data(), count * sizeof(std::uint16_t), direct.offset)) return false;
    convertStored16(scratch.data(), count, direct.bitsStored, direct.isSigned, direct.slope,
                    direct.intercept, out);
    return true;
}

}  // namespace vitask::imaging::detail

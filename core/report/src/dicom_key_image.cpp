#include "dicom_key_image.h"

#include "vitask/common/error.h"

#include <dcmtk/dcmdata/dcdeftag.h>

namespace vitask::report::detail {
namespace {

// What the picture is, in the image itself (Derivation Description).
std::string derivation(const CaseReport& c) {
    std::string text = "Key image of the AI answer";
    if (c.keyImage.heatmap) {
        const std::string method = c.saliencyMethod.empty() ? std::string("saliency") : c.saliencyMethod;
        text += ", with the " + method + " saliency map";
        if (!c.saliencyLabel.empty()) text += " for \"" + c.saliencyLabel + "\"";
        text += " blended in";
    }
    return text;
}

// General Image's Source Image Sequence: the instance the key image was made from.
void putSourceImage(DcmItem& dataset, const DicomReference& source, const std::filesystem::path& file) {
    DcmItem* item = nullptr;
    const OFCondition status = dataset.findOrCreateSequenceItem(DCM_SourceImageSequence, item, 0);
    if (status.bad() || item == nullptr)
        throw Error(std::string("cannot reference the source image (") + status.text() + ")", file.string(),
                    "Report this as a bug in VITask Studio.");
    putString(*item, DCM_ReferencedSOPClassUID, source.sopClassUid, file);
    putString(*item, DCM_ReferencedSOPInstanceUID, source.sopInstanceUid, file);
}

// Image Pixel module: 8-bit RGB, colour-by-pixel (PlanarConfiguration 0), as KeyImage
// holds it.
void putPixels(DcmItem& dataset, const KeyImage& image, const std::filesystem::path& file) {
    const std::size_t expected = std::size_t(image.width) * std::size_t(image.height) * 3;
    if (image.width <= 0 || image.height <= 0 || image.width > 65535 || image.height > 65535 ||
        image.rgb.size() != expected)
        throw Error("the key image has " + std::to_string(image.rgb.size()) + " bytes for " +
                        std::to_string(image.width) + " x " + std::to_string(image.height) + " RGB pixels",
                    file.string(), "Report this as a bug in VITask Studio.");
    putString(dataset, DCM_SamplesPerPixel, "3", file);
    putString(dataset, DCM_PhotometricInterpretation, "RGB", file);
    putString(dataset, DCM_PlanarConfiguration, "0", file);
    putString(dataset, DCM_Rows, std::to_string(image.height), file);
    putString(dataset, DCM_Columns, std::to_string(image.width), file);
    putString(dataset, DCM_BitsAllocated, "8", file);
    putString(dataset, DCM_BitsStored, "8", file);
    putString(dataset, DCM_HighBit, "7", file);
    putString(dataset, DCM_PixelRepresentation, "0", file);
    const OFCondition status =
        dataset.putAndInsertUint8Array(DCM_PixelData, image.rgb.data(), static_cast<unsigned long>(image.rgb.size()));
    if (status.bad())
        throw Error(std::string("cannot store the key image's pixels (") + status.text() + ")", file.string(),
                    "Report this as a bug in VITask Studio.");
}

}  // namespace

std::unique_ptr<DcmFileFormat> keyImageCapture(const Report& report, const CaseReport& c,
                                               const NewInstance& instance, const std::filesystem::path& file) {
    auto format = std::make_unique<DcmFileFormat>();
    DcmDataset& dataset = *format->getDataset();
    putSharedModules(dataset, report, c, instance, file);
    // SC Equipment: a workstation made it (WSD), from the image the model saw.
    putString(dataset, DCM_ConversionType, "WSD", file);
    putString(dataset, DCM_ImageType, "DERIVED\\SECONDARY", file);
    putString(dataset, DCM_DerivationDescription, derivation(c), file);
    if (!c.dicom.empty()) putSourceImage(dataset, c.dicom, file);
    // Type 2C in General Series and General Image; unknown for a picture of any body part.
    putString(dataset, DCM_Laterality, "", file);
    putString(dataset, DCM_PatientOrientation, "", file);
    // The picture shows the image and the heatmap, no text.
    putString(dataset, DCM_BurnedInAnnotation, "NO", file);
    putString(dataset, DCM_LossyImageCompression, "00", file);
    putPixels(dataset, c.keyImage, file);
    return format;
}

}  // namespace vitask::report::detail

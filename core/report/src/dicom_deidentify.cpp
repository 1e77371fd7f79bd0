// A de-identified copy of a source instance (PS3.15 Basic Application Level
// Confidentiality Profile), under the export's new UIDs.
#include "vitask/report/dicom_report.h"

#include "deid_profile.h"
#include "dicom_common.h"
#include "vitask/common/error.h"

#include <dcmtk/dcmdata/dcdeftag.h>

namespace vitask::report {

void writeDeidentifiedCopy(const std::filesystem::path& source, const std::filesystem::path& target, UidMap& uids) {
    auto format = detail::loadDicomFile(source);
    DcmDataset& dataset = *format->getDataset();
    // The profile cleans the header; text burned into the pixels stays, so such an
    // image cannot be de-identified here.
    if (detail::getString(dataset, DCM_BurnedInAnnotation) == "YES")
        throw Error("refused to de-identify: the image has burned-in annotation (Burned In Annotation is YES), "
                    "so its pixels may show patient data",
                    source.string(), "Leave this image out of the de-identified export.");
    // The pixel data is written in the syntax it was read in, so its bytes stay as they are.
    const E_TransferSyntax xfer = dataset.getOriginalXfer();
    detail::applyBasicProfile(dataset, uids);
    detail::putDeidentificationMethod(dataset, target);
    // A new meta header: the old one names the old SOP Instance UID and the sending
    // application.
    auto copy = detail::saveToTemporary(*format, target, "de-identified copy", xfer, EWM_createNewMeta);
    copy->commit();
}

}  // namespace vitask::report

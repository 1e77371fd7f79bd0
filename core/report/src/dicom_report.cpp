// A case as DICOM: the source's identity read from its file, and the case written as a
// Comprehensive SR (TID 1500) with its key image as a Secondary Capture.
#include "vitask/report/dicom_report.h"

#include "dicom_common.h"
#include "dicom_key_image.h"
#include "dicom_sr_tree.h"
#include "vitask/common/error.h"

#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmsr/dsrdoc.h>

namespace vitask::report {
namespace {

constexpr const char* kComprehensiveSrStorage = "1.2.840.10008.5.1.4.1.1.88.33";

// Reports are UTF-8. When a source's text cannot be converted (an undeclared 8-bit
// character set; ISO 2022 IR 87 Japanese, which glibc's iconv under Debian's DCMTK
// lacks), only the part before any escape sequence is certain, e.g. the alphabetic
// group of a person name; 8-bit bytes in it show as '?'.
class SourceText {
public:
    explicit SourceText(DcmDataset& dataset) : dataset_(dataset), converted_(dataset.convertToUTF8().good()) {}

    std::string operator()(const DcmTagKey& key) const {
        std::string value = detail::getString(dataset_, key);
        if (converted_) return value;
        value = value.substr(0, value.find('\x1b'));
        for (char& ch : value)
            if (static_cast<unsigned char>(ch) >= 0x80) ch = '?';
        while (!value.empty() && value.back() == '=') value.pop_back();  // PN group separators
        return value;
    }

private:
    DcmDataset& dataset_;
    bool converted_;
};

void check(const OFCondition& status, const std::string& what, const std::filesystem::path& file) {
    if (status.bad())
        throw Error("cannot write the structured report: " + what + " (" + status.text() + ")", file.string(),
                    "Report this as a bug in VITask Studio.");
}

void declarePrivateScheme(DSRCodingSchemeIdentificationList& schemes, const std::filesystem::path& file) {
    check(schemes.addItem(detail::kPrivateScheme), "the private coding scheme", file);
    check(schemes.setCodingSchemeName(detail::kPrivateSchemeName), "the private coding scheme's name", file);
    check(schemes.setCodingSchemeResponsibleOrganization("VITask Studio"), "the private coding scheme's owner", file);
}

std::unique_ptr<DcmFileFormat> structuredReport(const Report& report, const CaseReport& c,
                                                const detail::NewInstance& instance,
                                                const std::filesystem::path& file) {
    DSRDocument document(DSRTypes::DT_ComprehensiveSR);
    check(document.setSpecificCharacterSetType(DSRTypes::CS_UTF8), "the character set", file);
    detail::buildMeasurementReport(document.getTree(), c, file);
    declarePrivateScheme(document.getCodingSchemeIdentification(), file);
    // Every instance the content references is listed as evidence.
    if (!c.dicom.empty())
        check(document.getCurrentRequestedProcedureEvidence().addItem(
                  c.dicom.studyInstanceUid.c_str(), c.dicom.seriesInstanceUid.c_str(), c.dicom.sopClassUid.c_str(),
                  c.dicom.sopInstanceUid.c_str()),
              "the source image as evidence", file);
    // A reviewed case is complete. It stays UNVERIFIED: verifying needs an accountable
    // verifier with an organisation (Verifying Observer Sequence), which a research
    // review does not name.
    if (c.review) check(document.completeDocument(), "the completion flag", file);

    auto format = std::make_unique<DcmFileFormat>();
    check(document.write(*format->getDataset()), "the document", file);
    // DSRDocument made its own UIDs, equipment and times; the export's replace them.
    detail::putSharedModules(*format->getDataset(), report, c, instance, file);
    return format;
}

std::filesystem::path keyImageFile(const std::filesystem::path& srFile) {
    return srFile.parent_path() / (srFile.stem().string() + "-key-image.dcm");
}

}  // namespace

void readDicomSource(CaseReport& c) {
    if (c.sourceFile.empty() || !detail::looksLikeDicom(c.sourceFile)) return;
    const auto format = detail::loadDicomFile(c.sourceFile);
    DcmDataset& dataset = *format->getDataset();
    const SourceText text(dataset);
    DicomReference reference{text(DCM_StudyInstanceUID), text(DCM_SeriesInstanceUID), text(DCM_SOPInstanceUID),
                             text(DCM_SOPClassUID)};
    if (reference.studyInstanceUid.empty() || reference.seriesInstanceUid.empty() ||
        reference.sopInstanceUid.empty() || reference.sopClassUid.empty())
        throw Error("the DICOM file lacks its Study, Series or SOP Instance UID or its SOP Class UID",
                    c.sourceFile.string(), "Repair the file's identifiers, or open the original file.");
    c.dicom = std::move(reference);
    PatientInfo patient;
    patient.name = text(DCM_PatientName);
    patient.id = text(DCM_PatientID);
    patient.birthDate = text(DCM_PatientBirthDate);
    patient.sex = text(DCM_PatientSex);
    patient.studyDate = text(DCM_StudyDate);
    patient.studyTime = text(DCM_StudyTime);
    patient.accessionNumber = text(DCM_AccessionNumber);
    patient.studyId = text(DCM_StudyID);
    patient.studyDescription = text(DCM_StudyDescription);
    patient.referringPhysician = text(DCM_ReferringPhysicianName);
    c.patient = std::move(patient);
    c.burnedInAnnotation = text(DCM_BurnedInAnnotation) == "YES";
}

DicomReportFiles writeDicomReport(const Report& report, const CaseReport& c, const std::filesystem::path& srFile) {
    detail::initDcmtk();
    // The SR and the key image join the source's study (a new one for other sources),
    // each in a series of its own.
    const std::string study = c.dicom.empty() ? UidMap::fresh() : c.dicom.studyInstanceUid;
    const detail::NewInstance srInstance{study,  UidMap::fresh(), UidMap::fresh(), kComprehensiveSrStorage,
                                         "SR",   "9901",          "VITask AI report"};
    auto sr = structuredReport(report, c, srInstance, srFile);
    auto srTemporary = detail::saveToTemporary(*sr, srFile, "DICOM SR");

    DicomReportFiles files{srFile, {}};
    if (!c.keyImage.empty() && c.keyImage.withheld.empty()) {
        files.secondaryCapture = keyImageFile(srFile);
        const detail::NewInstance scInstance{study,
                                             UidMap::fresh(),
                                             UidMap::fresh(),
                                             detail::kSecondaryCaptureImageStorage,
                                             "OT",
                                             "9902",
                                             "VITask key image"};
        auto sc = detail::keyImageCapture(report, c, scInstance, files.secondaryCapture);
        detail::saveToTemporary(*sc, files.secondaryCapture, "key image")->commit();
    }
    // The SR last: it is the export's result, and it refers to nothing that may be missing.
    srTemporary->commit();
    return files;
}

}  // namespace vitask::report

#include "dicom_common.h"

#include "vitask/common/error.h"

#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcuid.h>
#include <dcmtk/oflog/oflog.h>

#include <algorithm>
#include <cctype>
#include <ctime>
#include <fstream>
#include <mutex>

namespace vitask::report::detail {

void initDcmtk() {
    static std::once_flag once;
    std::call_once(once, [] { OFLog::configure(OFLogger::OFF_LOG_LEVEL); });
}

bool looksLikeDicom(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    char header[132] = {};
    if (in.read(header, sizeof header) && std::string(header + 128, 4) == "DICM") return true;
    std::string extension = file.extension().string();
    std::transform(extension.begin(), extension.end(), extension.begin(),
                   [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
    return extension == ".dcm" || extension == ".dicom" || extension == ".dic";
}

std::unique_ptr<DcmFileFormat> loadDicomFile(const std::filesystem::path& file) {
    initDcmtk();
    std::error_code ec;
    if (!std::filesystem::is_regular_file(file, ec)) throw Error("no such file", file.string(), "Check the path.");
    auto format = std::make_unique<DcmFileFormat>();
    const OFCondition status = format->loadFile(file.c_str());
    if (status.bad())
        throw Error(std::string("not a readable DICOM file (") + status.text() + ")", file.string(),
                    "Check that the file is DICOM and complete (copy it again if it was cut short).");
    // Without a meta header DCMTK reads any bytes as some dataset; a DICOM object names
    // its SOP class.
    if (format->getDataset()->tagExists(DCM_SOPClassUID) == OFFalse)
        throw Error("not a DICOM file (it has no SOP Class UID)", file.string(),
                    "Check that the file is a DICOM image and complete.");
    return format;
}

std::string getString(DcmItem& item, const DcmTagKey& key) {
    OFString value;
    if (item.findAndGetOFStringArray(key, value).good()) return value.c_str();
    return {};
}

void putString(DcmItem& item, const DcmTagKey& key, const std::string& value, const std::filesystem::path& file) {
    const OFCondition status = item.putAndInsertString(DcmTag(key), value.c_str());
    if (status.bad())
        throw Error("cannot set " + std::string(DcmTag(key).getTagName()) + " (" + status.text() + ")",
                    file.string(), "Report this as a bug in VITask Studio.");
}

std::unique_ptr<AtomicFile> saveToTemporary(DcmFileFormat& format, const std::filesystem::path& file,
                                            const std::string& what, E_TransferSyntax xfer, E_FileWriteMode mode) {
    std::unique_ptr<AtomicFile> temporary;
    try {
        temporary = std::make_unique<AtomicFile>(file);
    } catch (const Error& e) {
        // AtomicFile names the folder when the folder is the problem; the user chose the
        // file, so the message names the file and keeps the folder as detail.
        std::string problem = "cannot write the " + what + ": " + e.problem();
        if (e.subject() != file.string()) problem += " (" + e.subject() + ")";
        throw Error(problem, file.string(), e.remedy());
    }
    const OFCondition status = format.saveFile(temporary->temporaryPath().c_str(), xfer, EET_ExplicitLength,
                                               EGL_recalcGL, EPD_noChange, 0, 0, mode);
    if (status.bad())
        throw Error("cannot write the " + what + " (" + status.text() + ")", file.string(),
                    "Free disk space or choose another folder.");
    return temporary;
}

namespace {

bool allDigits(const std::string& text) {
    return !text.empty() && std::all_of(text.begin(), text.end(), [](unsigned char ch) { return std::isdigit(ch); });
}

// The export's objects carry the source study's attributes so that a PACS files them
// under the same study; without patient data (de-identified) these type 2 attributes
// are present and empty.
void putPatientAndStudy(DcmItem& dataset, const CaseReport& c, const NewInstance& instance,
                        const std::filesystem::path& file) {
    const PatientInfo patient = c.patient.value_or(PatientInfo{});
    putString(dataset, DCM_PatientName, patient.name, file);
    putString(dataset, DCM_PatientID, patient.id, file);
    putString(dataset, DCM_PatientBirthDate, patient.birthDate, file);
    putString(dataset, DCM_PatientSex, patient.sex, file);
    putString(dataset, DCM_StudyInstanceUID, instance.studyUid, file);
    putString(dataset, DCM_StudyDate, patient.studyDate, file);
    putString(dataset, DCM_StudyTime, patient.studyTime, file);
    putString(dataset, DCM_ReferringPhysicianName, patient.referringPhysician, file);
    putString(dataset, DCM_StudyID, patient.studyId, file);
    putString(dataset, DCM_AccessionNumber, patient.accessionNumber, file);
    if (!patient.studyDescription.empty()) putString(dataset, DCM_StudyDescription, patient.studyDescription, file);
}

}  // namespace

DicomDateTime dicomDateTime(const std::string& isoUtc) {
    // "YYYY-MM-DDTHH:MM:SS" with an optional fraction, then "Z".
    if (isoUtc.size() < 20 || isoUtc[4] != '-' || isoUtc[7] != '-' || isoUtc[10] != 'T' || isoUtc[13] != ':' ||
        isoUtc[16] != ':' || isoUtc.back() != 'Z')
        return {};
    DicomDateTime result{isoUtc.substr(0, 4) + isoUtc.substr(5, 2) + isoUtc.substr(8, 2),
                         isoUtc.substr(11, 2) + isoUtc.substr(14, 2) + isoUtc.substr(17, 2)};
    if (!allDigits(result.date) || !allDigits(result.time)) return {};
    return result;
}

DicomDateTime dicomNowUtc() {
    const std::time_t now = std::time(nullptr);
    std::tm utc{};
    gmtime_r(&now, &utc);
    char date[16], time[16];
    std::strftime(date, sizeof date, "%Y%m%d", &utc);
    std::strftime(time, sizeof time, "%H%M%S", &utc);
    return {date, time};
}

void putSharedModules(DcmItem& dataset, const Report& report, const CaseReport& c, const NewInstance& instance,
                      const std::filesystem::path& file) {
    // Answers and reviews may hold any text.
    putString(dataset, DCM_SpecificCharacterSet, "ISO_IR 192", file);
    putString(dataset, DCM_SOPClassUID, instance.sopClassUid, file);
    putString(dataset, DCM_SOPInstanceUID, instance.instanceUid, file);
    putPatientAndStudy(dataset, c, instance, file);
    putString(dataset, DCM_Modality, instance.modality, file);
    putString(dataset, DCM_SeriesInstanceUID, instance.seriesUid, file);
    putString(dataset, DCM_SeriesNumber, instance.seriesNumber, file);
    putString(dataset, DCM_SeriesDescription, instance.seriesDescription, file);
    putString(dataset, DCM_InstanceNumber, "1", file);
    putString(dataset, DCM_Manufacturer, report.software.name, file);
    putString(dataset, DCM_ManufacturerModelName, report.software.name, file);
    if (!report.software.version.empty()) putString(dataset, DCM_SoftwareVersions, report.software.version, file);

    // Every date and time of the export is UTC, and says so.
    DicomDateTime content = dicomDateTime(report.generatedAt);
    if (content.date.empty()) content = dicomNowUtc();
    putString(dataset, DCM_ContentDate, content.date, file);
    putString(dataset, DCM_ContentTime, content.time, file);
    putString(dataset, DCM_InstanceCreationDate, content.date, file);
    putString(dataset, DCM_InstanceCreationTime, content.time, file);
    putString(dataset, DCM_TimezoneOffsetFromUTC, "+0000", file);
    if (report.deidentified) putDeidentificationMethod(dataset, file);
}

void putDeidentificationMethod(DcmItem& dataset, const std::filesystem::path& file) {
    putString(dataset, DCM_PatientIdentityRemoved, "YES", file);
    putString(dataset, DCM_DeidentificationMethod, "DICOM PS3.15 Basic Profile (VITask Studio)", file);
    // A source de-identified before may list options (e.g. retained patient
    // characteristics) that this profile did not keep.
    dataset.findAndDeleteElement(DCM_DeidentificationMethodCodeSequence);
    DcmItem* code = nullptr;
    const OFCondition status = dataset.findOrCreateSequenceItem(DCM_DeidentificationMethodCodeSequence, code, 0);
    if (status.bad() || code == nullptr)
        throw Error(std::string("cannot record the de-identification method (") + status.text() + ")",
                    file.string(), "Report this as a bug in VITask Studio.");
    putString(*code, DCM_CodeValue, "113100", file);
    putString(*code, DCM_CodingSchemeDesignator, "DCM", file);
    putString(*code, DCM_CodeMeaning, "Basic Application Confidentiality Profile", file);
}

}  // namespace vitask::report::detail

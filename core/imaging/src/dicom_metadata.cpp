#include "vitask/imaging/dicom_metadata.h"

#include "dcmtk_support.h"
#include "vitask/common/error.h"

#include <dcmtk/dcmdata/dcelem.h>
#include <dcmtk/dcmdata/dcsequen.h>
#include <dcmtk/dcmdata/dcvr.h>

#include <algorithm>
#include <cstdio>
#include <utility>

namespace vitask::imaging {
namespace {

// Values longer than this are summarized rather than shown (pixel data, overlays, ...).
constexpr Uint32 kMaxShownBytes = 1024;

bool isBinary(DcmEVR vr) {
    switch (vr) {
        case EVR_OB: case EVR_OW: case EVR_OF: case EVR_OD: case EVR_OL: case EVR_OV:
        case EVR_UN: case EVR_pixelSQ: case EVR_pixelItem: case EVR_ox: case EVR_px:
            return true;
        default:
            return false;
    }
}

std::vector<DicomElement> listItem(DcmItem& item);

DicomElement describe(DcmElement& element) {
    DcmTag tag = element.getTag();  // getTagName() is not const
    DicomElement out;
    out.group = tag.getGTag();
    out.element = tag.getETag();
    char text[16];
    std::snprintf(text, sizeof text, "(%04X,%04X)", out.group, out.element);
    out.tag = text;
    out.keyword = tag.getTagName();
    out.vr = DcmVR(element.getVR()).getVRName();
    out.identifiesPatient = DicomMetadata::identifiesPatient(out.group, out.element);
    if (element.ident() == EVR_SQ) {
        auto& sequence = static_cast<DcmSequenceOfItems&>(element);
        for (unsigned long i = 0; i < sequence.card(); ++i) {
            out.items.push_back(listItem(*sequence.getItem(i)));
        }
        out.value = std::to_string(sequence.card()) + " item(s)";
        return out;
    }
    const Uint32 length = element.getLength();
    if (isBinary(element.ident()) || element.getVR() == EVR_pixelSQ) {
        out.value = "<" + std::to_string(length == DCM_UndefinedLength ? 0 : length) +
                    " bytes of binary data>";
        if (length == DCM_UndefinedLength) out.value = "<encapsulated binary data>";
        return out;
    }
    if (length > kMaxShownBytes) {
        out.value = "<" + std::to_string(length) + " bytes>";
        return out;
    }
    OFString value;
    if (element.getOFStringArray(value).good()) out.value = value.c_str();
    return out;
}

std::vector<DicomElement> listItem(DcmItem& item) {
    std::vector<DicomElement> out;
    for (unsigned long i = 0; i < item.card(); ++i) {
        if (DcmElement* element = item.getElement(i)) out.push_back(describe(*element));
    }
    return out;
}

}  // namespace

std::vector<DicomElement> DicomMetadata::read(const std::filesystem::path& file) {
    auto format = detail::loadDicom(file);
    std::vector<DicomElement> elements;
    if (DcmMetaInfo* meta = format->getMetaInfo()) elements = listItem(*meta);
    auto dataset = listItem(*format->getDataset());
    elements.insert(elements.end(), std::make_move_iterator(dataset.begin()),
                    std::make_move_iterator(dataset.end()));
    return elements;
}

bool DicomMetadata::identifiesPatient(std::uint16_t group, std::uint16_t element) {
    // Attributes of PS3.15 Table E.1-1 (Basic Profile) that name or describe the patient,
    // the people and places around them, or date the visit. UIDs are replaced by that
    // profile too but identify objects, not people, so they are not flagged here.
    static const std::pair<std::uint16_t, std::uint16_t> tags[] = {
        {0x0008, 0x0020}, {0x0008, 0x0021}, {0x0008, 0x0022}, {0x0008, 0x0023},  // dates
        {0x0008, 0x0030}, {0x0008, 0x0031}, {0x0008, 0x0032}, {0x0008, 0x0033},  // times
        {0x0008, 0x0050},  // AccessionNumber
        {0x0008, 0x0080}, {0x0008, 0x0081},  // InstitutionName, InstitutionAddress
        {0x0008, 0x0090}, {0x0008, 0x0092}, {0x0008, 0x0094},  // ReferringPhysician*
        {0x0008, 0x1010},  // StationName
        {0x0008, 0x1040},  // InstitutionalDepartmentName
        {0x0008, 0x1048}, {0x0008, 0x1050}, {0x0008, 0x1060}, {0x0008, 0x1070},  // physicians, operators
        {0x0010, 0x0010},  // PatientName
        {0x0010, 0x0020},  // PatientID
        {0x0010, 0x0021},  // IssuerOfPatientID
        {0x0010, 0x0030}, {0x0010, 0x0032},  // PatientBirthDate, PatientBirthTime
        {0x0010, 0x0040},  // PatientSex
        {0x0010, 0x0050},  // PatientInsurancePlanCodeSequence
        {0x0010, 0x0101},  // PatientPrimaryLanguageCodeSequence
        {0x0010, 0x1000}, {0x0010, 0x1001}, {0x0010, 0x1002},  // OtherPatientIDs/Names/IDsSequence
        {0x0010, 0x1005},  // PatientBirthName
        {0x0010, 0x1010}, {0x0010, 0x1020}, {0x0010, 0x1030},  // PatientAge, Size, Weight
        {0x0010, 0x1040},  // PatientAddress
        {0x0010, 0x1060},  // PatientMotherBirthName
        {0x0010, 0x1080}, {0x0010, 0x1081},  // MilitaryRank, BranchOfService
        {0x0010, 0x1090},  // MedicalRecordLocator
        {0x0010, 0x1100},  // ReferencedPatientPhotoSequence
        {0x0010, 0x2150}, {0x0010, 0x2152},  // CountryOfResidence, RegionOfResidence
        {0x0010, 0x2154}, {0x0010, 0x2155},  // PatientTelephoneNumbers, TelecomInformation
        {0x0010, 0x2160}, {0x0010, 0x2180},  // EthnicGroup, Occupation
        {0x0010, 0x21B0}, {0x0010, 0x21F0},  // AdditionalPatientHistory, ReligiousPreference
        {0x0010, 0x2297}, {0x0010, 0x2299},  // ResponsiblePerson, ResponsibleOrganization
        {0x0010, 0x4000},  // PatientComments
        {0x0020, 0x0010},  // StudyID
        {0x0032, 0x1032},  // RequestingPhysician
        {0x0038, 0x0010}, {0x0038, 0x0400}, {0x0038, 0x0500},  // AdmissionID, residence, state
        {0x0040, 0x0006},  // ScheduledPerformingPhysicianName
        {0x0040, 0x1010},  // NamesOfIntendedRecipientsOfResults
        {0x0040, 0xA075}, {0x0040, 0xA123},  // VerifyingObserverName, PersonName
    };
    return std::find(std::begin(tags), std::end(tags), std::make_pair(group, element)) !=
           std::end(tags);
}

}  // namespace vitask::imaging

#!/usr/bin/python3
"""What pydicom, an independent reader, finds in VITask's DICOM exports (test_report_dicom).

Run with Debian's /usr/bin/python3 (python3-pydicom). Each command prints one JSON object
of facts; the C++ test asserts on them.

  source FILE                     the identity and patient data of a source instance
  report SOURCE SR [SC]           the SR's (and key image's) identity, evidence and content
  deid ORIGINAL COPY SR [SC]      the de-identified copy against PS3.15's Basic Profile
"""
import hashlib
import json
import sys

import pydicom
import pydicom.multival
from pydicom.datadict import tag_for_keyword

# PS3.15 Table E.1-1, Basic Profile: attributes an image file may carry whose action is
# not K (keep), by keyword. Typed from the standard's table for this test, apart from the
# C++ table in core/report/src/deid_profile.cpp, so that a slip in one shows in the other.
BASIC_PROFILE = {
    "AccessionNumber", "AcquisitionComments", "AcquisitionContextSequence", "AcquisitionDate",
    "AcquisitionDateTime", "AcquisitionDeviceProcessingDescription", "AcquisitionProtocolDescription",
    "AcquisitionTime", "AdditionalPatientHistory", "AdmissionID",
    "AdmittingDiagnosesDescription", "Allergies", "AuthorObserverSequence", "CassetteID",
    "ClinicalTrialSubjectID", "ConcatenationUID", "ConsultingPhysicianName", "ContentCreatorName",
    "ContentDate", "ContentTime", "ContrastBolusAgent", "ContributionDescription", "CountryOfResidence",
    "CurrentPatientLocation", "CurveDate", "CurveTime", "DateOfSecondaryCapture", "DerivationDescription",
    "DetectorID", "DeviceSerialNumber", "DeviceUID", "DimensionOrganizationUID", "EthnicGroup",
    "FrameComments", "FrameOfReferenceUID", "GantryID", "GeneratorID", "IconImageSequence",
    "IdentifyingComments", "ImageComments", "InstanceCreationDate", "InstanceCreationTime",
    "InstanceCreatorUID", "InstitutionAddress", "InstitutionCodeSequence", "InstitutionName",
    "InstitutionalDepartmentName", "IrradiationEventUID", "IssuerOfPatientID", "LastMenstrualDate",
    "MedicalAlerts", "MedicalRecordLocator", "MilitaryRank", "ModifiedAttributesSequence",
    "NameOfPhysiciansReadingStudy", "Occupation", "OperatorsName", "OperatorIdentificationSequence",
    "OriginalAttributesSequence", "OtherPatientIDs", "OtherPatientIDsSequence", "OtherPatientNames",
    "OverlayDate", "OverlayTime", "PatientAddress", "PatientAge", "PatientBirthDate", "PatientBirthName",
    "PatientBirthTime", "PatientComments", "PatientID", "PatientInsurancePlanCodeSequence",
    "PatientMotherBirthName", "PatientName", "PatientReligiousPreference", "PatientSex",
    "PatientSexNeutered", "PatientSize", "PatientState", "PatientTelephoneNumbers", "PatientWeight",
    "PerformedLocation", "PerformedProcedureStepDescription", "PerformedProcedureStepEndDate",
    "PerformedProcedureStepEndTime", "PerformedProcedureStepID", "PerformedProcedureStepStartDate",
    "PerformedProcedureStepStartTime", "PerformedStationAETitle", "PerformedStationName",
    "PerformingPhysicianName", "PersonName", "PhysiciansOfRecord", "PlateID", "PregnancyStatus",
    "ProtocolName", "ReasonForStudy", "ReasonForTheRequestedProcedure", "ReferencedPatientSequence",
    "ReferencedPerformedProcedureStepSequence", "ReferencedSOPInstanceUID", "ReferencedStudySequence",
    "ReferringPhysicianAddress", "ReferringPhysicianName", "ReferringPhysicianTelephoneNumbers",
    "RequestAttributesSequence", "RequestedProcedureDescription", "RequestedProcedureID",
    "RequestingPhysician", "RequestingService", "ResponsibleOrganization", "ResponsiblePerson",
    "ScheduledProcedureStepDescription", "ScheduledProcedureStepID", "SeriesDate", "SeriesDescription",
    "SeriesInstanceUID", "SeriesTime", "SmokingStatus", "SOPInstanceUID", "SpecialNeeds", "StationName",
    "StorageMediaFileSetUID", "StudyComments", "StudyDate", "StudyDescription", "StudyID",
    "StudyIDIssuer", "StudyInstanceUID", "StudyTime", "SynchronizationFrameOfReferenceUID",
    "TimeOfSecondaryCapture", "TimezoneOffsetFromUTC", "UID", "VerifyingObserverName",
    "VerifyingOrganization", "VisitComments",
}


def text(dataset, keyword):
    value = dataset.get(keyword)
    return "" if value is None else str(value)


def values(dataset, keyword):
    """A multi-valued attribute's values (one for a single value, none when absent)."""
    value = dataset.get(keyword)
    if value is None or value == "":
        return []
    return [str(v) for v in value] if isinstance(value, pydicom.multival.MultiValue) else [str(value)]


def identity(dataset):
    return {
        "study": text(dataset, "StudyInstanceUID"),
        "series": text(dataset, "SeriesInstanceUID"),
        "sop": text(dataset, "SOPInstanceUID"),
        "sopClass": text(dataset, "SOPClassUID"),
        "patientName": text(dataset, "PatientName"),
        "patientId": text(dataset, "PatientID"),
        "charset": text(dataset, "SpecificCharacterSet"),
    }


def walk(dataset, path=()):
    """Every element with its path (tag, item index, tag, ...), sequences' items included."""
    for element in dataset:
        yield path + (element.tag,), element
        if element.VR == "SQ":
            for index, item in enumerate(element.value):
                yield from walk(item, path + (element.tag, index))


def find(dataset, path):
    """The element at `path` in `dataset`, or None."""
    current = dataset
    for position, step in enumerate(path):
        if isinstance(step, int):
            if step >= len(current):
                return None
            current = current[step]
            continue
        if step not in current:
            return None
        element = current[step]
        if position == len(path) - 1:
            return element
        current = element.value
    return None


def is_empty(element):
    return element is None or element.value is None or element.value == "" or (
        element.VR == "SQ" and len(element.value) == 0)


def values_of(dataset, keyword):
    return [str(e.value) for _, e in walk(dataset) if e.keyword == keyword and e.value is not None]


def evidence(dataset):
    references = []
    for study in dataset.get("CurrentRequestedProcedureEvidenceSequence", []):
        for series in study.get("ReferencedSeriesSequence", []):
            for instance in series.get("ReferencedSOPSequence", []):
                references.append({
                    "study": text(study, "StudyInstanceUID"),
                    "series": text(series, "SeriesInstanceUID"),
                    "sopClass": text(instance, "ReferencedSOPClassUID"),
                    "sop": text(instance, "ReferencedSOPInstanceUID"),
                })
    return references


def command_source(path):
    dataset = pydicom.dcmread(path)
    facts = identity(dataset)
    for key, keyword in [("birthDate", "PatientBirthDate"), ("sex", "PatientSex"), ("studyDate", "StudyDate"),
                         ("studyTime", "StudyTime"), ("accessionNumber", "AccessionNumber"), ("studyId", "StudyID"),
                         ("studyDescription", "StudyDescription"),
                         ("referringPhysician", "ReferringPhysicianName"),
                         ("burnedInAnnotation", "BurnedInAnnotation")]:
        facts[key] = text(dataset, keyword)
    return facts


def command_report(source_path, sr_path, sc_path=None):
    source = pydicom.dcmread(source_path)
    sr = pydicom.dcmread(sr_path)
    facts = {"source": identity(source), "sr": identity(sr)}
    facts["sr"].update({
        "evidence": evidence(sr),
        "completion": text(sr, "CompletionFlag"),
        "verification": text(sr, "VerificationFlag"),
        "codingSchemes": [text(i, "CodingSchemeDesignator") for i in sr.get("CodingSchemeIdentificationSequence", [])],
        "texts": values_of(sr, "TextValue"),
        "codeMeanings": values_of(sr, "CodeMeaning"),
        "personNames": values_of(sr, "PersonName"),
        "images": values_of(sr, "ReferencedSOPInstanceUID"),
    })
    if sc_path:
        sc = pydicom.dcmread(sc_path)
        rows, columns = int(sc.Rows), int(sc.Columns)
        facts["sc"] = identity(sc)
        facts["sc"].update({
            "rows": rows, "columns": columns, "samplesPerPixel": int(sc.SamplesPerPixel),
            "photometric": text(sc, "PhotometricInterpretation"),
            "planarConfiguration": int(sc.PlanarConfiguration), "bitsAllocated": int(sc.BitsAllocated),
            "burnedInAnnotation": text(sc, "BurnedInAnnotation"), "conversionType": text(sc, "ConversionType"),
            "modality": text(sc, "Modality"),
            "pixelSha256": hashlib.sha256(sc.PixelData[:rows * columns * 3]).hexdigest(),
            "sourceImages": values_of(sc, "ReferencedSOPInstanceUID"),
        })
    return facts


def identifiers(dataset):
    """The source's patient names and IDs as bytes: what must appear in no exported file."""
    found = set()
    for _, element in walk(dataset):
        if element.keyword in ("PatientName", "PatientID", "OtherPatientNames", "OtherPatientIDs") and element.value:
            whole = str(element.value)
            found.add(whole)
            found.update(part for part in whole.replace("=", "^").split("^") if len(part) >= 4)
    return sorted(found)


def command_deid(original_path, copy_path, sr_path, sc_path=None):
    original = pydicom.dcmread(original_path)
    copy = pydicom.dcmread(copy_path)
    sr = pydicom.dcmread(sr_path)
    facts = {
        "unknownKeywords": sorted(k for k in BASIC_PROFILE if tag_for_keyword(k) is None),
        "checked": [], "kept": [],
    }
    for path, element in walk(original):
        if element.keyword not in BASIC_PROFILE or is_empty(element):
            continue
        exported = find(copy, path)
        facts["checked"].append(element.keyword)
        if not is_empty(exported) and exported.value == element.value:
            facts["kept"].append(element.keyword)
    facts["privateLeft"] = sorted({str(e.tag) for _, e in walk(copy) if e.tag.is_private})
    facts["overlayLeft"] = sorted({str(e.tag) for _, e in walk(copy) if e.tag.group & 0xFF00 == 0x6000})
    facts["references"] = values_of(copy, "ReferencedSOPInstanceUID")
    facts["failedList"] = values(copy, "FailedSOPInstanceUIDList")
    facts["pixelIdentical"] = original.PixelData == copy.PixelData
    facts["patientIdentityRemoved"] = text(copy, "PatientIdentityRemoved")
    facts["methodCodes"] = [text(i, "CodeValue") for i in copy.get("DeidentificationMethodCodeSequence", [])]
    facts["copy"] = identity(copy)
    facts["copy"]["mediaStorageSop"] = text(copy.file_meta, "MediaStorageSOPInstanceUID")
    facts["original"] = identity(original)
    facts["sr"] = identity(sr)
    facts["sr"]["evidence"] = evidence(sr)
    files = {"copy": copy_path, "sr": sr_path}
    if sc_path:
        facts["sc"] = identity(pydicom.dcmread(sc_path))
        files["sc"] = sc_path
    facts["identifiers"] = identifiers(original)
    facts["leaks"] = []
    for name, path in files.items():
        with open(path, "rb") as handle:
            content = handle.read()
        for identifier in facts["identifiers"]:
            for encoding in ("utf-8", "latin-1"):
                if identifier.encode(encoding, "replace") in content:
                    facts["leaks"].append(f"{name}: {identifier}")
    return facts


def main(arguments):
    commands = {"source": command_source, "report": command_report, "deid": command_deid}
    if len(arguments) < 2 or arguments[0] not in commands:
        print(__doc__, file=sys.stderr)
        return 2
    print(json.dumps(commands[arguments[0]](*arguments[1:])))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

#include "dcmtk_support.h"

#include "vitask/common/error.h"

#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcistrmb.h>
#include <dcmtk/dcmdata/dcobject.h>
#include <dcmtk/dcmdata/dcsequen.h>
#include <dcmtk/dcmdata/dcstack.h>
#include <dcmtk/dcmdata/dcrledrg.h>
#include <dcmtk/dcmdata/dcxfer.h>
#include <dcmtk/dcmjpeg/djdecode.h>
#include <dcmtk/dcmjpls/djdecode.h>
#include <dcmtk/oflog/oflog.h>

#include <cstring>
#include <mutex>
#include <vector>

namespace vitask::imaging::detail {

void initDcmtk() {
    static std::once_flag once;
    std::call_once(once, [] {
        // Errors reach the user through our exceptions; DCMTK's own console output would
        // duplicate them and may quote header values.
        OFLog::configure(OFLogger::OFF_LOG_LEVEL);
        // Some writers encode the dataset in another transfer syntax than the meta header
        // declares (e.g. implicit VR under an RLE or JPEG syntax); pydicom copes, so must we.
        dcmAutoDetectDatasetXfer.set(OFTrue);
        // DCMTK skips that detection when the meta header names a compressed syntax
        // ("data set seems to be compressed", dcdatset.cc), so an implicit VR dataset under
        // JPEG Baseline fails with 'Invalid stream'. This flag reads each element whose
        // "VR" bytes are no VR at all (an implicit length, e.g. 18 00) as implicit VR
        // little endian instead, which keeps the pixel data in the declared syntax.
        dcmAcceptUnexpectedImplicitEncoding.set(OFTrue);
        DJDecoderRegistration::registerCodecs();
        DJLSDecoderRegistration::registerCodecs();
        DcmRLEDecoderRegistration::registerCodecs();
    });
}

namespace {

// PS3.5 6.2.2: an element with VR UN holds its value as Implicit VR Little Endian would
// encode it. Writers that did not know a VR (GDCM's gdcmconv wrote the whole of pydicom's
// rtdose_rle.dcm as UN) leave DS/IS text and binary numbers unreadable through the typed
// getters; an element whose tag the data dictionary knows is parsed again the implicit way,
// as pydicom does. Sequences are searched too.
DcmElement* parseAsImplicit(DcmElement& unknown) {
    const DcmTag known(unknown.getTag().getXTag());
    const DcmEVR vr = known.getEVR();
    if (vr == EVR_UN || vr == EVR_UNKNOWN || vr == EVR_UNKNOWN2B) return nullptr;
    Uint8* value = nullptr;
    const Uint32 length = unknown.getLength();
    if (length > 0 && (unknown.getUint8Array(value).bad() || value == nullptr)) return nullptr;
    // Tag and 32-bit length, little endian, then the value: one implicit VR element.
    std::vector<Uint8> bytes(8 + std::size_t(length));
    const Uint16 header[2] = {known.getGroup(), known.getElement()};
    std::memcpy(bytes.data(), header, 4);
    std::memcpy(bytes.data() + 4, &length, 4);
    if (length > 0) std::memcpy(bytes.data() + 8, value, length);
    DcmInputBufferStream stream;
    stream.setBuffer(bytes.data(), offile_off_t(bytes.size()));
    stream.setEos();
    DcmDataset parsed;
    parsed.transferInit();
    const OFCondition status = parsed.read(stream, EXS_LittleEndianImplicit);
    parsed.transferEnd();
    if (status.bad() || parsed.card() != 1) return nullptr;
    return parsed.remove(0UL);
}

// One pass over the elements (nextInContainer: DcmItem::getElement(i) seeks from the start
// each time, which made this quadratic), collecting the UN elements and replacing them
// afterwards so the walk never steps on a deleted element. Files without UN elements pay
// only the walk.
void resolveUnknownVRs(DcmItem& item) {
    std::vector<DcmElement*> unknown;
    for (DcmObject* object = item.nextInContainer(nullptr); object != nullptr; object = item.nextInContainer(object)) {
        if (object->ident() == EVR_SQ) {
            auto* sequence = static_cast<DcmSequenceOfItems*>(object);
            for (DcmObject* child = sequence->nextInContainer(nullptr); child != nullptr;
                 child = sequence->nextInContainer(child)) {
                resolveUnknownVRs(*static_cast<DcmItem*>(child));
            }
        } else if (object->ident() == EVR_UN) {
            unknown.push_back(static_cast<DcmElement*>(object));
        }
    }
    for (DcmElement* element : unknown) {
        if (DcmElement* replacement = parseAsImplicit(*element)) {
            item.insert(replacement, OFTrue);  // replaces (and deletes) the UN element
        }
    }
}

// A value that claims to be longer than the whole file (or, for a deflated dataset, than
// deflate could expand it to) is damage; DCMTK would allocate what it claims when the
// value is used (4 GB for a 39 KB file, found by fuzz_dicom).
void checkDeclaredLengths(DcmFileFormat& format, const std::filesystem::path& file) {
    std::error_code ec;
    const auto onDisk = std::filesystem::file_size(file, ec);
    if (ec) return;
    const bool deflated = format.getDataset()->getOriginalXfer() == EXS_DeflatedLittleEndianExplicit;
    const std::uintmax_t fileSize = deflated ? onDisk * 1032 + 1024 : onDisk;
    DcmStack stack;
    while (format.nextObject(stack, OFTrue).good()) {
        DcmObject* object = stack.top();
        const Uint32 length = object->getLength();
        if (object->isLeaf() && length != DCM_UndefinedLength && length > fileSize) {
            throw Error("element " + std::string(object->getTag().toString().c_str()) + " claims " +
                            std::to_string(length) + " bytes, more than the whole file (" + std::to_string(onDisk) +
                            (deflated ? " bytes, deflated)" : " bytes)"),
                        file.string(), "The file is damaged or cut short: copy it again from its source.");
        }
    }
}

}  // namespace

std::unique_ptr<DcmFileFormat> loadDicom(const std::filesystem::path& file,
                                         std::uint32_t maxReadLength) {
    initDcmtk();
    std::error_code ec;
    if (!std::filesystem::is_regular_file(file, ec)) {
        throw Error("no such file", file.string(), "Check the path.");
    }
    auto format = std::make_unique<DcmFileFormat>();
    const OFCondition status = format->loadFile(file.c_str(), EXS_Unknown, EGL_noChange,
                                                maxReadLength, ERM_autoDetect);
    if (status.bad()) {
        throw Error(std::string("not a readable DICOM file (") + status.text() + ")",
                    file.string(),
                    "Check that the file is DICOM and complete (copy it again if it was cut short).");
    }
    // Without a meta header DCMTK parses any bytes as a dataset; real DICOM objects
    // without one still identify themselves.
    DcmMetaInfo* meta = format->getMetaInfo();
    const bool hasMeta = meta && meta->card() > 0;
    DcmDataset* dataset = format->getDataset();
    if (!hasMeta && !(dataset->tagExists(DCM_SOPClassUID) ||
                      (dataset->tagExists(DCM_Rows) && dataset->tagExists(DCM_PixelData)))) {
        throw Error("not a DICOM file (no meta header and no SOP Class UID)", file.string(),
                    "Open a DICOM file, a folder of DICOM files or a DICOMDIR.");
    }
    checkDeclaredLengths(*format, file);
    resolveUnknownVRs(*dataset);
    return format;
}

std::string getString(DcmItem& item, const DcmTagKey& key) {
    OFString value;
    if (item.findAndGetOFStringArray(key, value).good()) return value.c_str();
    return {};
}

namespace {
std::string trim(const std::string& text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) return {};
    return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

// Strict number parsing: DCMTK's own IS/DS getters (and stod alone) read "1A" as 1; a
// value with anything but a number (and surrounding spaces) is malformed.
bool parseStrictNumber(const OFString& text, double& value) {
    const std::string trimmed = trim(text.c_str());
    std::size_t used = 0;
    try {
        value = std::stod(trimmed, &used);
    } catch (const std::exception&) {
        return false;
    }
    return used == trimmed.size();
}
}  // namespace

std::vector<double> getDoubles(DcmItem& item, const DcmTagKey& key) {
    std::vector<double> out;
    DcmElement* element = nullptr;
    if (item.findAndGetElement(key, element).bad() || element == nullptr) return out;
    const unsigned long count = element->getVM();
    for (unsigned long i = 0; i < count; ++i) {
        Float64 f64;
        Float32 f32;
        Sint32 s32;
        Uint32 u32;
        Sint16 s16;
        Uint16 u16;
        OFString text;
        const DcmEVR vr = element->ident();
        double parsed = 0;
        if (vr == EVR_IS || vr == EVR_DS) {
            // A malformed number makes the whole value count as absent.
            if (element->getOFString(text, i).bad() || !parseStrictNumber(text, parsed)) return {};
            out.push_back(parsed);
        } else if (element->getFloat64(f64, i).good()) {
            out.push_back(f64);
        } else if (element->getFloat32(f32, i).good()) {
            out.push_back(f32);
        } else if (element->getSint32(s32, i).good()) {
            out.push_back(s32);
        } else if (element->getUint32(u32, i).good()) {
            out.push_back(u32);
        } else if (element->getSint16(s16, i).good()) {
            out.push_back(s16);
        } else if (element->getUint16(u16, i).good()) {
            out.push_back(u16);
        } else if (element->getOFString(text, i).good()) {
            if (!parseStrictNumber(text, parsed)) return {};
            out.push_back(parsed);
        }
    }
    return out;
}

std::optional<long> getLong(DcmItem& item, const DcmTagKey& key) {
    const auto values = getDoubles(item, key);
    if (values.empty()) return std::nullopt;
    return static_cast<long>(values.front());
}

std::optional<std::array<std::uint16_t, 3>> getLutDescriptor(DcmItem& item, const DcmTagKey& key) {
    const auto values = getDoubles(item, key);
    if (values.size() != 3) return std::nullopt;
    std::array<std::uint16_t, 3> raw{};
    for (std::size_t i = 0; i < 3; ++i) raw[i] = static_cast<std::uint16_t>(static_cast<long>(values[i]) & 0xffff);
    return raw;
}

InstanceHeader readHeader(DcmFileFormat& format, const std::filesystem::path& path) {
    DcmDataset& ds = *format.getDataset();
    InstanceHeader h;
    h.patientId = getString(ds, DCM_PatientID);
    h.patientName = getString(ds, DCM_PatientName);
    h.studyUid = getString(ds, DCM_StudyInstanceUID);
    h.studyDescription = getString(ds, DCM_StudyDescription);
    h.studyDate = getString(ds, DCM_StudyDate);
    h.seriesUid = getString(ds, DCM_SeriesInstanceUID);
    h.seriesDescription = getString(ds, DCM_SeriesDescription);
    h.modality = getString(ds, DCM_Modality);
    h.seriesNumber = static_cast<int>(getLong(ds, DCM_SeriesNumber).value_or(0));
    if (DcmMetaInfo* meta = format.getMetaInfo()) {
        h.mediaStorageClass = getString(*meta, DCM_MediaStorageSOPClassUID);
    }

    DicomInstance& in = h.instance;
    in.file = path;
    in.sopInstanceUid = getString(ds, DCM_SOPInstanceUID);
    if (auto number = getLong(ds, DCM_InstanceNumber)) {
        in.instanceNumber = static_cast<int>(*number);
        in.hasInstanceNumber = true;
    }
    in.rows = static_cast<std::size_t>(getLong(ds, DCM_Rows).value_or(0));
    in.columns = static_cast<std::size_t>(getLong(ds, DCM_Columns).value_or(0));
    in.frames = static_cast<std::size_t>(std::max(1L, getLong(ds, DCM_NumberOfFrames).value_or(1)));
    in.samplesPerPixel = static_cast<std::size_t>(getLong(ds, DCM_SamplesPerPixel).value_or(1));
    in.hasPixels = ds.tagExists(DCM_PixelData) && in.rows > 0 && in.columns > 0;
    in.photometric = getString(ds, DCM_PhotometricInterpretation);
    OFString direction;
    for (unsigned long i = 0; i < 2; ++i)
        if (ds.findAndGetOFString(DCM_PatientOrientation, direction, i).good()) in.patientOrientation[i] = direction.c_str();
    in.transferSyntax = DcmXfer(ds.getOriginalXfer()).getXferID();

    // Enhanced multi-frame objects keep geometry in the functional groups.
    DcmItem* shared = nullptr;
    ds.findAndGetSequenceItem(DCM_SharedFunctionalGroupsSequence, shared, 0);
    DcmItem* perFrame = nullptr;
    ds.findAndGetSequenceItem(DCM_PerFrameFunctionalGroupsSequence, perFrame, 0);
    auto fromGroups = [&](const DcmTagKey& sequence, const DcmTagKey& key) {
        for (DcmItem* group : {perFrame, shared}) {
            DcmItem* macro = nullptr;
            if (group && group->findAndGetSequenceItem(sequence, macro, 0).good() && macro) {
                auto values = getDoubles(*macro, key);
                if (!values.empty()) return values;
            }
        }
        return getDoubles(ds, key);
    };
    const auto position = fromGroups(DCM_PlanePositionSequence, DCM_ImagePositionPatient);
    const auto orientation = fromGroups(DCM_PlaneOrientationSequence, DCM_ImageOrientationPatient);
    if (position.size() == 3 && orientation.size() == 6) {
        in.hasPosition = true;
        std::copy(position.begin(), position.end(), in.position.begin());
        std::copy(orientation.begin(), orientation.end(), in.orientation.begin());
    } else {
        // The tags are there but their values did not parse (malformed, or a dataset
        // encoded differently from what its meta header says): the geometry is unknown,
        // which the series must say rather than silently show identity.
        in.geometryUnreadable = ds.tagExists(DCM_ImagePositionPatient, OFTrue) ||
                                ds.tagExists(DCM_ImageOrientationPatient, OFTrue);
    }
    auto spacing = fromGroups(DCM_PixelMeasuresSequence, DCM_PixelSpacing);
    if (spacing.size() != 2) spacing = getDoubles(ds, DCM_ImagerPixelSpacing);
    if (spacing.size() == 2 && spacing[0] > 0 && spacing[1] > 0) {
        in.hasPixelSpacing = true;
        in.pixelSpacing = {spacing[0], spacing[1]};
    }
    return h;
}

bool isJpeg2000(const std::string& uid) {
    return uid == "1.2.840.10008.1.2.4.90" || uid == "1.2.840.10008.1.2.4.91" ||
           uid == "1.2.840.10008.1.2.4.92" || uid == "1.2.840.10008.1.2.4.93";
}

}  // namespace vitask::imaging::detail

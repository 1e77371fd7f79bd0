#include "vitask/pacs/dimse_client.h"

#include "vitask/common/error.h"

#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcuid.h>
#include <dcmtk/dcmnet/diutil.h>
#include <dcmtk/dcmnet/scu.h>
#include <dcmtk/oflog/oflog.h>

#include <spdlog/spdlog.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <mutex>
#include <tuple>
#include <set>

namespace vitask::pacs {
namespace fs = std::filesystem;
namespace {

// What we offer for images: the uncompressed syntaxes first, then the compressed ones an
// archive may hold, so that it can send what it stores without transcoding (the pixel
// data arrive as they were stored).
const OFList<OFString>& imageTransferSyntaxes() {
    static const OFList<OFString> syntaxes = [] {
        OFList<OFString> list;
        for (const char* uid : {UID_LittleEndianExplicitTransferSyntax, UID_LittleEndianImplicitTransferSyntax,
                                UID_BigEndianExplicitTransferSyntax, UID_JPEGProcess14SV1TransferSyntax,
                                UID_JPEGProcess1TransferSyntax, UID_JPEGProcess2_4TransferSyntax,
                                UID_JPEGLSLosslessTransferSyntax, UID_JPEGLSLossyTransferSyntax,
                                UID_JPEG2000LosslessOnlyTransferSyntax, UID_JPEG2000TransferSyntax,
                                UID_RLELosslessTransferSyntax, UID_DeflatedExplicitVRLittleEndianTransferSyntax})
            list.push_back(uid);
        return list;
    }();
    return syntaxes;
}

OFList<OFString> uncompressed() {
    OFList<OFString> list;
    list.push_back(UID_LittleEndianExplicitTransferSyntax);
    list.push_back(UID_LittleEndianImplicitTransferSyntax);
    return list;
}

[[noreturn]] void fail(const PacsNode& node, const std::string& what, const OFCondition& condition) {
    const std::string text = condition.text();
    if (condition == DUL_ASSOCIATIONREJECTED)
        throw Error("the archive rejected the association", node.describe(),
                    "Check the called AE title (" + node.calledAe + ") and that the archive knows ours (" +
                        node.callingAe + ") with this host's address.");
    if (condition == DUL_PEERABORTEDASSOCIATION)
        throw Error(what + ": the archive aborted the association", node.describe(),
                    "Archives serve retrieves only to AE titles they know: ask its administrator to register ours (" +
                        node.callingAe + ") with this host's address, or see the archive's log.");
    if (text.find("Connection refused") != std::string::npos)
        throw Error(what + ": nothing answers at " + node.host + ":" + std::to_string(node.port), node.describe(),
                    "Check the host and port, and that the archive is running.");
    if (text.find("imeout") != std::string::npos || condition == DIMSE_NODATAAVAILABLE || condition == DUL_READTIMEOUT)
        throw Error(what + ": no answer within " + std::to_string(node.timeoutSeconds) + " s (" + text + ")",
                    node.describe(), "Check the network, or raise the timeout for a slow archive.");
    throw Error(what + " failed: " + text, node.describe(), "Check the archive's log for why.");
}

// An SCU set up for `node`; presentation contexts are added by the caller.
template <typename Scu>
void configure(Scu& scu, const PacsNode& node) {
    scu.setAETitle(node.callingAe.c_str());
    scu.setPeerHostName(node.host.c_str());
    scu.setPeerPort(static_cast<Uint16>(node.port));
    scu.setPeerAETitle(node.calledAe.c_str());
    scu.setACSETimeout(static_cast<Uint32>(node.timeoutSeconds));
    scu.setDIMSETimeout(static_cast<Uint32>(node.timeoutSeconds));
    scu.setDIMSEBlockingMode(DIMSE_NONBLOCKING);
    scu.setConnectionTimeout(node.timeoutSeconds);
    scu.setVerbosePCMode(OFFalse);
}

// Associates and returns the presentation context of `abstractSyntax` (the service asked for).
template <typename Scu>
T_ASC_PresentationContextID associate(Scu& scu, const PacsNode& node, const std::string& what,
                                      const char* abstractSyntax) {
    static std::once_flag quiet;
    // Failures reach the user through our errors; DCMTK's console lines would repeat them
    // and may quote patient data.
    std::call_once(quiet, [] { OFLog::configure(OFLogger::OFF_LOG_LEVEL); });
    if (auto condition = scu.initNetwork(); condition.bad()) fail(node, what, condition);
    if (auto condition = scu.negotiateAssociation(); condition.bad()) fail(node, what, condition);
    if (!abstractSyntax) return 0;
    const auto context = scu.findPresentationContextID(abstractSyntax, "");
    if (context == 0) {
        scu.releaseAssociation();
        throw Error("the archive does not offer " + what, node.describe(), "Check that it supports this service.");
    }
    return context;
}

std::string text(DcmItem& item, const DcmTagKey& tag) {
    OFString value;
    item.findAndGetOFStringArray(tag, value);
    return value.c_str();
}

// "DICM" after the 128-byte preamble: a Part 10 file, the only kind send() takes (which
// reads and checks each one before anything goes out).
bool hasPart10Preamble(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    char header[132] = {};
    return in.read(header, sizeof header) && std::string(header + 128, 4) == "DICM";
}

std::string hexStatus(Uint16 status) {
    char hex[8];
    std::snprintf(hex, sizeof hex, "0x%04x", status);
    return hex;
}

int number(DcmItem& item, const DcmTagKey& tag) {
    const auto value = text(item, tag);
    try {
        return value.empty() ? 0 : std::stoi(value);
    } catch (const std::exception&) {
        return 0;
    }
}

// C-GET's receiving side: every C-STORE sub-operation written as <SOP Instance UID>.dcm
// (temporary name first), progress reported from the C-GET responses.
class RetrievingScu : public DcmSCU {
public:
    RetrievingScu(fs::path folder, const TransferProgress& progress) : folder_(std::move(folder)), progress_(progress) {}

    int received = 0;
    bool cancelled = false;
    std::string writeError;

protected:
    OFCondition handleCGETResponse(const T_ASC_PresentationContextID presID, RetrieveResponse* response,
                                   OFBool& continueSession) override {
        const auto condition = DcmSCU::handleCGETResponse(presID, response, continueSession);
        const int done = response->m_numberOfCompletedSubops + response->m_numberOfFailedSubops +
                         response->m_numberOfWarningSubops;
        if (progress_ && !progress_(done, done + response->m_numberOfRemainingSubops) && !cancelled) {
            cancelled = true;
            sendCANCELRequest(presID);
        }
        return condition;
    }

    OFCondition handleSTORERequest(const T_ASC_PresentationContextID /*presID*/, DcmDataset* incoming,
                                   OFBool& continueSession, Uint16& status) override {
        continueSession = OFTrue;
        const auto uid = text(*incoming, DCM_SOPInstanceUID);
        // A UID is digits and dots; anything else would make a bad file name.
        if (uid.empty() || uid.find_first_not_of("0123456789.") != std::string::npos) {
            status = STATUS_STORE_Error_CannotUnderstand;
            delete incoming;
            return EC_Normal;
        }
        const auto target = folder_ / (uid + ".dcm");
        const auto partial = folder_ / (uid + ".dcm.partial");
        DcmFileFormat file(incoming);
        const auto xfer = incoming->getOriginalXfer();
        const auto written = file.saveFile(partial.c_str(), xfer == EXS_Unknown ? EXS_LittleEndianExplicit : xfer);
        delete incoming;
        std::error_code error;
        if (written.good()) fs::rename(partial, target, error);
        if (written.bad() || error) {
            fs::remove(partial, error);
            writeError = partial.string() + ": " + (written.bad() ? written.text() : error.message());
            status = STATUS_STORE_Refused_OutOfResources;
            return EC_Normal;
        }
        ++received;
        status = STATUS_Success;
        return EC_Normal;
    }

private:
    fs::path folder_;
    const TransferProgress& progress_;
};

}  // namespace

DimseClient::DimseClient(PacsNode node) : node_(std::move(node)) {
    if (node_.host.empty() || node_.calledAe.empty() || node_.port < 1 || node_.port > 65535)
        throw Error("the archive needs a host, a port (1-65535) and its AE title", node_.describe(),
                    "Give --host, --port and --called-ae.");
    if (node_.calledAe.size() > 16 || node_.callingAe.size() > 16)
        throw Error("an AE title has at most 16 characters", node_.describe());
}

void DimseClient::echo() const {
    DcmSCU scu;
    configure(scu, node_);
    scu.addPresentationContext(UID_VerificationSOPClass, uncompressed());
    const auto context = associate(scu, node_, "C-ECHO", UID_VerificationSOPClass);
    if (auto condition = scu.sendECHORequest(context); condition.bad()) fail(node_, "C-ECHO", condition);
    scu.releaseAssociation();
}

std::vector<StudyMatch> DimseClient::findStudies(const StudyQuery& query) const {
    DcmSCU scu;
    configure(scu, node_);
    scu.addPresentationContext(UID_FINDStudyRootQueryRetrieveInformationModel, uncompressed());
    const auto context = associate(scu, node_, "C-FIND", UID_FINDStudyRootQueryRetrieveInformationModel);
    DcmDataset keys;
    keys.putAndInsertString(DCM_QueryRetrieveLevel, "STUDY");
    keys.putAndInsertString(DCM_StudyInstanceUID, query.studyUid.c_str());
    keys.putAndInsertString(DCM_PatientID, query.patientId.c_str());
    keys.putAndInsertString(DCM_PatientName, query.patientName.c_str());
    keys.putAndInsertString(DCM_ModalitiesInStudy, query.modality.c_str());
    const std::string dates = query.dateFrom.empty() && query.dateTo.empty() ? "" : query.dateFrom + "-" + query.dateTo;
    keys.putAndInsertString(DCM_StudyDate, dates.c_str());
    keys.putAndInsertString(DCM_AccessionNumber, query.accession.c_str());
    keys.putAndInsertString(DCM_StudyDescription, "");
    keys.putAndInsertString(DCM_NumberOfStudyRelatedSeries, "");
    keys.putAndInsertString(DCM_NumberOfStudyRelatedInstances, "");
    OFList<QRResponse*> responses;
    const auto condition = scu.sendFINDRequest(context, &keys, &responses);
    std::vector<StudyMatch> matches;
    for (auto* response : responses) {
        if (response->m_dataset) {
            auto& d = *response->m_dataset;
            matches.push_back({text(d, DCM_StudyInstanceUID), text(d, DCM_PatientID), text(d, DCM_PatientName),
                               text(d, DCM_StudyDate), text(d, DCM_StudyDescription), text(d, DCM_AccessionNumber),
                               text(d, DCM_ModalitiesInStudy), number(d, DCM_NumberOfStudyRelatedSeries),
                               number(d, DCM_NumberOfStudyRelatedInstances)});
        }
        delete response;
    }
    if (condition.bad()) fail(node_, "C-FIND", condition);
    scu.releaseAssociation();
    std::sort(matches.begin(), matches.end(), [](const StudyMatch& a, const StudyMatch& b) {
        return std::tie(a.studyDate, a.studyUid) < std::tie(b.studyDate, b.studyUid);
    });
    return matches;
}

TransferResult DimseClient::get(const std::string& studyUid, const std::string& seriesUid, const fs::path& folder,
                                const TransferProgress& progress) const {
    if (studyUid.empty()) throw Error("no study given", "C-GET", "Give the Study Instance UID (from find).");
    std::error_code error;
    fs::create_directories(folder, error);
    if (error) throw Error("cannot create the folder: " + error.message(), folder.string());

    RetrievingScu scu(folder, progress);
    configure(scu, node_);
    scu.addPresentationContext(UID_GETStudyRootQueryRetrieveInformationModel, uncompressed());
    // Storage contexts in the SCP role, for the instances the archive sends back on the
    // same association (a presentation context each; the association allows 128).
    std::set<std::string> added;
    for (int i = 0; i < numberOfDcmLongSCUStorageSOPClassUIDs && added.size() < 120; ++i)
        if (added.insert(dcmLongSCUStorageSOPClassUIDs[i]).second)
            scu.addPresentationContext(dcmLongSCUStorageSOPClassUIDs[i], imageTransferSyntaxes(), ASC_SC_ROLE_SCP);
    const auto context = associate(scu, node_, "C-GET", UID_GETStudyRootQueryRetrieveInformationModel);

    DcmDataset keys;
    keys.putAndInsertString(DCM_QueryRetrieveLevel, seriesUid.empty() ? "STUDY" : "SERIES");
    keys.putAndInsertString(DCM_StudyInstanceUID, studyUid.c_str());
    if (!seriesUid.empty()) keys.putAndInsertString(DCM_SeriesInstanceUID, seriesUid.c_str());
    OFList<RetrieveResponse*> responses;
    const auto condition = scu.sendCGETRequest(context, &keys, &responses);
    TransferResult result;
    Uint16 finalStatus = 0;
    for (auto* response : responses) {
        result.completed = std::max(result.completed, static_cast<int>(response->m_numberOfCompletedSubops));
        result.failed = std::max(result.failed, static_cast<int>(response->m_numberOfFailedSubops));
        result.warnings = std::max(result.warnings, static_cast<int>(response->m_numberOfWarningSubops));
        finalStatus = response->m_status;
        delete response;
    }
    if (condition.bad()) fail(node_, "C-GET", condition);
    scu.releaseAssociation();
    if (scu.cancelled) throw Error("cancelled", "C-GET of " + studyUid, "The instances received so far are in " + folder.string() + ".");
    if (!scu.writeError.empty())
        throw Error("cannot write a received instance: " + scu.writeError, folder.string(), "Free disk space and retrieve again.");
    result.completed = std::max(result.completed, scu.received);
    if (result.completed == 0 && result.failed == 0)
        throw Error("the archive has no instance of this " + std::string(seriesUid.empty() ? "study" : "series") +
                        " (status " + hexStatus(finalStatus) + ")",
                    seriesUid.empty() ? studyUid : seriesUid, "Find it again: it may have been deleted or moved.");
    spdlog::info("C-GET from {}: {} instance(s), {} failed", node_.describe(), result.completed, result.failed);
    return result;
}

TransferResult DimseClient::send(const std::vector<fs::path>& files, const TransferProgress& progress) const {
    if (files.empty()) throw Error("no DICOM files to send", node_.describe(), "Give DICOM files or folders holding them.");
    // Read every file's SOP class and transfer syntax first: a bad file is named before
    // anything is sent.
    struct Item {
        fs::path file;
        std::string sopClass;
        std::string syntax;
    };
    std::vector<Item> items;
    std::set<std::pair<std::string, std::string>> contexts;
    for (const auto& file : files) {
        DcmFileFormat format;
        if (auto condition = format.loadFile(file.c_str(), EXS_Unknown, EGL_noChange, 4096); condition.bad())
            throw Error("is not a readable DICOM file: " + std::string(condition.text()), file.string(),
                        "Send DICOM Part 10 files only.");
        Item item{file, text(*format.getMetaInfo(), DCM_MediaStorageSOPClassUID), {}};
        OFString syntax;
        format.getMetaInfo()->findAndGetOFString(DCM_TransferSyntaxUID, syntax);
        item.syntax = syntax.c_str();
        if (item.sopClass.empty() || item.syntax.empty())
            throw Error("has no SOP class or transfer syntax in its file meta information", file.string(),
                        "Send DICOM Part 10 files only.");
        contexts.insert({item.sopClass, item.syntax});
        items.push_back(std::move(item));
    }
    if (contexts.size() > 127)
        throw Error("the files need more than 127 kinds of presentation context", node_.describe(),
                    "Send them in smaller groups.");
    DcmSCU scu;
    configure(scu, node_);
    for (const auto& [sopClass, syntax] : contexts) {
        OFList<OFString> syntaxes;
        syntaxes.push_back(syntax.c_str());
        scu.addPresentationContext(sopClass.c_str(), syntaxes);
    }
    associate(scu, node_, "C-STORE", nullptr);
    TransferResult result;
    int done = 0;
    for (const auto& item : items) {
        const auto context = scu.findPresentationContextID(item.sopClass.c_str(), item.syntax.c_str());
        Uint16 status = 0;
        const auto condition = context == 0 ? OFCondition(NET_EC_NoAcceptablePresentationContexts)
                                            : scu.sendSTORERequest(context, item.file.c_str(), nullptr, status);
        if (condition.bad() && condition != NET_EC_NoAcceptablePresentationContexts) fail(node_, "C-STORE", condition);
        if (condition.bad() || (status != STATUS_Success && (status & 0xF000) != 0xB000))
            ++result.failed;
        else if (status != STATUS_Success)
            ++result.warnings, ++result.completed;
        else
            ++result.completed;
        if (progress && !progress(++done, static_cast<int>(items.size()))) {
            scu.releaseAssociation();
            throw Error("cancelled", "C-STORE to " + node_.describe(),
                        std::to_string(result.completed) + " of " + std::to_string(items.size()) + " were sent.");
        }
    }
    scu.releaseAssociation();
    spdlog::info("C-STORE to {}: {} sent, {} refused", node_.describe(), result.completed, result.failed);
    return result;
}

std::vector<fs::path> dicomFilesUnder(const std::vector<fs::path>& paths) {
    std::vector<fs::path> files;
    for (const auto& path : paths) {
        std::error_code error;
        if (fs::is_directory(path, error)) {
            for (fs::recursive_directory_iterator it(path, error), end; !error && it != end; it.increment(error))
                if (it->is_regular_file(error) && hasPart10Preamble(it->path())) files.push_back(it->path());
            if (error) throw Error("cannot list the folder: " + error.message(), path.string());
        } else if (fs::exists(path, error)) {
            files.push_back(path);
        } else {
            throw Error("no such file or folder", path.string());
        }
    }
    std::sort(files.begin(), files.end());
    return files;
}

}  // namespace vitask::pacs

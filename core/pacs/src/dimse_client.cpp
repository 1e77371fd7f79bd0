#include "vitask/pacs/dimse_client.h"

#include "archive_errors.h"
#include "dimse_support.h"
#include "instance_files.h"
#include "storage_receiver.h"
#include "vitask/common/error.h"

#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcuid.h>
#include <dcmtk/dcmnet/diutil.h>
#include <dcmtk/dcmnet/scu.h>
#include <dcmtk/dcmtls/tlslayer.h>

#include <spdlog/spdlog.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>
#include <tuple>

namespace vitask::pacs {
namespace fs = std::filesystem;
using detail::fail;
using detail::text;
namespace {

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

// One association with the archive, set up for the node (TLS included). For a retrieve
// it also takes the C-GET/C-MOVE responses (progress, cancel) and, for C-GET, the
// instances the archive sends back on it.
class Association : private detail::TlsHolder, public DcmSCU {
public:
    explicit Association(const PacsNode& node) : node_(node) {
        tls = detail::tlsLayer(node, NET_REQUESTOR);
        setAETitle(node.callingAe.c_str());
        setPeerHostName(node.host.c_str());
        setPeerPort(static_cast<Uint16>(node.port));
        setPeerAETitle(node.calledAe.c_str());
        setACSETimeout(static_cast<Uint32>(node.timeoutSeconds));
        setDIMSETimeout(static_cast<Uint32>(node.timeoutSeconds));
        setDIMSEBlockingMode(DIMSE_NONBLOCKING);
        setConnectionTimeout(node.timeoutSeconds);
        setVerbosePCMode(OFFalse);
    }

    // Associates; returns the presentation context of `abstractSyntax` (null: none asked).
    T_ASC_PresentationContextID open(const std::string& what, const char* abstractSyntax) {
        detail::silenceDcmtkLog();
        if (auto condition = initNetwork(); condition.bad()) fail(node_, what, condition);
        // After initNetwork: DcmSCU sets the layer on the network it made.
        if (tls)
            if (auto condition = useSecureConnection(tls.get()); condition.bad()) fail(node_, what, condition);
        if (auto condition = negotiateAssociation(); condition.bad()) fail(node_, what, condition);
        if (!abstractSyntax) return 0;
        const auto context = findPresentationContextID(abstractSyntax, "");
        if (context == 0) {
            releaseAssociation();
            throw Error("the archive does not offer " + what, node_.describe(), "Check that it supports this service.");
        }
        return context;
    }

    // An association for C-FIND (study root); its presentation context.
    T_ASC_PresentationContextID openFind() {
        addPresentationContext(UID_FINDStudyRootQueryRetrieveInformationModel, detail::uncompressedTransferSyntaxes());
        return open("C-FIND", UID_FINDStudyRootQueryRetrieveInformationModel);
    }

    // Retrieve state: where C-GET's instances go, and the progress (shifted by `offset`,
    // the instances of earlier requests of the same retrieve).
    fs::path folder;
    const TransferProgress* progress = nullptr;
    int offset = 0;
    int total = 0;  // of the whole retrieve when known; else from the responses
    int received = 0;
    bool cancelled = false;
    std::string writeError;

protected:
    OFCondition handleCGETResponse(const T_ASC_PresentationContextID presID, RetrieveResponse* response,
                                   OFBool& continueSession) override {
        const auto condition = DcmSCU::handleCGETResponse(presID, response, continueSession);
        report(presID, *response);
        return condition;
    }

    OFCondition handleMOVEResponse(const T_ASC_PresentationContextID presID, RetrieveResponse* response,
                                   OFBool& waitForNextResponse) override {
        const auto condition = DcmSCU::handleMOVEResponse(presID, response, waitForNextResponse);
        report(presID, *response);
        return condition;
    }

    OFCondition handleSTORERequest(const T_ASC_PresentationContextID, DcmDataset* incoming, OFBool& continueSession,
                                   Uint16& status) override {
        continueSession = OFTrue;
        const auto uid = text(*incoming, DCM_SOPInstanceUID);
        DcmFileFormat file(incoming, OFFalse);  // takes the dataset over
        if (!detail::isUid(uid)) {
            status = STATUS_STORE_Error_CannotUnderstand;
            return EC_Normal;
        }
        if (auto problem = detail::saveInstance(file, uid, folder); !problem.empty()) {
            writeError = problem;
            status = STATUS_STORE_Refused_OutOfResources;
            return EC_Normal;
        }
        ++received;
        status = STATUS_Success;
        return EC_Normal;
    }

private:
    void report(T_ASC_PresentationContextID presID, const RetrieveResponse& response) {
        const int done = response.m_numberOfCompletedSubops + response.m_numberOfFailedSubops +
                         response.m_numberOfWarningSubops;
        const int all = total ? total : offset + done + response.m_numberOfRemainingSubops;
        if (progress && *progress && !(*progress)(offset + done, all) && !cancelled) {
            cancelled = true;
            sendCANCELRequest(presID);
        }
    }

    const PacsNode& node_;
};

// C-FIND at `level` with `keys` (those to return empty); the matching datasets.
std::vector<DcmDataset> find(Association& association, T_ASC_PresentationContextID context, const PacsNode& node,
                             DcmDataset& keys) {
    OFList<QRResponse*> responses;
    const auto condition = association.sendFINDRequest(context, &keys, &responses);
    std::vector<DcmDataset> matches;
    for (auto* response : responses) {
        if (response->m_dataset) matches.push_back(*response->m_dataset);
        delete response;
    }
    if (condition.bad()) fail(node, "C-FIND", condition);
    return matches;
}

// A C-GET or C-MOVE identifier.
DcmDataset identifier(const char* level, const std::string& studyUid, const std::string& seriesUid = {},
                      const std::string& sopUids = {}) {
    DcmDataset keys;
    keys.putAndInsertString(DCM_QueryRetrieveLevel, level);
    keys.putAndInsertString(DCM_StudyInstanceUID, studyUid.c_str());
    if (!seriesUid.empty()) keys.putAndInsertString(DCM_SeriesInstanceUID, seriesUid.c_str());
    if (!sopUids.empty()) keys.putAndInsertString(DCM_SOPInstanceUID, sopUids.c_str());
    return keys;
}

// Runs the requests of one retrieve by C-GET or C-MOVE (node.retrieveMethod) on one
// association; the instances land in `folder`.
TransferResult runRetrieve(const DimseClient& client, std::vector<DcmDataset> requests, const std::string& studyUid,
                           const fs::path& folder, int total, const TransferProgress& progress) {
    const auto& node = client.node();
    const bool move = node.retrieveMethod == RetrieveMethod::Move;
    const char* what = move ? "C-MOVE" : "C-GET";
    const char* model = move ? UID_MOVEStudyRootQueryRetrieveInformationModel : UID_GETStudyRootQueryRetrieveInformationModel;
    // C-MOVE: our storage SCP listens before the archive is asked to connect to it.
    std::unique_ptr<detail::StorageReceiver> receiver;
    if (move) receiver = std::make_unique<detail::StorageReceiver>(node, folder, studyUid);

    Association association(node);
    association.folder = folder;
    association.progress = &progress;
    association.total = total;
    association.addPresentationContext(model, detail::uncompressedTransferSyntaxes());
    if (!move) {
        // Storage contexts in the SCP role, for the instances the archive sends back on
        // the same association (a presentation context each; the association allows 128).
        std::set<std::string> added;
        for (int i = 0; i < numberOfDcmLongSCUStorageSOPClassUIDs && added.size() < 120; ++i)
            if (added.insert(dcmLongSCUStorageSOPClassUIDs[i]).second)
                association.addPresentationContext(dcmLongSCUStorageSOPClassUIDs[i], detail::imageTransferSyntaxes(),
                                                   ASC_SC_ROLE_SCP);
    }
    const auto context = association.open(what, model);

    TransferResult result;
    Uint16 finalStatus = 0;
    for (auto& keys : requests) {
        OFList<RetrieveResponse*> responses;
        const auto condition = move ? association.sendMOVERequest(context, node.callingAe.c_str(), &keys, &responses)
                                    : association.sendCGETRequest(context, &keys, &responses);
        TransferResult request;
        for (auto* response : responses) {
            request.completed = std::max(request.completed, static_cast<int>(response->m_numberOfCompletedSubops));
            request.failed = std::max(request.failed, static_cast<int>(response->m_numberOfFailedSubops));
            request.warnings = std::max(request.warnings, static_cast<int>(response->m_numberOfWarningSubops));
            finalStatus = response->m_status;
            delete response;
        }
        if (condition.bad()) fail(node, what, condition);
        result.completed += request.completed;
        result.failed += request.failed;
        result.warnings += request.warnings;
        association.offset += request.completed + request.failed;
        if (association.cancelled) break;
    }
    association.releaseAssociation();
    if (receiver) receiver->stop();
    const int received = receiver ? receiver->received() : association.received;
    const auto writeError = receiver ? receiver->writeError() : association.writeError;
    if (association.cancelled)
        throw Error("cancelled", std::string(what) + " of " + studyUid,
                    "The instances received so far are in " + folder.string() + "; retrieve again to resume.");
    if (!writeError.empty())
        throw Error("cannot write a received instance: " + writeError, folder.string(),
                    "Free disk space and retrieve again: what arrived is kept.");
    // Nothing came by C-MOVE: either the archive could not reach our SCP, or it has no
    // such study; a C-FIND tells which.
    if (move && received == 0 && (result.failed > 0 || !client.findInstances(studyUid, {}).empty()))
        throw Error("nothing arrived at our storage SCP from the archive's C-MOVE" +
                        (result.failed ? " (" + std::to_string(result.failed) + " failed)" : std::string()),
                    node.describe(),
                    "The archive must know our AE title " + node.callingAe + " with this host's address and port " +
                        std::to_string(node.receivePort) + " (ask its administrator), or retrieve by C-GET.");
    if (move && result.completed > received)
        throw Error("the archive says it sent " + std::to_string(result.completed) + " instance(s) but " +
                        std::to_string(received) + " arrived at our storage SCP",
                    node.describe(),
                    "The archive must send C-MOVE results to our AE title " + node.callingAe +
                        " at this host's address, port " + std::to_string(node.receivePort) + ".");
    result.completed = std::max(result.completed, received);
    if (result.completed == 0 && result.failed == 0)
        throw detail::nothingToRetrieve(studyUid, {}, "status " + hexStatus(finalStatus));
    spdlog::info("{} from {}: {} instance(s), {} failed", what, node.describe(), result.completed, result.failed);
    return result;
}

}  // namespace

DimseClient::DimseClient(PacsNode node) : ArchiveClient(std::move(node)) {
    if (node_.host.empty() || node_.calledAe.empty() || node_.port < 1 || node_.port > 65535)
        throw Error("the archive needs a host, a port (1-65535) and its AE title", node_.describe(),
                    "Give --host, --port and --called-ae.");
    if (node_.calledAe.size() > 16 || node_.callingAe.size() > 16)
        throw Error("an AE title has at most 16 characters", node_.describe());
    if (node_.retrieveMethod == RetrieveMethod::Move && (node_.receivePort < 1 || node_.receivePort > 65535))
        throw Error("C-MOVE needs the port our storage SCP listens on (1-65535)", node_.describe());
}

void DimseClient::echo() const {
    Association association(node_);
    association.addPresentationContext(UID_VerificationSOPClass, detail::uncompressedTransferSyntaxes());
    const auto context = association.open("C-ECHO", UID_VerificationSOPClass);
    if (auto condition = association.sendECHORequest(context); condition.bad()) fail(node_, "C-ECHO", condition);
    association.releaseAssociation();
}

std::vector<StudyMatch> DimseClient::findStudies(const StudyQuery& query) const {
    Association association(node_);
    const auto context = association.openFind();
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
    std::vector<StudyMatch> matches;
    for (auto& d : find(association, context, node_, keys))
        matches.push_back({text(d, DCM_StudyInstanceUID), text(d, DCM_PatientID), text(d, DCM_PatientName),
                           text(d, DCM_StudyDate), text(d, DCM_StudyDescription), text(d, DCM_AccessionNumber),
                           text(d, DCM_ModalitiesInStudy), number(d, DCM_NumberOfStudyRelatedSeries),
                           number(d, DCM_NumberOfStudyRelatedInstances)});
    association.releaseAssociation();
    std::sort(matches.begin(), matches.end(), [](const StudyMatch& a, const StudyMatch& b) {
        return std::tie(a.studyDate, a.studyUid) < std::tie(b.studyDate, b.studyUid);
    });
    return matches;
}

std::vector<SeriesMatch> DimseClient::findSeries(const std::string& studyUid) const {
    Association association(node_);
    const auto context = association.openFind();
    DcmDataset keys;
    keys.putAndInsertString(DCM_QueryRetrieveLevel, "SERIES");
    keys.putAndInsertString(DCM_StudyInstanceUID, studyUid.c_str());
    for (const auto& tag : {DCM_SeriesInstanceUID, DCM_Modality, DCM_SeriesDescription, DCM_SeriesNumber,
                            DCM_NumberOfSeriesRelatedInstances})
        keys.putAndInsertString(tag, "");
    std::vector<SeriesMatch> series;
    for (auto& d : find(association, context, node_, keys))
        series.push_back({text(d, DCM_SeriesInstanceUID), text(d, DCM_Modality), text(d, DCM_SeriesDescription),
                          number(d, DCM_SeriesNumber), number(d, DCM_NumberOfSeriesRelatedInstances)});
    association.releaseAssociation();
    sortSeries(series);
    return series;
}

std::vector<InstanceRef> DimseClient::findInstances(const std::string& studyUid, const std::string& seriesUid) const {
    // Hierarchical: the series first, then the images of each (an IMAGE-level query
    // names one series).
    std::vector<std::string> series{seriesUid};
    if (seriesUid.empty()) {
        series.clear();
        for (const auto& match : findSeries(studyUid)) series.push_back(match.seriesUid);
    }
    Association association(node_);
    const auto context = association.openFind();
    std::vector<InstanceRef> instances;
    for (const auto& uid : series) {
        DcmDataset keys;
        keys.putAndInsertString(DCM_QueryRetrieveLevel, "IMAGE");
        keys.putAndInsertString(DCM_StudyInstanceUID, studyUid.c_str());
        keys.putAndInsertString(DCM_SeriesInstanceUID, uid.c_str());
        keys.putAndInsertString(DCM_SOPInstanceUID, "");
        for (auto& d : find(association, context, node_, keys)) instances.push_back({uid, text(d, DCM_SOPInstanceUID)});
    }
    association.releaseAssociation();
    return instances;
}

TransferResult DimseClient::retrieveAll(const std::string& studyUid, const std::string& seriesUid,
                                        const fs::path& folder, const TransferProgress& progress) const {
    std::vector<DcmDataset> requests;
    requests.push_back(seriesUid.empty() ? identifier("STUDY", studyUid) : identifier("SERIES", studyUid, seriesUid));
    return runRetrieve(*this, std::move(requests), studyUid, folder, 0, progress);
}

TransferResult DimseClient::retrieveInstances(const std::string& studyUid, const std::vector<InstanceRef>& instances,
                                              const fs::path& folder, const TransferProgress& progress) const {
    // One IMAGE-level request per series, its instances as a list of UIDs (PS3.4 C.2.2.2.2),
    // in groups that keep the element under the 64 KiB a short value length allows.
    std::map<std::string, std::vector<std::string>> bySeries;
    for (const auto& instance : instances) bySeries[instance.seriesUid].push_back(instance.sopUid);
    std::vector<DcmDataset> requests;
    for (const auto& [series, uids] : bySeries)
        for (size_t first = 0; first < uids.size(); first += 500) {
            std::string list;
            for (size_t i = first; i < std::min(uids.size(), first + 500); ++i) list += (list.empty() ? "" : "\\") + uids[i];
            requests.push_back(identifier("IMAGE", studyUid, series, list));
        }
    return runRetrieve(*this, std::move(requests), studyUid, folder, static_cast<int>(instances.size()), progress);
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
        Item item{file, text(*format.getMetaInfo(), DCM_MediaStorageSOPClassUID), text(*format.getMetaInfo(), DCM_TransferSyntaxUID)};
        if (item.sopClass.empty() || item.syntax.empty())
            throw Error("has no SOP class or transfer syntax in its file meta information", file.string(),
                        "Send DICOM Part 10 files only.");
        contexts.insert({item.sopClass, item.syntax});
        items.push_back(std::move(item));
    }
    if (contexts.size() > 127)
        throw Error("the files need more than 127 kinds of presentation context", node_.describe(),
                    "Send them in smaller groups.");
    Association association(node_);
    for (const auto& [sopClass, syntax] : contexts) {
        OFList<OFString> syntaxes;
        syntaxes.push_back(syntax.c_str());
        association.addPresentationContext(sopClass.c_str(), syntaxes);
    }
    association.open("C-STORE", nullptr);
    TransferResult result;
    int done = 0;
    for (const auto& item : items) {
        const auto context = association.findPresentationContextID(item.sopClass.c_str(), item.syntax.c_str());
        Uint16 status = 0;
        const auto condition = context == 0 ? OFCondition(NET_EC_NoAcceptablePresentationContexts)
                                            : association.sendSTORERequest(context, item.file.c_str(), nullptr, status);
        if (condition.bad() && condition != NET_EC_NoAcceptablePresentationContexts) fail(node_, "C-STORE", condition);
        if (condition.bad() || (status != STATUS_Success && (status & 0xF000) != 0xB000))
            ++result.failed;
        else if (status != STATUS_Success)
            ++result.warnings, ++result.completed;
        else
            ++result.completed;
        if (progress && !progress(++done, static_cast<int>(items.size()))) {
            association.releaseAssociation();
            throw Error("cancelled", "C-STORE to " + node_.describe(),
                        std::to_string(result.completed) + " of " + std::to_string(items.size()) + " were sent.");
        }
    }
    association.releaseAssociation();
    spdlog::info("C-STORE to {}: {} sent, {} refused", node_.describe(), result.completed, result.failed);
    return result;
}

}  // namespace vitask::pacs

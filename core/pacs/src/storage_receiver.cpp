#include "storage_receiver.h"

#include "dimse_support.h"
#include "instance_files.h"
#include "vitask/common/error.h"

#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcuid.h>
#include <dcmtk/dcmnet/diutil.h>
#include <dcmtk/dcmtls/tlslayer.h>

#include <set>

namespace vitask::pacs::detail {

StorageReceiver::StorageReceiver(const PacsNode& node, std::filesystem::path folder, std::string studyUid)
    : folder_(std::move(folder)), studyUid_(std::move(studyUid)) {
    silenceDcmtkLog();
    tls = tlsLayer(node, NET_ACCEPTOR);
    if (tls && node.certificateFile.empty())
        throw Error("C-MOVE over TLS needs our own certificate and key", node.describe(),
                    "Give a certificate and key for our storage SCP, or retrieve by C-GET.");
    setAETitle(node.callingAe.c_str());
    setPort(static_cast<Uint16>(node.receivePort));
    setConnectionBlockingMode(DUL_NOBLOCK);
    setConnectionTimeout(1);  // how often the loop looks at stopping_
    setACSETimeout(static_cast<Uint32>(node.timeoutSeconds));
    setDIMSETimeout(static_cast<Uint32>(node.timeoutSeconds));
    setDIMSEBlockingMode(DIMSE_NONBLOCKING);
    setHostLookupEnabled(OFFalse);
    setVerbosePCMode(OFFalse);
    if (tls) getConfig().setTransportLayer(tls.get());
    // An SCP profile names each abstract syntax once (DcmStorageSCP has added Verification).
    std::set<std::string> added{UID_VerificationSOPClass};
    for (int i = 0; i < numberOfDcmLongSCUStorageSOPClassUIDs && added.size() < 120; ++i)
        if (added.insert(dcmLongSCUStorageSOPClassUIDs[i]).second)
            addPresentationContext(dcmLongSCUStorageSOPClassUIDs[i], imageTransferSyntaxes());
    if (const auto opened = openListenPort(); opened.bad())
        throw Error("cannot listen for the archive's C-MOVE on port " + std::to_string(node.receivePort) + ": " +
                        opened.text(),
                    node.describe(),
                    "Another program may use the port: choose another receive port and register it with the "
                    "archive, or retrieve by C-GET.");
    thread_ = std::thread([this] { acceptAssociations(); });
}

StorageReceiver::~StorageReceiver() { stop(); }

void StorageReceiver::stop() {
    stopping_ = true;
    if (thread_.joinable()) thread_.join();
}

std::string StorageReceiver::writeError() const {
    std::lock_guard lock(mutex_);
    return writeError_;
}

Uint16 StorageReceiver::checkAndProcessSTORERequest(const T_DIMSE_C_StoreRQ& request, DcmFileFormat& file) {
    const std::string uid = request.AffectedSOPInstanceUID;
    if (!isUid(uid)) return STATUS_STORE_Error_CannotUnderstand;
    if (text(*file.getDataset(), DCM_StudyInstanceUID) != studyUid_) return STATUS_STORE_Refused_OutOfResources;
    if (auto problem = saveInstance(file, uid, folder_); !problem.empty()) {
        std::lock_guard lock(mutex_);
        writeError_ = problem;
        return STATUS_STORE_Refused_OutOfResources;
    }
    ++received_;
    return STATUS_Success;
}

}  // namespace vitask::pacs::detail

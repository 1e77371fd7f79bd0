#pragma once
// Our storage SCP, the destination of a C-MOVE: listens on node.receivePort as
// node.callingAe (with TLS when node.tls) while a retrieve runs, and writes each instance
// of the study being moved into the folder (instance_files.h). Instances of other studies
// are refused, so a stray sender cannot fill the folder.

#include "vitask/pacs/pacs_node.h"

#include <dcmtk/dcmnet/dstorscp.h>

#include <atomic>
#include <filesystem>
#include <memory>
#include <mutex>
#include <thread>

class DcmTLSTransportLayer;

namespace vitask::pacs::detail {

// Owns the TLS layer so that it outlives the SCP's network (bases die in reverse order).
struct TlsHolder {
    std::unique_ptr<DcmTLSTransportLayer> tls;
};

class StorageReceiver : private TlsHolder, public DcmStorageSCP {
public:
    // Listening when constructed: a vitask::Error when the port cannot be opened.
    StorageReceiver(const PacsNode& node, std::filesystem::path folder, std::string studyUid);
    ~StorageReceiver() override;  // stops and joins

    // Stops after the association in progress (if any) ends; waits for that.
    void stop();
    int received() const { return received_; }
    std::string writeError() const;

protected:
    Uint16 checkAndProcessSTORERequest(const T_DIMSE_C_StoreRQ& request, DcmFileFormat& file) override;
    OFBool stopAfterConnectionTimeout() override { return stopping_; }
    OFBool stopAfterCurrentAssociation() override { return stopping_; }

private:
    std::filesystem::path folder_;
    std::string studyUid_;
    std::atomic<bool> stopping_{false};
    std::atomic<int> received_{0};
    mutable std::mutex mutex_;
    std::string writeError_;
    std::thread thread_;
};

}  // namespace vitask::pacs::detail

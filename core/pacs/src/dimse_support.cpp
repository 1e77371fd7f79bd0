#include "dimse_support.h"

#include "vitask/common/error.h"

#include <dcmtk/dcmdata/dcuid.h>
#include <dcmtk/dcmnet/cond.h>
#include <dcmtk/dcmnet/dimse.h>
#include <dcmtk/dcmtls/tlslayer.h>
#include <dcmtk/oflog/oflog.h>

#include <filesystem>
#include <mutex>

namespace vitask::pacs::detail {

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

const OFList<OFString>& uncompressedTransferSyntaxes() {
    static const OFList<OFString> syntaxes = [] {
        OFList<OFString> list;
        list.push_back(UID_LittleEndianExplicitTransferSyntax);
        list.push_back(UID_LittleEndianImplicitTransferSyntax);
        return list;
    }();
    return syntaxes;
}

std::unique_ptr<DcmTLSTransportLayer> tlsLayer(const PacsNode& node, T_ASC_NetworkRole role) {
    if (!node.tls) return nullptr;
    auto layer = std::make_unique<DcmTLSTransportLayer>(role, nullptr, OFTrue);
    const auto check = [&](const OFCondition& condition, const std::string& file, const std::string& what) {
        if (condition.bad())
            throw Error("cannot use " + what + ": " + condition.text(), file,
                        "Give a PEM file; see the archive's TLS settings.");
    };
    check(layer->setTLSProfile(TSP_Profile_BCP195), node.describe(), "the BCP 195 TLS profile");
    check(layer->activateCipherSuites(), node.describe(), "the TLS cipher suites");
    if (std::filesystem::is_directory("/etc/ssl/certs"))
        layer->addTrustedCertificateDir("/etc/ssl/certs", DCF_Filetype_PEM);
    if (!node.caFile.empty())
        check(layer->addTrustedCertificateFile(node.caFile.c_str(), DCF_Filetype_PEM), node.caFile,
              "the CA certificates");
    if (!node.certificateFile.empty() || !node.keyFile.empty()) {
        check(layer->setPrivateKeyFile(node.keyFile.c_str(), DCF_Filetype_PEM), node.keyFile, "our private key");
        check(layer->setCertificateFile(node.certificateFile.c_str(), DCF_Filetype_PEM), node.certificateFile,
              "our certificate");
        if (!layer->checkPrivateKeyMatchesCertificate())
            throw Error("the private key does not match the certificate", node.keyFile,
                        "Give the key the certificate was made for.");
    }
    layer->setCertificateVerification(DCV_requireCertificate);
    return layer;
}

void silenceDcmtkLog() {
    static std::once_flag quiet;
    std::call_once(quiet, [] { OFLog::configure(OFLogger::OFF_LOG_LEVEL); });
}

void fail(const PacsNode& node, const std::string& what, const OFCondition& condition) {
    const std::string text = condition.text();
    if (condition == DUL_ASSOCIATIONREJECTED)
        throw Error("the archive rejected the association", node.describe(),
                    "Check the called AE title (" + node.calledAe + ") and that the archive knows ours (" +
                        node.callingAe + ") with this host's address.");
    if (condition == DUL_PEERABORTEDASSOCIATION)
        throw Error(what + ": the archive aborted the association", node.describe(),
                    "Archives serve retrieves only to AE titles they know: ask its administrator to register ours (" +
                        node.callingAe + ") with this host's address. " +
                        (node.tls ? std::string("See the archive's log.")
                                  : std::string("If the archive uses DICOM TLS on this port, turn TLS on.")));
    if (text.find("Connection refused") != std::string::npos)
        throw Error(what + ": nothing answers at " + node.host + ":" + std::to_string(node.port), node.describe(),
                    "Check the host and port, and that the archive is running.");
    if ((condition.module() == OFM_dcmnet && condition.code() == DULC_TLSERROR) || text.find("TLS") != std::string::npos ||
        text.find("certificate") != std::string::npos)
        throw Error(what + ": the TLS handshake failed (" + text + ")", node.describe(),
                    node.tls ? "Check that the archive speaks DICOM TLS on this port and that its certificate "
                               "chains to a trusted CA (the CA file)."
                             : "The archive may expect DICOM TLS: turn TLS on for it.");
    if (text.find("imeout") != std::string::npos || condition == DIMSE_NODATAAVAILABLE || condition == DUL_READTIMEOUT)
        throw Error(what + ": no answer within " + std::to_string(node.timeoutSeconds) + " s (" + text + ")",
                    node.describe(), "Check the network, or raise the timeout for a slow archive.");
    throw Error(what + " failed: " + text, node.describe(), "Check the archive's log for why.");
}

std::string text(DcmItem& item, const DcmTagKey& tag) {
    OFString value;
    item.findAndGetOFStringArray(tag, value);
    return value.c_str();
}

}  // namespace vitask::pacs::detail

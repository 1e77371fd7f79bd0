#pragma once
// What the DIMSE client and our storage SCP share: the transfer syntaxes we offer and
// accept, the TLS layer for a node, DCMTK's console kept quiet, and DCMTK's conditions
// turned into errors that say what to check.

#include "vitask/pacs/pacs_node.h"

#include <dcmtk/dcmdata/dcitem.h>
#include <dcmtk/dcmnet/assoc.h>
#include <dcmtk/ofstd/ofcond.h>
#include <dcmtk/ofstd/oflist.h>
#include <dcmtk/ofstd/ofstring.h>

#include <memory>
#include <string>

class DcmTLSTransportLayer;

namespace vitask::pacs::detail {

// For images: the uncompressed syntaxes first, then the compressed ones an archive may
// hold, so that it can send what it stores without transcoding (the pixel data arrive as
// they were stored).
const OFList<OFString>& imageTransferSyntaxes();
const OFList<OFString>& uncompressedTransferSyntaxes();

// The TLS layer for `node` (null when node.tls is off): the system's CAs and node.caFile
// trusted, our certificate and key when given; a vitask::Error naming a file it cannot use.
std::unique_ptr<DcmTLSTransportLayer> tlsLayer(const PacsNode& node, T_ASC_NetworkRole role);

// DCMTK's own console lines repeat our errors and may quote patient data: off, once.
void silenceDcmtkLog();

[[noreturn]] void fail(const PacsNode& node, const std::string& what, const OFCondition& condition);

std::string text(DcmItem& item, const DcmTagKey& tag);

}  // namespace vitask::pacs::detail

#pragma once
// The error every retrieve gives when the archive holds nothing of what was asked (a
// study deleted or moved since it was found), whatever the protocol.

#include "vitask/common/error.h"

#include <string>

namespace vitask::pacs::detail {

// `said`: what the archive answered, e.g. "status 0xc000" or "HTTP 404" ("" for nothing).
inline Error nothingToRetrieve(const std::string& studyUid, const std::string& seriesUid, const std::string& said = {}) {
    return Error("the archive has no instance of this " + std::string(seriesUid.empty() ? "study" : "series") +
                     (said.empty() ? "" : " (" + said + ")"),
                 seriesUid.empty() ? studyUid : seriesUid, "Find it again: it may have been deleted or moved.");
}

}  // namespace vitask::pacs::detail

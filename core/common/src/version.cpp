#include "vitask/common/version.h"

#include "build_info.h"

namespace vitask {

const BuildInfo& buildInfo() {
    static const BuildInfo info{VITASK_VERSION_STRING, VITASK_GIT_COMMIT, VITASK_BUILD_TYPE, VITASK_COMPILER,
                                VITASK_TORCH_VERSION};
    return info;
}

std::string versionLine() {
    const auto& info = buildInfo();
    return "vitask " + info.version + " (commit " + info.gitCommit + ", " + info.buildType + ", " + info.compiler + ")";
}

}  // namespace vitask

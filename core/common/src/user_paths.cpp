#include "vitask/common/user_paths.h"

#include <cstdlib>

namespace vitask {
namespace {

constexpr const char* kAppFolder = "vitask-studio";

std::filesystem::path fromEnv(const char* name) {
    const char* value = std::getenv(name);
    return (value && *value) ? std::filesystem::path(value) : std::filesystem::path();
}

std::filesystem::path xdgDir(const char* override, const char* xdgVariable,
                             const char* homeRelative) {
    if (auto dir = fromEnv(override); !dir.empty()) return dir;
    if (auto dir = fromEnv(xdgVariable); !dir.empty()) return dir / kAppFolder;
    if (auto home = fromEnv("HOME"); !home.empty()) return home / homeRelative / kAppFolder;
    // No HOME (some service accounts): fall back to the working directory rather than fail.
    return std::filesystem::current_path() / ".vitask-studio";
}

}  // namespace

std::filesystem::path userDataDir() {
    return xdgDir("VITASK_DATA_DIR", "XDG_DATA_HOME", ".local/share");
}

std::filesystem::path userConfigDir() {
    return xdgDir("VITASK_CONFIG_DIR", "XDG_CONFIG_HOME", ".config");
}

std::filesystem::path userCacheDir() {
    return xdgDir("VITASK_CACHE_DIR", "XDG_CACHE_HOME", ".cache");
}

}  // namespace vitask

#pragma once
// Per-user folders, following the XDG base directory specification so that the CLI and
// the studio (which must not depend on Qt for this) agree on where things live.

#include <filesystem>

namespace vitask {

// $VITASK_DATA_DIR, else $XDG_DATA_HOME/vitask-studio, else ~/.local/share/vitask-studio.
// Logs, the review database and downloaded demo data live here.
std::filesystem::path userDataDir();

// $VITASK_CONFIG_DIR, else $XDG_CONFIG_HOME/vitask-studio, else ~/.config/vitask-studio.
// Settings and user plug-ins live here.
std::filesystem::path userConfigDir();

// $VITASK_CACHE_DIR, else $XDG_CACHE_HOME/vitask-studio, else ~/.cache/vitask-studio.
// What can be made again and may be deleted at any time (plug-in probe verdicts).
std::filesystem::path userCacheDir();

}  // namespace vitask

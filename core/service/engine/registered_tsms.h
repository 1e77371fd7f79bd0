#pragma once
// Internal: the TSMs the registry finds, as the service lists them (service::listTsms
// reaches this through the engine module).

#include "vitask/service/ask.h"

#include <filesystem>
#include <vector>

namespace vitask::service::detail {

// Every TSM in `folders` and the default folders, ready or broken.
std::vector<TsmEntry> registeredTsms(const std::vector<std::filesystem::path>& folders);

}  // namespace vitask::service::detail

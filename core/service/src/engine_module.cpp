#include "engine_core.h"

#include "vitask/common/module_library.h"

#include <atomic>

namespace vitask::service {
namespace detail {

namespace {
std::atomic<const EngineModule*> loaded{nullptr};
}  // namespace

const EngineModule& engineModule() {
    // Beside this library, in the build tree as in an installation.
    static const EngineModule& module =
        moduleTable<EngineModule>(reinterpret_cast<const void*>(&engineModule), "libvitask_service_engine.so",
                                  kEngineModuleEntry, "the engine (LibTorch)", "vitask_service_engine");
    loaded = &module;
    return module;
}

FailureMessage describeEngineFailure(const std::exception& error) {
    const EngineModule* module = loaded;
    return module ? module->describeFailure(error) : vitask::describeFailure(error);
}

}  // namespace detail

// The parts of vision_assistant.h and device.h that need LibTorch, through the module.

std::vector<TsmEntry> listTsms(const std::vector<std::filesystem::path>& folders) {
    return detail::engineModule().listTsms(folders);
}

bool cudaAvailable() { return detail::engineModule().cudaAvailable(); }

}  // namespace vitask::service

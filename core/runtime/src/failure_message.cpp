#include "vitask/runtime/failure_message.h"

#include <c10/util/Exception.h>

#include <cstdio>
#include <cstdlib>

namespace vitask::runtime {
namespace {

const char* const kHostRemedy = "Use a smaller model or batch, close other programs, or run on a GPU.";
const char* const kDeviceRemedy = "Use a smaller model or batch, or bfloat16 (--dtype bfloat16).";

std::string firstLine(const std::string& text) {
    return text.substr(0, text.find('\n'));
}

}  // namespace

FailureMessage describeFailure(const std::exception& error) {
    if (const auto* torchError = dynamic_cast<const c10::Error*>(&error)) {
        const auto message = firstLine(torchError->what_without_backtrace());
        if (message.find("out of memory") != std::string::npos)  // "CUDA out of memory. Tried to allocate ..."
            return {"the GPU ran out of memory (" + message + "). " + kDeviceRemedy, false};
        // LibTorch's CPU allocator: "[enforce fail at alloc_cpu.cpp:75] ... DefaultCPUAllocator:
        // can't allocate memory: you tried to allocate N bytes. Error code 12 ...".
        if (message.find("can't allocate memory") != std::string::npos) {
            const auto size = message.find("you tried to allocate ");
            const auto bytes = size == std::string::npos ? 0.0 : std::atof(message.c_str() + size + 22);
            char amount[64] = "";
            if (bytes > 0) std::snprintf(amount, sizeof amount, ": %.1f GiB were asked for at once", bytes / (1024.0 * 1024.0 * 1024.0));
            return {std::string("out of memory") + amount + ". " + kHostRemedy, false};
        }
        return {message, true};
    }
    return vitask::describeFailure(error);
}

}  // namespace vitask::runtime

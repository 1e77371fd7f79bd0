#pragma once
// What to tell the user about an exception that ended a command (the CLI) or a background
// job (the studio's engine service). A vitask::Error says it itself. Running out of host
// or device memory, which LibTorch reports as std::bad_alloc or as a c10::Error ("can't
// allocate memory", "CUDA out of memory"), gets a message that says what to do, so the
// user can try again with less. Anything else is a bug in VITask: `internal` is set.

#include "vitask/common/failure_message.h"

namespace vitask::runtime {

using FailureMessage = vitask::FailureMessage;

// vitask::describeFailure, and LibTorch's errors: running out of memory says what to do.
FailureMessage describeFailure(const std::exception& error);

}  // namespace vitask::runtime

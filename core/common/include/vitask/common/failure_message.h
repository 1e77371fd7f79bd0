#pragma once
// What to tell the user about an exception that ended a command or a background job,
// without LibTorch: a vitask::Error says it itself; std::bad_alloc is running out of
// memory, with what to do; anything else is a bug in VITask (`internal`: ask for a bug
// report). vitask::runtime::describeFailure adds LibTorch's own errors on top.

#include <exception>
#include <string>

namespace vitask {

struct FailureMessage {
    std::string text;
    bool internal = false;  // not the user's doing: ask for a bug report
};

FailureMessage describeFailure(const std::exception& error);

}  // namespace vitask

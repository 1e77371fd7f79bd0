#include "vitask/common/failure_message.h"

#include "vitask/common/error.h"

#include <new>

namespace vitask {

FailureMessage describeFailure(const std::exception& error) {
    if (dynamic_cast<const Error*>(&error)) return {error.what(), false};
    if (dynamic_cast<const std::bad_alloc*>(&error))
        return {"out of memory. Use a smaller model or batch, close other programs, or run on a GPU.", false};
    const std::string text = error.what();
    return {text.substr(0, text.find('\n')), true};
}

}  // namespace vitask

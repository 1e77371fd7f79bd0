#pragma once
// AutocastScope: bfloat16 autocast for the passes inside a C++ scope, as Python's
// `with torch.autocast(device_type, dtype=torch.bfloat16)` does: matrix products and
// convolutions run in bfloat16 while weights, reductions and losses stay in float32.
// The previous state is restored on leaving the scope. LibTorch changed this API in 2.4
// (per-device setters); the guard hides the difference.

#include <c10/core/Device.h>

namespace vitask::runtime {

class AutocastScope {
public:
    // `enabled` false: a no-op scope (the caller keeps one code path).
    AutocastScope(c10::DeviceType device, bool enabled);
    ~AutocastScope();
    AutocastScope(const AutocastScope&) = delete;
    AutocastScope& operator=(const AutocastScope&) = delete;

private:
    c10::DeviceType device_;
    bool active_;
    bool previousEnabled_ = false;
    c10::ScalarType previousType_ = c10::ScalarType::Undefined;
};

}  // namespace vitask::runtime

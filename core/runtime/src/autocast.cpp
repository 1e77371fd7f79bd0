#include "vitask/runtime/autocast.h"

#include <ATen/autocast_mode.h>
#include <torch/version.h>

namespace vitask::runtime {
namespace {

#if TORCH_VERSION_MAJOR > 2 || (TORCH_VERSION_MAJOR == 2 && TORCH_VERSION_MINOR >= 4)
bool isEnabled(c10::DeviceType device) { return at::autocast::is_autocast_enabled(device); }
void setEnabled(c10::DeviceType device, bool on) { at::autocast::set_autocast_enabled(device, on); }
c10::ScalarType dtype(c10::DeviceType device) { return at::autocast::get_autocast_dtype(device); }
void setDtype(c10::DeviceType device, c10::ScalarType type) { at::autocast::set_autocast_dtype(device, type); }
#else
bool isCuda(c10::DeviceType device) { return device == c10::DeviceType::CUDA; }
bool isEnabled(c10::DeviceType device) { return isCuda(device) ? at::autocast::is_enabled() : at::autocast::is_cpu_enabled(); }
void setEnabled(c10::DeviceType device, bool on) {
    isCuda(device) ? at::autocast::set_enabled(on) : at::autocast::set_cpu_enabled(on);
}
c10::ScalarType dtype(c10::DeviceType device) {
    return isCuda(device) ? at::autocast::get_autocast_gpu_dtype() : at::autocast::get_autocast_cpu_dtype();
}
void setDtype(c10::DeviceType device, c10::ScalarType type) {
    isCuda(device) ? at::autocast::set_autocast_gpu_dtype(type) : at::autocast::set_autocast_cpu_dtype(type);
}
#endif

}  // namespace

AutocastScope::AutocastScope(c10::DeviceType device, bool enabled) : device_(device), active_(enabled) {
    if (!active_) return;
    previousEnabled_ = isEnabled(device_);
    previousType_ = dtype(device_);
    setEnabled(device_, true);
    setDtype(device_, c10::ScalarType::BFloat16);
    at::autocast::increment_nesting();
}

AutocastScope::~AutocastScope() {
    if (!active_) return;
    // Leaving the outermost scope drops the bfloat16 copies of the weights autocast cached.
    if (at::autocast::decrement_nesting() == 0) at::autocast::clear_cache();
    setEnabled(device_, previousEnabled_);
    setDtype(device_, previousType_);
}

}  // namespace vitask::runtime

// Deliberately faulty TSM plug-ins for test_plugins.cpp, one shared library per fault,
// selected by BROKEN_PLUGIN_FAULT at compile time (core/tsm/CMakeLists.txt). Each
// exports exactly what a plug-in author who made that mistake would ship.
#include "vitask/tsm/plugin_api.h"

#include <limits>
#include <stdexcept>

#define FAULT_WRONG_ABI 1      // reports another interface version
#define FAULT_NO_FACTORY 2     // exports the version but no factory
#define FAULT_THROWS 3         // the factory throws
#define FAULT_NAN 4            // NaN logits for every image (the probe catches it)
#define FAULT_WRONG_SHAPE 5    // one logit more than it has labels
#define FAULT_NOT_A_PLUGIN 6   // a shared library that exports neither symbol
#define FAULT_NAN_LATER 7      // fine on the probe (zeros), NaN for bright images

#ifndef BROKEN_PLUGIN_FAULT
#error "define BROKEN_PLUGIN_FAULT"
#endif

namespace {

using namespace vitask::tsm;

class BrokenTsm final : public Tsm {
public:
    BrokenTsm() {
        info_.name = "broken-" + std::to_string(BROKEN_PLUGIN_FAULT);
        info_.version = "0.1";
        info_.kind = "plugin";
        info_.labels = {"a", "b", "c"};
        info_.input.height = 8;
        info_.input.width = 8;
        info_.input.channels = 1;
        info_.input.mean = {0.0f};
        info_.input.std = {1.0f};
        info_.status = TsmStatus::Ready;
    }
    const TsmInfo& info() const override { return info_; }
    torch::Device device() const override { return torch::kCPU; }
    TsmOutput predict(const torch::Tensor& images) override {
        const int64_t n = images.size(0);
        int64_t classes = 3;
#if BROKEN_PLUGIN_FAULT == FAULT_WRONG_SHAPE
        classes = 4;
#endif
        TsmOutput out;
        out.features = images.flatten(1).mean(1, /*keepdim=*/true).repeat({1, 2});  // [N, 2]
        out.logits = torch::zeros({n, classes});
#if BROKEN_PLUGIN_FAULT == FAULT_NAN
        out.logits.fill_(std::numeric_limits<float>::quiet_NaN());
#elif BROKEN_PLUGIN_FAULT == FAULT_NAN_LATER
        out.logits = out.logits + torch::log(0.5 - images.flatten(1).mean(1, true));  // NaN above 0.5
#endif
        out.probabilities = torch::softmax(out.logits, 1);
        return out;
    }

private:
    TsmInfo info_;
};

}  // namespace

#if BROKEN_PLUGIN_FAULT != FAULT_NOT_A_PLUGIN
VITASK_TSM_PLUGIN_EXPORT int vitask_tsm_plugin_abi_version() {
#if BROKEN_PLUGIN_FAULT == FAULT_WRONG_ABI
    return kPluginAbiVersion + 100;
#else
    return kPluginAbiVersion;
#endif
}
#endif

#if BROKEN_PLUGIN_FAULT != FAULT_NO_FACTORY && BROKEN_PLUGIN_FAULT != FAULT_NOT_A_PLUGIN
VITASK_TSM_PLUGIN_EXPORT Tsm* vitask_tsm_plugin_create(const char*) {
#if BROKEN_PLUGIN_FAULT == FAULT_THROWS
    throw std::runtime_error("the weights file broken_weights.bin was not found next to the plug-in");
#else
    return new BrokenTsm();
#endif
}
#else
// Keeps the library non-empty and BrokenTsm used, as a real mistaken plug-in would be.
extern "C" __attribute__((visibility("default"))) void* broken_plugin_unrelated_symbol() { return new BrokenTsm(); }
#endif

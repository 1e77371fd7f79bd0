// Deliberately faulty TSM plug-ins for test_plugins.cpp and test_plugin_probe.cpp, one
// shared library per fault, selected by BROKEN_PLUGIN_FAULT at compile time
// (core/tsm/CMakeLists.txt). Each exports exactly what a plug-in author who made that
// mistake would ship. Faults 8-11 take their process down: they are only ever loaded in
// `vitask tsm probe` children.
#include "vitask/tsm/plugin_api.h"

#include <chrono>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <stdexcept>
#include <thread>
#include <vector>

#define FAULT_WRONG_ABI 1      // reports another interface version
#define FAULT_NO_FACTORY 2     // exports the version but no factory
#define FAULT_THROWS 3         // the factory throws
#define FAULT_NAN 4            // NaN logits for every image (the probe catches it)
#define FAULT_WRONG_SHAPE 5    // one logit more than it has labels
#define FAULT_NOT_A_PLUGIN 6   // a shared library that exports neither symbol
#define FAULT_NAN_LATER 7      // fine on the probe (zeros), NaN for bright images
#define FAULT_SEGFAULT 8       // writes through a null pointer in predict()
#define FAULT_ABORT 9          // calls abort() in its factory (a failed assert() does that)
#define FAULT_HANG 10          // its factory never returns (waits for a server that is not there)
#define FAULT_LEAK 11          // predict() allocates and touches memory that it never frees

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
#if BROKEN_PLUGIN_FAULT == FAULT_SEGFAULT
        volatile int* nowhere = nullptr;
        *nowhere = 42;
#elif BROKEN_PLUGIN_FAULT == FAULT_LEAK
        // A cache that is never evicted: 64 MiB blocks, each written so the pages are real.
        static std::vector<char*> kept;
        while (true) {
            char* block = new char[64 << 20];
            std::memset(block, 1, 64 << 20);
            kept.push_back(block);
        }
#endif
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
#elif BROKEN_PLUGIN_FAULT == FAULT_ABORT
    std::abort();
#elif BROKEN_PLUGIN_FAULT == FAULT_HANG
    while (true) std::this_thread::sleep_for(std::chrono::hours(1));
#else
    return new BrokenTsm();
#endif
}
#else
// Keeps the library non-empty and BrokenTsm used, as a real mistaken plug-in would be.
extern "C" __attribute__((visibility("default"))) void* broken_plugin_unrelated_symbol() { return new BrokenTsm(); }
#endif

#pragma once
// A TSM from a compiled plug-in (plugin_api.h). The plug-in's own object does the work;
// this wrapper is what the engine holds, and it trusts nothing the plug-in returns: the
// metadata is checked on loading, a probe batch must come back with the promised shapes,
// and every predict() output is checked for shapes and finite values, so a faulty
// plug-in raises a vitask::Error naming its file instead of corrupting what follows.

#include "vitask/tsm/tsm.h"

#include <filesystem>
#include <memory>

namespace vitask::tsm {

class PluginTsm final : public Tsm {
public:
    // Opens the library, checks its interface version, calls its factory and probes the
    // TSM. Throws vitask::Error naming the library file for every failure.
    static std::unique_ptr<Tsm> load(const std::filesystem::path& library);

    const TsmInfo& info() const override { return info_; }
    torch::Device device() const override { return inner_->device(); }
    TsmOutput predict(const torch::Tensor& images) override;

private:
    PluginTsm(const std::filesystem::path& library, std::unique_ptr<Tsm> inner);

    void checkInfo() const;
    void probe();
    // Calls the plug-in, turning anything it throws into a vitask::Error naming it.
    TsmOutput run(const torch::Tensor& images);
    void checkOutput(const TsmOutput& out, int64_t batch) const;
    std::string subject() const;

    std::unique_ptr<Tsm> inner_;
    TsmInfo info_;
};

}  // namespace vitask::tsm

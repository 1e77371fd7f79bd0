#include "plugin_tsm.h"

#include "plugin_library.h"
#include "vitask/common/error.h"
#include "vitask/tsm/plugin_api.h"

#include <sstream>

namespace vitask::tsm {
namespace {

constexpr const char* kRebuild = "Rebuild the plug-in against this version of VITask's headers (plugin_api.h).";

std::string shapeOf(const torch::Tensor& t) {
    std::ostringstream out;
    out << t.sizes();
    return out.str();
}

std::string shapeText(std::initializer_list<int64_t> dims) {
    std::string out = "[";
    for (auto d : dims) out += (out.size() > 1 ? ", " : "") + std::to_string(d);
    return out + "]";
}

}  // namespace

std::unique_ptr<Tsm> PluginTsm::load(const std::filesystem::path& library) {
    const auto lib = PluginLibrary::open(library);
    const std::string subject = "TSM plug-in " + library.string();

    auto* versionSymbol = lib.symbol(kPluginAbiVersionSymbol);
    if (!versionSymbol)
        throw Error(std::string("exports no '") + kPluginAbiVersionSymbol + "' function, so it is not a VITask TSM plug-in",
                    subject, std::string("Define it with VITASK_TSM_PLUGIN_EXPORT (plugin_api.h). ") + kRebuild);
    const int version = reinterpret_cast<PluginAbiVersionFunction>(versionSymbol)();
    if (version != kPluginAbiVersion)
        throw Error("was built for plug-in interface version " + std::to_string(version) + ", this VITask uses version " +
                        std::to_string(kPluginAbiVersion),
                    subject, kRebuild);

    auto* createSymbol = lib.symbol(kPluginCreateSymbol);
    if (!createSymbol)
        throw Error(std::string("exports no factory function '") + kPluginCreateSymbol + "'", subject,
                    std::string("Define it with VITASK_TSM_PLUGIN_EXPORT (plugin_api.h). ") + kRebuild);
    std::unique_ptr<Tsm> inner;
    try {
        inner.reset(reinterpret_cast<PluginCreateFunction>(createSymbol)(library.c_str()));
    } catch (const std::exception& e) {
        throw Error(std::string("its factory failed: ") + e.what(), subject);
    } catch (...) {
        throw Error("its factory threw an exception that is not a std::exception", subject,
                    "Make the plug-in throw vitask::Error (or another std::exception) with a message.");
    }
    if (!inner) throw Error("its factory returned no TSM", subject, "Make the factory throw an error that says why.");

    std::unique_ptr<PluginTsm> tsm(new PluginTsm(library, std::move(inner)));
    tsm->checkInfo();
    tsm->probe();
    return tsm;
}

PluginTsm::PluginTsm(const std::filesystem::path& library, std::unique_ptr<Tsm> inner) : inner_(std::move(inner)) {
    try {
        info_ = inner_->info();
    } catch (const std::exception& e) {
        throw Error(std::string("its info() failed: ") + e.what(), "TSM plug-in " + library.string());
    }
    // What the registry shows comes from the loader, not from the plug-in's claims.
    info_.kind = "plugin";
    info_.source = library;
    info_.status = TsmStatus::Ready;
    info_.error.clear();
}

std::string PluginTsm::subject() const {
    return "TSM plug-in " + info_.source.string() + (info_.name.empty() ? "" : " ('" + info_.name + "')");
}

void PluginTsm::checkInfo() const {
    const auto& s = info_.input;
    if (info_.name.empty()) throw Error("gives its TSM no name", subject(), "Set TsmInfo::name in the plug-in.");
    if (info_.labels.empty()) throw Error("gives its TSM no labels", subject(), "Set TsmInfo::labels, one per class.");
    if (s.height <= 0 || s.width <= 0 || s.channels <= 0)
        throw Error("declares the input size " + s.describe() + "; height, width and channels must be positive",
                    subject(), "Fix TsmInfo::input in the plug-in.");
    if (s.mean.size() != static_cast<size_t>(s.channels) || s.std.size() != static_cast<size_t>(s.channels))
        throw Error("declares " + std::to_string(s.channels) + " input channels but " + std::to_string(s.mean.size()) +
                        " means and " + std::to_string(s.std.size()) + " standard deviations",
                    subject(), "Give one mean and one std per channel in TsmInfo::input.");
    for (float v : s.std)
        if (!(v > 0)) throw Error("declares an input std that is not positive", subject(), "Fix TsmInfo::input.std.");
}

void PluginTsm::probe() {
    const auto& s = info_.input;
    const auto out = run(torch::zeros({2, s.channels, s.height, s.width}, torch::TensorOptions().device(device())));
    checkOutput(out, 2);
    if (info_.featureWidth == 0) info_.featureWidth = out.features.size(1);
}

TsmOutput PluginTsm::predict(const torch::Tensor& images) {
    checkBatch(images);
    auto out = run(images);
    checkOutput(out, images.size(0));
    return out;
}

TsmOutput PluginTsm::run(const torch::Tensor& images) {
    try {
        return inner_->predict(images);
    } catch (const Error&) {
        throw;  // already says what and where
    } catch (const std::exception& e) {
        throw Error(std::string("predict() failed: ") + e.what(), subject());
    } catch (...) {
        throw Error("predict() threw an exception that is not a std::exception", subject());
    }
}

void PluginTsm::checkOutput(const TsmOutput& out, int64_t batch) const {
    const auto classes = static_cast<int64_t>(info_.labels.size());
    const auto expectShape = [&](const torch::Tensor& t, const char* field, std::initializer_list<int64_t> dims) {
        const std::vector<int64_t> want(dims);
        if (!t.defined()) throw Error(std::string("predict() returned no '") + field + "' tensor", subject(), kRebuild);
        bool ok = t.dim() == static_cast<int64_t>(want.size());
        for (size_t i = 0; ok && i < want.size(); ++i) ok = want[i] < 0 || t.size(static_cast<int64_t>(i)) == want[i];
        if (!ok)
            throw Error(std::string("predict() returned '") + field + "' of shape " + shapeOf(t) + ", expected " +
                            shapeText(dims) + " for " + std::to_string(batch) + " images and " +
                            std::to_string(classes) + " labels (-1: any)",
                        subject(), "Fix the plug-in's outputs or its label list.");
        checkFinite(t, field);
    };
    expectShape(out.logits, "logits", {batch, classes});
    expectShape(out.probabilities, "probabilities", {batch, classes});
    expectShape(out.features, "features", {batch, info_.featureWidth > 0 ? info_.featureWidth : -1});
    if (out.patchFeatures.defined()) expectShape(out.patchFeatures, "patch_features", {batch, -1, out.features.size(1)});

    const auto p = out.probabilities.detach().to(torch::kCPU, torch::kDouble);
    if (p.min().item<double>() < 0 || p.max().item<double>() > 1 + 1e-4)
        throw Error("predict() returned probabilities outside [0, 1]", subject(),
                    "Apply a softmax (or a sigmoid for multi-label TSMs) to the logits.");
    if (!info_.multiLabel && (p.sum(1) - 1).abs().max().item<double>() > 1e-3)
        throw Error("predict() returned probabilities that do not sum to 1 over the classes", subject(),
                    "Apply a softmax to the logits, or set TsmInfo::multiLabel for independent labels.");
}

}  // namespace vitask::tsm

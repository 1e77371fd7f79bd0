#include "vitask/tsm/builtin_tsm.h"
#include "vitask/common/json_file.h"

#include "builtin_manifest.h"
#include "vitask/common/atomic_file.h"
#include "vitask/common/error.h"
#include "vitask/model/safetensors.h"
#include "vitask/tsm/gradcam.h"
#include "vitask/tsm/occlusion_saliency.h"

#include <set>
#include <sstream>

namespace vitask::tsm {
namespace {

std::string shapeText(c10::IntArrayRef shape) {
    std::ostringstream out;
    out << shape;
    return out.str();
}

// Every tensor of the checkpoint: parameters, then buffers (BatchNorm statistics).
std::vector<std::pair<std::string, torch::Tensor>> stateOf(const BuiltinNetwork& network) {
    std::vector<std::pair<std::string, torch::Tensor>> state;
    for (const auto& p : network.named_parameters()) state.emplace_back(p.key(), p.value());
    for (const auto& b : network.named_buffers()) state.emplace_back(b.key(), b.value());
    return state;
}

// Sets network.train(training) for the lifetime of the guard, then restores the mode.
class ModeGuard {
public:
    ModeGuard(BuiltinNetwork& network, bool training) : network_(network), was_(network.is_training()) {
        network_.train(training);
    }
    ~ModeGuard() { network_.train(was_); }
    ModeGuard(const ModeGuard&) = delete;
    ModeGuard& operator=(const ModeGuard&) = delete;

private:
    BuiltinNetwork& network_;
    bool was_;
};

void checkSpec(BuiltinTsmSpec& s) {
    const std::string subject = "built-in TSM '" + s.name + "'";
    if (s.name.empty()) throw Error("has no name", "built-in TSM", "Give the TSM a name.");
    if (s.labels.empty()) throw Error("has no labels", subject, "List the class names in logit order.");
    std::set<std::string> seen;
    for (const auto& label : s.labels)
        if (label.empty() || !seen.insert(label).second)
            throw Error("has an empty or repeated label \"" + label + "\"", subject, "Give every class its own name.");
    const auto& in = s.input;
    if (in.height < 1 || in.width < 1 || in.channels < 1 || in.mean.size() != size_t(in.channels) ||
        in.std.size() != size_t(in.channels))
        throw Error("has the input spec " + in.describe() + "; size and channels must be positive, with one mean and "
                                                              "std per channel",
                    subject);
    const auto classes = static_cast<int64_t>(s.labels.size());
    if (s.groups.empty()) s.groups.push_back({"", 0, classes, false});
    int64_t next = 0;
    for (const auto& g : s.groups) {
        if (g.offset != next || g.count < 1)
            throw Error("has label groups that do not cover the labels in order (group '" + g.dataset + "' at " +
                            std::to_string(g.offset) + ", expected " + std::to_string(next) + ")",
                        subject);
        next += g.count;
    }
    if (next != classes)
        throw Error("has label groups over " + std::to_string(next) + " labels but " + std::to_string(classes) +
                        " labels",
                    subject);
}

}  // namespace

BuiltinTsm::BuiltinTsm(BuiltinTsmSpec spec, torch::Device device) : spec_(std::move(spec)), device_(device) {
    checkSpec(spec_);
    network_ = makeBuiltinNetwork(spec_.architecture, spec_.input.channels, spec_.input.height, spec_.input.width,
                                  static_cast<int>(spec_.labels.size()));
    network_->to(device_);
    info_.name = spec_.name;
    info_.version = spec_.version;
    info_.description = spec_.description;
    info_.kind = kKind;
    info_.labels = spec_.labels;
    info_.input = spec_.input;
    info_.featureWidth = network_->featureWidth();
    info_.multiLabel = spec_.groups.size() == 1 && spec_.groups.front().multiLabel;
    info_.status = TsmStatus::Ready;
}

std::unique_ptr<BuiltinTsm> BuiltinTsm::create(BuiltinTsmSpec spec, torch::Device device) {
    std::unique_ptr<BuiltinTsm> tsm(new BuiltinTsm(std::move(spec), device));
    tsm->probe();
    return tsm;
}

std::unique_ptr<BuiltinTsm> BuiltinTsm::load(const std::filesystem::path& manifest, torch::Device device) {
    auto m = readBuiltinManifest(manifest);
    std::unique_ptr<BuiltinTsm> tsm;
    try {
        tsm.reset(new BuiltinTsm(std::move(m.spec), device));
    } catch (const Error& e) {
        throw Error(e.problem(), manifest.string() + " (" + e.subject() + ")", e.remedy());
    }
    const auto weights = model::SafetensorsReader::open(m.weights);
    const auto state = stateOf(*tsm->network_);
    const std::string remedy = "The weights do not belong to this manifest's architecture; train or export again.";
    if (weights.names().size() != state.size())
        throw Error("holds " + std::to_string(weights.names().size()) + " tensors, the " +
                        tsm->spec_.architecture.describe() + " in the manifest has " + std::to_string(state.size()),
                    m.weights.string(), remedy);
    torch::NoGradGuard noGrad;
    for (const auto& [name, tensor] : state) {
        if (!weights.contains(name)) throw Error("has no tensor '" + name + "'", m.weights.string(), remedy);
        const auto stored = weights.tensor(name);
        if (stored.sizes() != tensor.sizes())
            throw Error("tensor '" + name + "' has shape " + shapeText(stored.sizes()) + ", the architecture needs " +
                            shapeText(tensor.sizes()),
                        m.weights.string(), remedy);
        tensor.copy_(stored);
    }
    tsm->info_.source = manifest;
    tsm->probe();
    return tsm;
}

std::filesystem::path BuiltinTsm::save(const std::filesystem::path& folder) const {
    AtomicFile::checkWritableFolder(folder);
    const std::string weightsFile = spec_.name + ".safetensors";
    std::vector<std::pair<std::string, torch::Tensor>> state;
    for (auto& [name, tensor] : stateOf(*network_)) state.emplace_back(name, tensor.detach().to(torch::kCPU));
    model::writeSafetensors(folder / weightsFile, state, {{"format", "pt"}});
    const auto manifest = folder / (spec_.name + ".tsm.json");
    writeTextFileAtomically(manifest, jsonText(builtinManifestJson(spec_, weightsFile), 2) + "\n");
    return manifest;
}

const LabelGroup* BuiltinTsm::group(const std::string& dataset) const {
    for (const auto& g : spec_.groups)
        if (g.dataset == dataset) return &g;
    return nullptr;
}

torch::Tensor BuiltinTsm::activate(const torch::Tensor& logits) const {
    if (spec_.groups.size() == 1) return spec_.groups.front().multiLabel ? logits.sigmoid() : logits.softmax(1);
    std::vector<torch::Tensor> parts;
    for (const auto& g : spec_.groups) {
        const auto slice = logits.narrow(1, g.offset, g.count);
        parts.push_back(g.multiLabel ? slice.sigmoid() : slice.softmax(1));
    }
    return torch::cat(parts, 1);
}

void BuiltinTsm::probe() {
    const auto& s = spec_.input;
    const auto out = predict(torch::zeros({2, s.channels, s.height, s.width}, torch::TensorOptions().device(device_)));
    if (out.logits.size(1) != static_cast<int64_t>(spec_.labels.size()) || out.features.size(1) != info_.featureWidth)
        throw Error("the network's outputs do not match its labels", "built-in TSM '" + spec_.name + "'");
}

TsmOutput BuiltinTsm::predict(const torch::Tensor& images) {
    checkBatch(images);
    torch::NoGradGuard noGrad;
    ModeGuard eval(*network_, false);
    const auto net = network_->forward(images.to(device_, torch::kFloat32));
    checkFinite(net.logits, "logits");
    checkFinite(net.features, "features");
    return {net.logits, activate(net.logits), net.features, net.patchFeatures};
}

torch::Tensor BuiltinTsm::saliency(const torch::Tensor& image, int64_t classIndex) {
    if (spec_.architecture.type != BuiltinNetworkType::ResNet) return occlusionSaliency(*this, image, classIndex);
    checkBatch(image);
    if (image.size(0) != 1 || classIndex < 0 || classIndex >= static_cast<int64_t>(spec_.labels.size()))
        throw Error("saliency takes one image and a class index below " + std::to_string(spec_.labels.size()),
                    "TSM '" + spec_.name + "'");
    torch::AutoGradMode withGrad(true);
    ModeGuard eval(*network_, false);
    const auto net = network_->forward(image.to(device_, torch::kFloat32));
    return gradCam(net.featureMap, net.logits[0][classIndex], image.size(2), image.size(3));
}

const char* BuiltinTsm::saliencyMethod() const {
    return spec_.architecture.type == BuiltinNetworkType::ResNet ? "Grad-CAM" : "occlusion";
}

}  // namespace vitask::tsm

#include "vitask/vitask/vitask_model.h"

#include "vitask/common/atomic_file.h"
#include "vitask/common/error.h"
#include "vitask/common/json_file.h"
#include "vitask/model/safetensors.h"


namespace vitask::recipe {
namespace {

constexpr const char* kConnectorFile = "exemplar_connector.safetensors";
constexpr const char* kVitaskFile = "vitask.json";

bool startsWith(const std::string& text, const std::string& prefix) { return text.rfind(prefix, 0) == 0; }
bool isLora(const std::string& name) { return name.find(".lora_A.") != std::string::npos || name.find(".lora_B.") != std::string::npos; }

}  // namespace

std::string ExemplarSpec::describe() const {
    if (!enabled()) return "no exemplar prompting";
    std::string text = std::to_string(featureWidth) + " features";
    if (probabilityWidth > 0) text += " + " + std::to_string(probabilityWidth) + " probabilities";
    text += " -> " + std::to_string(tokens) + (tokens == 1 ? " token" : " tokens");
    if (hiddenWidth > 0) text += " (hidden " + std::to_string(hiddenWidth) + ")";
    return text;
}

VitaskModel::VitaskModel(model::LlavaPipeline pipeline, const ExemplarSpec& exemplar)
    : pipeline_(std::move(pipeline)), exemplar_(exemplar) {
    if (exemplar.featureWidth < 0 || exemplar.probabilityWidth < 0 || exemplar.tokens < 1 || exemplar.hiddenWidth < 0)
        throw Error("invalid exemplar spec (" + exemplar.describe() + ")", "EP connector",
                    "Widths must not be negative and there must be at least one exemplar token.");
    if (!exemplar.enabled()) return;  // a model without exemplar prompting
    const int64_t width = vlm().config().text.hiddenSize;
    connector_ = model::MlpProjector(exemplar.featureWidth + exemplar.probabilityWidth, width * exemplar.tokens,
                                     model::parseActivation("gelu", "exemplar connector"), true, exemplar.hiddenWidth);
    const auto reference = vlm().parameters().front();
    connector_->to(reference.device(), reference.scalar_type());
}

torch::Device VitaskModel::device() { return vlm().parameters().front().device(); }

VitaskModel VitaskModel::load(const std::filesystem::path& directory, torch::Device device) {
    if (!std::filesystem::is_directory(directory))
        throw Error("no such folder", directory.string(),
                    "Point to a folder written by `vitask train` (a run's final/).");
    const auto spec = savedExemplarSpec(directory);
    if (!spec)
        throw Error("the folder has no " + std::string(kVitaskFile), directory.string(),
                    "Point to a folder written by `vitask train` (a run's final/).");
    VitaskModel loaded(model::LlavaPipeline::load(directory, device), *spec);
    if (spec->enabled()) loaded.loadConnector(directory);
    return loaded;
}

std::optional<ExemplarSpec> VitaskModel::savedExemplarSpec(const std::filesystem::path& directory) {
    if (!std::filesystem::exists(directory / kVitaskFile)) return std::nullopt;
    const auto json = readJsonFile(directory / kVitaskFile, "the VITask model description");
    ExemplarSpec spec;
    spec.featureWidth = json.value("exemplar_width", int64_t{0});
    spec.probabilityWidth = json.value("exemplar_probabilities", int64_t{0});
    spec.tokens = json.value("exemplar_tokens", int64_t{1});
    spec.hiddenWidth = json.value("exemplar_hidden_width", int64_t{0});
    return spec;
}

void VitaskModel::loadConnector(const std::filesystem::path& directory) {
    if (!connector_) throw Error("this model has no exemplar connector to load into", directory.string());
    const auto weights = model::SafetensorsReader::open(directory / kConnectorFile);
    torch::NoGradGuard noGrad;
    for (auto& item : connector_->named_parameters()) {
        const auto stored = weights.tensor(item.key());
        if (stored.sizes() != item.value().sizes())
            throw Error("tensor " + item.key() + " has shape " + c10::str(stored.sizes()) + ", expected " +
                            c10::str(item.value().sizes()),
                        (directory / kConnectorFile).string(), "The connector does not match vitask.json's exemplar spec.");
        item.value().copy_(stored);
    }
}

void VitaskModel::save(const std::filesystem::path& directory, const nlohmann::json& extra) {
    std::filesystem::create_directories(directory);
    pipeline_.save(directory);
    if (connector_) {
        std::vector<std::pair<std::string, torch::Tensor>> tensors;
        for (auto& item : connector_->named_parameters()) tensors.emplace_back(item.key(), item.value().detach());
        model::writeSafetensors(directory / kConnectorFile, tensors);
    }
    nlohmann::json description = extra;
    description["exemplar_width"] = exemplar_.featureWidth;
    description["exemplar_probabilities"] = exemplar_.probabilityWidth;
    description["exemplar_tokens"] = exemplar_.tokens;
    description["exemplar_hidden_width"] = exemplar_.hiddenWidth;
    description["exemplar_position"] = "after image tokens";
    writeTextFileAtomically(directory / kVitaskFile, jsonText(description, 2) + "\n");
}

std::vector<int64_t> VitaskModel::promptIds(const std::string& instruction, bool withExemplar) const {
    auto ids = pipeline_.promptIds(instruction);
    if (!withExemplar) return ids;
    const int64_t imageId = pipeline_.model()->config().imageTokenId;
    auto lastImage = std::find(ids.rbegin(), ids.rend(), imageId);
    if (lastImage == ids.rend())
        throw Error("the prompt has no image token", "exemplar prompt", "Check the tokenizer's <image> token.");
    ids.insert(lastImage.base(), static_cast<size_t>(exemplar_.tokens), kExemplarTokenId);
    return ids;
}

std::vector<int64_t> VitaskModel::responseIds(const std::string& response) const {
    auto ids = pipeline_.tokenizer().encode(response);
    ids.push_back(pipeline_.tokenizer().eosId());
    return ids;
}

torch::Tensor VitaskModel::pixels(const uint8_t* data, int width, int height, int channels) const {
    const auto image = torch::from_blob(const_cast<uint8_t*>(data), {height, width, channels}, torch::kUInt8)
                           .permute({2, 0, 1})
                           .to(torch::kFloat32)
                           .div(255.0);
    return pipeline_.imageProcessor()(image);
}

torch::Tensor VitaskModel::imageEmbeddings(const torch::Tensor& pixels) {
    const auto reference = vlm().parameters().front();
    return vlm().encodeImages(pixels.to(reference.device(), reference.scalar_type()));
}

std::string VitaskModel::exemplarMismatch(const ExemplarInput& input) const {
    if (!connector_) return "this model has no exemplar connector";
    if (!input.features.defined()) return "exemplar prompting needs the TSM's output";
    const auto width = [](const torch::Tensor& t) { return t.defined() && t.dim() == 2 ? t.size(1) : int64_t{-1}; };
    return exemplarMismatch(width(input.features), exemplar_.probabilityWidth > 0 ? width(input.probabilities) : 0);
}

std::string VitaskModel::exemplarMismatch(int64_t featureWidth, int64_t classCount) const {
    if (!connector_) return "this model has no exemplar connector";
    if (featureWidth != exemplar_.featureWidth)
        return "the TSM's features are " + std::to_string(featureWidth) + " wide, the model's exemplar connector takes " +
               std::to_string(exemplar_.featureWidth);
    if (exemplar_.probabilityWidth > 0 && classCount != exemplar_.probabilityWidth)
        return "the TSM gives " + std::to_string(classCount) + " class probabilities, the model's exemplar connector takes " +
               std::to_string(exemplar_.probabilityWidth);
    return {};
}

torch::Tensor VitaskModel::exemplarEmbeddings(const ExemplarInput& input) {
    if (!connector_)
        throw Error("this model has no exemplar connector", "exemplar prompting",
                    "Train it with a TSM (a stage with ep or rda losses), or evaluate without EP.");
    if (const auto why = exemplarMismatch(input); !why.empty())
        throw Error(why, "exemplar prompting",
                    "Use the TSM the model was trained with, or re-fit the connector for this TSM "
                    "(vitask train, preset: refit_connector; docs/training.md).");
    const auto reference = connector_->parameters().front();
    auto x = input.features;
    if (exemplar_.probabilityWidth > 0) x = torch::cat({x, input.probabilities.to(x.device(), x.scalar_type())}, 1);
    const auto n = x.size(0);
    return connector_->forward(x.to(reference.device(), reference.scalar_type()))
        .reshape({n, exemplar_.tokens, vlm().config().text.hiddenSize});
}

torch::Tensor VitaskModel::responseLogits(const ResponseBatch& batch, const torch::Tensor& images,
                                          const torch::Tensor& exemplars) {
    std::vector<model::EmbeddingSubstitution> substitutions{{vlm().config().imageTokenId, images}};
    if (exemplars.defined()) substitutions.push_back({kExemplarTokenId, exemplars});
    const auto embeddings = vlm().embedInputs(batch.ids, substitutions);
    // Only the outputs that predict response tokens: the last layer skips the others.
    const auto hidden = vlm().decodeAt(embeddings, model::positionsFromMask(batch.mask), batch.mask, batch.window);
    const auto rows = hidden.reshape({-1, hidden.size(-1)}).index_select(0, batch.predictInWindow);
    return vlm().logits(rows);
}

std::vector<torch::Tensor> VitaskModel::parameters(ParameterGroup group) {
    if (group == ParameterGroup::Connector) return connector_ ? connector_->parameters() : std::vector<torch::Tensor>{};
    std::vector<torch::Tensor> out;
    for (auto& item : vlm().named_parameters()) {
        const auto& name = item.key();
        const bool lora = isLora(name);
        bool member = false;
        switch (group) {
        case ParameterGroup::Vision: member = startsWith(name, "vision_tower."); break;
        case ParameterGroup::Projector: member = startsWith(name, "multi_modal_projector."); break;
        case ParameterGroup::Language:
            member = !lora && (startsWith(name, "language_model.") || startsWith(name, "lm_head."));
            break;
        case ParameterGroup::Lora: member = lora; break;
        case ParameterGroup::Connector: break;
        }
        if (member) out.push_back(item.value());
    }
    return out;
}

std::vector<std::pair<std::string, torch::Tensor>> VitaskModel::namedParameters() {
    std::vector<std::pair<std::string, torch::Tensor>> out;
    for (auto& item : vlm().named_parameters()) out.emplace_back("vlm." + item.key(), item.value());
    if (connector_)
        for (auto& item : connector_->named_parameters()) out.emplace_back("connector." + item.key(), item.value());
    return out;
}

void VitaskModel::train(bool on) {
    vlm().train(on);
    if (connector_) connector_->train(on);
}

}  // namespace vitask::recipe

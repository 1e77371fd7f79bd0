#pragma once
// The VITask model: a LLaVA pipeline (vision tower, projector, language model, tokenizer,
// image processor) plus the exemplar-prompting (EP) connector, a 2-layer MLP from the
// TSM's output to the language model's width. Its output is inserted right after the
// image tokens ("EP_cls", VITASK_METHOD.md "Sequence layout"): as the paper does, one
// token from the TSM's features by default; ExemplarSpec can widen the connector, make
// several tokens, and append the TSM's class probabilities to its features
// (docs/results.md, "Why exemplar prompting stops short of a strong TSM", measures them).
//
// Saved as a Hugging Face LLaVA folder (loadable by transformers without the connector)
// plus `exemplar_connector.safetensors` and `vitask.json`.

#include "vitask/model/llava_pipeline.h"
#include "vitask/model/mlp_projector.h"
#include "vitask/vitask/recipe_choices.h"
#include "vitask/vitask/response_batch.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace vitask::recipe {

// The placeholder id of the exemplar token in prompt ids. Placeholders are replaced by
// embeddings before the embedding lookup, so an id outside the vocabulary is safe and
// can never collide with a real token.
inline constexpr int64_t kExemplarTokenId = -1;

// The shape of exemplar prompting; the defaults are the paper's.
struct ExemplarSpec {
    int64_t featureWidth = 0;      // the TSM's feature width; 0: no exemplar prompting
    int64_t probabilityWidth = 0;  // > 0: the TSM's class probabilities (that many) follow its features
    int64_t tokens = 1;            // exemplar tokens after the image tokens
    int64_t hiddenWidth = 0;       // the connector's hidden width; 0: the language model's width
    bool enabled() const { return featureWidth > 0; }
    bool operator==(const ExemplarSpec& other) const {
        return featureWidth == other.featureWidth && probabilityWidth == other.probabilityWidth &&
               tokens == other.tokens && hiddenWidth == other.hiddenWidth;
    }
    std::string describe() const;  // "128 features + 10 probabilities -> 2 tokens (hidden 256)"
};

// What exemplar prompting reads of the TSM's output for N images.
struct ExemplarInput {
    torch::Tensor features;       // [N, F]
    torch::Tensor probabilities;  // [N, K]; read only by a spec with probabilityWidth > 0
    bool defined() const { return features.defined(); }
};

class VitaskModel {
public:
    // A spec that is not enabled(): a model without exemplar prompting.
    VitaskModel(model::LlavaPipeline pipeline, const ExemplarSpec& exemplar);

    // A folder written by save(). Throws vitask::Error naming the file at fault.
    static VitaskModel load(const std::filesystem::path& directory, torch::Device device = torch::kCPU);
    // LoRA adapters must be merged first (the folder holds plain LLaVA weights).
    void save(const std::filesystem::path& directory, const nlohmann::json& extra = {});
    // The exemplar spec a folder written by save() was trained with (not enabled(): no
    // connector); nullopt for a folder without vitask.json (a plain LLaVA checkpoint).
    static std::optional<ExemplarSpec> savedExemplarSpec(const std::filesystem::path& directory);
    // Copies the connector saved in `directory` (same spec) into this model: plugging a
    // new TSM of the old width keeps it; one of another width gets a new connector to fit.
    void loadConnector(const std::filesystem::path& directory);

    model::LlavaPipeline& pipeline() { return pipeline_; }
    model::LlavaModelImpl& vlm() { return *pipeline_.model(); }
    bool hasConnector() const { return !connector_.is_empty(); }
    int64_t exemplarWidth() const { return exemplar_.featureWidth; }
    const ExemplarSpec& exemplarSpec() const { return exemplar_; }
    torch::Device device();

    // Prompt ids of the LLaVA-1.5 conversation for `instruction`, BOS first, image
    // placeholders expanded, and the exemplar placeholders after them when asked.
    std::vector<int64_t> promptIds(const std::string& instruction, bool withExemplar) const;
    // The answer's ids as the model should produce them after "ASSISTANT:", EOS last.
    std::vector<int64_t> responseIds(const std::string& response) const;
    // One image, uint8 rows of width x channels (grey or RGB), to the vision tower's
    // input [3, S, S] through the checkpoint's image processor.
    torch::Tensor pixels(const uint8_t* data, int width, int height, int channels) const;

    // [N, C, S, S] -> projected image tokens [N, n, D].
    torch::Tensor imageEmbeddings(const torch::Tensor& pixels);
    // Why `input` cannot prompt this model ("" when it can): no connector, no TSM output,
    // or features / probabilities of another width than the connector's (another TSM).
    std::string exemplarMismatch(const ExemplarInput& input) const;
    // The same for a TSM of `featureWidth` features and `classCount` classes, before any
    // image is asked (the studio's "can answer with the exemplar").
    std::string exemplarMismatch(int64_t featureWidth, int64_t classCount) const;
    // The TSM's output -> exemplar embeddings [N, tokens, D]. A mismatch is a
    // vitask::Error saying how to re-fit the connector.
    torch::Tensor exemplarEmbeddings(const ExemplarInput& input);
    // Logits [M, V] at the response positions of `batch`; `images` [B, n, D] replace the
    // image placeholders, `exemplars` [B, tokens, D] the exemplar placeholders (undefined
    // for prompts without them).
    torch::Tensor responseLogits(const ResponseBatch& batch, const torch::Tensor& images,
                                 const torch::Tensor& exemplars = {});

    // The parameters of one group (Language excludes LoRA adapters).
    std::vector<torch::Tensor> parameters(ParameterGroup group);
    // Every parameter with a unique name: "vlm.<our name>" and "connector.<name>".
    std::vector<std::pair<std::string, torch::Tensor>> namedParameters();
    void train(bool on);

private:
    model::LlavaPipeline pipeline_;
    ExemplarSpec exemplar_;
    model::MlpProjector connector_{nullptr};
};

}  // namespace vitask::recipe

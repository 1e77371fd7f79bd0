#pragma once
// The VITask model: a LLaVA pipeline (vision tower, projector, language model, tokenizer,
// image processor) plus the exemplar-prompting (EP) connector, a 2-layer MLP from the
// TSM's feature width to the language model's width. Its output is inserted as one
// token right after the image tokens ("EP_cls", VITASK_METHOD.md "Sequence layout").
//
// Saved as a Hugging Face LLaVA folder (loadable by transformers without the connector)
// plus `exemplar_connector.safetensors` and `vitask.json`.

#include "vitask/model/llava_pipeline.h"
#include "vitask/model/mlp_projector.h"
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

// The parameters a training stage can unfreeze (VITASK_METHOD.md "Recipe").
enum class ParameterGroup { Vision, Projector, Language, Lora, Connector };
ParameterGroup parseParameterGroup(const std::string& name, const std::string& subject);
const char* parameterGroupName(ParameterGroup group);  // "vision", "projector", "language", "lora", "connector"

class VitaskModel {
public:
    // exemplarWidth: the TSM's feature width; 0 for a model without exemplar prompting.
    VitaskModel(model::LlavaPipeline pipeline, int64_t exemplarWidth);

    // A folder written by save(). Throws vitask::Error naming the file at fault.
    static VitaskModel load(const std::filesystem::path& directory, torch::Device device = torch::kCPU);
    // LoRA adapters must be merged first (the folder holds plain LLaVA weights).
    void save(const std::filesystem::path& directory, const nlohmann::json& extra = {});
    // The exemplar width a folder written by save() was trained with (0: no connector);
    // nullopt for a folder without vitask.json (a plain LLaVA checkpoint).
    static std::optional<int64_t> savedExemplarWidth(const std::filesystem::path& directory);
    // Copies the connector saved in `directory` (same width) into this model: plugging a
    // new TSM of the old width keeps it; one of another width gets a new connector to fit.
    void loadConnector(const std::filesystem::path& directory);

    model::LlavaPipeline& pipeline() { return pipeline_; }
    model::LlavaModelImpl& vlm() { return *pipeline_.model(); }
    bool hasConnector() const { return !connector_.is_empty(); }
    int64_t exemplarWidth() const { return exemplarWidth_; }
    torch::Device device();

    // Prompt ids of the LLaVA-1.5 conversation for `instruction`, BOS first, image
    // placeholders expanded, and the exemplar placeholder after them when asked.
    std::vector<int64_t> promptIds(const std::string& instruction, bool withExemplar) const;
    // The answer's ids as the model should produce them after "ASSISTANT:", EOS last.
    std::vector<int64_t> responseIds(const std::string& response) const;
    // One image, uint8 rows of width x channels (grey or RGB), to the vision tower's
    // input [3, S, S] through the checkpoint's image processor.
    torch::Tensor pixels(const uint8_t* data, int width, int height, int channels) const;

    // [N, C, S, S] -> projected image tokens [N, n, D].
    torch::Tensor imageEmbeddings(const torch::Tensor& pixels);
    // TSM features [N, F] -> exemplar embeddings [N, 1, D]. Features of another width
    // than the connector's (another TSM) are a vitask::Error saying how to re-fit it.
    torch::Tensor exemplarEmbeddings(const torch::Tensor& features);
    // Logits [M, V] at the response positions of `batch`; `images` [B, n, D] replace the
    // image placeholders, `exemplars` [B, 1, D] the exemplar placeholders (undefined for
    // prompts without one).
    torch::Tensor responseLogits(const ResponseBatch& batch, const torch::Tensor& images,
                                 const torch::Tensor& exemplars = {});

    // The parameters of one group (Language excludes LoRA adapters).
    std::vector<torch::Tensor> parameters(ParameterGroup group);
    // Every parameter with a unique name: "vlm.<our name>" and "connector.<name>".
    std::vector<std::pair<std::string, torch::Tensor>> namedParameters();
    void train(bool on);

private:
    model::LlavaPipeline pipeline_;
    int64_t exemplarWidth_;
    model::MlpProjector connector_{nullptr};
};

}  // namespace vitask::recipe

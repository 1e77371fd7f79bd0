#pragma once
// Everything needed to ask a LLaVA checkpoint a question about an image: the model, its
// tokenizer, its image processor and the LLaVA-1.5 conversation template, loaded from a
// Hugging Face model folder (config.json, *.safetensors, tokenizer.model, ...).

#include "vitask/model/clip_image_processor.h"
#include "vitask/model/generation.h"
#include "vitask/model/llava_model.h"
#include "vitask/model/tokenizer.h"

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace vitask::model {

struct Answer {
    std::string text;
    std::vector<int64_t> promptIds;
    std::vector<int64_t> tokens;     // generated ids (the stop token included)
    std::vector<float> logProbs;     // per generated token
    FinishReason finish = FinishReason::Length;
};

// Receives the answer's text as it grows (only the new part); return false to cancel.
using TextCallback = std::function<bool(const std::string& newText)>;

class LlavaPipeline {
public:
    static LlavaPipeline load(const std::filesystem::path& directory, torch::Device device = torch::kCPU,
                              torch::ScalarType dtype = torch::kFloat32);
    // A freshly initialised model of `config` (to train from scratch), with the
    // tokenizer and image processor files of `tokenizerDirectory`.
    static LlavaPipeline create(const LlavaConfig& config, const std::filesystem::path& tokenizerDirectory,
                                torch::Device device = torch::kCPU);

    // "USER: <image>\n{question} ASSISTANT:" — the llava-hf chat template for LLaVA-1.5.
    static std::string conversation(const std::string& question);

    // Token ids of the conversation for `question`, with <image> repeated once per image
    // feature (image_seq_length) as LlavaProcessor does, BOS first.
    std::vector<int64_t> promptIds(const std::string& question) const;

    // image: float [C, H, W] in [0, 1]. Generates an answer (options' stop tokens default
    // to EOS).
    Answer ask(const torch::Tensor& image, const std::string& question, const GenerationOptions& options,
               const TextCallback& onText = {});

    // A complete model folder: the weights and config (saveLlava) plus the tokenizer,
    // image processor and generation files this pipeline was loaded with.
    void save(const std::filesystem::path& directory);

    LlavaModel& model() { return model_; }
    const LlavaModel& model() const { return model_; }
    const Tokenizer& tokenizer() const { return tokenizer_; }
    const ClipImageProcessor& imageProcessor() const { return processor_; }

private:
    // Adds the tokenizer and image processor of `directory` to `model`, checking they agree.
    static LlavaPipeline assemble(const std::filesystem::path& directory, LlavaModel model);
    LlavaPipeline(std::filesystem::path source, LlavaModel model, Tokenizer tokenizer, ClipImageProcessor processor);
    std::filesystem::path source_;  // the folder loaded from
    LlavaModel model_;
    Tokenizer tokenizer_;
    ClipImageProcessor processor_;
};

}  // namespace vitask::model

#include "vitask/model/llava_pipeline.h"

#include "vitask/common/atomic_file.h"
#include "vitask/common/error.h"
#include "vitask/model/llava_weights.h"
#include "vitask/model/text_stream.h"

#include <fstream>
#include <iterator>

namespace vitask::model {
namespace {

constexpr const char* kImageToken = "<image>";

std::string replaceAll(std::string text, const std::string& from, const std::string& to) {
    for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
        text.replace(at, from.size(), to);
    return text;
}

}  // namespace

LlavaPipeline::LlavaPipeline(std::filesystem::path source, LlavaModel model, Tokenizer tokenizer,
                             ClipImageProcessor processor)
    : source_(std::move(source)),
      model_(std::move(model)), tokenizer_(std::move(tokenizer)), processor_(std::move(processor)) {}

LlavaPipeline LlavaPipeline::load(const std::filesystem::path& directory, torch::Device device,
                                  torch::ScalarType dtype) {
    return assemble(directory, loadLlava(directory, device, dtype));
}

LlavaPipeline LlavaPipeline::create(const LlavaConfig& config, const std::filesystem::path& tokenizerDirectory,
                                    torch::Device device) {
    LlavaModel model(config);
    model->to(device);
    return assemble(tokenizerDirectory, std::move(model));
}

LlavaPipeline LlavaPipeline::assemble(const std::filesystem::path& directory, LlavaModel model) {
    auto tokenizer = Tokenizer::fromDirectory(directory);
    auto processor = ClipImageProcessor::load(directory, model->config().vision);
    const int64_t imageId = tokenizer.addedTokenId(kImageToken);
    if (imageId != model->config().imageTokenId)
        throw Error("the tokenizer's <image> id " + std::to_string(imageId) + " differs from the model's " +
                        std::to_string(model->config().imageTokenId),
                    (directory / "added_tokens.json").string(), "Use the tokenizer files that came with the model.");
    if (tokenizer.vocabSize() > model->config().text.vocabSize)
        throw Error("the tokenizer has " + std::to_string(tokenizer.vocabSize()) + " tokens but the model only " +
                        std::to_string(model->config().text.vocabSize),
                    (directory / "tokenizer.model").string(), "Set text_config.vocab_size to at least the tokenizer's size.");
    return LlavaPipeline(directory, std::move(model), std::move(tokenizer), std::move(processor));
}

void LlavaPipeline::save(const std::filesystem::path& directory) {
    saveLlava(*model_, directory);
    if (std::filesystem::equivalent(directory, source_)) return;
    for (const char* name : {"tokenizer.model", "added_tokens.json", "tokenizer_config.json", "special_tokens_map.json",
                             "preprocessor_config.json", "generation_config.json", "chat_template.json"}) {
        std::ifstream in(source_ / name, std::ios::binary);
        if (!in) continue;  // optional files
        const std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        writeTextFileAtomically(directory / name, content);
    }
}

std::string LlavaPipeline::conversation(const std::string& question) {
    return std::string("USER: ") + kImageToken + "\n" + question + " ASSISTANT:";
}

std::vector<int64_t> LlavaPipeline::promptIds(const std::string& question) const {
    std::string expanded;
    for (int64_t i = 0; i < model_->config().imageSeqLength; ++i) expanded += kImageToken;
    return tokenizer_.encodePrompt(replaceAll(conversation(question), kImageToken, expanded));
}

Answer LlavaPipeline::ask(const torch::Tensor& image, const std::string& question,
                          const GenerationOptions& options, const TextCallback& onText) {
    torch::NoGradGuard noGrad;
    const auto parameter = model_->parameters().front();
    const auto pixels = processor_(image).unsqueeze(0).to(parameter.device(), parameter.scalar_type());
    Answer answer;
    answer.promptIds = promptIds(question);
    const std::vector<EmbeddingSubstitution> images{{model_->config().imageTokenId, model_->encodeImages(pixels)}};

    TextStream stream(tokenizer_);
    TokenCallback onToken;
    if (onText)
        onToken = [&](size_t, int64_t token) {
            const std::string added = stream.push(token);
            return added.empty() || onText(added);
        };
    auto generated = generate(*model_, {answer.promptIds}, images, options, onToken).front();
    answer.tokens = std::move(generated.tokens);
    answer.logProbs = std::move(generated.logProbs);
    answer.finish = generated.finish;
    answer.text = tokenizer_.decode(answer.tokens);
    return answer;
}

}  // namespace vitask::model

#include "chat_command.h"

#include "command_catalog.h"
#include "vitask/common/json_file.h"

#include "image_input.h"
#include "vitask/common/error.h"
#include "vitask/model/llava_pipeline.h"
#include "vitask/service/device.h"

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include <chrono>
#include <iostream>
#include <memory>

namespace vitask::cli {
namespace {

struct ChatOptions {
    std::string model;
    std::string image;
    std::string question = "Describe the image.";
    int64_t maxNewTokens = 128;
    bool greedy = false;
    double temperature = 0;   // 0: greedy unless set
    double topP = 1.0;
    int64_t topK = 0;
    uint64_t seed = 0;
    std::string device = "auto";
    std::string dtype = "auto";
    bool json = false;
};

torch::Device parseDevice(const std::string& name) {
    if (name.rfind("cuda:", 0) == 0 && !service::cudaAvailable())
        throw Error("CUDA is not available in this build or on this machine", "--device " + name, "Use --device cpu.");
    if (name.rfind("cuda:", 0) == 0) return torch::Device(name);
    return torch::Device(service::resolveDevice(service::parseDeviceChoice(name, "--device")));
}

torch::ScalarType parseDtype(const std::string& name, const torch::Device& device) {
    if (name == "auto") return device.is_cuda() ? torch::kBFloat16 : torch::kFloat32;
    if (name == "float32") return torch::kFloat32;
    if (name == "bfloat16") return torch::kBFloat16;
    if (name == "float16") return torch::kHalf;
    throw Error("unknown dtype '" + name + "'", "--dtype", "Use auto, float32, bfloat16 or float16.");
}

const char* finishName(model::FinishReason reason) {
    switch (reason) {
        case model::FinishReason::Stop: return "stop";
        case model::FinishReason::Length: return "length";
        case model::FinishReason::Cancelled: return "cancelled";
    }
    return "unknown";
}

int runChat(const ChatOptions& o) {
    const auto device = parseDevice(o.device);
    const auto dtype = parseDtype(o.dtype, device);
    const auto started = std::chrono::steady_clock::now();
    auto pipeline = model::LlavaPipeline::load(o.model, device, dtype);
    spdlog::info("model loaded from {} on {} in {:.1f} s", o.model, device.str(),
                 std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());

    model::GenerationOptions generation;
    generation.maxNewTokens = o.maxNewTokens;
    generation.greedy = o.greedy || o.temperature <= 0;
    generation.temperature = o.temperature > 0 ? o.temperature : 1.0;
    generation.topP = o.topP;
    generation.topK = o.topK;
    generation.seed = o.seed;

    const auto image = readImageForModel(o.image);
    model::TextCallback stream;
    if (!o.json) stream = [](const std::string& text) { std::cout << text << std::flush; return true; };
    const auto answer = pipeline.ask(image, o.question, generation, stream);
    if (!o.json) {
        std::cout << "\n";
        return 0;
    }
    const nlohmann::json out = {{"answer", answer.text},
                                {"prompt_ids", answer.promptIds},
                                {"generated_ids", answer.tokens},
                                {"log_probs", answer.logProbs},
                                {"finish_reason", finishName(answer.finish)}};
    std::cout << jsonText(out) << "\n";
    return 0;
}

}  // namespace

void addChatCommand(CLI::App& root, CommandDispatch& dispatch) {
    auto options = std::make_shared<ChatOptions>();
    auto* chat = root.add_subcommand("chat", describe("chat"));
    chat->add_option("--model", options->model, "Hugging Face model folder (config.json, *.safetensors, tokenizer.model)")
        ->required()->check(CLI::ExistingDirectory);
    chat->add_option("--image", options->image, "Image file")->required()->check(CLI::ExistingFile);
    chat->add_option("--question", options->question, "The question")->capture_default_str();
    chat->add_option("--max-new-tokens", options->maxNewTokens, "Longest answer in tokens")
        ->capture_default_str()->check(CLI::PositiveNumber);
    chat->add_flag("--greedy", options->greedy, "Always take the most likely token (the default without --temperature)");
    chat->add_option("--temperature", options->temperature, "Sample with this temperature (> 0)")->check(CLI::NonNegativeNumber);
    chat->add_option("--top-p", options->topP, "Nucleus sampling threshold")->check(CLI::Range(0.0, 1.0));
    chat->add_option("--top-k", options->topK, "Sample among the k most likely tokens (0: all)")->check(CLI::NonNegativeNumber);
    chat->add_option("--seed", options->seed, "Random seed for sampling")->capture_default_str();
    chat->add_option("--device", options->device, "auto, cpu, cuda, cuda:N")->capture_default_str();
    chat->add_option("--dtype", options->dtype, "auto (bfloat16 on CUDA, float32 on CPU), float32, bfloat16, float16")
        ->capture_default_str();
    chat->add_flag("--json", options->json, "Print the answer with prompt ids, generated ids and per-token log-probabilities");
    dispatch.add(chat, [options] { return runChat(*options); });
}

}  // namespace vitask::cli

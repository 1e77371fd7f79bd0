#include "run_config_values.h"

#include "vitask/vitask/train_config.h"

#include <cstdio>

namespace vitask::service {
namespace {

std::string number(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%g", value);
    return text;
}

template <typename Items, typename Name>
std::string list(const Items& items, Name name) {
    std::string text = "[";
    for (const auto& item : items) text += (text.size() > 1 ? ", " : "") + std::string(name(item));
    return text + "]";
}

}  // namespace

RunConfigValues flattenRunConfig(const std::string& yaml, const std::filesystem::path& source) {
    const auto config = recipe::TrainConfig::parse(yaml, source);
    RunConfigValues out;
    const auto add = [&](const std::string& key, const std::string& value) { out.values.emplace_back(key, value); };
    add("seed", std::to_string(config.seed));
    add("threads", std::to_string(config.threads));
    if (!config.model.fromScratch()) {
        add("model.base", config.model.base.string());
    } else {
        const auto& s = config.model.scratch;
        add("model.scratch.tokenizer", s.tokenizer.string());
        add("model.scratch.image_size", std::to_string(s.imageSize));
        add("model.scratch.patch_size", std::to_string(s.patchSize));
        add("model.scratch.vision_width", std::to_string(s.visionWidth));
        add("model.scratch.vision_layers", std::to_string(s.visionLayers));
        add("model.scratch.text_width", std::to_string(s.textWidth));
        add("model.scratch.text_layers", std::to_string(s.textLayers));
        add("model.scratch.heads", std::to_string(s.heads));
    }
    add("tsm", config.tsm.string());
    add("data", list(config.datasets, [](const std::filesystem::path& p) { return p.string(); }));
    add("max_train_samples", std::to_string(config.maxTrainSamples));
    add("prompts.train", list(config.trainVariants, [](recipe::InstructionVariant v) { return recipe::variantName(v); }));
    add("training.batch_size", std::to_string(config.batchSize));
    add("training.gradient_accumulation", std::to_string(config.gradientAccumulation));
    add("training.weight_decay", number(config.weightDecay));
    add("training.warmup_ratio", number(config.warmupRatio));
    add("training.max_grad_norm", number(config.maxGradNorm));
    add("training.log_every", std::to_string(config.logEvery));
    add("training.checkpoint_every", std::to_string(config.checkpointEvery));
    add("training.keep_last_checkpoints", std::to_string(config.keepLastCheckpoints));
    add("training.precision", config.bf16 ? "bf16" : "fp32");
    add("rda.direction", recipe::rdaDirectionName(config.rdaDirection));
    add("rda.tau", number(config.rdaTau));
    add("crt.detach_negative", config.crtDetachNegative ? "true" : "false");
    if (config.lora.enabled) {
        add("lora.rank", std::to_string(config.lora.rank));
        add("lora.alpha", number(config.lora.alpha));
        add("lora.dropout", number(config.lora.dropout));
        add("lora.targets", list(config.lora.targets, [](const std::string& t) { return t; }));
    }
    for (size_t i = 0; i < config.stages.size(); ++i) {
        const auto& stage = config.stages[i];
        const std::string key = "stages[" + std::to_string(i) + "].";
        add(key + "name", stage.name);
        add(key + "epochs", number(stage.epochs));
        add(key + "lr", number(stage.learningRate));
        add(key + "losses", "van " + number(stage.van) + ", ep " + number(stage.ep) + ", rda " + number(stage.rda) +
                                ", crt " + number(stage.crt));
        add(key + "trainable", list(stage.trainable, [](recipe::ParameterGroup g) { return recipe::parameterGroupName(g); }));
    }
    out.dataFiles = config.datasets;
    out.tsm = config.tsm;
    return out;
}

}  // namespace vitask::service

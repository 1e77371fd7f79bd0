// The run configuration's checks, presets and defaults for the tuning wizard
// (vitask/service/run_config.h), all read from the trainer's own parser.
#include "vitask/service/run_config.h"

#include "vitask/common/error.h"
#include "vitask/vitask/synthetic_benchmark.h"
#include "vitask/vitask/train_config.h"

namespace vitask::service {
namespace {

namespace recipe = vitask::recipe;

// The parser names the key either in the subject ("<file>: rda.direction", from the
// helpers that parse one value) or as the problem's first word ("training.batch_size
// must be ..."), with the file as the subject. Problems of the whole text start with "is"
// ("is not valid YAML", "is empty", "is a list, not a mapping") or with the empty
// top-level path (" must be a mapping").
std::string fieldOf(const Error& error, const std::string& file) {
    const std::string prefix = file + ": ";
    if (error.subject().rfind(prefix, 0) == 0) return error.subject().substr(prefix.size());
    const std::string& problem = error.problem();
    if (error.subject() != file || problem.empty() || problem.front() == ' ' || problem.rfind("is ", 0) == 0) return {};
    return problem.substr(0, problem.find(' '));
}

StagePlan planOf(const recipe::StageSpec& stage) {
    StagePlan plan{stage.name, stage.epochs, stage.learningRate, stage.van, stage.ep, stage.rda, stage.crt, {}};
    for (auto group : stage.trainable) plan.trainable.emplace_back(recipe::parameterGroupName(group));
    return plan;
}

}  // namespace

std::vector<ConfigProblem> checkRunConfig(const std::string& yaml, const std::filesystem::path& configFile) {
    // Named as TrainConfig::load names it, so the messages are the CLI's to the byte.
    const auto source = std::filesystem::absolute(configFile);
    const std::string file = source.string();
    try {
        recipe::TrainConfig::parse(yaml, source);
        return {};
    } catch (const Error& e) {
        std::string message = e.what();
        std::string text = message.rfind(file + ": ", 0) == 0 ? message.substr(file.size() + 2) : message;
        return {{fieldOf(e, file), std::move(message), std::move(text)}};
    }
}

std::vector<StagePlan> presetStages(const std::string& preset) {
    std::vector<StagePlan> plans;
    for (const auto& stage : recipe::presetStages(preset, "preset")) plans.push_back(planOf(stage));
    return plans;
}

RunConfigDefaults runConfigDefaults() {
    const recipe::TrainConfig config;
    RunConfigDefaults d;
    d.seed = config.seed;
    d.threads = config.threads;
    d.maxTrainSamples = config.maxTrainSamples;
    for (auto variant : config.trainVariants) d.trainVariants.emplace_back(recipe::variantName(variant));
    const auto& s = config.model.scratch;
    d.scratch = {s.imageSize, s.patchSize, s.visionWidth, s.visionLayers, s.textWidth, s.textLayers, s.heads};
    d.lora = {config.lora.rank, config.lora.alpha, config.lora.dropout, config.lora.targets};
    d.rdaDirection = recipe::rdaDirectionName(config.rdaDirection);
    d.rdaTau = config.rdaTau;
    d.crtDetachNegative = config.crtDetachNegative;
    d.batchSize = config.batchSize;
    d.gradientAccumulation = config.gradientAccumulation;
    d.weightDecay = config.weightDecay;
    d.warmupRatio = config.warmupRatio;
    d.maxGradNorm = config.maxGradNorm;
    d.logEvery = config.logEvery;
    d.checkpointEvery = config.checkpointEvery;
    d.keepLastCheckpoints = config.keepLastCheckpoints;
    d.precision = config.bf16 ? "bf16" : "fp32";
    return d;
}

std::vector<std::string> trainVariantNames() {
    std::vector<std::string> names;
    for (auto variant : recipe::allInstructionVariants()) names.emplace_back(recipe::variantName(variant));
    return names;
}

std::vector<std::string> parameterGroupNames() {
    using G = recipe::ParameterGroup;
    std::vector<std::string> names;
    for (auto group : {G::Vision, G::Projector, G::Language, G::Lora, G::Connector})
        names.emplace_back(recipe::parameterGroupName(group));
    return names;
}

std::vector<std::string> rdaDirectionNames() {
    return {recipe::rdaDirectionName(recipe::RdaDirection::Forward), recipe::rdaDirectionName(recipe::RdaDirection::Paper)};
}

std::vector<std::string> syntheticModalityNames() {
    std::vector<std::string> names;
    for (const auto& modality : recipe::syntheticModalities()) names.push_back(modality.name);
    return names;
}

}  // namespace vitask::service

#include "vitask/vitask/train_config.h"

#include "vitask/common/error.h"
#include "vitask/common/input_file.h"

#include <yaml-cpp/yaml.h>

#include <fstream>
#include <set>
#include <sstream>

namespace vitask::recipe {
namespace {

// Reads one YAML mapping, remembering which keys were used so that the rest can be
// reported as unknown (a typo in a key must not silently train with a default).
class Section {
public:
    Section(YAML::Node node, std::string path, std::string file)
        : node_(std::move(node)), path_(std::move(path)), file_(std::move(file)) {
        if (node_ && !node_.IsNull() && !node_.IsMap()) fail(path_, "must be a mapping of keys to values");
    }

    bool has(const std::string& key) const { return node_ && node_.IsMap() && node_[key]; }
    std::string keyPath(const std::string& key) const { return path_.empty() ? key : path_ + "." + key; }

    template <typename T>
    void read(const std::string& key, T& value) {
        used_.insert(key);
        if (!has(key)) return;
        try {
            value = node_[key].as<T>();
        } catch (const YAML::Exception&) {
            fail(keyPath(key), "has the wrong type (" + describe(node_[key]) + ")");
        }
    }
    void readPath(const std::string& key, std::filesystem::path& value, const std::filesystem::path& base) {
        std::string text;
        read(key, text);
        if (!text.empty()) value = std::filesystem::absolute(base / text).lexically_normal();
    }
    YAML::Node child(const std::string& key) {
        used_.insert(key);
        return has(key) ? node_[key] : YAML::Node();
    }
    void rejectUnknownKeys() const {
        if (!node_ || !node_.IsMap()) return;
        for (const auto& item : node_) {
            // A key that is itself a list or mapping (`{[a]: 1}`) is no name at all.
            if (!item.first.IsScalar()) fail(path_.empty() ? "the top level" : path_, "has a key that is not a name");
            const auto key = item.first.Scalar();
            if (!used_.count(key)) {
                std::string known;
                for (const auto& k : used_) known += (known.empty() ? "" : ", ") + k;
                fail(keyPath(key), "is not a known key", "Known keys here: " + known + ".");
            }
        }
    }
    [[noreturn]] void fail(const std::string& key, const std::string& problem, const std::string& remedy = "") const {
        throw Error(key + " " + problem, file_, remedy.empty() ? "See docs/training.md for the run configuration." : remedy);
    }

private:
    static std::string describe(const YAML::Node& node) {
        if (node.IsSequence()) return "a list";
        if (node.IsMap()) return "a mapping";
        if (node.IsScalar()) return "'" + node.Scalar() + "'";
        return "nothing";
    }
    YAML::Node node_;
    std::string path_;
    std::string file_;
    std::set<std::string> used_;
};

template <typename T>
void requireAtLeast(const Section& section, const std::string& key, T value, T minimum) {
    if (value < minimum)
        section.fail(section.keyPath(key), "must be at least " + std::to_string(minimum) + ", not " + std::to_string(value));
}

StageSpec stageFrom(const YAML::Node& node, const std::string& path, const std::string& file) {
    Section section(node, path, file);
    StageSpec stage;
    section.read("name", stage.name);
    section.read("epochs", stage.epochs);
    section.read("lr", stage.learningRate);
    section.read("connector_lr", stage.connectorLearningRate);
    Section losses(section.child("losses"), section.keyPath("losses"), file);
    if (section.has("losses")) stage.van = 0;  // listed losses only
    losses.read("van", stage.van);
    losses.read("ep", stage.ep);
    losses.read("rda", stage.rda);
    losses.read("crt", stage.crt);
    losses.rejectUnknownKeys();
    std::vector<std::string> groups;
    section.read("trainable", groups);
    for (size_t i = 0; i < groups.size(); ++i)
        stage.trainable.push_back(parseParameterGroup(groups[i], file + ": " + section.keyPath("trainable") +
                                                                     "[" + std::to_string(i) + "]"));
    section.rejectUnknownKeys();
    if (stage.name.empty()) section.fail(section.keyPath("name"), "is missing", "Name every stage (e.g. stage1).");
    if (!(stage.epochs > 0)) section.fail(section.keyPath("epochs"), "must be positive");
    if (!(stage.learningRate > 0)) section.fail(section.keyPath("lr"), "must be positive");
    if (stage.connectorLearningRate < 0) section.fail(section.keyPath("connector_lr"), "must not be negative");
    if (stage.trainable.empty())
        section.fail(section.keyPath("trainable"), "is empty", "List the parameter groups this stage trains.");
    for (double weight : {stage.van, stage.ep, stage.rda, stage.crt})
        if (weight < 0) losses.fail(section.keyPath("losses"), "has a negative weight");
    if (stage.van + stage.ep + stage.rda + stage.crt <= 0)
        losses.fail(section.keyPath("losses"), "are all zero", "Give at least one loss a positive weight.");
    return stage;
}

}  // namespace

std::vector<StageSpec> presetStages(const std::string& preset, const std::string& subject) {
    using G = ParameterGroup;
    if (preset == "scratch")
        return {{"warmup", 4, 1, 0, 0, 0, {G::Vision, G::Projector, G::Language}, 2e-3},
                {"stage1", 1, 1, 1, 0.5, 0, {G::Language, G::Connector}, 5e-4},
                {"stage2", 1, 1, 1, 0.5, 0.1, {G::Language}, 5e-4}};
    if (preset == "paper")
        return {{"stage1", 1, 1, 1, 0.5, 0, {G::Lora, G::Connector}, 2e-4},
                {"stage2", 1, 1, 1, 0.5, 0.1, {G::Lora}, 2e-4}};
    if (preset == "refit_connector")  // another TSM plugged into a trained VITask model
        return {{"refit", 3, 0, 1, 0, 0, {G::Connector}, 1e-3}};
    if (preset == "custom") return {};
    throw Error("unknown preset '" + preset + "'", subject,
                "Use 'scratch' (small models trained from scratch), 'paper' (LoRA on a pretrained model), "
                "'refit_connector' (fit the EP connector to another TSM) or 'custom' (stages listed in full).");
}

TrainConfig TrainConfig::load(const std::filesystem::path& path) {
    std::ifstream in = openInputFile(path, "the run configuration");
    std::stringstream text;
    text << in.rdbuf();
    return parse(text.str(), std::filesystem::absolute(path));
}

TrainConfig TrainConfig::parse(const std::string& yaml, const std::filesystem::path& source) {
    const std::string file = source.string();
    YAML::Node root;
    try {
        root = YAML::Load(yaml);
    } catch (const YAML::Exception& e) {
        throw Error("is not valid YAML (line " + std::to_string(e.mark.line + 1) + "): " + e.msg, file,
                    "Fix that line (indent with spaces, close every [ and {); docs/training.md shows a complete "
                    "configuration.");
    }
    // The whole text, before any key: an empty file must not read as "no model given".
    if (!root || root.IsNull())
        throw Error("is empty: no settings in it", file,
                    "Write the run configuration (model, data, stages) as a YAML mapping; docs/training.md shows one.");
    if (!root.IsMap())
        throw Error(std::string("is ") + (root.IsSequence() ? "a list" : "a single value") +
                        ", not a mapping of keys (model, data, stages, ...) to values",
                    file, "Write `key: value` lines at the top level (model:, data:, stages:); docs/training.md shows a "
                          "complete configuration.");
    const auto base = source.parent_path();
    TrainConfig config;
    config.source = source;
    Section top(root, "", file);
    top.read("preset", config.preset);
    top.read("seed", config.seed);
    top.read("threads", config.threads);

    Section model(top.child("model"), "model", file);
    model.readPath("base", config.model.base, base);
    Section scratch(model.child("scratch"), "model.scratch", file);
    auto& s = config.model.scratch;
    scratch.readPath("tokenizer", s.tokenizer, base);
    scratch.read("image_size", s.imageSize);
    scratch.read("patch_size", s.patchSize);
    scratch.read("vision_width", s.visionWidth);
    scratch.read("vision_layers", s.visionLayers);
    scratch.read("text_width", s.textWidth);
    scratch.read("text_layers", s.textLayers);
    scratch.read("heads", s.heads);
    scratch.rejectUnknownKeys();
    model.rejectUnknownKeys();
    if (config.model.fromScratch() && s.tokenizer.empty())
        model.fail("model", "names neither a base model nor a scratch tokenizer",
                   "Set model.base to a Hugging Face LLaVA folder, or model.scratch.tokenizer to a tokenizer folder.");
    for (const auto& [key, value] : {std::pair<const char*, int64_t>{"image_size", s.imageSize}, {"patch_size", s.patchSize},
                                     {"vision_width", s.visionWidth}, {"vision_layers", s.visionLayers},
                                     {"text_width", s.textWidth}, {"text_layers", s.textLayers}, {"heads", s.heads}})
        if (value < 1) scratch.fail(scratch.keyPath(key), "must be at least 1");
    if (s.imageSize % s.patchSize != 0)
        scratch.fail("model.scratch.image_size", "is not a multiple of patch_size");
    if (s.visionWidth % s.heads != 0 || s.textWidth % s.heads != 0)
        scratch.fail("model.scratch.heads", "does not divide vision_width and text_width");

    top.readPath("tsm", config.tsm, base);
    std::vector<std::string> datasets;
    top.read("data", datasets);
    for (const auto& d : datasets) config.datasets.push_back(std::filesystem::absolute(base / d).lexically_normal());
    if (config.datasets.empty()) top.fail("data", "is missing or empty", "List at least one dataset file (.npz or .csv).");
    top.read("max_train_samples", config.maxTrainSamples);

    Section prompts(top.child("prompts"), "prompts", file);
    std::vector<std::string> variants;
    prompts.read("train", variants);
    if (!variants.empty()) config.trainVariants.clear();
    for (const auto& v : variants) config.trainVariants.push_back(parseInstructionVariant(v, file + ": prompts.train"));
    prompts.rejectUnknownKeys();

    Section training(top.child("training"), "training", file);
    training.read("batch_size", config.batchSize);
    training.read("gradient_accumulation", config.gradientAccumulation);
    training.read("weight_decay", config.weightDecay);
    training.read("warmup_ratio", config.warmupRatio);
    training.read("max_grad_norm", config.maxGradNorm);
    training.read("log_every", config.logEvery);
    training.read("checkpoint_every", config.checkpointEvery);
    training.read("keep_last_checkpoints", config.keepLastCheckpoints);
    training.read("distributed_timeout_s", config.distributedTimeoutSeconds);
    std::string precision = config.bf16 ? "bf16" : "fp32";
    training.read("precision", precision);
    if (precision != "fp32" && precision != "bf16")
        training.fail("training.precision", "is '" + precision + "'",
                      "Use fp32, or bf16 (autocast: matrix products in bfloat16, weights and optimiser in float32).");
    config.bf16 = precision == "bf16";
    training.rejectUnknownKeys();
    requireAtLeast<int64_t>(training, "batch_size", config.batchSize, 1);
    requireAtLeast<int64_t>(training, "gradient_accumulation", config.gradientAccumulation, 1);
    requireAtLeast<int64_t>(training, "log_every", config.logEvery, 1);
    requireAtLeast<int>(training, "keep_last_checkpoints", config.keepLastCheckpoints, 1);
    requireAtLeast<int64_t>(training, "distributed_timeout_s", config.distributedTimeoutSeconds, 1);
    if (config.warmupRatio < 0 || config.warmupRatio >= 1) training.fail("training.warmup_ratio", "must be in [0, 1)");

    Section rda(top.child("rda"), "rda", file);
    std::string direction = rdaDirectionName(config.rdaDirection);
    rda.read("direction", direction);
    config.rdaDirection = parseRdaDirection(direction, file + ": rda.direction");
    rda.read("tau", config.rdaTau);
    rda.rejectUnknownKeys();
    if (!(config.rdaTau > 0)) rda.fail("rda.tau", "must be positive");
    Section crt(top.child("crt"), "crt", file);
    crt.read("detach_negative", config.crtDetachNegative);
    crt.rejectUnknownKeys();

    Section lora(top.child("lora"), "lora", file);
    config.lora.enabled = top.has("lora") || config.preset == "paper";
    lora.read("rank", config.lora.rank);
    lora.read("alpha", config.lora.alpha);
    lora.read("dropout", config.lora.dropout);
    lora.read("targets", config.lora.targets);
    lora.rejectUnknownKeys();

    Section exemplar(top.child("exemplar"), "exemplar", file);
    const auto readOptional = [&](const char* key, auto& value) {
        if (!exemplar.has(key)) return;
        typename std::decay_t<decltype(value)>::value_type read{};
        exemplar.read(key, read);
        value = read;
    };
    readOptional("tokens", config.exemplar.tokens);
    readOptional("hidden_width", config.exemplar.hiddenWidth);
    readOptional("probabilities", config.exemplar.probabilities);
    exemplar.rejectUnknownKeys();
    if (config.exemplar.tokens && *config.exemplar.tokens < 1)
        exemplar.fail("exemplar.tokens", "must be at least 1");
    if (config.exemplar.hiddenWidth && *config.exemplar.hiddenWidth < 0)
        exemplar.fail("exemplar.hidden_width", "must not be negative", "0 means the language model's width.");

    // The scratch preset's exemplar: 4 tokens, not the paper's one. Measured on real data
    // (docs/results.md, "Why exemplar prompting stops short of a strong TSM"): the largest
    // and steadiest gain of every change tried, in every seed.
    if (config.preset == "scratch" && !config.exemplar.tokens) config.exemplar.tokens = 4;

    config.stages = presetStages(config.preset, file + ": preset");
    const auto stages = top.child("stages");
    if (stages && !stages.IsNull()) {
        if (!stages.IsSequence()) top.fail("stages", "must be a list of stages");
        config.stages.clear();
        for (size_t i = 0; i < stages.size(); ++i)
            config.stages.push_back(stageFrom(stages[i], "stages[" + std::to_string(i) + "]", file));
    }
    if (config.stages.empty()) top.fail("stages", "is empty", "List the stages, or use preset: scratch or paper.");
    top.rejectUnknownKeys();

    if (config.usesExemplar() && config.tsm.empty())
        top.fail("tsm", "is missing, but a stage uses exemplar prompting (losses ep or rda)",
                 "Set tsm to a TSM manifest or plug-in (train one with `vitask tsm train`).");
    if (config.preset == "refit_connector" && config.model.fromScratch())
        top.fail("model.base", "is missing, but preset refit_connector continues a trained model",
                 "Set model.base to the VITask model (a run's final/) the new TSM is plugged into.");
    if (config.usesLora() && !config.lora.enabled)
        top.fail("lora", "is missing, but a stage trains the 'lora' group", "Add a lora section (rank, alpha, ...).");
    return config;
}

bool TrainConfig::usesExemplar() const {
    for (const auto& stage : stages)
        if (stage.usesExemplar()) return true;
    return false;
}

bool TrainConfig::usesLora() const {
    for (const auto& stage : stages)
        for (auto group : stage.trainable)
            if (group == ParameterGroup::Lora) return true;
    return false;
}

std::string TrainConfig::toYaml() const {
    YAML::Emitter out;
    out << YAML::BeginMap;
    out << YAML::Key << "preset" << YAML::Value << "custom";  // stages below are complete
    out << YAML::Key << "seed" << YAML::Value << seed;
    out << YAML::Key << "threads" << YAML::Value << threads;
    out << YAML::Key << "model" << YAML::Value << YAML::BeginMap;
    if (!model.fromScratch()) {
        out << YAML::Key << "base" << YAML::Value << model.base.string();
    } else {
        const auto& s = model.scratch;
        out << YAML::Key << "scratch" << YAML::Value << YAML::BeginMap << YAML::Key << "tokenizer" << YAML::Value
            << s.tokenizer.string() << YAML::Key << "image_size" << YAML::Value << s.imageSize << YAML::Key
            << "patch_size" << YAML::Value << s.patchSize << YAML::Key << "vision_width" << YAML::Value << s.visionWidth
            << YAML::Key << "vision_layers" << YAML::Value << s.visionLayers << YAML::Key << "text_width"
            << YAML::Value << s.textWidth << YAML::Key << "text_layers" << YAML::Value << s.textLayers << YAML::Key
            << "heads" << YAML::Value << s.heads << YAML::EndMap;
    }
    out << YAML::EndMap;
    if (!tsm.empty()) out << YAML::Key << "tsm" << YAML::Value << tsm.string();
    out << YAML::Key << "data" << YAML::Value << YAML::BeginSeq;
    for (const auto& d : datasets) out << d.string();
    out << YAML::EndSeq;
    out << YAML::Key << "max_train_samples" << YAML::Value << maxTrainSamples;
    out << YAML::Key << "prompts" << YAML::Value << YAML::BeginMap << YAML::Key << "train" << YAML::Value
        << YAML::Flow << YAML::BeginSeq;
    for (auto v : trainVariants) out << variantName(v);
    out << YAML::EndSeq << YAML::EndMap;
    out << YAML::Key << "training" << YAML::Value << YAML::BeginMap;
    out << YAML::Key << "batch_size" << YAML::Value << batchSize;
    out << YAML::Key << "gradient_accumulation" << YAML::Value << gradientAccumulation;
    out << YAML::Key << "weight_decay" << YAML::Value << weightDecay;
    out << YAML::Key << "warmup_ratio" << YAML::Value << warmupRatio;
    out << YAML::Key << "max_grad_norm" << YAML::Value << maxGradNorm;
    out << YAML::Key << "log_every" << YAML::Value << logEvery;
    out << YAML::Key << "checkpoint_every" << YAML::Value << checkpointEvery;
    out << YAML::Key << "keep_last_checkpoints" << YAML::Value << keepLastCheckpoints;
    out << YAML::Key << "precision" << YAML::Value << (bf16 ? "bf16" : "fp32");
    out << YAML::Key << "distributed_timeout_s" << YAML::Value << distributedTimeoutSeconds;
    out << YAML::EndMap;
    out << YAML::Key << "rda" << YAML::Value << YAML::BeginMap << YAML::Key << "direction" << YAML::Value
        << rdaDirectionName(rdaDirection) << YAML::Key << "tau" << YAML::Value << rdaTau << YAML::EndMap;
    out << YAML::Key << "crt" << YAML::Value << YAML::BeginMap << YAML::Key << "detach_negative" << YAML::Value
        << crtDetachNegative << YAML::EndMap;
    if (lora.enabled) {
        out << YAML::Key << "lora" << YAML::Value << YAML::BeginMap << YAML::Key << "rank" << YAML::Value << lora.rank
            << YAML::Key << "alpha" << YAML::Value << lora.alpha << YAML::Key << "dropout" << YAML::Value
            << lora.dropout << YAML::Key << "targets" << YAML::Value << YAML::Flow << lora.targets << YAML::EndMap;
    }
    if (exemplar.tokens || exemplar.hiddenWidth || exemplar.probabilities) {
        out << YAML::Key << "exemplar" << YAML::Value << YAML::BeginMap;
        if (exemplar.tokens) out << YAML::Key << "tokens" << YAML::Value << *exemplar.tokens;
        if (exemplar.hiddenWidth) out << YAML::Key << "hidden_width" << YAML::Value << *exemplar.hiddenWidth;
        if (exemplar.probabilities) out << YAML::Key << "probabilities" << YAML::Value << *exemplar.probabilities;
        out << YAML::EndMap;
    }
    out << YAML::Key << "stages" << YAML::Value << YAML::BeginSeq;
    for (const auto& stage : stages) {
        out << YAML::BeginMap << YAML::Key << "name" << YAML::Value << stage.name << YAML::Key << "epochs"
            << YAML::Value << stage.epochs << YAML::Key << "lr" << YAML::Value << stage.learningRate;
        if (stage.connectorLearningRate > 0)
            out << YAML::Key << "connector_lr" << YAML::Value << stage.connectorLearningRate;
        out << YAML::Key << "losses" << YAML::Value << YAML::Flow << YAML::BeginMap << YAML::Key << "van"
            << YAML::Value << stage.van << YAML::Key << "ep" << YAML::Value << stage.ep << YAML::Key << "rda"
            << YAML::Value << stage.rda << YAML::Key << "crt" << YAML::Value << stage.crt << YAML::EndMap;
        out << YAML::Key << "trainable" << YAML::Value << YAML::Flow << YAML::BeginSeq;
        for (auto group : stage.trainable) out << parameterGroupName(group);
        out << YAML::EndSeq << YAML::EndMap;
    }
    out << YAML::EndSeq << YAML::EndMap;
    return std::string(out.c_str()) + "\n";
}

}  // namespace vitask::recipe

#include "vitask/vitask/trainer.h"

#include "vitask/common/atomic_file.h"
#include "vitask/common/error.h"
#include "vitask/common/json_file.h"
#include "vitask/common/logging.h"
#include "vitask/distributed/gradient_averaging.h"
#include "vitask/distributed/process_group.h"
#include "vitask/model/lora.h"
#include "vitask/model/safetensors.h"
#include "vitask/runtime/system_info.h"
#include "vitask/tsm/plugin_probe.h"
#include "vitask/vitask/batch_prefetcher.h"
#include "vitask/vitask/evaluation_files.h"
#include "vitask/vitask/evaluator.h"
#include "vitask/vitask/task_corpus.h"
#include "vitask/vitask/vitask_step.h"

#include <spdlog/sinks/basic_file_sink.h>

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <fstream>
#include <numeric>
#include <optional>
#include <random>
#include <set>

namespace vitask::recipe {
namespace fs = std::filesystem;

model::LlavaPipeline buildTrainingPipeline(const TrainConfig& config) {
    if (!config.model.fromScratch()) return model::LlavaPipeline::load(config.model.base);
    const auto& s = config.model.scratch;
    const auto tokenizer = model::Tokenizer::fromDirectory(s.tokenizer);
    model::LlavaConfig llava;
    llava.vision.hiddenSize = s.visionWidth;
    llava.vision.intermediateSize = 4 * s.visionWidth;
    llava.vision.numLayers = s.visionLayers;
    llava.vision.numHeads = s.heads;
    llava.vision.imageSize = s.imageSize;
    llava.vision.patchSize = s.patchSize;
    llava.text.vocabSize = tokenizer.vocabSize();
    llava.text.hiddenSize = s.textWidth;
    llava.text.intermediateSize = (s.textWidth * 8 / 3 + 15) / 16 * 16;  // Llama's SwiGLU ratio
    llava.text.numLayers = s.textLayers;
    llava.text.numHeads = s.heads;
    llava.text.numKeyValueHeads = s.heads;
    llava.text.headDim = s.textWidth / s.heads;
    llava.text.maxPositionEmbeddings = 1024;
    llava.text.rmsNormEps = 1e-5;
    llava.text.bosTokenId = tokenizer.bosId();
    llava.text.eosTokenId = tokenizer.eosId();
    llava.imageTokenId = tokenizer.addedTokenId("<image>");
    llava.imageSeqLength = llava.vision.numPatches();
    llava.visionFeatureLayer = -1;  // a small tower has few layers to spare
    return model::LlavaPipeline::create(llava, s.tokenizer);
}

namespace {

constexpr double kPi = 3.14159265358979323846;

// status.json names the machine with the pid, so a studio that finds "running" can tell
// a live process from a dead one only where the pid means something: on this host.
std::string hostName() {
    char name[256] = {};
    if (::gethostname(name, sizeof name - 1) != 0) return {};
    return name;
}

int64_t unixSeconds() {
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

// Every stage's sample stream is the concatenation of seeded permutations of the corpus.
class SampleStream {
public:
    SampleStream(int64_t size, uint64_t seed) : size_(size), seed_(seed) {}
    int64_t at(int64_t position) {
        const int64_t epoch = position / size_;
        if (epoch != epoch_) {
            order_.resize(static_cast<size_t>(size_));
            std::iota(order_.begin(), order_.end(), 0);
            std::mt19937_64 rng(mixSeed(seed_, static_cast<uint64_t>(epoch)));
            for (size_t i = order_.size() - 1; i > 0; --i) std::swap(order_[i], order_[rng() % (i + 1)]);
            epoch_ = epoch;
        }
        return order_[static_cast<size_t>(position % size_)];
    }

private:
    int64_t size_;
    uint64_t seed_;
    int64_t epoch_ = -1;
    std::vector<int64_t> order_;
};

struct TrainerState {
    int stage = 0;          // the stage in progress
    int64_t stageStep = 0;  // optimiser steps done in it
    int64_t step = 0;       // optimiser steps done in all stages
    double bestValF1 = -1;
    std::string bestCheckpoint;
    // metrics.jsonl records written when the checkpoint was taken; a resume drops the rest
    // (they are written again). -1: a checkpoint from before this was kept (by step then).
    int64_t metricsRecords = -1;
    nlohmann::json toJson() const {
        return {{"stage", stage}, {"stage_step", stageStep}, {"step", step}, {"best_val_macro_f1", bestValF1},
                {"best_checkpoint", bestCheckpoint}, {"metrics_records", metricsRecords}};
    }
    static TrainerState fromJson(const nlohmann::json& j) {
        return {j.at("stage").get<int>(), j.at("stage_step").get<int64_t>(), j.at("step").get<int64_t>(),
                j.value("best_val_macro_f1", -1.0), j.value("best_checkpoint", std::string()),
                j.value("metrics_records", int64_t{-1})};
    }
};

// One training process's work. In data-parallel training (`group` not null) every
// process runs the same session on its shard of each batch; only the leader (rank 0)
// writes the run directory, and what it logs is the whole batch's.
class Session {
public:
    Session(TrainConfig config, RunDirectory& run, std::function<bool(const TrainProgress&)> onProgress,
            distributed::ProcessGroup* group)
        : config_(std::move(config)), run_(run), onProgress_(std::move(onProgress)), group_(group) {}

    TrainOutcome run(bool resume);

private:
    void prepare();
    // The base model's exemplar spec (nullopt: scratch, or a plain LLaVA checkpoint).
    std::optional<ExemplarSpec> baseExemplarSpec() const;
    // This run's: the TSM's widths, the shape the config asks for, and what it leaves
    // unset from the base model's connector (ExemplarOptions).
    ExemplarSpec exemplarSpec() const;
    // The EP connector: kept from a VITask base model of the same exemplar spec, else new,
    // which some stage must then train (plugging in another TSM).
    void prepareConnector();
    int64_t stageSteps(const StageSpec& stage) const;
    double learningRate(const StageSpec& stage, int64_t stageStep, int64_t steps) const;
    fs::path saveCheckpoint(torch::optim::Optimizer& optimizer);
    void loadCheckpoint(const fs::path& folder);
    // Evaluates on the validation split; true when macro-F1 without EP is the best so far.
    bool validate(const StageSpec& stage);
    void finish();
    void saveFinalModel();
    // How passes over a split are shared among the processes (not at all in one).
    WorkSharding sharding() const;
    bool report(TrainProgress progress);
    void phase(const std::string& message);
    void status(const std::string& state, const std::string& message = "");
    bool leader() const { return !group_ || group_->rank() == 0; }
    int worldSize() const { return group_ ? group_->size() : 1; }
    // This process's part of a global batch (all of it in one process).
    std::vector<int64_t> shard(const std::vector<int64_t>& batch) const;
    // The loss multipliers of this process's shard (distributed only: one exchange).
    LossScale shardScale(const StepBatch& batch);
    // The whole batch's terms from every process's (distributed only: one exchange), and
    // whether any process was asked to stop, so that every process stops at the same step.
    void gatherLogged(LossTerms& terms, double& total, const LossScale& scale);
    bool anyCancelled(bool cancelled);

    TrainConfig config_;
    RunDirectory& run_;
    std::function<bool(const TrainProgress&)> onProgress_;
    distributed::ProcessGroup* group_;
    std::vector<MedMnistDataset> datasets_;
    std::unique_ptr<tsm::Tsm> tsm_;
    std::unique_ptr<VitaskModel> model_;
    std::unique_ptr<TaskCorpus> train_, val_;
    TrainerState state_;
    int64_t totalSteps_ = 0;
    std::vector<torch::Tensor> savedParameters_;  // every parameter some stage trains
    std::vector<std::string> savedNames_;
    std::chrono::steady_clock::time_point started_ = std::chrono::steady_clock::now();
    int64_t startedAt_ = unixSeconds();  // this session's start, for status.json
    int64_t stepsThisSession_ = 0;
    double stepsPerSecond_ = 0;          // of the stage in progress, as last logged
    double etaSeconds_ = -1;             // -1: not known yet
};

void Session::prepare() {
    if (config_.threads > 0) runtime::setCpuThreads(config_.threads);
    torch::manual_seed(config_.seed);  // model initialisation (scratch weights, LoRA A)
    for (const auto& path : config_.datasets) datasets_.push_back(MedMnistDataset::load(path.string()));
    if (config_.batchSize % worldSize() != 0)
        throw Error("training.batch_size " + std::to_string(config_.batchSize) + " does not divide among " +
                        std::to_string(worldSize()) + " processes",
                    config_.source.string(),
                    "Choose a multiple of the number of processes: the batch is the same whatever their number, "
                    "each process takes its share.");
    if (config_.usesExemplar()) tsm_ = tsm::openProbed(config_.tsm);
    model_ = std::make_unique<VitaskModel>(buildTrainingPipeline(config_), exemplarSpec());
    if (tsm_) prepareConnector();
    if (config_.lora.enabled) {
        model::LoraConfig lora;
        lora.shape.rank = config_.lora.rank;
        lora.shape.alpha = config_.lora.alpha;
        lora.shape.dropout = config_.lora.dropout;
        lora.targetModules = config_.lora.targets;
        model::addLoraAdapters(model_->vlm(), lora);
    }
    std::vector<const MedMnistDataset*> sources;
    for (const auto& d : datasets_) sources.push_back(&d);
    phase("preparing the training data");
    CorpusOptions trainCorpus;
    trainCorpus.maxPerDataset = config_.maxTrainSamples;
    trainCorpus.sharding = sharding();
    train_ = std::make_unique<TaskCorpus>(TaskCorpus::build(sources, Split::Train, *model_, tsm_.get(), trainCorpus));
    CorpusOptions valCorpus;
    valCorpus.sharding = sharding();
    val_ = std::make_unique<TaskCorpus>(TaskCorpus::build(sources, Split::Val, *model_, tsm_.get(), valCorpus));

    // What checkpoints hold: the parameters of every group some stage trains.
    std::set<ParameterGroup> trained;
    for (const auto& stage : config_.stages) trained.insert(stage.trainable.begin(), stage.trainable.end());
    std::set<const void*> chosen;
    for (auto group : trained)
        for (const auto& p : model_->parameters(group)) chosen.insert(p.unsafeGetTensorImpl());
    for (auto& [name, parameter] : model_->namedParameters())
        if (chosen.count(parameter.unsafeGetTensorImpl())) {
            savedNames_.push_back(name);
            savedParameters_.push_back(parameter);
        }
    for (const auto& stage : config_.stages) totalSteps_ += stageSteps(stage);
}

std::optional<ExemplarSpec> Session::baseExemplarSpec() const {
    if (config_.model.fromScratch()) return std::nullopt;
    return VitaskModel::savedExemplarSpec(config_.model.base);
}

ExemplarSpec Session::exemplarSpec() const {
    if (!tsm_) return {};
    ExemplarSpec spec;
    spec.featureWidth = tsm_->info().featureWidth;
    if (spec.featureWidth <= 0)
        throw Error("the TSM does not report its feature width", config_.tsm.string(),
                    "Give the TSM's manifest a feature width.");
    const auto base = baseExemplarSpec();
    const ExemplarSpec inherited = base && base->enabled() ? *base : ExemplarSpec{};
    const auto& asked = config_.exemplar;
    spec.tokens = asked.tokens.value_or(inherited.tokens);
    spec.hiddenWidth = asked.hiddenWidth.value_or(inherited.hiddenWidth);
    if (asked.probabilities.value_or(inherited.probabilityWidth > 0))
        spec.probabilityWidth = static_cast<int64_t>(tsm_->labels().size());
    return spec;
}

void Session::prepareConnector() {
    const auto& base = config_.model.base;
    const auto saved = baseExemplarSpec();
    if (saved && *saved == model_->exemplarSpec()) {
        model_->loadConnector(base);
        spdlog::info("the exemplar connector ({}) continues from {}", saved->describe(), base.string());
        return;
    }
    const bool fitted = std::any_of(config_.stages.begin(), config_.stages.end(), [](const StageSpec& stage) {
        return std::count(stage.trainable.begin(), stage.trainable.end(), ParameterGroup::Connector) > 0;
    });
    const std::string why = config_.model.fromScratch() ? "the model is new"
                            : !saved || !saved->enabled() ? "the base model has no exemplar connector"
                            : saved->featureWidth != model_->exemplarWidth()
                                ? "the TSM's features are " + std::to_string(model_->exemplarWidth()) +
                                      " wide and the base model's connector takes " + std::to_string(saved->featureWidth)
                                : "this run's exemplar is " + model_->exemplarSpec().describe() +
                                      " and the base model's connector takes " + saved->describe();
    if (!fitted)
        throw Error(why + ", and no stage trains a new connector for the TSM", config_.source.string(),
                    "Add 'connector' to a stage's trainable groups, or use preset: refit_connector.");
    if (!config_.model.fromScratch())
        spdlog::info("{}: a new connector is fitted by the stages that train 'connector'", why);
}

int64_t Session::stageSteps(const StageSpec& stage) const {
    const double samples = stage.epochs * static_cast<double>(train_->size());
    return std::max<int64_t>(1, static_cast<int64_t>(std::ceil(samples / static_cast<double>(
                                                                          config_.batchSize * config_.gradientAccumulation))));
}

double Session::learningRate(const StageSpec& stage, int64_t stageStep, int64_t steps) const {
    const auto warmup = static_cast<int64_t>(std::floor(config_.warmupRatio * static_cast<double>(steps)));
    if (stageStep < warmup) return stage.learningRate * static_cast<double>(stageStep + 1) / static_cast<double>(warmup + 1);
    const double progress = static_cast<double>(stageStep - warmup) / static_cast<double>(std::max<int64_t>(1, steps - warmup));
    return stage.learningRate * 0.5 * (1.0 + std::cos(kPi * progress));
}

namespace {

// torch::save(optimizer, path) through an AtomicFile, so that a full disk is reported
// (LibTorch's own file writer can end in std::terminate when its zip writer fails inside
// a destructor). The writer never reports the failure to LibTorch: it remembers it,
// drops the rest, and it is thrown once LibTorch has finished.
void saveOptimizerState(const torch::optim::Optimizer& optimizer, const fs::path& file) {
    torch::serialize::OutputArchive archive;
    optimizer.save(archive);
    AtomicFile out(file);
    std::optional<Error> failure;
    archive.save_to([&](const void* data, size_t size) -> size_t {
        if (!failure) {
            try {
                out.write(data, size);
            } catch (const Error& error) {
                failure = error;
            }
        }
        return size;
    });
    if (failure) throw *failure;
    out.commit();
}

}  // namespace

// Every file goes into a temporary folder and is checked as it is written; only a
// complete checkpoint is renamed into place. A failure (a full disk above all) removes the
// temporary folder and stops the run with the previous checkpoints untouched.
fs::path Session::saveCheckpoint(torch::optim::Optimizer& optimizer) {
    if (!leader()) return {};
    const auto folder = run_.beginCheckpoint(state_.step);
    try {
        std::vector<std::pair<std::string, torch::Tensor>> tensors;
        for (size_t k = 0; k < savedNames_.size(); ++k) tensors.emplace_back(savedNames_[k], savedParameters_[k].detach());
        model::writeSafetensors(folder / "weights.safetensors", tensors);
        saveOptimizerState(optimizer, folder / "optimizer.pt");
        state_.metricsRecords = static_cast<int64_t>(run_.metricsCount());
        writeTextFileAtomically(folder / "trainer_state.json", jsonText(state_.toJson(), 2) + "\n");
    } catch (const Error& error) {
        std::error_code ignored;
        fs::remove_all(folder, ignored);
        const auto latest = run_.latestCheckpoint();
        throw Error("cannot write the checkpoint of step " + std::to_string(state_.step) + ": " + error.problem(),
                    error.subject(),
                    "Free disk space, then continue with `vitask train --resume --out " + run_.root().string() + "`" +
                        (latest ? " (it resumes from " + latest->filename().string() + ", which is intact)." : "."));
    }
    const auto committed = run_.commitCheckpoint(folder, state_.step, config_.keepLastCheckpoints,
                                                 state_.bestCheckpoint.empty() ? fs::path() : fs::path(state_.bestCheckpoint));
    spdlog::info("checkpoint: {}", committed.string());
    return committed;
}

void Session::loadCheckpoint(const fs::path& folder) {
    const auto weights = model::SafetensorsReader::open(folder / "weights.safetensors");
    torch::NoGradGuard noGrad;
    for (size_t k = 0; k < savedNames_.size(); ++k) {
        const auto stored = weights.tensor(savedNames_[k]);
        if (stored.sizes() != savedParameters_[k].sizes())
            throw Error("tensor " + savedNames_[k] + " has another shape than the model's", (folder / "weights.safetensors").string(),
                        "The checkpoint belongs to another configuration.");
        savedParameters_[k].copy_(stored);
    }
    state_ = TrainerState::fromJson(readJsonFile(folder / "trainer_state.json", "the trainer state"));
}

bool Session::validate(const StageSpec& stage) {
    bool improved = false;
    phase("evaluating stage " + stage.name + " on the validation split");
    for (bool exemplar : {false, true}) {
        if (exemplar && !(model_->hasConnector() && val_->hasFeatures())) continue;
        EvalOptions options;
        options.withExemplar = exemplar;
        options.sharding = sharding();
        const auto evaluation = evaluate(*model_, *val_, options);
        if (leader())
            run_.appendMetrics({{"type", "eval"}, {"split", "val"}, {"stage", stage.name}, {"step", state_.step},
                                {"exemplar", exemplar}, {"accuracy", evaluation.meanAccuracy()},
                                {"macro_f1", evaluation.meanMacroF1()}});
        spdlog::info("val after {} ({} EP): accuracy {:.4f}, macro-F1 {:.4f}", stage.name, exemplar ? "with" : "without",
                     evaluation.meanAccuracy(), evaluation.meanMacroF1());
        if (!exemplar && evaluation.meanMacroF1() > state_.bestValF1) {
            state_.bestValF1 = evaluation.meanMacroF1();
            improved = true;
        }
    }
    model_->train(true);
    return improved;
}

void Session::finish() {
    if (leader()) saveFinalModel();
    // The test split: label-set scoring without and with the exemplar (each process its
    // block; the leader writes).
    std::vector<const MedMnistDataset*> sources;
    for (const auto& d : datasets_) sources.push_back(&d);
    CorpusOptions corpus;
    corpus.sharding = sharding();
    const auto test = TaskCorpus::build(sources, Split::Test, *model_, tsm_.get(), corpus);
    for (bool exemplar : {false, true}) {
        if (exemplar && !(model_->hasConnector() && test.hasFeatures())) continue;
        phase(std::string("evaluating on the test split ") + (exemplar ? "with" : "without") + " EP");
        EvalOptions options;
        options.withExemplar = exemplar;
        options.sharding = sharding();
        const auto evaluation = evaluate(*model_, test, options);
        if (!leader()) continue;
        saveEvaluation(run_.evalFolder(), exemplar ? "test_score_ep" : "test_score", evaluation, test);
        run_.appendMetrics({{"type", "eval"}, {"split", "test"}, {"stage", "final"}, {"step", state_.step},
                            {"exemplar", exemplar}, {"accuracy", evaluation.meanAccuracy()},
                            {"macro_f1", evaluation.meanMacroF1()}});
    }
}

void Session::saveFinalModel() {
    phase("saving the final model");
    if (config_.lora.enabled) model::mergeLoraAdapters(model_->vlm());
    // The tasks go with the model, so an application that loads final/ alone (the studio)
    // can ask the paper's instruction and score the label set without the datasets.
    auto tasks = nlohmann::json::array();
    for (const auto& d : datasets_)
        tasks.push_back({{"name", d.name()}, {"modality", d.modality()}, {"labels", d.labelNames()},
                         {"multi_label", d.multiLabel()}});
    nlohmann::json extra{{"tsm", config_.tsm.string()}, {"run", run_.root().string()}, {"tasks", tasks}};
    model_->save(run_.finalFolder(), extra);
    if (config_.lora.enabled) model::unmergeLoraAdapters(model_->vlm());
}

bool Session::report(TrainProgress progress) {
    progress.stageCount = static_cast<int>(config_.stages.size());
    progress.totalSteps = totalSteps_;
    progress.rank = group_ ? group_->rank() : 0;
    if (!progress.message.empty() && leader()) spdlog::info("{}", progress.message);
    return onProgress_ ? onProgress_(progress) : true;
}

void Session::phase(const std::string& message) {
    TrainProgress progress;
    progress.message = message;
    progress.step = state_.step;
    report(progress);
}

void Session::status(const std::string& state, const std::string& message) {
    if (!leader()) return;
    run_.writeStatus({{"state", state}, {"step", state_.step}, {"total_steps", totalSteps_},
                      {"stage", state_.stage < static_cast<int>(config_.stages.size()) ? config_.stages[static_cast<size_t>(state_.stage)].name : "done"},
                      {"pid", static_cast<int64_t>(::getpid())}, {"host", hostName()}, {"started_at", startedAt_},
                      {"updated_at", unixSeconds()}, {"steps_per_s", stepsPerSecond_},
                      {"eta_s", state == "finished" ? 0.0 : etaSeconds_}, {"message", message},
                      {"world_size", worldSize()}});
}

WorkSharding Session::sharding() const {
    if (!group_) return {};
    return {group_->rank(), group_->size(), [group = group_](const std::string& mine) { return group->allGatherBytes(mine); }};
}

std::vector<int64_t> Session::shard(const std::vector<int64_t>& batch) const {
    const auto [first, last] = sharding().range(static_cast<int64_t>(batch.size()));
    return {batch.begin() + first, batch.begin() + last};
}

LossScale Session::shardScale(const StepBatch& batch) {
    if (!group_) return {};
    const auto mine = answerTokens(batch);
    std::vector<torch::Tensor> counts{torch::tensor({mine.all, mine.withNegative}, torch::kLong)};
    group_->allReduceSum(counts);
    const auto all = counts[0][0].item<int64_t>(), withNegative = counts[0][1].item<int64_t>();
    const double world = group_->size();
    return {world * static_cast<double>(mine.all) / static_cast<double>(std::max<int64_t>(1, all)),
            world * static_cast<double>(mine.withNegative) / static_cast<double>(std::max<int64_t>(1, withNegative))};
}

void Session::gatherLogged(LossTerms& terms, double& total, const LossScale& scale) {
    if (!group_) return;
    const double world = group_->size();
    // Each process's share of the batch means (its scale / world: its share of the tokens).
    const double response = scale.response / world, crt = scale.crt / world;
    std::vector<torch::Tensor> values{torch::tensor(
        {terms.van * response, terms.ep * response, terms.rda * response, terms.crt * crt, total / world}, torch::kFloat64)};
    group_->allReduceSum(values);
    terms.van = values[0][0].item<double>(), terms.ep = values[0][1].item<double>();
    terms.rda = values[0][2].item<double>(), terms.crt = values[0][3].item<double>();
    total = values[0][4].item<double>();
}

bool Session::anyCancelled(bool cancelled) {
    if (!group_) return cancelled;
    std::vector<torch::Tensor> flag{torch::tensor({cancelled ? 1L : 0L}, torch::kLong)};
    group_->allReduceSum(flag);
    return flag[0].item<int64_t>() > 0;
}

TrainOutcome Session::run(bool resume) {
    prepare();
    std::optional<fs::path> checkpoint;
    if (resume) {
        checkpoint = run_.latestCheckpoint();
        // What was logged after the checkpoint (or, without one, at all) is done again.
        if (checkpoint) {
            loadCheckpoint(*checkpoint);
            if (leader()) {  // the leader alone rewrites the metrics
                if (state_.metricsRecords >= 0)
                    run_.keepFirstMetrics(static_cast<size_t>(state_.metricsRecords));
                else
                    run_.truncateMetricsAfter(state_.step);
            }
            spdlog::info("resuming from {} (step {})", checkpoint->string(), state_.step);
        } else {
            if (leader()) run_.keepFirstMetrics(0);
            spdlog::info("no checkpoint yet: starting again from step 0");
        }
    }
    status("running");
    model_->train(true);
    for (; state_.stage < static_cast<int>(config_.stages.size()); ++state_.stage, state_.stageStep = 0) {
        const auto& stage = config_.stages[static_cast<size_t>(state_.stage)];
        const auto steps = stageSteps(stage);
        setTrainable(*model_, stage);
        auto optimizer = makeStageOptimizer(*model_, stage, config_);
        if (checkpoint && state_.stageStep > 0) torch::load(*optimizer.adamw, (*checkpoint / "optimizer.pt").string());
        std::vector<torch::Tensor> trainable;  // whose gradients the processes average
        for (const auto& group : optimizer.adamw->param_groups())
            trainable.insert(trainable.end(), group.params().begin(), group.params().end());
        checkpoint.reset();
        SampleStream stream(train_->size(), mixSeed(config_.seed, static_cast<uint64_t>(state_.stage), 0x5EED));
        spdlog::info("stage {} ({} of {}): {} steps", stage.name, state_.stage + 1, config_.stages.size(), steps);
        const auto stageStarted = std::chrono::steady_clock::now();
        const auto firstStep = state_.stageStep;
        LossTerms logged;
        double loggedTotal = 0;
        int64_t loggedCount = 0;
        const int64_t stepBase = state_.step - state_.stageStep;  // optimiser steps before this stage
        auto samplesAt = [&](int64_t stageStep, int64_t micro) {
            const int64_t position = (stageStep * config_.gradientAccumulation + micro) * config_.batchSize;
            std::vector<int64_t> samples;
            for (int64_t b = 0; b < config_.batchSize; ++b) samples.push_back(stream.at(position + b));
            return shard(samples);
        };
        BatchPrefetcher prefetcher([&](const std::vector<int64_t>& samples, int64_t step) {
            return makeStepBatch(*model_, *train_, stage, config_, samples, step);
        });
        for (; state_.stageStep < steps;) {
            const double lr = learningRate(stage, state_.stageStep, steps);
            optimizer.setLearningRate(lr);
            torch::manual_seed(mixSeed(config_.seed, static_cast<uint64_t>(state_.step), 0xD20F));  // dropout masks
            for (int64_t micro = 0; micro < config_.gradientAccumulation; ++micro) {
                const auto batch = prefetcher.take(samplesAt(state_.stageStep, micro), state_.step);
                const bool lastMicro = micro + 1 == config_.gradientAccumulation;
                const int64_t nextStageStep = lastMicro ? state_.stageStep + 1 : state_.stageStep;
                if (nextStageStep < steps)
                    prefetcher.prefetch(samplesAt(nextStageStep, lastMicro ? 0 : micro + 1), stepBase + nextStageStep);
                const auto scale = shardScale(batch);
                auto terms = stepLosses(*model_, stage, config_, batch, scale);
                double total = terms.total.item<double>();
                (terms.total / static_cast<double>(config_.gradientAccumulation)).backward();
                gatherLogged(terms, total, scale);  // so that every process sees a NaN anywhere
                if (!std::isfinite(total))
                    throw Error("the loss became " + std::to_string(total) + " at step " +
                                    std::to_string(state_.step + 1) + " of stage " + stage.name,
                                config_.source.string(), "Lower this stage's lr, or resume from the last checkpoint.");
                loggedTotal += total;
                logged.van += terms.van, logged.ep += terms.ep, logged.rda += terms.rda, logged.crt += terms.crt;
                ++loggedCount;
            }
            if (group_) distributed::averageGradients(*group_, trainable);
            const double gradNorm = optimizerStep(*optimizer.adamw, config_.maxGradNorm);
            ++state_.stageStep;
            ++state_.step;
            ++stepsThisSession_;

            const bool last = state_.stageStep == steps;
            if (state_.step % config_.logEvery == 0 || last) {
                const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - stageStarted).count();
                const double stepsDone = static_cast<double>(state_.stageStep - firstStep);
                const double perStep = seconds / std::max(1.0, stepsDone);
                TrainProgress progress;
                progress.stage = stage.name;
                progress.stageIndex = state_.stage;
                progress.step = state_.step;
                progress.epoch = static_cast<double>(state_.stageStep * config_.batchSize * config_.gradientAccumulation) /
                                 static_cast<double>(train_->size());
                const double n = static_cast<double>(loggedCount);
                progress.loss = loggedTotal / n;
                progress.van = logged.van / n, progress.ep = logged.ep / n, progress.rda = logged.rda / n,
                progress.crt = logged.crt / n;
                progress.learningRate = lr;
                progress.samplesPerSecond =
                    stepsDone * static_cast<double>(config_.batchSize * config_.gradientAccumulation) / std::max(1e-9, seconds);
                progress.etaSeconds = perStep * static_cast<double>(totalSteps_ - state_.step);
                stepsPerSecond_ = 1.0 / std::max(1e-9, perStep);
                etaSeconds_ = progress.etaSeconds;
                if (leader())
                    run_.appendMetrics({{"type", "train"}, {"stage", stage.name}, {"step", state_.step},
                                        {"epoch", progress.epoch}, {"loss", progress.loss}, {"l_van", progress.van},
                                        {"l_ep", progress.ep}, {"l_rda", progress.rda}, {"l_crt", progress.crt},
                                        {"lr", lr}, {"grad_norm", gradNorm},
                                        {"samples_per_s", progress.samplesPerSecond}});
                logged = {};
                loggedTotal = 0;
                loggedCount = 0;
                status("running");
                if (anyCancelled(!report(progress))) {
                    saveCheckpoint(*optimizer.adamw);
                    status("cancelled", "resume with vitask train --resume " + run_.root().string());
                    return TrainOutcome::Cancelled;
                }
            }
            if (config_.checkpointEvery > 0 && state_.step % config_.checkpointEvery == 0 && !last)
                saveCheckpoint(*optimizer.adamw);
        }
        const bool improved = validate(stage);
        // The stage's end: the next stage starts afresh (new optimiser), so the state
        // saved says "next stage, step 0"; the best checkpoint (by validation macro-F1
        // without EP) is kept whatever keep_last_checkpoints says.
        ++state_.stage;
        state_.stageStep = 0;
        if (improved)
            state_.bestCheckpoint = (run_.checkpointsFolder() / RunDirectory::checkpointName(state_.step)).string();
        saveCheckpoint(*optimizer.adamw);
        --state_.stage;
    }
    finish();
    status("finished");
    return TrainOutcome::Finished;
}

}  // namespace

Trainer::Trainer(TrainConfig config, fs::path runDirectory) : config_(std::move(config)), run_(std::move(runDirectory)) {}

TrainOutcome Trainer::run(bool resume, const std::function<bool(const TrainProgress&)>& onProgress) {
    // Started by torchrun, srun or `vitask train --nproc`: join the other processes first.
    const auto launch = distributed::LaunchEnvironment::fromEnvironment();
    if (resume) {
        if (!run_.hasRun())
            throw Error("there is no run to resume here (no config.yaml)", run_.root().string(),
                        "Start the run without --resume.");
        config_ = TrainConfig::load(run_.configFile());
    }
    std::unique_ptr<distributed::ProcessGroup> group;
    if (launch.distributed())
        group = distributed::ProcessGroup::join(launch, std::chrono::seconds(config_.distributedTimeoutSeconds));
    rank_ = group ? group->rank() : 0;
    const bool leader = rank_ == 0;
    if (!resume && leader) {
        if (run_.hasRun())
            throw Error("the folder already holds a run", run_.root().string(),
                        "Resume it with --resume, or choose another output folder.");
        writeTextFileAtomically(run_.configFile(), config_.toYaml());
    }
    // The leader's log is the run's; the others say only what goes wrong.
    if (!leader) spdlog::set_level(spdlog::level::warn);
    std::shared_ptr<spdlog::sinks::basic_file_sink_mt> logSink;
    if (leader) {
        logSink = std::make_shared<spdlog::sinks::basic_file_sink_mt>(run_.logFile().string(), false);
        addLogSink(logSink);
    }
    struct SinkGuard {
        spdlog::sink_ptr sink;
        ~SinkGuard() {
            if (sink) removeLogSink(sink);
        }
    } guard{logSink};
    Session session(config_, run_, onProgress, group.get());
    try {
        return session.run(resume);
    } catch (const std::exception& e) {
        if (!leader) throw;
        // The last status keeps what it knew (step, pid, host) under the new state.
        auto status = run_.readStatus().value_or(nlohmann::json::object());
        if (!status.is_object()) status = nlohmann::json::object();
        status["state"] = "failed";
        status["message"] = e.what();
        status["updated_at"] = unixSeconds();
        run_.writeStatus(status);
        throw;
    }
}

}  // namespace vitask::recipe

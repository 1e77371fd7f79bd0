#include "vitask/service/vision_assistant.h"

#include "model_folder.h"
#include "registered_tsms.h"
#include "weights_hash.h"
#include "vitask/common/error.h"
#include "vitask/model/generation.h"
#include "vitask/model/text_stream.h"
#include "vitask/tsm/plugin_probe.h"
#include "vitask/tsm/tsm_loader.h"
#include "vitask/tsm/tsm_registry.h"
#include "vitask/vitask/answer_matching.h"
#include "vitask/vitask/answering.h"
#include "vitask/vitask/prompt_builder.h"
#include "vitask/vitask/vitask_model.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>
#include <optional>

namespace vitask::service {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

// The weights hash is left to loading: listing does not read every TSM's weights.
TsmEntry entryOf(const tsm::TsmInfo& info) {
    TsmEntry entry;
    entry.name = info.name;
    entry.version = info.version;
    entry.description = info.description;
    entry.kind = info.kind;
    entry.labels = info.labels;
    entry.featureWidth = info.featureWidth;
    entry.ready = info.ready();
    entry.error = info.error;
    entry.source = info.source;
    entry.inputHeight = info.input.height;
    entry.inputWidth = info.input.width;
    entry.inputChannels = info.input.channels;
    entry.inputMean = info.input.mean;
    entry.inputStd = info.input.std;
    entry.multiLabel = info.multiLabel;
    return entry;
}

// Compiled plug-ins are loaded into the application only after `vitask tsm probe` loaded
// them cleanly in a child process: the `vitask` program the studio runs for training
// ($VITASK_CLI, else the one beside the executable), with the default time and memory
// limits and the user's probe cache.
tsm::PluginProbeOptions pluginProbe() { return tsm::PluginProbeOptions::withDefaultProgram(); }

// A manifest or plug-in path is opened as is; anything else is a registry name.
std::unique_ptr<tsm::Tsm> openByNameOrPath(const std::string& nameOrPath, const std::vector<fs::path>& folders) {
    const fs::path path(nameOrPath);
    const bool isFile = path.string().size() > 9 &&
                        (path.string().compare(path.string().size() - 9, 9, ".tsm.json") == 0 ||
                         tsm::isPluginLibrary(path));
    if (isFile) return tsm::openProbed(path, pluginProbe());
    return tsm::TsmRegistry(folders, pluginProbe()).create(nameOrPath);
}

std::vector<LabelProbability> labelled(const std::vector<std::string>& labels, const std::vector<double>& p) {
    std::vector<LabelProbability> out;
    for (size_t k = 0; k < labels.size() && k < p.size(); ++k) out.push_back({labels[k], p[k]});
    return out;
}

bool cancelled(const std::atomic<bool>* cancel) { return cancel && cancel->load(); }

// Runs the TSM on the image: its prediction (for the task's label group) and, when asked,
// the saliency of its top label go into `result`; returns its features (the exemplar).
recipe::ExemplarInput askTsm(tsm::Tsm& tsm, const torch::Tensor& pixels, const AskRequest& request, const TaskInfo* task,
                     const AskCallbacks& callbacks, const std::atomic<bool>* cancel, AskResult& result) {
    const auto prepared = tsm.prepare(pixels);
    const auto output = tsm.predict(prepared);
    const auto scores = output.probabilities[0].to(torch::kCPU, torch::kFloat64).contiguous();
    size_t topLabel = 0;
    auto prediction = tsmPredictionFor(tsm.name(), tsm.labels(),
                                       {scores.data_ptr<double>(), scores.data_ptr<double>() + scores.numel()}, task,
                                       &topLabel);
    if (callbacks.onTsm) callbacks.onTsm(prediction);
    if (request.saliency && !cancelled(cancel)) {
        const auto map = tsm.saliency(prepared, static_cast<int64_t>(topLabel)).to(torch::kCPU, torch::kFloat32).contiguous();
        SaliencyMap saliency{static_cast<int>(map.size(1)), static_cast<int>(map.size(0)), {},
                             prediction.probabilities[prediction.top].label, tsm.saliencyMethod()};
        saliency.values.assign(map.data_ptr<float>(), map.data_ptr<float>() + map.numel());
        result.saliency = std::move(saliency);
    }
    result.tsm = std::move(prediction);
    return {output.features, output.probabilities};
}

// Why the exemplar cannot be used, as the error the user sees.
[[noreturn]] void refuseExemplar(recipe::VitaskModel& model, const recipe::ExemplarInput& tsmOutput, const ModelInfo& info) {
    if (!model.hasConnector())
        throw Error("this model has no exemplar connector", "answer with the exemplar",
                    "Load a VITask model trained with exemplar prompting, or answer without it.");
    if (!tsmOutput.defined())
        throw Error("exemplar prompting needs the TSM", "answer with the exemplar",
                    "Choose the TSM the model was trained with" +
                        (info.trainedTsm.empty() ? std::string(".") : " (" + info.trainedTsm + ")."));
    throw Error(model.exemplarMismatch(tsmOutput), "answer with the exemplar",
                "Choose the TSM the model was trained with, or plug this one in with `vitask train` preset "
                "refit_connector.");
}

// Greedy generation (as `vitask chat` and the evaluator), streamed; `exemplars` defined
// for an answer with EP. Fills the prompt, the ids and the text of `result`.
model::FinishReason generateAnswer(recipe::VitaskModel& model, const torch::Tensor& images, const torch::Tensor& exemplars,
                                   const AskRequest& request, const AskCallbacks& callbacks,
                                   const std::atomic<bool>* cancel, AskResult& result) {
    result.answeredWithExemplar = exemplars.defined();
    result.promptIds = model.promptIds(result.instruction, exemplars.defined());
    std::vector<model::EmbeddingSubstitution> substitutions{{model.vlm().config().imageTokenId, images}};
    if (exemplars.defined()) substitutions.push_back({recipe::kExemplarTokenId, exemplars});
    model::GenerationOptions options;
    options.maxNewTokens = request.maxNewTokens;
    model::TextStream stream(model.pipeline().tokenizer());
    int64_t generated = 0;
    const auto onToken = [&](size_t, int64_t token) {
        if (cancelled(cancel)) return false;
        const std::string added = stream.push(token);
        if (callbacks.onProgress) callbacks.onProgress(++generated, request.maxNewTokens);
        if (!added.empty() && callbacks.onText && !callbacks.onText(added)) return false;
        return !cancelled(cancel);
    };
    auto answer = model::generate(model.vlm(), {result.promptIds}, substitutions, options, onToken).front();
    result.generatedIds = std::move(answer.tokens);
    result.answer = model.pipeline().tokenizer().decode(result.generatedIds);
    return answer.finish;
}

// The task's label set scored after the instruction (teacher-forced, one pass), with the
// exemplar when `exemplars` is defined.
std::vector<LabelProbability> scoreLabels(recipe::VitaskModel& model, const TaskInfo& task, const std::string& instruction,
                                          const torch::Tensor& images, const torch::Tensor& exemplars) {
    std::vector<std::vector<int64_t>> candidates;
    for (const auto& label : task.labels) candidates.push_back(model.responseIds(label));
    const auto prompt = model.promptIds(instruction, exemplars.defined());
    const auto scores = recipe::answerLogLikelihoods(model, {prompt}, images, exemplars, {&candidates});
    return labelled(task.labels, recipe::candidateProbabilities(scores.front()));
}

// The VLM's label: its top-scored one, else the label its answer names (empty if none).
std::string vlmLabelOf(const AskResult& result, const std::vector<std::string>& labels) {
    if (!result.labels.empty())
        return std::max_element(result.labels.begin(), result.labels.end(),
                                [](const auto& a, const auto& b) { return a.probability < b.probability; })
            ->label;
    const auto matched = recipe::matchAnswer(result.answer, labels);
    return matched.label >= 0 ? labels[static_cast<size_t>(matched.label)] : std::string();
}

}  // namespace

struct VisionAssistant::State {
    DeviceChoice choice = DeviceChoice::Auto;
    std::optional<recipe::VitaskModel> model;
    ModelInfo modelInfo;
    std::unique_ptr<tsm::Tsm> tsm;
    std::string tsmSource;  // what loadTsm() was given, to reopen it on another device
    std::vector<fs::path> tsmFolders;

    torch::Device device() const { return torch::Device(resolveDevice(choice)); }
};

VisionAssistant::VisionAssistant(DeviceChoice device) : state_(std::make_unique<State>()) { state_->choice = device; }
VisionAssistant::~VisionAssistant() = default;
VisionAssistant::VisionAssistant(VisionAssistant&&) noexcept = default;
VisionAssistant& VisionAssistant::operator=(VisionAssistant&&) noexcept = default;

const ModelInfo& VisionAssistant::loadModel(const fs::path& folder) {
    const auto started = Clock::now();
    auto info = detail::describeModelFolder(folder);
    const auto device = state_->device();
    // LLaVA checkpoints load as published (bfloat16 on CUDA, as `vitask chat`); VITask
    // models in the float32 they were trained and evaluated in.
    auto model = info.vitask ? recipe::VitaskModel::load(info.folder, device)
                             : recipe::VitaskModel(model::LlavaPipeline::load(info.folder, device,
                                                                              device.is_cuda() ? torch::kBFloat16
                                                                                               : torch::kFloat32),
                                                   recipe::ExemplarSpec{});
    model.train(false);
    info.device = device.str();
    for (const auto& p : model.vlm().parameters()) info.parameters += p.numel();
    // Hashed here, right after loading, while the files are in the page cache.
    const auto hashing = Clock::now();
    info.weightsHash = detail::weightsHash(detail::modelWeightFiles(info.folder));
    const double hashSeconds = secondsSince(hashing);
    info.loadSeconds = secondsSince(started);
    state_->model.emplace(std::move(model));
    state_->modelInfo = std::move(info);
    spdlog::info("model {} loaded on {} in {:.2f} s ({} parameters{}; weights hashed in {:.2f} s)",
                 state_->modelInfo.name, state_->modelInfo.device, state_->modelInfo.loadSeconds,
                 state_->modelInfo.parameters, state_->modelInfo.exemplarWidth ? ", exemplar prompting" : "",
                 hashSeconds);
    return state_->modelInfo;
}

bool VisionAssistant::hasModel() const { return state_->model.has_value(); }

const ModelInfo& VisionAssistant::model() const {
    if (!state_->model) throw Error("no model is loaded", "model", "Load a model folder first.");
    return state_->modelInfo;
}

TsmEntry VisionAssistant::loadTsm(const std::string& nameOrPath, const std::vector<fs::path>& folders) {
    auto opened = openByNameOrPath(nameOrPath, folders);
    auto entry = entryOf(opened->info());
    entry.weightsHash = detail::weightsHash(detail::tsmWeightFiles(entry.source));
    state_->tsm = std::move(opened);
    state_->tsmSource = nameOrPath;
    state_->tsmFolders = folders;
    spdlog::info("TSM {} loaded ({} labels, feature width {})", entry.name, entry.labels.size(), entry.featureWidth);
    return entry;
}

void VisionAssistant::unloadTsm() {
    state_->tsm.reset();
    state_->tsmSource.clear();
}

bool VisionAssistant::hasTsm() const { return state_->tsm != nullptr; }

bool VisionAssistant::canAnswerWithExemplar() const {
    return state_->model && state_->tsm &&
           state_->model
               ->exemplarMismatch(state_->tsm->info().featureWidth, static_cast<int64_t>(state_->tsm->labels().size()))
               .empty();
}

std::string VisionAssistant::device() const { return state_->device().str(); }

void VisionAssistant::setDevice(DeviceChoice device) {
    resolveDevice(device);  // throws before anything changes when CUDA is not there
    const auto previous = state_->choice;
    state_->choice = device;
    if (state_->device() == torch::Device(resolveDevice(previous))) return;
    if (state_->model) loadModel(state_->modelInfo.folder);
    if (state_->tsm) loadTsm(state_->tsmSource, state_->tsmFolders);
}

AskResult VisionAssistant::ask(const ModelImage& image, const AskRequest& request, const AskCallbacks& callbacks,
                               const std::atomic<bool>* cancel) {
    const auto started = Clock::now();
    if (!state_->model) throw Error("no model is loaded", "ask", "Load a model folder first.");
    if (image.empty() || image.values.size() != static_cast<size_t>(image.channels) * image.height * image.width)
        throw Error("the image is empty or its size does not match its shape", "ask", "Open an image first.");
    auto& model = *state_->model;
    const TaskInfo* task = request.task ? &*request.task : nullptr;
    if (request.question.empty() && !task)
        throw Error("nothing to ask", "ask", "Write a question, or choose the task whose instruction to ask.");

    AskResult result;
    const auto finish = [&](std::string reason) {
        result.finish = std::move(reason);
        result.seconds = secondsSince(started);
        return result;
    };
    if (cancelled(cancel)) return finish("cancelled");  // cancelled while it waited: nothing runs
    result.instruction = request.question.empty()
                             ? recipe::buildInstruction({task->modality, task->labels, task->multiLabel},
                                                        recipe::InstructionVariant::Complete)
                             : request.question;
    torch::NoGradGuard noGrad;
    const auto pixels = torch::from_blob(const_cast<float*>(image.values.data()),
                                         {image.channels, image.height, image.width}, torch::kFloat32);

    // The TSM first: it is fast, and the panel shows its prediction while the VLM answers.
    const auto tsmOutput = state_->tsm ? askTsm(*state_->tsm, pixels, request, task, callbacks, cancel, result)
                                       : recipe::ExemplarInput{};
    const bool canUseExemplar = model.exemplarMismatch(tsmOutput).empty();
    if (request.answerWithExemplar && !canUseExemplar) refuseExemplar(model, tsmOutput, state_->modelInfo);
    if (cancelled(cancel)) return finish("cancelled");

    const auto images = model.imageEmbeddings(model.pipeline().imageProcessor()(pixels).unsqueeze(0));
    const auto exemplars = canUseExemplar ? model.exemplarEmbeddings(tsmOutput) : torch::Tensor();
    const auto stop = generateAnswer(model, images, request.answerWithExemplar ? exemplars : torch::Tensor(), request,
                                     callbacks, cancel, result);
    if (stop == model::FinishReason::Cancelled) return finish("cancelled");

    if (task && !task->multiLabel && !task->labels.empty()) {
        result.labels = scoreLabels(model, *task, result.instruction, images, {});
        if (canUseExemplar) result.labelsWithExemplar = scoreLabels(model, *task, result.instruction, images, exemplars);
    }
    result.vlmLabel = vlmLabelOf(result, task ? task->labels : (state_->tsm ? state_->tsm->labels() : std::vector<std::string>{}));
    result.agreement = judgeAgreement(result);
    return finish(stop == model::FinishReason::Stop ? "stop" : "length");
}

recipe::VitaskModel* VisionAssistant::loadedModel() { return state_->model ? &*state_->model : nullptr; }

tsm::Tsm* VisionAssistant::loadedTsm() { return state_->tsm.get(); }

std::vector<TsmEntry> detail::registeredTsms(const std::vector<fs::path>& folders) {
    const tsm::TsmRegistry registry(folders, pluginProbe());
    std::vector<TsmEntry> out;
    for (const auto& info : registry.list()) out.push_back(entryOf(info));
    return out;
}

}  // namespace vitask::service

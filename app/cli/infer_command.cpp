#include "infer_command.h"

#include "vitask/common/error.h"
#include "vitask/service/vision_assistant.h"
#include "vitask/vitask/dataset_loader.h"
#include "vitask/vitask/prompt_builder.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <iostream>

namespace vitask::cli {
namespace {

struct InferOptions {
    std::string image;
    std::string model;
    std::string question;
    std::string task;                    // one of the model's tasks, by name or 1-based index
    std::string dataset;                 // labels and modality from a dataset file
    std::vector<std::string> labels;
    std::string modality;
    std::string variant = "complete";
    std::string tsm;
    bool exemplar = false;
    int64_t maxNewTokens = 32;
    std::string device = "auto";
    bool json = false;
};

// The task whose labels are scored: given on the command line, else the model's own
// (the one it was trained on, or the one --task names).
std::optional<service::TaskInfo> taskOf(const InferOptions& o, const service::ModelInfo& model) {
    if (!o.dataset.empty()) {
        recipe::DatasetLoadOptions load;
        load.medMnist.loadPixels = false;
        const auto data = recipe::loadDataset(o.dataset, load);
        return service::TaskInfo{data.name(), data.modality(), data.labelNames(), data.multiLabel()};
    }
    if (!o.labels.empty()) return service::TaskInfo{"", o.modality, o.labels, false};
    if (o.task.empty()) {
        if (model.tasks.size() == 1) return model.tasks.front();
        return std::nullopt;
    }
    for (size_t i = 0; i < model.tasks.size(); ++i)
        if (model.tasks[i].name == o.task || std::to_string(i + 1) == o.task) return model.tasks[i];
    std::string names;
    for (const auto& t : model.tasks) names += (names.empty() ? "" : ", ") + t.name;
    throw Error("the model has no task '" + o.task + "'", "--task",
                names.empty() ? "This model lists no tasks: give --labels or --dataset." : "Use one of: " + names + ".");
}

nlohmann::json probabilitiesJson(const std::vector<service::LabelProbability>& labels) {
    auto sorted = labels;
    std::stable_sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) { return a.probability > b.probability; });
    auto out = nlohmann::json::array();
    for (const auto& l : sorted) out.push_back({{"label", l.label}, {"probability", l.probability}});
    return out;
}

int runInfer(const InferOptions& o) {
    if (o.exemplar && o.tsm.empty())
        throw Error("exemplar prompting needs the TSM", "--exemplar", "Pass --tsm with the TSM the model was trained with.");
    service::VisionAssistant assistant(service::parseDeviceChoice(o.device, "--device"));
    const auto& model = assistant.loadModel(o.model);
    service::AskRequest request;
    request.task = taskOf(o, model);
    if (o.question.empty() && !request.task)
        throw Error("nothing to ask", "vitask infer",
                    "Give --question, or the task: --task NAME, --dataset FILE, or --labels a,b,c [--modality NAME].");
    request.question = o.question.empty()
                           ? recipe::buildInstruction({request.task->modality, request.task->labels, request.task->multiLabel},
                                                      recipe::parseInstructionVariant(o.variant, "--variant"))
                           : o.question;
    request.answerWithExemplar = o.exemplar;
    request.maxNewTokens = o.maxNewTokens;
    request.saliency = false;
    if (!o.tsm.empty()) assistant.loadTsm(o.tsm);

    service::AskCallbacks callbacks;
    if (!o.json) callbacks.onText = [](const std::string& added) { std::cout << added << std::flush; return true; };
    const auto result = assistant.ask(service::modelImageFromFile(o.image), request, callbacks);
    if (!o.json) std::cout << "\n";

    // The probabilities of the way the model answered (with the exemplar under --exemplar).
    const auto& scored = o.exemplar ? result.labelsWithExemplar : result.labels;
    nlohmann::json out{{"instruction", result.instruction}, {"exemplar", o.exemplar}, {"answer", result.answer},
                       {"generated_ids", result.generatedIds}, {"finish_reason", result.finish}};
    if (!scored.empty()) out["label_probabilities"] = probabilitiesJson(scored);
    if (!o.exemplar && !result.labelsWithExemplar.empty())
        out["label_probabilities_with_exemplar"] = probabilitiesJson(result.labelsWithExemplar);
    if (result.tsm) {
        const auto& top = result.tsm->probabilities[result.tsm->top];
        out["tsm"] = {{"name", result.tsm->name}, {"label", top.label}, {"probability", top.probability}};
        out["agreement"] = service::agreementName(result.agreement);
    }
    if (o.json) {
        std::cout << out.dump(2) << "\n";
        return 0;
    }
    for (const auto& l : out.value("label_probabilities", nlohmann::json::array()))
        std::printf("  %6.2f%%  %s\n", 100 * l["probability"].get<double>(), l["label"].get<std::string>().c_str());
    if (out.contains("tsm"))
        std::printf("TSM %s: %s (%.2f%%); agreement: %s\n", out["tsm"]["name"].get<std::string>().c_str(),
                    out["tsm"]["label"].get<std::string>().c_str(), 100 * out["tsm"]["probability"].get<double>(),
                    out["agreement"].get<std::string>().c_str());
    return 0;
}

}  // namespace

void addInferCommand(CLI::App& root, CommandDispatch& dispatch) {
    auto options = std::make_shared<InferOptions>();
    auto* command = root.add_subcommand("infer", "Ask a VITask model (or a LLaVA checkpoint) about one image");
    command->add_option("image", options->image, "Image file (DICOM, NIfTI, PNG, JPEG)")->required();
    command->add_option("--model", options->model, "A VITask model folder (a run's final/) or a LLaVA folder")->required();
    command->add_option("--question", options->question, "The instruction, as is");
    command->add_option("--task", options->task, "One of the model's tasks (name or 1-based index); default: its only one");
    command->add_option("--dataset", options->dataset, "Take the task (modality, labels) from this dataset file");
    command->add_option("--labels", options->labels, "The label set, comma-separated")->delimiter(',');
    command->add_option("--modality", options->modality, "The modality the instruction names");
    command->add_option("--variant", options->variant, "Instruction variant (see vitask eval)")->capture_default_str();
    command->add_option("--tsm", options->tsm, "A TSM (registry name or manifest): its prediction is shown, and --exemplar feeds its feature");
    command->add_flag("--exemplar", options->exemplar, "Exemplar prompting (VITask w/ EP)");
    command->add_option("--max-new-tokens", options->maxNewTokens, "Generation limit")->capture_default_str();
    command->add_option("--device", options->device, "auto, cpu or cuda")->capture_default_str();
    command->add_flag("--json", options->json, "Print the result as JSON");
    dispatch.add(command, [options] { return runInfer(*options); });
}

}  // namespace vitask::cli

#include "ask_options.h"

#include "vitask/common/error.h"
#include "vitask/vitask/dataset_loader.h"
#include "vitask/vitask/prompt_builder.h"

namespace vitask::cli {
namespace {

// The task whose labels are scored: given on the command line, else the model's own
// (the one it was trained on, or the one --task names).
std::optional<service::TaskInfo> taskOf(const AskOptions& o, const service::ModelInfo& model) {
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

}  // namespace

void addAskOptions(CLI::App* command, AskOptions& options) {
    command->add_option("--model", options.model, "A VITask model folder (a run's final/) or a LLaVA folder")->required();
    command->add_option("--question", options.question, "The instruction, as is");
    command->add_option("--task", options.task, "One of the model's tasks (name or 1-based index); default: its only one");
    command->add_option("--dataset", options.dataset, "Take the task (modality, labels) from this dataset file");
    command->add_option("--labels", options.labels, "The label set, comma-separated")->delimiter(',');
    command->add_option("--modality", options.modality, "The modality the instruction names");
    command->add_option("--variant", options.variant, "Instruction variant (see vitask eval)")->capture_default_str();
    command->add_option("--tsm", options.tsm,
                        "A TSM (registry name or manifest): its prediction is shown, and --exemplar feeds its feature");
    command->add_flag("--exemplar", options.exemplar, "Exemplar prompting (VITask w/ EP)");
    command->add_option("--max-new-tokens", options.maxNewTokens, "Generation limit")->capture_default_str();
    command->add_option("--device", options.device, "auto, cpu or cuda")->capture_default_str();
}

service::AskRequest askRequestFor(const AskOptions& o, const service::ModelInfo& model) {
    if (o.exemplar && o.tsm.empty())
        throw Error("exemplar prompting needs the TSM", "--exemplar", "Pass --tsm with the TSM the model was trained with.");
    service::AskRequest request;
    request.task = taskOf(o, model);
    if (o.question.empty() && !request.task)
        throw Error("nothing to ask", "--question",
                    "Give --question, or the task: --task NAME, --dataset FILE, or --labels a,b,c [--modality NAME].");
    request.question = o.question.empty()
                           ? recipe::buildInstruction({request.task->modality, request.task->labels, request.task->multiLabel},
                                                      recipe::parseInstructionVariant(o.variant, "--variant"))
                           : o.question;
    request.answerWithExemplar = o.exemplar;
    request.maxNewTokens = o.maxNewTokens;
    return request;
}

}  // namespace vitask::cli

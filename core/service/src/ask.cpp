#include "vitask/service/ask.h"

#include "vitask/vitask/prompt_builder.h"

#include <algorithm>
#include <cctype>

namespace vitask::service {
namespace {

std::string normalised(const std::string& label) {
    std::string out;
    for (unsigned char c : label)
        if (!std::isspace(c)) out.push_back(static_cast<char>(std::tolower(c)));
    return out;
}

}  // namespace

std::vector<QuestionTemplate> questionTemplates(const TaskInfo& task) {
    const recipe::TaskDescription description{task.modality, task.labels, task.multiLabel};
    std::vector<QuestionTemplate> out;
    for (auto variant : recipe::allInstructionVariants())
        out.push_back({recipe::variantName(variant), recipe::buildInstruction(description, variant)});
    return out;
}

TsmPrediction tsmPredictionFor(const std::string& tsmName, const std::vector<std::string>& labels,
                               const std::vector<double>& probabilities, const TaskInfo* task,
                               std::size_t* labelIndex) {
    const std::string prefix = task ? task->name + "/" : std::string();
    const auto inGroup = [&](const std::string& label) { return !prefix.empty() && label.rfind(prefix, 0) == 0; };
    const bool grouped = std::any_of(labels.begin(), labels.end(), inGroup);
    TsmPrediction prediction{tsmName, {}, 0};
    std::size_t best = 0;
    for (std::size_t k = 0; k < labels.size() && k < probabilities.size(); ++k) {
        if (grouped && !inGroup(labels[k])) continue;
        if (prediction.probabilities.empty() || probabilities[k] > prediction.probabilities[prediction.top].probability) {
            prediction.top = prediction.probabilities.size();
            best = k;
        }
        prediction.probabilities.push_back({grouped ? labels[k].substr(prefix.size()) : labels[k], probabilities[k]});
    }
    if (labelIndex) *labelIndex = best;
    return prediction;
}

const char* agreementName(Agreement agreement) {
    switch (agreement) {
    case Agreement::Unknown: return "unknown";
    case Agreement::Agree: return "agree";
    case Agreement::Disagree: return "disagree";
    case Agreement::VlmUnsure: return "vlm_unsure";
    }
    return "?";
}

std::string agreementRule() {
    return "The VLM's label is the task label it scores highest (without the exemplar), or the label its answer "
           "names when no task is chosen. Agree: it is the TSM's top label. Disagree: it is another label. "
           "VLM unsure: its top label has a probability below " +
           std::to_string(static_cast<int>(kVlmUnsureBelow * 100)) +
           " %. Unknown: no TSM, or no label to compare.";
}

Agreement judgeAgreement(const AskResult& result) {
    if (!result.tsm || result.tsm->probabilities.empty() || result.vlmLabel.empty()) return Agreement::Unknown;
    if (!result.labels.empty()) {
        const auto top = std::max_element(result.labels.begin(), result.labels.end(),
                                          [](const auto& a, const auto& b) { return a.probability < b.probability; });
        if (top->probability < kVlmUnsureBelow) return Agreement::VlmUnsure;
    }
    const auto& tsmLabel = result.tsm->probabilities[result.tsm->top].label;
    return normalised(tsmLabel) == normalised(result.vlmLabel) ? Agreement::Agree : Agreement::Disagree;
}

}  // namespace vitask::service

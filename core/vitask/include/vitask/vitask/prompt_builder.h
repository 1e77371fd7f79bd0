#pragma once
// Instructions and answers for VITask training and evaluation (VITASK_METHOD.md,
// "Instructions and answers"): the paper's template per modality, and the robustness
// variants that evaluate how a model copes with incomplete or altered instructions.

#include <cstdint>
#include <string>
#include <vector>

namespace vitask::recipe {

// What an instruction is about: one dataset's modality and label set.
struct TaskDescription {
    std::string modality;             // "dermatoscope", "chest X-ray", ...
    std::vector<std::string> labels;  // in the dataset's order
    bool multiLabel = false;
};

enum class InstructionVariant {
    Complete,        // the paper's template: modality and label set
    NoLabelSet,      // the label-set clause removed (the paper's "incomplete instruction")
    NoModality,      // "the given image" instead of the modality
    ShuffledLabels,  // the label set in another order
    Paraphrase,      // other wording, same content
    Typos,           // character-level typos in the template words (labels intact)
    OtherLanguage,   // German wording; labels stay as the answers spell them
};

const std::vector<InstructionVariant>& allInstructionVariants();
const char* variantName(InstructionVariant variant);  // "complete", "no_label_set", ...
// Throws vitask::Error naming `subject` (a config key) for an unknown name, listing the valid ones.
InstructionVariant parseInstructionVariant(const std::string& name, const std::string& subject);

// The instruction for `task`. Variants with randomness (shuffled order, paraphrase
// choice, typo positions) are deterministic in `seed`, so a data order reproduces.
std::string buildInstruction(const TaskDescription& task, InstructionVariant variant, uint64_t seed = 0);

// The answer the model is trained to give: the label name; for multi-label tasks the
// positive labels comma-separated, or "no finding". `targets` holds one 0/1 per label.
std::string buildResponse(const TaskDescription& task, const std::vector<uint8_t>& targets);
inline constexpr const char* kNoFinding = "no finding";

}  // namespace vitask::recipe

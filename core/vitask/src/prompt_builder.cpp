#include "vitask/vitask/prompt_builder.h"

#include "vitask/common/error.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <random>

namespace vitask::recipe {
namespace {

struct Wording {
    const char* withModality;     // {m}: the modality
    const char* withoutModality;
    const char* labelSet;         // {1}: the label list (no letters: typos must not hit it)
};

// The paper's template (after MedDr) first; the others are the paraphrase pool.
constexpr Wording kPaperWording{"Analyze the given {m} image for diagnosis.", "Analyze the given image for diagnosis.",
                                " The possible diagnoses are: {1}."};
constexpr std::array<Wording, 3> kParaphrases{{
    {"Examine this {m} image and give the diagnosis.", "Examine this image and give the diagnosis.",
     " Choose one of: {1}."},
    {"What is the diagnosis for this {m} image?", "What is the diagnosis for this image?",
     " Options: {1}."},
    {"Classify the {m} image shown.", "Classify the image shown.", " Candidate classes are {1}."},
}};
constexpr Wording kGermanWording{"Analysiere das gegebene {m}-Bild zur Diagnose.",
                                 "Analysiere das gegebene Bild zur Diagnose.",
                                 " Die möglichen Diagnosen sind: {1}."};

std::string substitute(std::string text, const std::string& key, const std::string& value) {
    for (size_t at = text.find(key); at != std::string::npos; at = text.find(key, at + value.size()))
        text.replace(at, key.size(), value);
    return text;
}

std::string joinLabels(const std::vector<std::string>& labels) {
    std::string out;
    for (size_t i = 0; i < labels.size(); ++i) out += (i ? ", " : "") + labels[i];
    return out;
}

// Uniform index in [0, n) from a 64-bit generator, the same on every standard library
// (std::uniform_int_distribution is implementation-defined).
size_t pick(std::mt19937_64& rng, size_t n) { return static_cast<size_t>(rng() % n); }

std::vector<std::string> shuffled(std::vector<std::string> labels, std::mt19937_64& rng) {
    // Fisher-Yates with our own index draw; a one-label set cannot change order.
    const auto original = labels;
    for (int attempt = 0; attempt < 8 && labels == original && labels.size() > 1; ++attempt)
        for (size_t i = labels.size() - 1; i > 0; --i) std::swap(labels[i], labels[pick(rng, i + 1)]);
    return labels;
}

// About one typo per 12 letters: swap with the neighbour, drop, or double a letter.
std::string withTypos(const std::string& text, std::mt19937_64& rng) {
    std::string out;
    for (size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        const bool letter = std::isalpha(static_cast<unsigned char>(c)) != 0;
        if (!letter || pick(rng, 12) != 0) {
            out += c;
            continue;
        }
        switch (pick(rng, 3)) {
        case 0:
            if (i + 1 < text.size() && std::isalpha(static_cast<unsigned char>(text[i + 1]))) {
                out += text[i + 1];
                out += c;
                ++i;
            } else {
                out += c;
            }
            break;
        case 1: break;  // dropped
        default: out += std::string(2, c);
        }
    }
    return out;
}

}  // namespace

const std::vector<InstructionVariant>& allInstructionVariants() {
    static const std::vector<InstructionVariant> all{
        InstructionVariant::Complete,   InstructionVariant::NoLabelSet, InstructionVariant::NoModality,
        InstructionVariant::ShuffledLabels, InstructionVariant::Paraphrase, InstructionVariant::Typos,
        InstructionVariant::OtherLanguage};
    return all;
}

const char* variantName(InstructionVariant variant) {
    switch (variant) {
    case InstructionVariant::Complete: return "complete";
    case InstructionVariant::NoLabelSet: return "no_label_set";
    case InstructionVariant::NoModality: return "no_modality";
    case InstructionVariant::ShuffledLabels: return "shuffled_labels";
    case InstructionVariant::Paraphrase: return "paraphrase";
    case InstructionVariant::Typos: return "typos";
    case InstructionVariant::OtherLanguage: return "other_language";
    }
    return "?";
}

InstructionVariant parseInstructionVariant(const std::string& name, const std::string& subject) {
    std::string valid;
    for (auto variant : allInstructionVariants()) {
        if (name == variantName(variant)) return variant;
        valid += (valid.empty() ? "" : ", ") + std::string(variantName(variant));
    }
    throw Error("unknown instruction variant '" + name + "'", subject, "Use one of: " + valid + ".");
}

std::string buildInstruction(const TaskDescription& task, InstructionVariant variant, uint64_t seed) {
    std::mt19937_64 rng(seed * 0x9E3779B97F4A7C15ULL + static_cast<uint64_t>(variant));
    Wording wording = kPaperWording;
    if (variant == InstructionVariant::Paraphrase) wording = kParaphrases[pick(rng, kParaphrases.size())];
    if (variant == InstructionVariant::OtherLanguage) wording = kGermanWording;

    const bool namesModality = variant != InstructionVariant::NoModality && !task.modality.empty();
    std::string text = namesModality ? substitute(wording.withModality, "{m}", task.modality) : wording.withoutModality;
    if (variant == InstructionVariant::Typos) text = withTypos(text, rng);
    if (variant != InstructionVariant::NoLabelSet && !task.labels.empty()) {
        const auto labels = variant == InstructionVariant::ShuffledLabels ? shuffled(task.labels, rng) : task.labels;
        std::string clause = wording.labelSet;
        if (variant == InstructionVariant::Typos) clause = withTypos(clause, rng);
        text += substitute(clause, "{1}", joinLabels(labels));
    }
    return text;
}

std::string buildResponse(const TaskDescription& task, const std::vector<uint8_t>& targets) {
    if (targets.size() != task.labels.size())
        throw Error("the sample has " + std::to_string(targets.size()) + " targets for " +
                        std::to_string(task.labels.size()) + " labels",
                    "response");
    std::vector<std::string> positive;
    for (size_t i = 0; i < targets.size(); ++i)
        if (targets[i]) positive.push_back(task.labels[i]);
    if (task.multiLabel) return positive.empty() ? kNoFinding : joinLabels(positive);
    if (positive.size() != 1)
        throw Error("a single-label sample has " + std::to_string(positive.size()) + " positive labels", "response");
    return positive.front();
}

}  // namespace vitask::recipe

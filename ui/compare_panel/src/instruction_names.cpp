#include "instruction_names.h"

#include <QCoreApplication>

namespace vitask::ui {
namespace {

struct Names {
    const char* variant;
    const char* title;
    const char* description;
};

// The context names the translations' group in the .ts file.
constexpr Names kNames[] = {
    {"complete", QT_TRANSLATE_NOOP("vitask::ui::InstructionNames", "Complete"),
     QT_TRANSLATE_NOOP("vitask::ui::InstructionNames", "The paper's instruction: modality and label set.")},
    {"no_label_set", QT_TRANSLATE_NOOP("vitask::ui::InstructionNames", "No label set"),
     QT_TRANSLATE_NOOP("vitask::ui::InstructionNames", "The label-set clause removed (incomplete instruction).")},
    {"no_modality", QT_TRANSLATE_NOOP("vitask::ui::InstructionNames", "No modality"),
     QT_TRANSLATE_NOOP("vitask::ui::InstructionNames", "“the given image” instead of the modality.")},
    {"shuffled_labels", QT_TRANSLATE_NOOP("vitask::ui::InstructionNames", "Shuffled labels"),
     QT_TRANSLATE_NOOP("vitask::ui::InstructionNames", "The label set in another order for each sample.")},
    {"paraphrase", QT_TRANSLATE_NOOP("vitask::ui::InstructionNames", "Paraphrase"),
     QT_TRANSLATE_NOOP("vitask::ui::InstructionNames", "Other wording, same content.")},
    {"typos", QT_TRANSLATE_NOOP("vitask::ui::InstructionNames", "Typos"),
     QT_TRANSLATE_NOOP("vitask::ui::InstructionNames", "Character typos in the template words; labels intact.")},
    {"other_language", QT_TRANSLATE_NOOP("vitask::ui::InstructionNames", "Other language"),
     QT_TRANSLATE_NOOP("vitask::ui::InstructionNames", "German wording; the labels as the answers spell them.")},
    {service::kCustomInstruction, QT_TRANSLATE_NOOP("vitask::ui::InstructionNames", "Custom"),
     QT_TRANSLATE_NOOP("vitask::ui::InstructionNames", "Your own instruction, asked as written for every sample.")},
};

const Names* find(const std::string& variant) {
    for (const auto& names : kNames)
        if (variant == names.variant) return &names;
    return nullptr;
}

}  // namespace

QString instructionTitle(const std::string& variant) {
    const auto* names = find(variant);
    return names ? QCoreApplication::translate("vitask::ui::InstructionNames", names->title)
                 : QString::fromStdString(variant);
}

QString instructionDescription(const std::string& variant) {
    const auto* names = find(variant);
    return names ? QCoreApplication::translate("vitask::ui::InstructionNames", names->description) : QString();
}

}  // namespace vitask::ui

#pragma once
// The instruction variants as the panels name them (translated), in `vitask eval
// --variant`'s order, and the free-text one.

#include "vitask/service/dataset_evaluation.h"

#include <QString>

namespace vitask::ui {

// "Complete", "No label set", ... for a variant name of instructionVariantNames(), and
// "Custom" for kCustomInstruction.
QString instructionTitle(const std::string& variant);
// What the variant changes, for a tooltip.
QString instructionDescription(const std::string& variant);

}  // namespace vitask::ui

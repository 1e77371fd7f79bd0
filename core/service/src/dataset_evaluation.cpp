#include "vitask/service/dataset_evaluation.h"

#include "vitask/vitask/prompt_builder.h"

namespace vitask::service {

const std::vector<std::string>& instructionVariantNames() {
    static const auto names = [] {
        std::vector<std::string> out;
        for (auto variant : recipe::allInstructionVariants()) out.push_back(recipe::variantName(variant));
        return out;
    }();
    return names;
}

}  // namespace vitask::service

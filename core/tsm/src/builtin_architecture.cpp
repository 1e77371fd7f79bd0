#include "vitask/tsm/builtin_architecture.h"

#include "vitask/common/error.h"

namespace vitask::tsm {
namespace {

std::string listText(const std::vector<int>& values) {
    std::string out = "[";
    for (size_t i = 0; i < values.size(); ++i) out += (i ? ", " : "") + std::to_string(values[i]);
    return out + "]";
}

}  // namespace

std::string BuiltinArchitecture::typeName() const { return type == BuiltinNetworkType::ResNet ? "resnet" : "vit"; }

BuiltinNetworkType BuiltinArchitecture::parseType(const std::string& name, const std::string& subject) {
    if (name == "resnet") return BuiltinNetworkType::ResNet;
    if (name == "vit") return BuiltinNetworkType::Vit;
    throw Error("is \"" + name + "\"; built-in TSMs are \"resnet\" or \"vit\"", subject);
}

std::vector<int> BuiltinArchitecture::resnetStages(int depth) {
    switch (depth) {
        case 10: return {1, 1, 1, 1};
        case 18: return {2, 2, 2, 2};
        case 34: return {3, 4, 6, 3};
        default:
            throw Error("ResNet depth " + std::to_string(depth) + " is not a BasicBlock layout", "depth",
                        "Use 10, 18 or 34.");
    }
}

std::string BuiltinArchitecture::describe() const {
    if (type == BuiltinNetworkType::ResNet)
        return "resnet " + listText(stageBlocks) + " width " + std::to_string(width) +
               (smallInputStem ? " (small-input stem)" : "");
    return "vit patch " + std::to_string(patchSize) + ", " + std::to_string(embedDim) + " wide, " +
           std::to_string(depth) + " blocks, " + std::to_string(heads) + " heads";
}

}  // namespace vitask::tsm

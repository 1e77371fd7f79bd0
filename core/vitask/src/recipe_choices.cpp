#include "vitask/vitask/recipe_choices.h"

#include "vitask/common/error.h"

namespace vitask::recipe {

ParameterGroup parseParameterGroup(const std::string& name, const std::string& subject) {
    for (auto group : {ParameterGroup::Vision, ParameterGroup::Projector, ParameterGroup::Language, ParameterGroup::Lora,
                       ParameterGroup::Connector})
        if (name == parameterGroupName(group)) return group;
    throw Error("unknown parameter group '" + name + "'", subject,
                "Use vision, projector, language (all language-model weights), lora (its adapters) or connector.");
}

const char* parameterGroupName(ParameterGroup group) {
    switch (group) {
    case ParameterGroup::Vision: return "vision";
    case ParameterGroup::Projector: return "projector";
    case ParameterGroup::Language: return "language";
    case ParameterGroup::Lora: return "lora";
    case ParameterGroup::Connector: return "connector";
    }
    return "?";
}

RdaDirection parseRdaDirection(const std::string& name, const std::string& subject) {
    if (name == "paper") return RdaDirection::Paper;
    if (name == "forward") return RdaDirection::Forward;
    throw Error("unknown RDA direction '" + name + "'", subject,
                "Use 'paper' (KL(p_plain || p_ep)) or 'forward' (KL(p_ep || p_plain)).");
}

const char* rdaDirectionName(RdaDirection direction) {
    return direction == RdaDirection::Paper ? "paper" : "forward";
}

}  // namespace vitask::recipe

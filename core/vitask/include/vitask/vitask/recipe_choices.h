#pragma once
// The recipe's named choices that a run configuration names and the trainer acts on, in a
// header without LibTorch, so that configurations are read and checked (the studio's
// tuning wizard) without loading it.

#include <string>

namespace vitask::recipe {

// The parameters a training stage can unfreeze (VITASK_METHOD.md "Recipe").
enum class ParameterGroup { Vision, Projector, Language, Lora, Connector };
ParameterGroup parseParameterGroup(const std::string& name, const std::string& subject);
const char* parameterGroupName(ParameterGroup group);  // "vision", "projector", "language", "lora", "connector"

// The direction of L_rda's KL divergence (vitask_losses.h).
enum class RdaDirection {
    Paper,    // KL(p_plain || p_ep), as the paper writes it
    Forward,  // KL(p_ep || p_plain), the usual distillation form (teacher first)
};
RdaDirection parseRdaDirection(const std::string& name, const std::string& subject);
const char* rdaDirectionName(RdaDirection direction);

}  // namespace vitask::recipe

#pragma once
// One worklist case answered (EngineService::answerCases runs it for each case).

#include "vitask/service/vision_assistant.h"
#include "vitask/service/worklist.h"

#include <atomic>
#include <optional>

namespace vitask::service::detail {

// Reads the case's image and asks `request` about it without the exemplar, then, when the
// assistant can, again with it (its saliency map left out: the TSM's is the first
// answer's). Greedy, as ask() always is, so the same case gives the same answers. Empty
// when `cancel` stopped an answer. Throws vitask::Error naming the file that cannot be
// read, or the request that cannot work.
std::optional<CaseAnswer> answerCase(VisionAssistant& assistant, const WorklistCase& c, const AskRequest& request,
                                     const std::atomic<bool>* cancel);

}  // namespace vitask::service::detail

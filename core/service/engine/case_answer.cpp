#include "case_answer.h"

namespace vitask::service::detail {

std::optional<CaseAnswer> answerCase(VisionAssistant& assistant, const WorklistCase& c, const AskRequest& request,
                                     const std::atomic<bool>* cancel) {
    CaseAnswer result;
    result.image = loadCaseImage(c);
    AskRequest plain = request;
    plain.answerWithExemplar = false;
    result.answer = assistant.ask(result.image, plain, {}, cancel);
    if (result.answer.finish == "cancelled") return std::nullopt;
    if (assistant.canAnswerWithExemplar()) {
        AskRequest withExemplar = plain;
        withExemplar.answerWithExemplar = true;
        withExemplar.saliency = false;
        result.answerWithExemplar = assistant.ask(result.image, withExemplar, {}, cancel);
        if (result.answerWithExemplar->finish == "cancelled") return std::nullopt;
    }
    return result;
}

}  // namespace vitask::service::detail

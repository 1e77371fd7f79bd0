#include "vitask/vitask/vitask_losses.h"

#include "vitask/common/error.h"

namespace vitask::recipe {

namespace F = torch::nn::functional;

torch::Tensor responseCrossEntropy(const torch::Tensor& logits, const torch::Tensor& targets) {
    return F::cross_entropy(logits.to(torch::kFloat32), targets);
}

torch::Tensor rdaLoss(const torch::Tensor& plainLogits, const torch::Tensor& exemplarLogits, RdaDirection direction,
                      double tau) {
    if (!(tau > 0)) throw Error("the RDA temperature must be positive, not " + std::to_string(tau), "rda.tau");
    const auto logPlain = F::log_softmax(plainLogits.to(torch::kFloat32) / tau, F::LogSoftmaxFuncOptions(-1));
    const auto logTeacher =
        F::log_softmax(exemplarLogits.detach().to(torch::kFloat32) / tau, F::LogSoftmaxFuncOptions(-1));
    // KL(p || q) = sum p (log p - log q), summed over the vocabulary, mean over tokens.
    const auto kl = direction == RdaDirection::Forward
                        ? (logTeacher.exp() * (logTeacher - logPlain)).sum(-1)
                        : (logPlain.exp() * (logPlain - logTeacher)).sum(-1);
    return kl.mean() * (tau * tau);
}

torch::Tensor crtLoss(const torch::Tensor& positiveLogits, const torch::Tensor& negativeLogits,
                      const torch::Tensor& targets, bool detachNegative) {
    const auto negative = detachNegative ? negativeLogits.detach() : negativeLogits;
    return F::cross_entropy(positiveLogits.to(torch::kFloat32) - negative.to(torch::kFloat32), targets);
}

}  // namespace vitask::recipe

#pragma once
// The VITask losses (VITASK_METHOD.md, "Losses"), on logits at response positions only:
// [M, V] rows, one per response token of the batch (ResponseBatch::predictAt). Each is
// a mean over the M response tokens.

#include "vitask/vitask/recipe_choices.h"

#include <torch/torch.h>

#include <string>

namespace vitask::recipe {

// L_van and L_ep: cross-entropy of the response tokens.
torch::Tensor responseCrossEntropy(const torch::Tensor& logits, const torch::Tensor& targets);

// L_rda: response distribution alignment of the plain branch (student) to the exemplar
// branch (teacher, detached here) at temperature tau. Scaled by tau^2 so that its
// gradient keeps the same magnitude whatever tau (Hinton et al.'s distillation).
torch::Tensor rdaLoss(const torch::Tensor& plainLogits, const torch::Tensor& exemplarLogits, RdaDirection direction,
                      double tau);

// L_crt: contrastive response tuning. q = softmax(y_pos - y_neg) over the vocabulary,
// L = -log q[target]; y_neg (logits with a negative image) detached when asked.
torch::Tensor crtLoss(const torch::Tensor& positiveLogits, const torch::Tensor& negativeLogits,
                      const torch::Tensor& targets, bool detachNegative);

}  // namespace vitask::recipe

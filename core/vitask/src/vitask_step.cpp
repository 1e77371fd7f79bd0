#include "vitask/vitask/vitask_step.h"

#include "vitask/common/error.h"
#include "vitask/runtime/autocast.h"
#include "vitask/vitask/prompt_builder.h"
#include "vitask/vitask/response_batch.h"
#include "vitask/vitask/vitask_losses.h"

#include <cmath>

namespace vitask::recipe {

uint64_t mixSeed(uint64_t a, uint64_t b, uint64_t c) {
    uint64_t z = a * 0x9E3779B97F4A7C15ULL ^ (b + 0x632BE59BD9B4E019ULL) ^ (c * 0xD1B54A32D192ED03ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

StepBatch makeStepBatch(const VitaskModel& model, const TaskCorpus& corpus, const StageSpec& stage,
                        const TrainConfig& config, const std::vector<int64_t>& samples, int64_t step) {
    StepBatch batch;
    for (auto i : samples) {
        const uint64_t draw = mixSeed(config.seed, static_cast<uint64_t>(step), static_cast<uint64_t>(i));
        const auto variant = config.trainVariants[draw % config.trainVariants.size()];
        const auto instruction =
            buildInstruction(corpus.tasks()[static_cast<size_t>(corpus.taskOf(i))].description, variant, draw);
        batch.plainPrompts.push_back(model.promptIds(instruction, false));
        if (stage.usesExemplar()) batch.exemplarPrompts.push_back(model.promptIds(instruction, true));
        batch.responses.push_back(corpus.responseIds(i));
    }
    batch.pixels = corpus.pixels(samples);
    if (stage.usesExemplar()) batch.exemplar = corpus.exemplarInput(samples);
    if (stage.crt > 0) {
        // Negative images: same task (same instruction), another answer. Samples whose
        // task has a single answer keep their own image and are marked not kept.
        std::vector<int64_t> negatives;
        for (auto i : samples) {
            const auto j = corpus.negativeFor(
                i, mixSeed(config.seed ^ 0xC0FFEEULL, static_cast<uint64_t>(step), static_cast<uint64_t>(i)));
            negatives.push_back(j >= 0 ? j : i);
            batch.negativeKept.push_back(j >= 0);
        }
        batch.negativePixels = corpus.pixels(negatives);
    }
    return batch;
}

AnswerTokens answerTokens(const StepBatch& batch) {
    AnswerTokens tokens;
    for (size_t i = 0; i < batch.responses.size(); ++i) {
        const auto n = static_cast<int64_t>(batch.responses[i].size());
        tokens.all += n;
        if (!batch.negativeKept.empty() && batch.negativeKept[i]) tokens.withNegative += n;  // empty without CRT
    }
    return tokens;
}

LossTerms stepLosses(VitaskModel& model, const StageSpec& stage, const TrainConfig& config, const StepBatch& batch,
                     const LossScale& scale) {
    const auto device = model.device();
    runtime::AutocastScope autocast(device.type(), config.bf16);
    // The losses see float32 logits whatever precision the passes ran in.
    const auto logits = [&](const ResponseBatch& prompts, const torch::Tensor& images, const torch::Tensor& exemplars) {
        return model.responseLogits(prompts, images, exemplars).to(torch::kFloat32);
    };
    const auto images = model.imageEmbeddings(batch.pixels);
    const auto plainBatch = buildResponseBatch(batch.plainPrompts, batch.responses, 0).to(device);
    const auto targets = plainBatch.targets;

    LossTerms terms;
    terms.total = torch::zeros({}, torch::TensorOptions().device(device));
    const auto plainLogits = logits(plainBatch, images, {});
    const auto van = responseCrossEntropy(plainLogits, targets);
    terms.van = van.item<double>();
    if (stage.van > 0) terms.total = terms.total + scale.response * stage.van * van;

    if (stage.usesExemplar()) {
        const auto exemplarBatch = buildResponseBatch(batch.exemplarPrompts, batch.responses, 0).to(device);
        const auto exemplarLogits = logits(exemplarBatch, images, model.exemplarEmbeddings(batch.exemplar));
        const auto ep = responseCrossEntropy(exemplarLogits, targets);
        terms.ep = ep.item<double>();
        if (stage.ep > 0) terms.total = terms.total + scale.response * stage.ep * ep;
        const auto rda = rdaLoss(plainLogits, exemplarLogits, config.rdaDirection, config.rdaTau);
        terms.rda = rda.item<double>();
        if (stage.rda > 0) terms.total = terms.total + scale.response * stage.rda * rda;
    }
    if (stage.crt > 0) {
        const auto negativeLogits = logits(plainBatch, model.imageEmbeddings(batch.negativePixels), {});
        const auto rowKept =
            torch::tensor(std::vector<int64_t>(batch.negativeKept.begin(), batch.negativeKept.end()), torch::kLong)
                .to(device);
        const auto tokens = rowKept.index_select(0, plainBatch.rowOf).nonzero().squeeze(1);
        if (tokens.numel() > 0) {
            const auto crt = crtLoss(plainLogits.index_select(0, tokens), negativeLogits.index_select(0, tokens),
                                     targets.index_select(0, tokens), config.crtDetachNegative);
            terms.crt = crt.item<double>();
            terms.total = terms.total + scale.crt * stage.crt * crt;
        }
    }
    return terms;
}

void setTrainable(VitaskModel& model, const StageSpec& stage) {
    for (auto& [name, p] : model.namedParameters()) p.set_requires_grad(false);
    for (auto group : stage.trainable)
        for (auto& p : model.parameters(group)) p.set_requires_grad(true);
}

void StageOptimizer::setLearningRate(double lr) {
    auto& groups = adamw->param_groups();
    for (size_t g = 0; g < groups.size(); ++g)
        static_cast<torch::optim::AdamWOptions&>(groups[g].options()).lr(lr * lrScale[g]);
}

StageOptimizer makeStageOptimizer(VitaskModel& model, const StageSpec& stage, const TrainConfig& config) {
    const bool ownConnectorLr = stage.connectorLearningRate > 0;
    std::vector<torch::Tensor> decay, noDecay, connectorDecay, connectorNoDecay;
    for (auto& [name, p] : model.namedParameters()) {
        if (!p.requires_grad()) continue;
        const bool connector = ownConnectorLr && name.rfind("connector.", 0) == 0;
        (p.dim() >= 2 ? (connector ? connectorDecay : decay) : (connector ? connectorNoDecay : noDecay)).push_back(p);
    }
    std::vector<torch::optim::OptimizerParamGroup> groups;
    StageOptimizer out;
    const auto add = [&](std::vector<torch::Tensor>& parameters, double decayRate, double lr) {
        if (parameters.empty()) return;
        groups.emplace_back(parameters, std::make_unique<torch::optim::AdamWOptions>(
                                            torch::optim::AdamWOptions(lr).weight_decay(decayRate).betas({0.9, 0.999})));
        out.lrScale.push_back(lr / stage.learningRate);
    };
    add(decay, config.weightDecay, stage.learningRate);
    add(noDecay, 0.0, stage.learningRate);
    add(connectorDecay, config.weightDecay, stage.connectorLearningRate);
    add(connectorNoDecay, 0.0, stage.connectorLearningRate);
    if (groups.empty())
        throw Error("stage '" + stage.name + "' trains no parameters", config.source.string(),
                    "Check its trainable groups (a 'connector' needs a TSM; 'lora' needs a lora section).");
    out.adamw = std::make_unique<torch::optim::AdamW>(groups, torch::optim::AdamWOptions(stage.learningRate));
    return out;
}

double optimizerStep(torch::optim::Optimizer& optimizer, double maxGradNorm) {
    std::vector<torch::Tensor> trainable;
    for (auto& group : optimizer.param_groups())
        for (auto& p : group.params()) trainable.push_back(p);
    const double gradNorm = torch::nn::utils::clip_grad_norm_(trainable, maxGradNorm);
    optimizer.step();
    optimizer.zero_grad();
    return gradNorm;
}

LossTerms trainOneStep(VitaskModel& model, const StageSpec& stage, const TrainConfig& config, const StepBatch& batch,
                       torch::optim::Optimizer& optimizer) {
    auto terms = stepLosses(model, stage, config, batch);
    if (!std::isfinite(terms.total.item<double>()))
        throw Error("the loss is not finite", "stage " + stage.name, "Lower the stage's lr.");
    terms.total.backward();
    optimizerStep(optimizer, config.maxGradNorm);
    return terms;
}

}  // namespace vitask::recipe

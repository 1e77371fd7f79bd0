#include "vitask/vitask/tsm_training.h"

#include "tsm_training_data.h"
#include "vitask/common/atomic_file.h"
#include "vitask/common/error.h"
#include "vitask/tsm/builtin_tsm.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <numeric>
#include <random>
#include <set>

namespace vitask::recipe {
namespace {

namespace F = torch::nn::functional;
using Clock = std::chrono::steady_clock;

// One dataset's training samples and how its loss is computed.
struct TrainSource {
    const MedMnistDataset* dataset = nullptr;
    torch::Tensor pixels;        // uint8 [N, H, W, C], shares the split's memory
    tsm::LabelGroup group;
    torch::Tensor classWeights;  // single-label: [K] class weights; multi-label: [K] positive weights; or undefined
    AugmentationOptions augmentation;
};

torch::Device chooseDevice(const std::string& name) {
    if (name == "cpu") return torch::kCPU;
    if (name == "cuda" || name == "auto") {
        if (torch::cuda::is_available()) return torch::kCUDA;
        if (name == "auto") return torch::kCPU;
        throw Error("CUDA was asked for but is not available", "device", "Use --device cpu or a CUDA build of VITask.");
    }
    throw Error("is \"" + name + "\"; use cpu, cuda or auto", "device");
}

// sklearn's "balanced" weights, n / (K * n_c), so that every class carries the same total
// weight; multi-label: negatives over positives per label (BCE's pos_weight), capped so
// that a label with a handful of positives does not dominate.
torch::Tensor classWeights(const MedMnistSplit& split, bool multiLabel) {
    const auto counts = split.classCounts();
    std::vector<float> w(counts.size(), 1.0F);
    const double n = double(split.size());
    for (size_t c = 0; c < counts.size(); ++c) {
        if (counts[c] == 0) continue;
        w[c] = multiLabel ? float(std::min(100.0, (n - double(counts[c])) / double(counts[c])))
                          : float(n / (double(counts.size()) * double(counts[c])));
    }
    return torch::tensor(w);
}

void checkDatasets(const std::vector<const MedMnistDataset*>& datasets, const TsmTrainingOptions& o) {
    if (datasets.empty()) throw Error("no dataset to train on", "TSM training", "Give at least one dataset.");
    std::set<std::string> names;
    for (const auto* d : datasets) {
        if (!names.insert(d->name()).second)
            throw Error("is given twice (dataset '" + d->name() + "')", d->path(), "Give every dataset once.");
        if (d->train().size() == 0 || d->val().size() == 0)
            throw Error("has an empty " + std::string(d->train().size() == 0 ? "train" : "val") +
                            " split; training needs both (validation chooses the best checkpoint)",
                        d->path());
        if (!d->train().hasPixels()) throw Error("was loaded without images", d->path(), "Load it with its pixels.");
    }
    if (o.epochs < 1 || o.batchSize < 1 || o.imageSize < 8 || !(o.learningRate > 0) || o.weightDecay < 0 || o.patience < 0)
        throw Error("need epochs >= 1, batch size >= 1, image size >= 8, a positive learning rate and non-negative "
                    "weight decay and patience",
                    "TSM training options");
}

tsm::BuiltinTsmSpec specFor(const std::vector<const MedMnistDataset*>& datasets, const TsmTrainingOptions& o,
                            const std::string& name) {
    tsm::BuiltinTsmSpec spec;
    spec.name = name;
    spec.architecture = o.architecture;
    int channels = 1;
    std::string names;
    for (const auto* d : datasets) {
        channels = std::max(channels, d->train().channels());
        names += (names.empty() ? "" : ", ") + d->name();
        const auto offset = static_cast<int64_t>(spec.labels.size());
        for (const auto& label : d->labelNames())
            spec.labels.push_back(datasets.size() > 1 ? d->name() + "/" + label : label);
        spec.groups.push_back({d->name(), offset, d->classCount(), d->multiLabel()});
    }
    spec.description = "built-in " + o.architecture.typeName() + " trained on " + names;
    // Pixels in [0, 1] mapped to [-1, 1]: MedMNIST has no agreed per-dataset statistics.
    spec.input = {o.imageSize, o.imageSize, channels, std::vector<float>(size_t(channels), 0.5F),
                  std::vector<float>(size_t(channels), 0.5F)};
    return spec;
}

double learningRateAt(const TsmTrainingOptions& o, int64_t step, int64_t totalSteps) {
    const auto warmup = static_cast<int64_t>(std::ceil(o.warmupFraction * double(totalSteps)));
    if (step < warmup) return o.learningRate * double(step + 1) / double(warmup);
    const double progress = double(step - warmup) / double(std::max<int64_t>(1, totalSteps - warmup));
    return o.learningRate * 0.5 * (1.0 + std::cos(3.14159265358979323846 * progress));
}

// The loss of one batch: rows [start, start + count) of `logits` belong to `source`.
torch::Tensor sourceLoss(const TrainSource& source, const torch::Tensor& logits, const torch::Tensor& targets) {
    const auto groupLogits = logits.narrow(1, source.group.offset, source.group.count);
    if (source.group.multiLabel) {
        auto options = F::BinaryCrossEntropyWithLogitsFuncOptions();
        if (source.classWeights.defined()) options.pos_weight(source.classWeights);
        return F::binary_cross_entropy_with_logits(groupLogits, targets, options);
    }
    auto options = F::CrossEntropyFuncOptions();
    if (source.classWeights.defined()) options.weight(source.classWeights);
    return F::cross_entropy(groupLogits, targets, options);
}

// Targets of samples `indices` of a split: class indices, or 0/1 rows for multi-label.
torch::Tensor targetsOf(const MedMnistSplit& split, const std::vector<int64_t>& indices, bool multiLabel) {
    if (!multiLabel) {
        std::vector<int64_t> labels;
        for (auto i : indices) labels.push_back(split.label(i));
        return torch::tensor(labels, torch::kInt64);
    }
    std::vector<float> rows;
    for (auto i : indices)
        for (auto v : split.targets(i)) rows.push_back(float(v));
    return torch::tensor(rows).view({int64_t(indices.size()), split.classCount()});
}

class TsmTrainer {
public:
    TsmTrainer(const std::vector<const MedMnistDataset*>& datasets, std::filesystem::path out, const TsmTrainingOptions& o)
        : datasets_(datasets), out_(std::move(out)), o_(o), device_(chooseDevice(o.device)), rng_(o.seed) {
        const auto name = o.name.empty() ? out_.filename().string() : o.name;
        torch::manual_seed(o.seed);  // initial weights
        tsm_ = tsm::BuiltinTsm::create(specFor(datasets, o, name), device_);
        for (size_t d = 0; d < datasets.size(); ++d) {
            const auto* data = datasets[d];
            TrainSource s;
            s.dataset = data;
            s.pixels = splitPixels(data->train());
            s.group = tsm_->spec().groups[d];
            if (o.classWeighting) s.classWeights = classWeights(data->train(), data->multiLabel()).to(device_);
            s.augmentation = o.augmentation ? *o.augmentation : AugmentationOptions::forModality(data->modality());
            for (int64_t i = 0; i < data->train().size(); ++i) samples_.emplace_back(d, i);
            sources_.push_back(std::move(s));
        }
    }

    TsmTrainingResult run() {
        const auto started = Clock::now();
        TsmTrainingResult result;
        std::vector<torch::Tensor> parameters = tsm_->network().parameters();
        torch::optim::AdamW optimizer(parameters,
                                      torch::optim::AdamWOptions(o_.learningRate).weight_decay(o_.weightDecay));
        int64_t stepsPerEpoch = (int64_t(samples_.size()) + o_.batchSize - 1) / o_.batchSize;
        // A last batch of one sample is dropped: BatchNorm cannot train on a 1x1 map of one image.
        if (stepsPerEpoch > 1 && int64_t(samples_.size()) % o_.batchSize == 1) --stepsPerEpoch;
        const int64_t totalSteps = stepsPerEpoch * o_.epochs;
        int stale = 0;
        for (int epoch = 1; epoch <= o_.epochs && !result.cancelled; ++epoch) {
            tsm_->network().train();
            std::shuffle(samples_.begin(), samples_.end(), rng_);
            double lossSum = 0;
            int64_t lossCount = 0;
            for (int64_t b = 0; b < stepsPerEpoch; ++b) {
                if (o_.cancel && o_.cancel->load()) {
                    result.cancelled = true;
                    break;
                }
                const auto stepStart = Clock::now();
                const double lr = learningRateAt(o_, step_, totalSteps);
                for (auto& group : optimizer.param_groups())
                    static_cast<torch::optim::AdamWOptions&>(group.options()).lr(lr);
                const auto first = samples_.begin() + b * o_.batchSize;
                const auto last = samples_.begin() + std::min<int64_t>((b + 1) * o_.batchSize, int64_t(samples_.size()));
                const auto loss = batchLoss({first, last});
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
                lossSum += loss.item<double>();
                ++lossCount;
                ++step_;
                trainedSamples_ += last - first;
                trainSeconds_ += std::chrono::duration<double>(Clock::now() - stepStart).count();
                report(TsmTrainingProgress::Phase::Step, epoch, totalSteps, lossSum / double(lossCount), lr);
            }
            if (result.cancelled) break;
            result.epochsRun = epoch;
            const double f1 = validationMacroF1();
            const bool improved = std::isnan(result.bestValidationMacroF1) || f1 > result.bestValidationMacroF1;
            if (improved) {
                result.bestValidationMacroF1 = f1;
                result.bestEpoch = epoch;
                result.manifest = tsm_->save(out_);
                stale = 0;
            } else {
                ++stale;
            }
            auto p = progress(TsmTrainingProgress::Phase::EpochEnd, epoch, totalSteps, lossSum / double(lossCount),
                              learningRateAt(o_, std::max<int64_t>(0, step_ - 1), totalSteps));
            p.validationMacroF1 = f1;
            p.improved = improved;
            if (o_.onProgress) o_.onProgress(p);
            if (o_.patience > 0 && stale >= o_.patience && epoch < o_.epochs) {
                result.stoppedEarly = true;
                break;
            }
        }
        if (!result.manifest.empty()) {
            // Score the checkpoint as written, so the figures are those of the file users get.
            auto best = tsm::BuiltinTsm::load(result.manifest, device_);
            for (const auto* d : datasets_) {
                result.validation.push_back({d->name(), evaluateTsm(*best, *d, Split::Val)});
                if (d->test().size() > 0) result.test.push_back({d->name(), evaluateTsm(*best, *d, Split::Test)});
            }
        }
        result.seconds = std::chrono::duration<double>(Clock::now() - started).count();
        return result;
    }

private:
    // Gathers the batch dataset by dataset (each with its own augmentation), runs the
    // network once, and weighs each dataset's masked loss by its share of the batch.
    torch::Tensor batchLoss(const std::vector<std::pair<size_t, int64_t>>& batch) {
        std::vector<std::vector<int64_t>> bySource(sources_.size());
        for (const auto& [source, index] : batch) bySource[source].push_back(index);
        std::vector<torch::Tensor> inputs;
        std::vector<std::pair<size_t, torch::Tensor>> targets;
        for (size_t s = 0; s < sources_.size(); ++s) {
            if (bySource[s].empty()) continue;
            const auto& src = sources_[s];
            const auto images = inputBatch(src.pixels, torch::tensor(bySource[s], torch::kInt64), tsm_->inputSpec(), device_);
            inputs.push_back(augmentBatch(images, src.augmentation, rng_));
            targets.emplace_back(s, targetsOf(src.dataset->train(), bySource[s], src.group.multiLabel).to(device_));
        }
        const auto logits = tsm_->network().forward(torch::cat(inputs)).logits;
        torch::Tensor loss;
        int64_t row = 0;
        for (const auto& [s, target] : targets) {
            const int64_t count = target.size(0);
            const auto part = sourceLoss(sources_[s], logits.narrow(0, row, count), target) *
                              (double(count) / double(batch.size()));
            loss = loss.defined() ? loss + part : part;
            row += count;
        }
        return loss;
    }

    double validationMacroF1() {
        double sum = 0;
        for (const auto* d : datasets_) sum += evaluateTsm(*tsm_, *d, Split::Val).macroF1;
        return sum / double(datasets_.size());
    }

    TsmTrainingProgress progress(TsmTrainingProgress::Phase phase, int epoch, int64_t totalSteps, double loss, double lr) const {
        TsmTrainingProgress p;
        p.phase = phase;
        p.epoch = epoch;
        p.epochs = o_.epochs;
        p.step = step_;
        p.totalSteps = totalSteps;
        p.loss = loss;
        p.learningRate = lr;
        p.samplesPerSecond = trainSeconds_ > 0 ? double(trainedSamples_) / trainSeconds_ : 0;
        p.etaSeconds = step_ > 0 ? trainSeconds_ / double(step_) * double(totalSteps - step_) : 0;
        return p;
    }

    void report(TsmTrainingProgress::Phase phase, int epoch, int64_t totalSteps, double loss, double lr) const {
        if (o_.onProgress) o_.onProgress(progress(phase, epoch, totalSteps, loss, lr));
    }

    const std::vector<const MedMnistDataset*>& datasets_;
    std::filesystem::path out_;
    const TsmTrainingOptions& o_;
    torch::Device device_;
    std::mt19937_64 rng_;  // shuffling and augmentation
    std::unique_ptr<tsm::BuiltinTsm> tsm_;
    std::vector<TrainSource> sources_;
    std::vector<std::pair<size_t, int64_t>> samples_;  // (source, index in its train split)
    int64_t step_ = 0;
    int64_t trainedSamples_ = 0;
    double trainSeconds_ = 0;
};

}  // namespace

TsmTrainingResult trainTsm(const std::vector<const MedMnistDataset*>& datasets, const std::filesystem::path& outFolder,
                           const TsmTrainingOptions& options) {
    checkDatasets(datasets, options);
    std::error_code ec;
    std::filesystem::create_directories(outFolder, ec);
    AtomicFile::checkWritableFolder(outFolder);
    TsmTrainer trainer(datasets, outFolder, options);
    auto result = trainer.run();
    spdlog::info("TSM training finished after {} epochs ({:.1f} s); best epoch {}, validation macro-F1 {:.4f}",
                 result.epochsRun, result.seconds, result.bestEpoch, result.bestValidationMacroF1);
    return result;
}

}  // namespace vitask::recipe

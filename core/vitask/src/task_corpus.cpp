#include "vitask/vitask/task_corpus.h"

#include "vitask/common/error.h"

#include <algorithm>
#include <map>
#include <numeric>

namespace vitask::recipe {
namespace {

constexpr int64_t kTsmBatch = 128;

// The float32 rows [n, width] this process computed, joined with every other process's
// blocks (in process order: the whole split) when the work is sharded.
torch::Tensor gatherRows(const std::vector<torch::Tensor>& parts, int64_t width, const WorkSharding& sharding) {
    auto mine = parts.empty() ? torch::zeros({0, width}) : torch::cat(parts).contiguous();
    if (!sharding.sharded()) return mine;
    const std::string bytes(static_cast<const char*>(mine.data_ptr()), static_cast<size_t>(mine.numel()) * sizeof(float));
    std::vector<torch::Tensor> all;
    for (const auto& block : sharding.allGather(bytes)) {
        const auto rows = static_cast<int64_t>(block.size() / sizeof(float)) / std::max<int64_t>(1, mine.size(1));
        all.push_back(torch::from_blob(const_cast<char*>(block.data()), {rows, mine.size(1)}, torch::kFloat32).clone());
    }
    return torch::cat(all);
}

torch::Tensor rows(const torch::Tensor& table, const std::vector<int64_t>& indices) {
    const auto index = torch::from_blob(const_cast<int64_t*>(indices.data()), {static_cast<int64_t>(indices.size())},
                                        torch::kLong);
    return table.index_select(0, index);
}

}  // namespace

TaskCorpus TaskCorpus::build(const std::vector<const MedMnistDataset*>& datasets, Split split, const VitaskModel& model,
                             tsm::Tsm* tsm, const CorpusOptions& options) {
    TaskCorpus corpus;
    corpus.model_ = &model;
    for (size_t d = 0; d < datasets.size(); ++d) {
        const auto& dataset = *datasets[d];
        const auto& part = dataset.split(split);
        if (part.size() == 0)
            throw Error(std::string("the ") + splitName(split) + " split is empty", dataset.path(),
                        "Use a dataset with samples in every split, or give the split in the CSV manifest.");
        if (!part.hasPixels()) throw Error("the dataset was loaded without pixels", dataset.path());
        CorpusTask task;
        task.name = dataset.name();
        task.description = {dataset.modality(), dataset.labelNames(), dataset.multiLabel()};
        if (!dataset.multiLabel())
            for (const auto& label : dataset.labelNames()) {
                task.answers.push_back(label);
                task.answerIds.push_back(model.responseIds(label));
            }
        const int taskIndex = static_cast<int>(corpus.tasks_.size());
        const int64_t count = options.maxPerDataset > 0 ? std::min(options.maxPerDataset, part.size()) : part.size();
        for (int64_t i = 0; i < count; ++i) {
            auto targets = part.targets(i);
            corpus.responses_.push_back(buildResponse(task.description, targets));
            corpus.responseIds_.push_back(model.responseIds(corpus.responses_.back()));
            corpus.targets_.push_back(std::move(targets));
            corpus.labels_.push_back(part.multiLabel() ? -1 : part.label(i));
            corpus.taskOf_.push_back(taskIndex);
            corpus.sourceIndex_.push_back(i);
        }
        corpus.tasks_.push_back(std::move(task));
        corpus.parts_.push_back(&part);
    }
    const auto bytesPerImage = corpus.pixels({0}).numel() * static_cast<int64_t>(sizeof(float));
    if (corpus.size() * bytesPerImage <= options.pixelCacheBytes) {
        std::vector<int64_t> all(static_cast<size_t>(corpus.size()));
        std::iota(all.begin(), all.end(), 0);
        corpus.pixels_ = corpus.pixels(all);
    }

    if (tsm) {
        // In batches, so that only one batch of the TSM's inputs exists at a time; in
        // data-parallel training, this process's block of the split only.
        torch::NoGradGuard noGrad;
        std::vector<torch::Tensor> features, probabilities;
        const auto [first, last] = options.sharding.range(corpus.size());
        for (int64_t start = first; start < last; start += kTsmBatch) {
            const auto end = std::min(last, start + kTsmBatch);
            std::vector<torch::Tensor> inputs;
            for (int64_t i = start; i < end; ++i) {
                const auto image = corpus.sourceImage(i);
                const auto raw = torch::from_blob(const_cast<uint8_t*>(image.pixels),
                                                  {image.height, image.width, image.channels}, torch::kUInt8);
                inputs.push_back(tsm->prepare(raw.permute({2, 0, 1}).to(torch::kFloat32).div(255.0)));
            }
            const auto output = tsm->predict(torch::cat(inputs).to(tsm->device()));
            features.push_back(output.features.to(torch::kCPU, torch::kFloat32));
            probabilities.push_back(output.probabilities.to(torch::kCPU, torch::kFloat32));
            if (options.onProgress) options.onProgress(end - first, last - first);
        }
        corpus.features_ = gatherRows(features, tsm->info().featureWidth, options.sharding);
        corpus.tsmProbabilities_ = gatherRows(probabilities, static_cast<int64_t>(tsm->labels().size()), options.sharding);
    }

    // Group each task's samples by answer for CRT's negatives.
    corpus.byAnswer_.resize(corpus.tasks_.size());
    corpus.answerRun_.resize(corpus.taskOf_.size());
    for (size_t t = 0; t < corpus.tasks_.size(); ++t) {
        std::map<std::string, std::vector<int64_t>> groups;
        for (int64_t i = 0; i < corpus.size(); ++i)
            if (corpus.taskOf(i) == static_cast<int>(t)) groups[corpus.responses_[static_cast<size_t>(i)]].push_back(i);
        auto& order = corpus.byAnswer_[t];
        for (const auto& group : groups) {
            const auto begin = static_cast<int64_t>(order.size());
            for (auto i : group.second) corpus.answerRun_[static_cast<size_t>(i)] = {begin, static_cast<int64_t>(group.second.size())};
            order.insert(order.end(), group.second.begin(), group.second.end());
        }
    }
    return corpus;
}

torch::Tensor TaskCorpus::pixels(const std::vector<int64_t>& indices) const {
    if (pixels_.defined()) return rows(pixels_, indices);
    std::vector<torch::Tensor> batch;
    batch.reserve(indices.size());
    for (auto i : indices) {
        const auto image = sourceImage(i);
        batch.push_back(model_->pixels(image.pixels, image.width, image.height, image.channels));
    }
    return torch::stack(batch);
}

ImageView TaskCorpus::sourceImage(int64_t i) const {
    return parts_[static_cast<size_t>(taskOf(i))]->image(sourceIndex(i));
}

ExemplarInput TaskCorpus::exemplarInput(const std::vector<int64_t>& indices) const {
    if (!features_.defined()) return {};
    return {rows(features_, indices), rows(tsmProbabilities_, indices)};
}

int64_t TaskCorpus::negativeFor(int64_t i, uint64_t draw) const {
    const auto& order = byAnswer_[static_cast<size_t>(taskOf(i))];
    const auto [begin, length] = answerRun_[static_cast<size_t>(i)];
    const auto others = static_cast<int64_t>(order.size()) - length;
    if (others <= 0) return -1;
    auto k = static_cast<int64_t>(draw % static_cast<uint64_t>(others));
    if (k >= begin) k += length;  // skip the sample's own answer run
    return order[static_cast<size_t>(k)];
}

}  // namespace vitask::recipe

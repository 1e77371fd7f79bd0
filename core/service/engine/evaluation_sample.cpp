#include "evaluation_sample.h"

#include "evaluation_metrics.h"
#include "vitask/common/error.h"
#include "vitask/vitask/prompt_builder.h"

namespace vitask::service::detail {
namespace {

// The TSM's prediction over the dataset's classes (its own labels when they are not the
// dataset's) and its saliency for the top one.
void askTsm(tsm::Tsm& tsm, const recipe::MedMnistDataset& data, const torch::Tensor& pixels, DatasetSample& sample) {
    torch::NoGradGuard noGrad;
    const auto prepared = tsm.prepare(pixels);
    const auto all = tsm.predict(prepared).probabilities[0].to(torch::kCPU, torch::kFloat64).contiguous();
    const std::vector<double> p(all.data_ptr<double>(), all.data_ptr<double>() + all.numel());
    std::size_t top = 0;
    try {
        const auto columns = tsmColumnsFor(tsm, data.name(), data.classCount());
        std::vector<double> own(p.begin() + columns.offset, p.begin() + columns.offset + columns.count);
        sample.tsm = tsmPredictionFor(tsm.name(), data.labelNames(), own, nullptr);
        top = static_cast<std::size_t>(columns.offset) + sample.tsm->top;
    } catch (const Error&) {
        sample.tsm = tsmPredictionFor(tsm.name(), tsm.labels(), p, nullptr, &top);
    }
    const auto map = tsm.saliency(prepared, static_cast<int64_t>(top)).to(torch::kCPU, torch::kFloat32).contiguous();
    SaliencyMap saliency{static_cast<int>(map.size(1)), static_cast<int>(map.size(0)), {},
                         sample.tsm->probabilities[sample.tsm->top].label, tsm.saliencyMethod()};
    saliency.values.assign(map.data_ptr<float>(), map.data_ptr<float>() + map.numel());
    sample.saliency = std::move(saliency);
}

}  // namespace

DatasetSample readDatasetSample(DatasetCache& datasets, tsm::Tsm* tsm, const std::filesystem::path& dataset,
                                const std::string& split, int64_t index) {
    const auto data = datasets.load(dataset);
    const auto& part = data->split(splitNamed(split, dataset));
    if (index < 0 || index >= part.size())
        throw Error("there is no sample " + std::to_string(index) + " in the " + split + " split (" +
                        std::to_string(part.size()) + " samples)",
                    dataset.string(), "Evaluate the dataset again: the file may have changed.");
    DatasetSample sample;
    sample.dataset = dataset;
    sample.split = split;
    sample.index = index;
    sample.title = split + " #" + std::to_string(index);
    sample.task = {data->name(), data->modality(), data->labelNames(), data->multiLabel()};
    sample.truth = recipe::buildResponse({data->modality(), data->labelNames(), data->multiLabel()}, part.targets(index));

    // HWC uint8 to CHW in [0, 1]: what the TaskCorpus gave the TSM, and what the viewer shows.
    const auto view = part.image(index);
    const auto raw = torch::from_blob(const_cast<uint8_t*>(view.pixels), {view.height, view.width, view.channels},
                                      torch::kUInt8);
    const auto pixels = raw.permute({2, 0, 1}).to(torch::kFloat32).div(255.0).contiguous();
    sample.image = {view.channels, view.height, view.width,
                    std::vector<float>(pixels.data_ptr<float>(), pixels.data_ptr<float>() + pixels.numel())};
    if (tsm) askTsm(*tsm, *data, pixels, sample);
    return sample;
}

}  // namespace vitask::service::detail

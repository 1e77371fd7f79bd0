#include "vitask/vitask/dataset_report.h"

#include <algorithm>
#include <cstdio>

namespace vitask::recipe {
namespace {

std::string formatRatio(double ratio) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f", ratio);
    return text;
}

}  // namespace

DatasetReport DatasetReport::of(const MedMnistDataset& dataset) {
    DatasetReport report;
    const MedMnistInfo* info = dataset.info();
    const auto& names = dataset.labelNames();
    for (const Split split : {Split::Train, Split::Val, Split::Test}) {
        const MedMnistSplit& s = dataset.split(split);
        SplitSummary summary;
        summary.name = splitName(split);
        summary.size = s.size();
        summary.width = s.width();
        summary.height = s.height();
        summary.channels = s.channels();
        summary.classCounts = s.classCounts();
        if (info)
            summary.publishedSize = split == Split::Train ? info->trainSize
                                    : split == Split::Val ? info->valSize
                                                          : info->testSize;
        int64_t largest = 0;
        int64_t smallest = 0;
        for (const auto count : summary.classCounts) {
            if (count == 0) continue;
            largest = std::max(largest, count);
            smallest = smallest == 0 ? count : std::min(smallest, count);
        }
        summary.imbalanceRatio = smallest > 0 ? static_cast<double>(largest) / static_cast<double>(smallest) : 0.0;

        auto& w = report.warnings_;
        if (s.size() == 0) {
            w.push_back(summary.name + " split is empty");
        } else {
            for (size_t c = 0; c < summary.classCounts.size(); ++c)
                if (summary.classCounts[c] == 0)
                    w.push_back(summary.name + " split has no sample of class " + std::to_string(c) + " (" + names[c] + ")");
            if (summary.imbalanceRatio > kImbalanceWarning)
                w.push_back(summary.name + " split is imbalanced: the largest class has " +
                            formatRatio(summary.imbalanceRatio) +
                            " times the samples of the smallest (report macro-F1; consider class weights)");
        }
        if (info && s.size() > 0 && s.channels() != info->channels)
            w.push_back(summary.name + " split has " + std::to_string(s.channels()) + " channel(s), but " + info->name +
                        " is published with " + std::to_string(info->channels));
        if (summary.publishedSize > 0 && summary.size != summary.publishedSize)
            w.push_back(summary.name + " split has " + std::to_string(summary.size) + " samples, the published " +
                        info->name + " has " + std::to_string(summary.publishedSize) + " (a subset or another release?)");
        report.splits_.push_back(std::move(summary));
    }
    // Image geometry must agree across splits, or a model trained on one cannot read another.
    const SplitSummary* reference = nullptr;
    for (const auto& summary : report.splits_) {
        if (summary.size == 0) continue;
        if (!reference) {
            reference = &summary;
            continue;
        }
        if (summary.width != reference->width || summary.height != reference->height ||
            summary.channels != reference->channels)
            report.warnings_.push_back(summary.name + " images are " + std::to_string(summary.width) + "x" +
                                       std::to_string(summary.height) + "x" + std::to_string(summary.channels) + ", " +
                                       reference->name + " images " + std::to_string(reference->width) + "x" +
                                       std::to_string(reference->height) + "x" + std::to_string(reference->channels));
    }
    return report;
}

}  // namespace vitask::recipe

#include "vitask/vitask/evaluation_files.h"
#include "vitask/common/json_file.h"

#include "vitask/common/atomic_file.h"

namespace vitask::recipe {

void saveEvaluation(const std::filesystem::path& folder, const std::string& name, const Evaluation& evaluation,
                    const TaskCorpus& corpus) {
    std::filesystem::create_directories(folder);
    auto summary = evaluation.summaryJson();
    for (size_t t = 0; t < evaluation.tasks.size(); ++t)
        summary["tasks"][t]["metrics"] =
            metricsJson(evaluation.tasks[t].metrics, corpus.tasks()[t].description.labels);
    writeTextFileAtomically(folder / (name + ".json"), jsonText(summary, 2) + "\n");

    std::string lines;
    for (const auto& p : evaluation.predictions) {
        nlohmann::json line{{"index", corpus.sourceIndex(p.index)},
                            {"task", corpus.tasks()[static_cast<size_t>(p.task)].name},
                            {"answer", p.answer},
                            {"truth", p.truth},
                            {"correct", p.correct},
                            {"unparseable", p.unparseable}};
        if (!p.probabilities.empty()) line["probabilities"] = p.probabilities;
        lines += jsonText(line) + "\n";
    }
    writeTextFileAtomically(folder / (name + "_predictions.jsonl"), lines);
}

}  // namespace vitask::recipe

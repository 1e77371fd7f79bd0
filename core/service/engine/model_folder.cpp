#include "model_folder.h"

#include "vitask/common/error.h"
#include "vitask/common/json_file.h"
#include "vitask/vitask/dataset_loader.h"
#include "vitask/vitask/run_directory.h"
#include "vitask/vitask/train_config.h"

#include <spdlog/spdlog.h>

namespace vitask::service::detail {
namespace {

namespace fs = std::filesystem;

std::vector<TaskInfo> tasksOfRun(const fs::path& run) {
    std::vector<TaskInfo> tasks;
    const recipe::RunDirectory directory(run);
    if (!fs::exists(directory.configFile())) return tasks;
    const auto config = recipe::TrainConfig::load(directory.configFile());
    for (const auto& dataset : config.datasets) {
        if (dataset.extension() != ".npz") continue;
        recipe::DatasetLoadOptions options;
        options.medMnist.loadPixels = false;
        const auto data = recipe::loadDataset(dataset.string(), options);
        tasks.push_back({data.name(), data.modality(), data.labelNames(), data.multiLabel()});
    }
    return tasks;
}

// A version its author gave the model: neither file needs one, and the trainer writes none.
std::string versionOf(const nlohmann::json& description, const fs::path& config) {
    if (description.contains("version") && description["version"].is_string())
        return description["version"].get<std::string>();
    if (!fs::exists(config)) return {};
    const auto json = readJsonFile(config, "the model's config.json");
    return json.contains("version") && json["version"].is_string() ? json["version"].get<std::string>() : std::string();
}

}  // namespace

ModelInfo describeModelFolder(const fs::path& folder) {
    ModelInfo info;
    info.folder = fs::absolute(folder).lexically_normal();
    if (!fs::is_directory(info.folder))
        throw Error("no such folder", folder.string(),
                    "Choose a model folder: a VITask run's final/ or a Hugging Face LLaVA folder.");
    info.name = info.folder.filename() == "final" ? info.folder.parent_path().filename().string()
                                                  : info.folder.filename().string();
    const auto description = info.folder / "vitask.json";
    if (!fs::exists(description)) {  // a plain LLaVA checkpoint
        info.version = versionOf(nlohmann::json::object(), info.folder / "config.json");
        return info;
    }

    const auto json = readJsonFile(description, "the VITask model description");
    info.vitask = true;
    info.version = versionOf(json, info.folder / "config.json");
    info.exemplarWidth = json.value("exemplar_width", int64_t{0});
    info.trainedTsm = json.value("tsm", std::string{});
    if (json.contains("tasks")) {
        for (const auto& task : json["tasks"])
            info.tasks.push_back({task.value("name", std::string{}), task.value("modality", std::string{}),
                                  task.value("labels", std::vector<std::string>{}), task.value("multi_label", false)});
    } else if (json.contains("run")) {
        try {
            info.tasks = tasksOfRun(json["run"].get<std::string>());
        } catch (const Error& e) {
            // Free questions still work; only the label set is unknown.
            spdlog::warn("the tasks of {} are unknown: {}", info.folder.string(), e.what());
        }
    }
    return info;
}

}  // namespace vitask::service::detail

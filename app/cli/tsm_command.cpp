#include "tsm_command.h"

#include "image_input.h"
#include "vitask/common/error.h"
#include "vitask/tsm/tsm_loader.h"
#include "vitask/tsm/tsm_manifest.h"
#include "vitask/tsm/tsm_registry.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <iomanip>
#include <iostream>
#include <memory>
#include <numeric>

namespace vitask::cli {
namespace {

namespace fs = std::filesystem;

struct ListOptions {
    std::vector<std::string> paths;
    bool json = false;
};

struct PredictOptions {
    std::string tsm;
    std::string image;
    std::vector<std::string> paths;
    int top = 0;  // 0: every class
    bool json = false;
};

std::vector<fs::path> toPaths(const std::vector<std::string>& paths) { return {paths.begin(), paths.end()}; }

std::vector<double> toVector(const torch::Tensor& row) {
    const auto values = row.to(torch::kCPU, torch::kFloat64).contiguous();
    return {values.data_ptr<double>(), values.data_ptr<double>() + values.numel()};
}

nlohmann::json describe(const tsm::TsmInfo& info) {
    nlohmann::json out = {{"name", info.name},
                          {"version", info.version},
                          {"kind", info.kind},
                          {"source", info.source.string()},
                          {"status", info.ready() ? "ready" : "broken"}};
    if (!info.ready()) {
        out["error"] = info.error;
        return out;
    }
    out["description"] = info.description;
    out["labels"] = info.labels;
    out["activation"] = info.multiLabel ? "sigmoid" : "softmax";
    out["feature_width"] = info.featureWidth;
    out["input"] = {{"height", info.input.height}, {"width", info.input.width}, {"channels", info.input.channels},
                    {"mean", info.input.mean}, {"std", info.input.std}};
    return out;
}

int runList(const ListOptions& o) {
    const tsm::TsmRegistry registry(toPaths(o.paths));
    if (o.json) {
        nlohmann::json out = {{"onnx_backend", tsm::onnxBackendAvailable()},
                              {"search_paths", nlohmann::json::array()},
                              {"plugin_search_paths", nlohmann::json::array()},
                              {"tsms", nlohmann::json::array()}};
        for (const auto& folder : registry.searchPaths()) out["search_paths"].push_back(folder.string());
        for (const auto& folder : registry.pluginSearchPaths()) out["plugin_search_paths"].push_back(folder.string());
        for (const auto& info : registry.list()) out["tsms"].push_back(describe(info));
        std::cout << out.dump(2) << "\n";
        return 0;
    }
    for (const auto& info : registry.list()) {
        std::cout << info.name << (info.version.empty() ? "" : " " + info.version) << " (" << info.kind << ")";
        if (info.ready())
            std::cout << ": " << info.labels.size() << (info.multiLabel ? " labels (multi-label)" : " classes")
                      << ", input " << info.input.describe() << ", features " << info.featureWidth << "\n";
        else
            std::cout << ": BROKEN\n    " << info.error << "\n";
        std::cout << "    " << info.source.string() << "\n";
    }
    if (registry.list().empty()) std::cout << "No TSMs found.\n";
    std::cout << "Searched for *.tsm.json in:";
    for (const auto& folder : registry.searchPaths()) std::cout << "\n    " << folder.string();
    std::cout << "\nSearched for compiled plug-ins (*.so) in:";
    for (const auto& folder : registry.pluginSearchPaths()) std::cout << "\n    " << folder.string();
    std::cout << "\n";
    return 0;
}

// A manifest path opens that file; anything else is a name looked up in the registry.
std::unique_ptr<tsm::Tsm> openByNameOrManifest(const PredictOptions& o) {
    const fs::path asPath(o.tsm);
    const auto name = asPath.filename().string();
    const std::string suffix = tsm::TsmManifest::kSuffix;
    const bool looksLikeManifest = name.size() > suffix.size() && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0;
    if (looksLikeManifest || fs::is_regular_file(asPath)) return tsm::openTsm(asPath);
    return tsm::TsmRegistry(toPaths(o.paths)).create(o.tsm);
}

int runPredict(const PredictOptions& o) {
    auto model = openByNameOrManifest(o);
    const auto image = readImageForModel(o.image);
    const auto out = model->predict(model->prepare(image));
    const auto& labels = model->labels();
    const auto probabilities = toVector(out.probabilities[0]);

    std::vector<size_t> order(labels.size());
    std::iota(order.begin(), order.end(), size_t(0));
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return probabilities[a] > probabilities[b]; });
    if (o.top > 0 && static_cast<size_t>(o.top) < order.size()) order.resize(static_cast<size_t>(o.top));

    if (o.json) {
        const nlohmann::json result = {{"tsm", model->name()},
                                       {"version", model->version()},
                                       {"image", o.image},
                                       {"activation", model->info().multiLabel ? "sigmoid" : "softmax"},
                                       {"labels", labels},
                                       {"probabilities", probabilities},
                                       {"logits", toVector(out.logits[0])},
                                       {"features", toVector(out.features[0])},
                                       {"prediction", labels[order.front()]}};
        std::cout << result.dump() << "\n";
        return 0;
    }
    std::cout << model->name() << " " << model->version() << " on " << o.image << "\n";
    for (const size_t i : order)
        std::cout << "  " << std::setw(7) << std::fixed << std::setprecision(3) << probabilities[i] << "  " << labels[i]
                  << "\n";
    return 0;
}

}  // namespace

void addTsmCommands(CLI::App& root, CommandDispatch& dispatch) {
    auto* group = root.add_subcommand("tsm", "Task-specific models (TSMs): list them, run one on an image");

    auto list = std::make_shared<ListOptions>();
    auto* listCommand = group->add_subcommand(
        "list", "List every TSM found (ready or broken) with its labels, input and feature width");
    listCommand->add_option("--path", list->paths, "Also search these folders for *.tsm.json manifests (searched first)")
        ->check(CLI::ExistingDirectory);
    listCommand->add_flag("--json", list->json, "Print the list as JSON");
    dispatch.add(listCommand, [list] { return runList(*list); });

    auto predict = std::make_shared<PredictOptions>();
    auto* predictCommand = group->add_subcommand("predict", "Class probabilities and the feature vector for one image");
    predictCommand->add_option("--tsm", predict->tsm, "A TSM name (see `vitask tsm list`) or a *.tsm.json manifest")
        ->required();
    predictCommand->add_option("--image", predict->image, "Image file (DICOM, NIfTI, PNG, JPEG)")
        ->required()->check(CLI::ExistingFile);
    predictCommand->add_option("--path", predict->paths, "Also search these folders for TSMs (searched first)")
        ->check(CLI::ExistingDirectory);
    predictCommand->add_option("--top", predict->top, "Show the k most likely classes (0: all)")
        ->capture_default_str()->check(CLI::NonNegativeNumber);
    predictCommand->add_flag("--json", predict->json,
                             "Print labels, probabilities, logits and the feature vector as JSON");
    dispatch.add(predictCommand, [predict] { return runPredict(*predict); });
    // `vitask tsm` alone: show its subcommands.
    dispatch.add(group, [group] {
        std::cout << group->help();
        return 0;
    });
}

}  // namespace vitask::cli

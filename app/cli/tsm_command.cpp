#include "tsm_command.h"

#include "command_catalog.h"
#include "vitask/common/json_file.h"

#include "image_input.h"
#include "vitask/common/error.h"
#include "vitask/tsm/plugin_probe.h"
#include "vitask/tsm/tsm_loader.h"
#include "vitask/tsm/tsm_manifest.h"
#include "vitask/tsm/tsm_registry.h"
#include "vitask/vitask/evaluator.h"  // metricsJson
#include "vitask/vitask/tsm_training.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
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
    bool reprobe = false;
    double probeTimeout = 0;  // 0: the default (20 s, or $VITASK_PLUGIN_PROBE_TIMEOUT)
};

struct ProbeOptions {
    std::string library;
};

struct PredictOptions {
    std::string tsm;
    std::string image;
    std::vector<std::string> paths;
    int top = 0;  // 0: every class
    bool json = false;
};

struct TrainOptions {
    std::vector<std::string> data;
    std::string out;
    std::string name;
    std::string arch = "resnet";
    int depth = 0;  // 0: 18 (resnet), 6 (vit)
    int width = 0;  // 0: 64 (resnet), 192 (vit)
    int patch = 4;
    int epochs = 20;
    int size = 28;
    int batch = 64;
    double lr = 1e-3;
    double weightDecay = 0.05;
    int patience = 5;
    uint64_t seed = 0;
    bool noClassWeights = false;
    bool noAugment = false;
    std::string device = "auto";
};

struct EvalOptions {
    std::string tsm;
    std::string data;
    std::string split = "test";
    std::vector<std::string> paths;
    bool json = false;
};

std::vector<fs::path> toPaths(const std::vector<std::string>& paths) { return {paths.begin(), paths.end()}; }

// Plug-ins found by name are loaded in this process only after `vitask tsm probe` (this
// very program) loaded them cleanly in a child. `tsm probe` itself never probes.
tsm::PluginProbeOptions probeWithThisProgram() {
    auto options = tsm::PluginProbeOptions::withDefaultProgram();  // the limits from the environment
    std::error_code ec;
    options.program = fs::read_symlink("/proc/self/exe", ec);
    if (ec) options.program = tsm::PluginProbeOptions::defaultProgram();
    return options;
}

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
    auto probe = probeWithThisProgram();
    probe.useCache = !o.reprobe;
    if (o.probeTimeout > 0) probe.timeout = std::chrono::milliseconds(std::llround(o.probeTimeout * 1000));
    const tsm::TsmRegistry registry(toPaths(o.paths), probe);
    if (o.json) {
        nlohmann::json out = {{"onnx_backend", tsm::onnxBackendAvailable()},
                              {"search_paths", nlohmann::json::array()},
                              {"plugin_search_paths", nlohmann::json::array()},
                              {"tsms", nlohmann::json::array()}};
        for (const auto& folder : registry.searchPaths()) out["search_paths"].push_back(folder.string());
        for (const auto& folder : registry.pluginSearchPaths()) out["plugin_search_paths"].push_back(folder.string());
        for (const auto& info : registry.list()) out["tsms"].push_back(describe(info));
        std::cout << jsonText(out, 2) << "\n";
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

bool isManifestName(const fs::path& path) {
    const auto name = path.filename().string();
    const std::string suffix = tsm::TsmManifest::kSuffix;
    return name.size() > suffix.size() && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// The one manifest in a checkpoint folder (what `vitask tsm train --out` writes).
fs::path manifestInFolder(const fs::path& folder) {
    std::vector<fs::path> found;
    for (const auto& entry : fs::directory_iterator(folder))
        if (entry.is_regular_file() && isManifestName(entry.path())) found.push_back(entry.path());
    if (found.size() == 1) return found.front();
    throw Error(found.empty() ? "holds no *.tsm.json manifest" : "holds several *.tsm.json manifests", folder.string(),
                "Give the manifest file itself, or the folder `vitask tsm train --out` wrote.");
}

// A manifest path opens that file, a folder its one manifest; anything else is a name
// looked up in the registry.
std::unique_ptr<tsm::Tsm> openByNameOrManifest(const std::string& tsm, const std::vector<std::string>& paths) {
    const fs::path asPath(tsm);
    if (tsm::isPluginLibrary(asPath) && fs::is_regular_file(asPath)) return tsm::openProbed(asPath, probeWithThisProgram());
    if (isManifestName(asPath) || fs::is_regular_file(asPath)) return tsm::openTsm(asPath);
    if (fs::is_directory(asPath)) return tsm::openTsm(manifestInFolder(asPath));
    return tsm::TsmRegistry(toPaths(paths), probeWithThisProgram()).create(tsm);
}

// `vitask tsm probe PATH`: the child side of plug-in probing (plugin_probe.h). Loads the
// plug-in here with the ordinary loader and prints one JSON line; whatever the plug-in
// does wrong (a crash, a hang, a leak) happens to this process only.
int runProbe(const ProbeOptions& o) {
    const fs::path library(o.library);
    nlohmann::ordered_json answer;
    try {
        if (!tsm::isPluginLibrary(library))
            throw Error("is not a compiled TSM plug-in (a *.so file)", library.string(),
                        "Give the plug-in's shared library; manifests are checked by `vitask tsm list`.");
        // Interface version, factory, metadata and a batch of two zero images, checked.
        auto model = tsm::openTsm(library);
        answer["ok"] = true;
        const auto info = describe(model->info());
        for (auto it = info.begin(); it != info.end(); ++it) answer[it.key()] = *it;
        answer["warnings"] = nlohmann::json::array();
        // And a batch of random images normalised as the TSM expects: a plug-in that
        // crashes on real pixels does so here. Its errors are reported, not fatal: every
        // predict() in the application is checked the same way.
        const auto& s = model->inputSpec();
        torch::manual_seed(0);
        auto images = torch::rand({2, s.channels, s.height, s.width});
        const auto mean = torch::tensor(s.mean).view({1, -1, 1, 1});
        const auto std = torch::tensor(s.std).view({1, -1, 1, 1});
        try {
            model->predict(((images - mean) / std).to(model->device()));
        } catch (const std::exception& e) {
            answer["warnings"].push_back(std::string("on a batch of random images: ") + e.what());
        }
    } catch (const std::bad_alloc&) {
        answer = {{"ok", false}, {"error", "ran out of memory while loading the plug-in (std::bad_alloc)"}};
    } catch (const std::exception& e) {
        answer = {{"ok", false}, {"error", e.what()}};
    }
    std::cout << jsonText(answer) << std::endl;
    if (answer["ok"].get<bool>()) return 0;
    std::cerr << "error: " << answer["error"].get<std::string>() << "\n";
    return 1;
}

int runPredict(const PredictOptions& o) {
    auto model = openByNameOrManifest(o.tsm, o.paths);
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
        std::cout << jsonText(result) << "\n";
        return 0;
    }
    std::cout << model->name() << " " << model->version() << " on " << o.image << "\n";
    for (const size_t i : order)
        std::cout << "  " << std::setw(7) << std::fixed << std::setprecision(3) << probabilities[i] << "  " << labels[i]
                  << "\n";
    return 0;
}

std::string duration(double seconds) {
    const auto s = static_cast<long>(std::lround(std::max(0.0, seconds)));
    char text[32];
    if (s >= 3600)
        std::snprintf(text, sizeof text, "%ldh%02ldm", s / 3600, s / 60 % 60);
    else
        std::snprintf(text, sizeof text, "%ldm%02lds", s / 60, s % 60);
    return text;
}

std::string figure(double value) {
    if (std::isnan(value)) return "n/a";
    char text[32];
    std::snprintf(text, sizeof text, "%.4f", value);
    return text;
}

void printMetrics(const std::string& title, const recipe::ClassificationMetrics& m, const std::vector<std::string>& labels) {
    std::cout << title << ": " << (m.multiLabel ? "exact-match accuracy " : "accuracy ") << figure(m.accuracy)
              << ", macro-F1 " << figure(m.macroF1) << " (" << m.classesInMacroF1 << " classes), macro AUC "
              << figure(m.macroAuc) << ", " << m.samples << " samples\n";
    std::cout << "    " << std::left << std::setw(28) << "class" << std::right << std::setw(10) << "precision"
              << std::setw(8) << "recall" << std::setw(8) << "F1" << std::setw(8) << "AUC" << std::setw(9) << "support"
              << "\n";
    for (size_t c = 0; c < m.perClass.size(); ++c) {
        const auto& s = m.perClass[c];
        std::string label = c < labels.size() ? labels[c] : std::to_string(c);
        if (label.size() > 27) label = label.substr(0, 24) + "...";
        std::cout << "    " << std::left << std::setw(28) << label << std::right << std::fixed << std::setprecision(3)
                  << std::setw(10) << s.precision << std::setw(8) << s.recall << std::setw(8) << s.f1 << std::setw(8)
                  << (std::isnan(s.auc) ? std::string("n/a") : figure(s.auc).substr(0, 5)) << std::setw(9) << s.support
                  << "\n";
    }
}

recipe::Split parseSplit(const std::string& name) {
    for (auto split : {recipe::Split::Train, recipe::Split::Val, recipe::Split::Test})
        if (name == recipe::splitName(split)) return split;
    throw Error("is \"" + name + "\"", "--split", "Use train, val or test.");
}

tsm::BuiltinArchitecture architectureFor(const TrainOptions& o) {
    tsm::BuiltinArchitecture a;
    a.type = tsm::BuiltinArchitecture::parseType(o.arch, "--arch");
    if (a.type == tsm::BuiltinNetworkType::ResNet) {
        a.stageBlocks = tsm::BuiltinArchitecture::resnetStages(o.depth ? o.depth : 18);
        a.width = o.width ? o.width : 64;
        a.smallInputStem = o.size <= 64;  // the ImageNet stem would shrink 28-64 px images to nothing
    } else {
        a.patchSize = o.patch;
        a.depth = o.depth ? o.depth : 6;
        a.embedDim = o.width ? o.width : 192;
    }
    return a;
}

int runTrain(const TrainOptions& o) {
    std::vector<recipe::MedMnistDataset> datasets;
    for (const auto& file : o.data) datasets.push_back(recipe::MedMnistDataset::load(file));
    std::vector<const recipe::MedMnistDataset*> pointers;
    for (const auto& d : datasets) pointers.push_back(&d);

    recipe::TsmTrainingOptions options;
    options.name = o.name;
    options.architecture = architectureFor(o);
    options.imageSize = o.size;
    options.epochs = o.epochs;
    options.batchSize = o.batch;
    options.learningRate = o.lr;
    options.weightDecay = o.weightDecay;
    options.patience = o.patience;
    options.seed = o.seed;
    options.classWeighting = !o.noClassWeights;
    if (o.noAugment) options.augmentation = recipe::AugmentationOptions::none();
    options.device = o.device;
    std::cout << "Training a built-in " << options.architecture.describe() << " at " << o.size << " px on";
    for (const auto& d : datasets) std::cout << " " << d.name() << " (" << d.train().size() << " train images)";
    std::cout << "\n" << std::flush;

    auto lastPrint = std::chrono::steady_clock::now() - std::chrono::hours(1);
    options.onProgress = [&](const recipe::TsmTrainingProgress& p) {
        const auto now = std::chrono::steady_clock::now();
        if (p.phase == recipe::TsmTrainingProgress::Phase::EpochEnd) {
            std::cout << "epoch " << p.epoch << "/" << p.epochs << " done: loss " << figure(p.loss)
                      << ", validation macro-F1 " << figure(p.validationMacroF1)
                      << (p.improved ? " (best so far, checkpoint written)" : "") << "\n" << std::flush;
            return;
        }
        if (now - lastPrint < std::chrono::seconds(2) && p.step != p.totalSteps) return;
        lastPrint = now;
        std::cout << "epoch " << p.epoch << "/" << p.epochs << "  step " << p.step << "/" << p.totalSteps << "  loss "
                  << figure(p.loss) << "  lr " << std::scientific << std::setprecision(2) << p.learningRate
                  << std::defaultfloat << "  " << std::lround(p.samplesPerSecond) << " img/s  ETA "
                  << duration(p.etaSeconds) << "\n" << std::flush;
    };
    const auto result = recipe::trainTsm(pointers, fs::path(o.out), options);
    if (result.manifest.empty()) {
        std::cout << "No checkpoint was written.\n";
        return 1;
    }
    std::cout << "\nBest epoch " << result.bestEpoch << " of " << result.epochsRun
              << (result.stoppedEarly ? " (stopped early: no better validation macro-F1)" : "") << ", "
              << duration(result.seconds) << "\nCheckpoint: " << result.manifest.string() << "\n";
    for (size_t d = 0; d < datasets.size(); ++d) {
        const auto& labels = datasets[d].labelNames();
        for (const auto& v : result.validation)
            if (v.dataset == datasets[d].name()) printMetrics(v.dataset + " validation", v.metrics, labels);
        for (const auto& t : result.test)
            if (t.dataset == datasets[d].name()) printMetrics(t.dataset + " test", t.metrics, labels);
    }
    return 0;
}

int runEval(const EvalOptions& o) {
    const auto split = parseSplit(o.split);
    auto model = openByNameOrManifest(o.tsm, o.paths);
    const auto dataset = recipe::MedMnistDataset::load(o.data);
    if (dataset.split(split).size() == 0)
        throw Error("has no " + o.split + " samples", o.data, "Choose another split with --split.");
    const auto metrics = recipe::evaluateTsm(*model, dataset, split);
    if (o.json) {
        auto out = recipe::metricsJson(metrics, dataset.labelNames());
        out["tsm"] = model->name();
        out["dataset"] = dataset.name();
        out["split"] = o.split;
        std::cout << jsonText(out, 2) << "\n";
        return 0;
    }
    printMetrics(model->name() + " on " + dataset.name() + " " + o.split, metrics, dataset.labelNames());
    return 0;
}

}  // namespace

void addTsmCommands(CLI::App& root, CommandDispatch& dispatch) {
    auto* group = root.add_subcommand("tsm", describe("tsm"));

    auto list = std::make_shared<ListOptions>();
    auto* listCommand = group->add_subcommand(
        "list", "List every TSM found (ready or broken) with its labels, input and feature width");
    listCommand->add_option("--path", list->paths, "Also search these folders for *.tsm.json manifests (searched first)")
        ->check(CLI::ExistingDirectory);
    listCommand->add_flag("--json", list->json, "Print the list as JSON");
    listCommand->add_flag("--reprobe", list->reprobe,
                          "Probe every compiled plug-in again in a child process, ignoring cached verdicts");
    listCommand->add_option("--probe-timeout", list->probeTimeout,
                            "Seconds a plug-in's probe may take (default 20, or $VITASK_PLUGIN_PROBE_TIMEOUT)")
        ->check(CLI::PositiveNumber);
    dispatch.add(listCommand, [list] { return runList(*list); });

    auto probe = std::make_shared<ProbeOptions>();
    auto* probeCommand = group->add_subcommand(
        "probe", "Load one compiled plug-in (*.so) in this process and check it; prints one JSON line "
                 "(what the studio runs, as a child, before it loads a plug-in)");
    probeCommand->add_option("PATH", probe->library, "The plug-in's shared library")->required();
    dispatch.add(probeCommand, [probe] { return runProbe(*probe); });

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
    auto train = std::make_shared<TrainOptions>();
    auto* trainCommand = group->add_subcommand(
        "train", "Train a built-in TSM (ResNet or ViT) on MedMNIST .npz datasets, one head over all their classes");
    trainCommand->add_option("--data", train->data, "A MedMNIST .npz file; repeat for several datasets")
        ->required()->check(CLI::ExistingFile);
    trainCommand->add_option("--out", train->out, "Folder for the checkpoint (<name>.tsm.json + .safetensors)")
        ->required();
    trainCommand->add_option("--name", train->name, "The TSM's name (default: the --out folder's name)");
    trainCommand->add_option("--arch", train->arch, "resnet or vit")->capture_default_str()
        ->check(CLI::IsMember({"resnet", "vit"}));
    trainCommand->add_option("--depth", train->depth, "ResNet: 10, 18 or 34 (default 18); ViT: blocks (default 6)");
    trainCommand->add_option("--width", train->width, "ResNet: first-stage channels (default 64); ViT: width (192)");
    trainCommand->add_option("--patch", train->patch, "ViT patch size in pixels")->capture_default_str();
    trainCommand->add_option("--epochs", train->epochs, "Training epochs")->capture_default_str()
        ->check(CLI::PositiveNumber);
    trainCommand->add_option("--size", train->size, "Image size in pixels (images are resized)")->capture_default_str()
        ->check(CLI::Range(8, 1024));
    trainCommand->add_option("--batch", train->batch, "Batch size")->capture_default_str()->check(CLI::PositiveNumber);
    trainCommand->add_option("--lr", train->lr, "Peak learning rate (AdamW, cosine schedule)")->capture_default_str()
        ->check(CLI::PositiveNumber);
    trainCommand->add_option("--weight-decay", train->weightDecay, "AdamW weight decay")->capture_default_str()
        ->check(CLI::NonNegativeNumber);
    trainCommand->add_option("--patience", train->patience,
                             "Stop after this many epochs without a better validation macro-F1 (0: never)")
        ->capture_default_str()->check(CLI::NonNegativeNumber);
    trainCommand->add_option("--seed", train->seed, "Random seed (weights, shuffling, augmentation)")->capture_default_str();
    trainCommand->add_flag("--no-class-weights", train->noClassWeights, "Do not weight classes by inverse frequency");
    trainCommand->add_flag("--no-augment", train->noAugment, "No flips, shifts or rotations");
    trainCommand->add_option("--device", train->device, "cpu, cuda or auto")->capture_default_str()
        ->check(CLI::IsMember({"cpu", "cuda", "auto"}));
    dispatch.add(trainCommand, [train] { return runTrain(*train); });

    auto eval = std::make_shared<EvalOptions>();
    auto* evalCommand = group->add_subcommand("eval", "Accuracy, macro-F1, AUC and per-class figures of a TSM on a dataset");
    evalCommand->add_option("--tsm", eval->tsm, "A checkpoint folder, a *.tsm.json manifest or a TSM name")->required();
    evalCommand->add_option("--data", eval->data, "A MedMNIST .npz file")->required()->check(CLI::ExistingFile);
    evalCommand->add_option("--split", eval->split, "train, val or test")->capture_default_str()
        ->check(CLI::IsMember({"train", "val", "test"}));
    evalCommand->add_option("--path", eval->paths, "Also search these folders for TSMs (searched first)")
        ->check(CLI::ExistingDirectory);
    evalCommand->add_flag("--json", eval->json, "Print the metrics as JSON");
    dispatch.add(evalCommand, [eval] { return runEval(*eval); });

    // `vitask tsm` alone: show its subcommands.
    dispatch.add(group, [group] {
        std::cout << group->help();
        return 0;
    });
}

}  // namespace vitask::cli

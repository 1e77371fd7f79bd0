#include "data_command.h"

#include "command_catalog.h"
#include "command_module.h"
#include "vitask/common/json_file.h"

#include "vitask/common/atomic_file.h"
#include "vitask/common/error.h"
#include "vitask/vitask/dataset_loader.h"
#include "vitask/vitask/dataset_report.h"
#include "vitask/vitask/medmnist_info.h"
#include "vitask/vitask/prompt_builder.h"
#include "vitask/vitask/synthetic_benchmark.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>
#include <vector>

namespace vitask::cli {
namespace {

struct InspectOptions {
    std::string file;
    std::string dataset;
    bool json = false;
    recipe::CsvDatasetOptions csv;
};

struct PromptsOptions {
    std::vector<std::string> files;
    bool catalog = false;
    std::string variant = "all";
    int seeds = 1;
};

struct SynthOptions {
    std::string out;
    recipe::SyntheticOptions synthetic;
    std::vector<std::string> modalities;  // empty: every medical one
    bool generic = false;                 // and the generic tasks
};

std::string fixed(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.2f", value);
    return text;
}

std::string padded(const std::string& text, size_t width) {
    return text.size() >= width ? text + " " : text + std::string(width - text.size(), ' ');
}

void printText(const recipe::MedMnistDataset& data, const recipe::DatasetReport& report) {
    std::cout << data.path() << "\n"
              << "dataset:  " << data.name() << (data.info() ? "" : " (not one of the MedMNIST datasets)")
              << "\n";
    if (!data.modality().empty()) std::cout << "modality: " << data.modality() << "\n";
    std::cout << "task:     " << data.task() << ", " << data.classCount() << " labels\n\n";

    // The samples column carries the published size where it differs, so it is sized to fit.
    std::vector<std::string> samplesText;
    size_t samplesWidth = 9;
    for (const auto& s : report.splits()) {
        std::string samples = std::to_string(s.size);
        if (s.publishedSize > 0 && s.publishedSize != s.size) samples += " (published " + std::to_string(s.publishedSize) + ")";
        samplesWidth = std::max(samplesWidth, samples.size() + 2);
        samplesText.push_back(std::move(samples));
    }
    std::cout << padded("split", 7) << padded("samples", samplesWidth) << padded("image", 12) << "imbalance\n";
    for (size_t i = 0; i < report.splits().size(); ++i) {
        const auto& s = report.splits()[i];
        const std::string& samples = samplesText[i];
        const std::string image = s.size ? std::to_string(s.width) + "x" + std::to_string(s.height) + "x" +
                                               std::to_string(s.channels)
                                         : "-";
        std::cout << padded(s.name, 7) << padded(samples, samplesWidth) << padded(image, 12)
                  << (s.imbalanceRatio > 0 ? fixed(s.imbalanceRatio) : "-") << "\n";
    }

    std::cout << "\n" << (data.multiLabel() ? "positives per label" : "samples per class") << "\n";
    size_t nameWidth = 5;
    for (const auto& name : data.labelNames()) nameWidth = std::max(nameWidth, name.size() + 6);
    std::cout << padded("", nameWidth);
    for (const auto& s : report.splits()) std::cout << padded(s.name, 10);
    std::cout << "\n";
    for (size_t c = 0; c < data.labelNames().size(); ++c) {
        std::cout << padded(padded(std::to_string(c), 4) + data.labelNames()[c], nameWidth);
        for (const auto& s : report.splits()) std::cout << padded(std::to_string(s.classCounts[c]), 10);
        std::cout << "\n";
    }

    if (report.warnings().empty()) {
        std::cout << "\nno warnings\n";
    } else {
        std::cout << "\nwarnings:\n";
        for (const auto& w : report.warnings()) std::cout << "  - " << w << "\n";
    }
}

void printJson(const recipe::MedMnistDataset& data, const recipe::DatasetReport& report) {
    nlohmann::json splits = nlohmann::json::object();
    for (const auto& s : report.splits()) {
        splits[s.name] = {{"size", s.size},
                          {"published_size", s.publishedSize},
                          {"width", s.width},
                          {"height", s.height},
                          {"channels", s.channels},
                          {"class_counts", s.classCounts},
                          {"imbalance_ratio", s.imbalanceRatio}};
    }
    const nlohmann::json out = {{"file", data.path()},
                                {"dataset", data.name()},
                                {"known", data.info() != nullptr},
                                {"modality", data.modality()},
                                {"task", data.task()},
                                {"multi_label", data.multiLabel()},
                                {"labels", data.labelNames()},
                                {"splits", splits},
                                {"warnings", report.warnings()}};
    std::cout << jsonText(out, 2) << "\n";
}

int runInspect(const InspectOptions& o) {
    recipe::DatasetLoadOptions load;
    load.medMnist.dataset = o.dataset;
    load.medMnist.loadPixels = false;  // labels and shapes suffice; a 224 px file holds gigabytes of pixels
    load.csv = o.csv;                  // a manifest's images are decoded: an unreadable one must show now
    const auto data = recipe::loadDataset(o.file, load);
    const auto report = recipe::DatasetReport::of(data);
    if (o.json)
        printJson(data, report);
    else
        printText(data, report);
    return 0;
}

// Every synthetic dataset's name, medical then generic.
std::string syntheticNames() {
    std::string names;
    for (const auto* list : {&recipe::syntheticModalities(), &recipe::syntheticGenericTasks()})
        for (const auto& m : *list) names += (names.empty() ? "" : ", ") + m.name;
    return names;
}

int runSynth(const SynthOptions& o) {
    std::vector<const recipe::SyntheticModality*> chosen;
    for (const auto& name : o.modalities) {
        const auto* modality = recipe::findSyntheticModality(name);
        if (!modality)
            throw Error("unknown synthetic modality '" + name + "'", "--modality", "Use one of: " + syntheticNames() + ".");
        chosen.push_back(modality);
    }
    if (chosen.empty() && !o.generic)
        for (const auto& m : recipe::syntheticModalities()) chosen.push_back(&m);
    if (o.generic)
        for (const auto& m : recipe::syntheticGenericTasks()) chosen.push_back(&m);

    std::error_code error;
    std::filesystem::create_directories(o.out, error);
    if (error) throw Error("cannot create the folder: " + error.message(), o.out, "Check the path and its permissions.");
    AtomicFile::checkWritableFolder(o.out);
    for (const auto* modality : chosen) {
        const auto start = std::chrono::steady_clock::now();
        const auto dataset = recipe::generateSyntheticDataset(*modality, o.synthetic);
        const std::string path = (std::filesystem::path(o.out) / (modality->name + ".npz")).string();
        dataset.save(path);
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        std::cout << path << "  " << modality->modality << ", " << modality->labels.size() << " classes, "
                  << dataset.train().size() << "/" << dataset.val().size() << "/" << dataset.test().size()
                  << " train/val/test, " << fixed(seconds) << " s\n";
    }
    return 0;
}

// Every instruction (and the answers) the model would see for these tasks: to read
// what a run trains on, and the corpus the scratch tokenizer is trained from.
int runPrompts(const PromptsOptions& o) {
    std::vector<recipe::TaskDescription> tasks;
    if (o.catalog) {
        for (const auto& info : recipe::medMnistCatalog()) tasks.push_back({info.modality, info.labels, info.multiLabel});
        for (const auto& m : recipe::syntheticModalities()) tasks.push_back({m.modality, m.labels, false});
    }
    for (const auto& file : o.files) {
        recipe::DatasetLoadOptions load;
        load.medMnist.loadPixels = false;
        const auto data = recipe::loadDataset(file, load);
        tasks.push_back({data.modality(), data.labelNames(), data.multiLabel()});
    }
    if (tasks.empty()) throw Error("no tasks given", "vitask data prompts", "Pass dataset files or --catalog.");
    std::vector<recipe::InstructionVariant> variants;
    if (o.variant == "all") variants = recipe::allInstructionVariants();
    else variants.push_back(recipe::parseInstructionVariant(o.variant, "--variant"));
    for (const auto& task : tasks) {
        for (auto variant : variants)
            for (int seed = 0; seed < o.seeds; ++seed)
                std::cout << recipe::buildInstruction(task, variant, static_cast<uint64_t>(seed)) << "\n";
        for (const auto& label : task.labels) std::cout << label << "\n";
        if (task.multiLabel) std::cout << recipe::kNoFinding << "\n";
    }
    return 0;
}

}  // namespace

void addDataCommands(CLI::App& root, CommandDispatch& dispatch) {
    auto* data = root.add_subcommand("data", describe("data"));
    data->require_subcommand(1);

    auto options = std::make_shared<InspectOptions>();
    auto* inspect = data->add_subcommand(
        "inspect", "Check a dataset (MedMNIST .npz or CSV manifest): splits, image shape, samples per class, "
                   "imbalance, warnings");
    inspect->add_option("file", options->file, "The .npz file (<name>.npz, <name>_64.npz, ...) or CSV manifest")
        ->required()->check(CLI::ExistingFile);
    inspect->add_option("--dataset", options->dataset,
                        "Which MedMNIST dataset an .npz is (bloodmnist, chestmnist, ...); default: from the file name");
    inspect->add_flag("--json", options->json, "Print the report as JSON");
    auto& csv = options->csv;
    inspect->add_option("--size", csv.size, "CSV: images become SIZE x SIZE pixels")->capture_default_str();
    inspect->add_option("--channels", csv.channels, "CSV: 1 grey, 3 RGB, 0 RGB if any image is colour")
        ->check(CLI::IsMember({0, 1, 3}))->capture_default_str();
    inspect->add_option("--labels", csv.labels, "CSV: the label names in class order (default: the distinct labels, "
                                                "sorted)")->delimiter(',');
    inspect->add_flag("--multi-label", csv.multiLabel, "CSV: several labels per image, separated by '|'");
    inspect->add_option("--val-fraction", csv.valFraction, "CSV without a split column: share of each class for val")
        ->capture_default_str();
    inspect->add_option("--test-fraction", csv.testFraction, "CSV without a split column: share of each class for test")
        ->capture_default_str();
    inspect->add_option("--seed", csv.seed, "CSV without a split column: the seed of the split")->capture_default_str();
    dispatch.add(inspect, [options] { return runInspect(*options); });

    auto synth = std::make_shared<SynthOptions>();
    auto* synthCommand = data->add_subcommand(
        "synth", "Write the synthetic benchmark: one MedMNIST-layout .npz (plus label sidecar) per modality");
    synthCommand->add_option("--out", synth->out, "Folder for the files (created if missing)")->required();
    synthCommand->add_option("--seed", synth->synthetic.seed, "Random seed (the same seed gives the same bytes)")
        ->capture_default_str();
    synthCommand->add_option("--size", synth->synthetic.size, "Image size in pixels")
        ->check(CLI::IsMember({28, 64}))->capture_default_str();
    synthCommand->add_option("--train", synth->synthetic.trainSize, "Training images per modality")
        ->check(CLI::NonNegativeNumber)->capture_default_str();
    synthCommand->add_option("--val", synth->synthetic.valSize, "Validation images per modality")
        ->check(CLI::NonNegativeNumber)->capture_default_str();
    synthCommand->add_option("--test", synth->synthetic.testSize, "Test images per modality")
        ->check(CLI::NonNegativeNumber)->capture_default_str();
    synthCommand->add_option("--modality", synth->modalities,
                             "Only these (" + syntheticNames() + "); default: every medical modality");
    synthCommand->add_flag("--generic", synth->generic,
                           "Also the generic tasks (shapes: how many, which colour, where, which kind), for "
                           "pretraining a generalist");
    dispatch.add(synthCommand, [synth] { return runSynth(*synth); });

    auto prompts = std::make_shared<PromptsOptions>();
    auto* promptsCommand = data->add_subcommand(
        "prompts", "Print the instructions (and answers) the model sees for datasets' tasks, one per line");
    promptsCommand->add_option("files", prompts->files, "Dataset files (.npz or CSV manifest)");
    promptsCommand->add_flag("--catalog", prompts->catalog, "The twelve MedMNIST tasks and the synthetic ones");
    promptsCommand->add_option("--variant", prompts->variant, "An instruction variant, or all")->capture_default_str();
    promptsCommand->add_option("--seeds", prompts->seeds, "Seeds per randomised variant")
        ->check(CLI::PositiveNumber)->capture_default_str();
    dispatch.add(promptsCommand, [prompts] { return runPrompts(*prompts); });
}

}  // namespace vitask::cli

VITASK_CLI_MODULE(vitask::cli::addDataCommands)

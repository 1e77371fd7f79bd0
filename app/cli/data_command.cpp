#include "data_command.h"

#include "vitask/vitask/dataset_report.h"
#include "vitask/vitask/medmnist_dataset.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <iostream>
#include <memory>
#include <vector>

namespace vitask::cli {
namespace {

struct InspectOptions {
    std::string file;
    std::string dataset;
    bool json = false;
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
              << "dataset:  " << data.name() << (data.info() ? "" : " (not a MedMNIST dataset name; labels unnamed)")
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
    std::cout << out.dump(2) << "\n";
}

int runInspect(const InspectOptions& o) {
    recipe::MedMnistLoadOptions load;
    load.dataset = o.dataset;
    load.loadPixels = false;  // labels and shapes suffice; a 224 px file holds gigabytes of pixels
    const auto data = recipe::MedMnistDataset::load(o.file, load);
    const auto report = recipe::DatasetReport::of(data);
    if (o.json)
        printJson(data, report);
    else
        printText(data, report);
    return 0;
}

}  // namespace

void addDataCommands(CLI::App& root, CommandDispatch& dispatch) {
    auto* data = root.add_subcommand("data", "Inspect datasets");
    data->require_subcommand(1);

    auto options = std::make_shared<InspectOptions>();
    auto* inspect = data->add_subcommand(
        "inspect", "Check a MedMNIST .npz file: splits, image shape, samples per class, imbalance, warnings");
    inspect->add_option("file", options->file, "The .npz file (<name>.npz, <name>_64.npz, ...)")
        ->required()->check(CLI::ExistingFile);
    inspect->add_option("--dataset", options->dataset,
                        "Which MedMNIST dataset it is (bloodmnist, chestmnist, ...); default: from the file name");
    inspect->add_flag("--json", options->json, "Print the report as JSON");
    dispatch.add(inspect, [options] { return runInspect(*options); });
}

}  // namespace vitask::cli

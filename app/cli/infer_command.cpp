#include "infer_command.h"

#include "command_catalog.h"
#include "vitask/common/json_file.h"

#include "ask_options.h"

#include "vitask/common/error.h"
#include "vitask/service/vision_assistant.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <iostream>

namespace vitask::cli {
namespace {

struct InferOptions {
    std::string image;
    AskOptions ask;
    bool json = false;
};

nlohmann::json probabilitiesJson(const std::vector<service::LabelProbability>& labels) {
    auto sorted = labels;
    std::stable_sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) { return a.probability > b.probability; });
    auto out = nlohmann::json::array();
    for (const auto& l : sorted) out.push_back({{"label", l.label}, {"probability", l.probability}});
    return out;
}

int runInfer(const InferOptions& options) {
    const AskOptions& o = options.ask;
    service::VisionAssistant assistant(service::parseDeviceChoice(o.device, "--device"));
    const auto& model = assistant.loadModel(o.model);
    service::AskRequest request = askRequestFor(o, model);
    request.saliency = false;
    if (!o.tsm.empty()) assistant.loadTsm(o.tsm);

    service::AskCallbacks callbacks;
    if (!options.json) callbacks.onText = [](const std::string& added) { std::cout << added << std::flush; return true; };
    const auto result = assistant.ask(service::modelImageFromFile(options.image), request, callbacks);
    if (!options.json) std::cout << "\n";

    // The probabilities of the way the model answered (with the exemplar under --exemplar).
    const auto& scored = o.exemplar ? result.labelsWithExemplar : result.labels;
    nlohmann::json out{{"instruction", result.instruction}, {"exemplar", o.exemplar}, {"answer", result.answer},
                       {"generated_ids", result.generatedIds}, {"finish_reason", result.finish}};
    if (!scored.empty()) out["label_probabilities"] = probabilitiesJson(scored);
    if (!o.exemplar && !result.labelsWithExemplar.empty())
        out["label_probabilities_with_exemplar"] = probabilitiesJson(result.labelsWithExemplar);
    if (result.tsm) {
        const auto& top = result.tsm->probabilities[result.tsm->top];
        out["tsm"] = {{"name", result.tsm->name}, {"label", top.label}, {"probability", top.probability}};
        out["agreement"] = service::agreementName(result.agreement);
    }
    if (options.json) {
        std::cout << jsonText(out, 2) << "\n";
        return 0;
    }
    for (const auto& l : out.value("label_probabilities", nlohmann::json::array()))
        std::printf("  %6.2f%%  %s\n", 100 * l["probability"].get<double>(), l["label"].get<std::string>().c_str());
    if (out.contains("tsm"))
        std::printf("TSM %s: %s (%.2f%%); agreement: %s\n", out["tsm"]["name"].get<std::string>().c_str(),
                    out["tsm"]["label"].get<std::string>().c_str(), 100 * out["tsm"]["probability"].get<double>(),
                    out["agreement"].get<std::string>().c_str());
    return 0;
}

}  // namespace

void addInferCommand(CLI::App& root, CommandDispatch& dispatch) {
    auto options = std::make_shared<InferOptions>();
    auto* command = root.add_subcommand("infer", describe("infer"));
    command->add_option("image", options->image, "Image file (DICOM, NIfTI, PNG, JPEG)")->required();
    addAskOptions(command, options->ask);
    command->add_flag("--json", options->json, "Print the result as JSON");
    dispatch.add(command, [options] { return runInfer(*options); });
}

}  // namespace vitask::cli

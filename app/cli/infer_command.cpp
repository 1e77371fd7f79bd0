#include "infer_command.h"

#include "image_input.h"
#include "vitask/common/error.h"
#include "vitask/tsm/tsm_loader.h"
#include "vitask/vitask/answering.h"
#include "vitask/vitask/dataset_loader.h"
#include "vitask/vitask/prompt_builder.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <iostream>
#include <numeric>

namespace vitask::cli {
namespace {

struct InferOptions {
    std::string image;
    std::string model;
    std::string question;
    std::string dataset;                 // labels and modality from a dataset file
    std::vector<std::string> labels;
    std::string modality;
    std::string variant = "complete";
    std::string tsm;
    bool exemplar = false;
    int64_t maxNewTokens = 32;
    bool json = false;
};

recipe::TaskDescription taskOf(const InferOptions& o) {
    if (!o.dataset.empty()) {
        recipe::DatasetLoadOptions load;
        load.medMnist.loadPixels = false;
        const auto data = recipe::loadDataset(o.dataset, load);
        return {data.modality(), data.labelNames(), data.multiLabel()};
    }
    return {o.modality, o.labels, false};
}

int runInfer(const InferOptions& o) {
    if (o.exemplar && o.tsm.empty())
        throw Error("exemplar prompting needs the TSM", "--exemplar", "Pass --tsm with the TSM the model was trained with.");
    const auto task = taskOf(o);
    if (o.question.empty() && task.labels.empty())
        throw Error("nothing to ask", "vitask infer",
                    "Give --question, or the task: --dataset FILE, or --labels a,b,c [--modality NAME].");
    const std::string instruction = o.question.empty()
                                        ? recipe::buildInstruction(task, recipe::parseInstructionVariant(o.variant, "--variant"))
                                        : o.question;

    auto model = recipe::VitaskModel::load(o.model);
    const auto image = readImageForModel(o.image);
    torch::NoGradGuard noGrad;
    model.train(false);
    const auto images = model.imageEmbeddings(model.pipeline().imageProcessor()(image).unsqueeze(0));
    torch::Tensor exemplars;
    nlohmann::json result{{"instruction", instruction}, {"exemplar", o.exemplar}};
    if (!o.tsm.empty()) {
        auto tsm = tsm::openTsm(o.tsm);
        const auto output = tsm->predict(tsm->prepare(image));
        const auto best = output.probabilities[0].argmax().item<int64_t>();
        result["tsm"] = {{"name", tsm->name()},
                         {"label", tsm->labels()[static_cast<size_t>(best)]},
                         {"probability", output.probabilities[0][best].item<double>()}};
        if (o.exemplar) exemplars = model.exemplarEmbeddings(output.features);
    }

    const auto prompt = model.promptIds(instruction, o.exemplar);
    size_t shown = 0;
    const auto answer = recipe::generateAnswers(model, {prompt}, images, exemplars, o.maxNewTokens,
                                                [&](size_t, const std::string& text) {
                                                    if (!o.json && text.size() > shown) {
                                                        std::cout << text.substr(shown) << std::flush;
                                                        shown = text.size();
                                                    }
                                                    return true;
                                                })
                            .front();
    result["answer"] = answer;
    if (!o.json) std::cout << answer.substr(std::min(shown, answer.size())) << "\n";

    if (!task.labels.empty() && !task.multiLabel) {
        std::vector<std::vector<int64_t>> answers;
        for (const auto& label : task.labels) answers.push_back(model.responseIds(label));
        const auto probabilities = recipe::candidateProbabilities(
            recipe::answerLogLikelihoods(model, {prompt}, images, exemplars, {&answers}).front());
        std::vector<size_t> order(probabilities.size());
        std::iota(order.begin(), order.end(), 0);
        std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return probabilities[a] > probabilities[b]; });
        auto& scores = result["label_probabilities"] = nlohmann::json::array();
        for (auto k : order) {
            scores.push_back({{"label", task.labels[k]}, {"probability", probabilities[k]}});
            if (!o.json) std::printf("  %6.2f%%  %s\n", 100 * probabilities[k], task.labels[k].c_str());
        }
    }
    if (!o.json && result.contains("tsm"))
        std::printf("TSM %s: %s (%.2f%%)\n", result["tsm"]["name"].get<std::string>().c_str(),
                    result["tsm"]["label"].get<std::string>().c_str(), 100 * result["tsm"]["probability"].get<double>());
    if (o.json) std::cout << result.dump(2) << "\n";
    return 0;
}

}  // namespace

void addInferCommand(CLI::App& root, CommandDispatch& dispatch) {
    auto options = std::make_shared<InferOptions>();
    auto* command = root.add_subcommand("infer", "Ask a trained VITask model about one image");
    command->add_option("image", options->image, "Image file (DICOM, NIfTI, PNG, JPEG)")->required();
    command->add_option("--model", options->model, "A VITask model folder (a run's final/)")->required();
    command->add_option("--question", options->question, "The instruction, as is");
    command->add_option("--dataset", options->dataset, "Take the task (modality, labels) from this dataset file");
    command->add_option("--labels", options->labels, "The label set, comma-separated")->delimiter(',');
    command->add_option("--modality", options->modality, "The modality the instruction names");
    command->add_option("--variant", options->variant, "Instruction variant (see vitask eval)")->capture_default_str();
    command->add_option("--tsm", options->tsm, "A TSM: its prediction is shown, and --exemplar feeds its feature");
    command->add_flag("--exemplar", options->exemplar, "Exemplar prompting (VITask w/ EP)");
    command->add_option("--max-new-tokens", options->maxNewTokens, "Generation limit")->capture_default_str();
    command->add_flag("--json", options->json, "Print the result as JSON");
    dispatch.add(command, [options] { return runInfer(*options); });
}

}  // namespace vitask::cli

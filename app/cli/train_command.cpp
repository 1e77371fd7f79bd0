#include "train_command.h"

#include "command_catalog.h"
#include "process_launcher.h"
#include "vitask/common/json_file.h"

#include "vitask/common/error.h"
#include "vitask/tsm/plugin_probe.h"
#include "vitask/vitask/evaluation_files.h"
#include "vitask/vitask/evaluator.h"
#include "vitask/vitask/trainer.h"

#include <nlohmann/json.hpp>

#include <atomic>
#include <csignal>
#include <cstdio>
#include <iostream>

namespace vitask::cli {
namespace {

std::atomic<bool> interrupted{false};
extern "C" void onInterrupt(int) { interrupted = true; }

std::string duration(double seconds) {
    const auto s = static_cast<long long>(seconds + 0.5);
    char text[32];
    if (s >= 3600) std::snprintf(text, sizeof text, "%lldh%02lldm", s / 3600, s / 60 % 60);
    else std::snprintf(text, sizeof text, "%lldm%02llds", s / 60, s % 60);
    return text;
}

void printProgress(const recipe::TrainProgress& p) {
    if (!p.message.empty()) {
        std::cout << p.message << "\n";
        return;
    }
    const double percent = p.totalSteps ? 100.0 * static_cast<double>(p.step) / static_cast<double>(p.totalSteps) : 0;
    std::printf("[%s %d/%d] step %lld/%lld (%.0f%%) epoch %.2f  loss %.4f (van %.4f ep %.4f rda %.4f crt %.4f)  "
                "lr %.2e  %.1f samples/s  ETA %s\n",
                p.stage.c_str(), p.stageIndex + 1, p.stageCount, static_cast<long long>(p.step),
                static_cast<long long>(p.totalSteps), percent, p.epoch, p.loss, p.van, p.ep, p.rda, p.crt,
                p.learningRate, p.samplesPerSecond, duration(p.etaSeconds).c_str());
    std::fflush(stdout);
}

struct TrainOptions {
    std::string config;
    std::string out;
    bool resume = false;
    int processes = 0;  // --nproc: > 0 starts that many local processes
};

int runTrain(const TrainOptions& options) {
    if (options.processes > 0) return launchLocalProcesses(options.processes);
    if (options.out.empty() && options.config.empty())
        throw Error("give a run configuration, or --out with --resume", "vitask train",
                    "Example: vitask train run.yaml --out runs/first");
    recipe::TrainConfig config;
    std::filesystem::path out = options.out;
    if (!options.resume || !options.config.empty()) {
        if (options.config.empty()) throw Error("no run configuration given", "vitask train", "Pass a YAML file.");
        if (!options.resume) config = recipe::TrainConfig::load(options.config);
        if (out.empty()) out = std::filesystem::path("runs") / std::filesystem::path(options.config).stem();
    }
    recipe::Trainer trainer(config, out);
    std::signal(SIGINT, onInterrupt);
    std::signal(SIGTERM, onInterrupt);
    const auto outcome = trainer.run(options.resume, [](const recipe::TrainProgress& p) {
        if (p.rank == 0) printProgress(p);
        return !interrupted.load();
    });
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    if (trainer.rank() != 0) return outcome == recipe::TrainOutcome::Cancelled ? 130 : 0;  // rank 0 says it
    if (outcome == recipe::TrainOutcome::Cancelled) {
        std::cout << "interrupted: checkpoint written. Resume with: vitask train --resume --out "
                  << trainer.runDirectory().root().string() << "\n";
        return 130;
    }
    std::cout << "finished: " << trainer.runDirectory().finalFolder().string() << "\n";
    return 0;
}

struct EvalCommandOptions {
    std::string model;
    std::vector<std::string> data;
    std::string tsm;
    std::string split = "test";
    std::string method = "score";
    bool exemplar = false;
    std::string variant = "complete";
    std::string out;
    bool json = false;
};

recipe::Split parseSplit(const std::string& name) {
    for (auto split : {recipe::Split::Train, recipe::Split::Val, recipe::Split::Test})
        if (name == recipe::splitName(split)) return split;
    throw Error("unknown split '" + name + "'", "--split", "Use train, val or test.");
}

int runEval(const EvalCommandOptions& options) {
    auto model = recipe::VitaskModel::load(options.model);
    std::unique_ptr<tsm::Tsm> tsm;
    if (options.exemplar) {
        if (options.tsm.empty())
            throw Error("exemplar prompting needs the TSM", "--exemplar", "Pass --tsm with the TSM the model was trained with.");
        tsm = tsm::openProbed(options.tsm);
    }
    std::vector<recipe::MedMnistDataset> datasets;
    for (const auto& path : options.data) datasets.push_back(recipe::MedMnistDataset::load(path));
    std::vector<const recipe::MedMnistDataset*> sources;
    for (const auto& d : datasets) sources.push_back(&d);
    const auto corpus = recipe::TaskCorpus::build(sources, parseSplit(options.split), model, tsm.get());

    std::vector<recipe::InstructionVariant> variants;
    if (options.variant == "all") variants = recipe::allInstructionVariants();
    else variants.push_back(recipe::parseInstructionVariant(options.variant, "--variant"));

    nlohmann::json all = nlohmann::json::array();
    for (auto variant : variants) {
        recipe::EvalOptions eval;
        eval.method = recipe::parseAnswerMethod(options.method, "--method");
        eval.withExemplar = options.exemplar;
        eval.variant = variant;
        const auto evaluation = recipe::evaluate(model, corpus, eval);
        if (!options.out.empty())
            recipe::saveEvaluation(options.out,
                                   options.split + "_" + options.method + (options.exemplar ? "_ep_" : "_") +
                                       recipe::variantName(variant),
                                   evaluation, corpus);
        all.push_back(evaluation.summaryJson());
        if (!options.json) {
            std::printf("%-16s %s %s EP: accuracy %.4f  macro-F1 %.4f\n", recipe::variantName(variant),
                        options.method.c_str(), options.exemplar ? "with" : "without", evaluation.meanAccuracy(),
                        evaluation.meanMacroF1());
            for (const auto& t : evaluation.tasks)
                std::printf("    %-24s accuracy %.4f  macro-F1 %.4f  unparseable %lld\n", t.task.c_str(),
                            t.metrics.accuracy, t.metrics.macroF1, static_cast<long long>(t.unparseable));
        }
    }
    if (options.json) std::cout << jsonText(all, 2) << "\n";
    return 0;
}

}  // namespace

void addTrainCommands(CLI::App& root, CommandDispatch& dispatch) {
    auto train = std::make_shared<TrainOptions>();
    auto* trainCommand = root.add_subcommand("train", describe("train"));
    trainCommand->add_option("config", train->config, "Run configuration (see docs/training.md)");
    trainCommand->add_option("--out", train->out, "Run directory (default: runs/<config name>)");
    trainCommand->add_flag("--resume", train->resume, "Continue the run in --out from its latest checkpoint");
    trainCommand->add_option("--nproc", train->processes,
                             "Train data-parallel in N local processes (as torchrun --nproc-per-node N does)")
        ->check(CLI::Range(1, 1024));
    trainCommand->footer("Ctrl+C writes a checkpoint and stops; --resume continues exactly where it stopped, with "
                         "the same or another number of processes. Started by torchrun or srun, each process "
                         "joins the job (docs/training.md, \"Several processes, GPUs and machines\").");
    dispatch.add(trainCommand, [train] { return runTrain(*train); });

    auto eval = std::make_shared<EvalCommandOptions>();
    auto* evalCommand = root.add_subcommand("eval", describe("eval"));
    evalCommand->add_option("--model", eval->model, "A model folder (a run's final/)")->required();
    evalCommand->add_option("--data", eval->data, "Dataset file(s), .npz")->required();
    evalCommand->add_option("--tsm", eval->tsm, "The TSM (manifest or plug-in), for --exemplar");
    evalCommand->add_option("--split", eval->split, "train, val or test")->capture_default_str();
    evalCommand->add_option("--method", eval->method, "score (label-set log-likelihood) or generate")
        ->capture_default_str();
    evalCommand->add_flag("--exemplar", eval->exemplar, "Feed the TSM's exemplar (VITask w/ EP)");
    evalCommand->add_option("--variant", eval->variant,
                            "Instruction variant: complete, no_label_set, no_modality, shuffled_labels, paraphrase, "
                            "typos, other_language, or all (the robustness grid)")
        ->capture_default_str();
    evalCommand->add_option("--out", eval->out, "Folder for per-sample predictions and metrics");
    evalCommand->add_flag("--json", eval->json, "Print the results as JSON");
    dispatch.add(evalCommand, [eval] { return runEval(*eval); });
}

}  // namespace vitask::cli

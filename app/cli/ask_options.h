#pragma once
// What `vitask infer` and `vitask report` both need to ask a model about an image: the
// model, the question or the task whose instruction is asked and whose labels are scored,
// the TSM and exemplar prompting, generation length and device; one set of options and
// one way to turn them into an AskRequest.

#include "vitask/service/ask.h"

#include <CLI/CLI.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace vitask::cli {

struct AskOptions {
    std::string model;
    std::string question;
    std::string task;                    // one of the model's tasks, by name or 1-based index
    std::string dataset;                 // labels and modality from a dataset file
    std::vector<std::string> labels;
    std::string modality;
    std::string variant = "complete";
    std::string tsm;
    bool exemplar = false;
    int64_t maxNewTokens = 32;
    std::string device = "auto";
};

// Adds --model (required), --question, --task, --dataset, --labels, --modality, --variant,
// --tsm, --exemplar, --max-new-tokens and --device to `command`.
void addAskOptions(CLI::App* command, AskOptions& options);

// The request the options ask of `model` (instruction and task resolved). Throws
// vitask::Error naming the option when they do not fit (an unknown task, nothing to ask,
// --exemplar without --tsm).
service::AskRequest askRequestFor(const AskOptions& options, const service::ModelInfo& model);

}  // namespace vitask::cli

#pragma once
// A model and its TSM over a dataset split, in plain types, for the studio's Compare and
// Robustness panels (EngineService::evaluateDataset runs it). Per sample: the truth, the
// VLM's label without and with the TSM's exemplar (EP), and the TSM's own label; per
// system: accuracy, macro-F1, macro AUC and the confusion matrix, booked as `vitask eval`
// books them (core/vitask's evaluator and ClassificationMetrics), so that the panel's
// figures are the CLI's for the same model, data, split and options. The TSM's figures
// are `vitask tsm eval`'s.

#include "vitask/service/ask.h"
#include "vitask/service/model_image.h"

#include <cstdint>
#include <filesystem>
#include <limits>
#include <optional>
#include <string>
#include <vector>

namespace vitask::service {

// One instruction the samples are asked with: a variant of the task's instruction as
// `vitask eval --variant` names it, or a text written by the user, asked as is.
struct InstructionChoice {
    std::string variant = "complete";  // one of instructionVariantNames(), or kCustomInstruction
    std::string text;                  // the instruction of a custom choice
};
inline constexpr const char* kCustomInstruction = "custom";

// "complete", "no_label_set", "no_modality", "shuffled_labels", "paraphrase", "typos",
// "other_language": the variants `vitask eval --variant` knows, in its order.
const std::vector<std::string>& instructionVariantNames();

struct DatasetEvaluationRequest {
    std::filesystem::path dataset;     // a MedMNIST .npz or a CSV manifest
    std::string split = "test";        // train, val or test
    // The task the instruction names and the answers are matched against. None: the
    // dataset's own name, modality and labels, as `vitask eval` takes them. Given: its
    // labels rename the dataset's classes (as many, in the dataset's order), e.g. to the
    // words the model was trained to answer.
    std::optional<TaskInfo> task;
    std::string method = "score";      // "score" (label-set log-likelihood) or "generate"
    std::vector<InstructionChoice> instructions{InstructionChoice{}};
    bool withExemplar = true;          // also answer with the TSM's exemplar, when the model takes it
    bool withTsm = true;               // the TSM's own labels and figures, when one is loaded
    int64_t maxSamples = 0;            // > 0: the split's first that many samples
    int64_t maxNewTokens = 16;         // generation, as `vitask eval`
    uint64_t seed = 0;                 // the randomised variants' draws, as `vitask eval`
};

inline constexpr double kNoProbability = std::numeric_limits<double>::quiet_NaN();

// One system's answer for one sample. Multi-label tasks: the labels joined by ", " (or
// "no finding"), no probability.
struct SampleAnswer {
    std::string label;                    // empty: the answer named no label (unparseable)
    double probability = kNoProbability;  // of `label` (scoring and the TSM; NaN for generation)
    std::string answer;                   // the text the VLM gave (generation) or scored best
};

struct SampleRow {
    int64_t index = 0;                    // within the split
    std::string truth;
    SampleAnswer vlm;                     // without the exemplar
    std::optional<SampleAnswer> vlmWithExemplar;
    std::optional<SampleAnswer> tsm;
    // Agree: every system's label is the same; Disagree: they are not; Unknown: one
    // system only (no TSM, no EP).
    Agreement agreement = Agreement::Unknown;
};

struct ClassFigures {
    std::string label;
    double precision = 0, recall = 0, f1 = 0;
    int64_t support = 0;
    double auc = kNoProbability;
};

struct SystemMetrics {
    int64_t samples = 0;
    double accuracy = 0;
    double macroF1 = 0;
    double macroAuc = kNoProbability;     // one-vs-rest mean over the classes it is defined for
    int64_t unparseable = 0;              // answers that named no label (booked wrong)
    std::vector<ClassFigures> perClass;
    std::vector<std::vector<int64_t>> confusion;  // single-label: [truth][predicted]
};

// The samples asked with one instruction.
struct InstructionEvaluation {
    InstructionChoice instruction;
    std::string example;                  // what sample 0 was asked (randomised variants differ per sample)
    std::vector<SampleRow> rows;          // in split order
    std::optional<SystemMetrics> vlm;     // none until every sample is answered
    std::optional<SystemMetrics> vlmWithExemplar;
};

struct DatasetEvaluation {
    DatasetEvaluationRequest request;
    TaskInfo task;
    std::string model;                    // the model's name
    std::string modelWeightsHash;
    std::string tsm;                      // the TSM's name; empty: none
    int64_t splitSize = 0;                // samples in the split
    int64_t samples = 0;                  // samples evaluated (maxSamples)
    std::vector<InstructionEvaluation> instructions;  // as requested
    std::optional<SystemMetrics> tsmMetrics;          // the instruction does not matter to the TSM
    std::string exemplarSkipped;          // why the VLM did not answer with the exemplar; empty: it did or was not asked
    std::string tsmSkipped;               // why the TSM gave no labels; empty: it did or was not asked
    bool cancelled = false;               // then the rows answered so far, and no metrics
    double seconds = 0;
};

// Reported after the dataset is prepared (row empty) and after each sample is answered.
struct DatasetEvaluationProgress {
    std::size_t instruction = 0;          // index into request.instructions
    int64_t done = 0;                     // samples answered, over all instructions
    int64_t total = 0;                    // samples x instructions
    std::optional<SampleRow> row;
};

// One sample as the evaluation read it, for a closer look: its image, and the TSM's
// prediction and saliency for its top label when a TSM is loaded.
struct DatasetSample {
    std::filesystem::path dataset;
    std::string split;
    int64_t index = 0;
    std::string title;                    // "test #12"
    std::string truth;
    TaskInfo task;                        // the dataset's (ask the AI about the image with it)
    ModelImage image;                     // CHW in [0, 1], as the dataset holds it
    std::optional<TsmPrediction> tsm;
    std::optional<SaliencyMap> saliency;
};

}  // namespace vitask::service

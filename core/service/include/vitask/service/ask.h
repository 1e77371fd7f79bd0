#pragma once
// What the application asks the engine and what it answers, in plain types (no LibTorch):
// the loaded model and TSM, a question about one image, and the answer with its evidence.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace vitask::service {

// A diagnosis task a model was trained on: the modality its instruction names and the
// label set its answers come from.
struct TaskInfo {
    std::string name;                 // the dataset ("dermamnist", a CSV's stem)
    std::string modality;             // "dermatoscope", "chest X-ray", ...
    std::vector<std::string> labels;
    bool multiLabel = false;
};

// Names a model's or TSM's weights by their content, so that a review records which
// weights answered: "sha256:<hex>". One weights file: its SHA-256, as `sha256sum FILE`
// prints it; several: the SHA-256 of the lines `sha256sum` prints for them ("<hex>  <file
// name>\n", sorted by name as bytes), so in a model folder
// `LC_ALL=C sha256sum *.safetensors | sha256sum` checks it.
struct ModelInfo {
    std::filesystem::path folder;
    std::string name;                 // the folder's name (a run's name for a run's final/)
    std::string version;              // vitask.json's or config.json's "version"; empty: none given
    std::string weightsHash;          // its *.safetensors files, see above
    bool vitask = false;              // a VITask model (vitask.json), else a plain LLaVA checkpoint
    int64_t exemplarWidth = 0;        // the EP connector's TSM feature width; 0: none
    std::string trainedTsm;           // the TSM it was trained with, as its run config names it
    std::vector<TaskInfo> tasks;      // empty for a plain LLaVA checkpoint
    std::string device;               // "cpu", "cuda:0"
    int64_t parameters = 0;
    double loadSeconds = 0;
};

// A TSM the registry found, ready or broken.
struct TsmEntry {
    std::string name, version, description, kind;
    std::vector<std::string> labels;
    int64_t featureWidth = 0;
    bool ready = false;
    std::string error;                // why it is broken
    std::filesystem::path source;
    // The ONNX file, the checkpoint or the plug-in library, see ModelInfo; set by loading
    // (listing does not read every TSM's weights).
    std::string weightsHash;
    // What it takes (TsmInfo::input; zero and empty for a broken one): [height, width] in
    // pixels, channels, and the normalisation (x - mean) / std per channel after scaling
    // pixels to [0, 1]. For the studio's Plug-ins page.
    int inputHeight = 0, inputWidth = 0, inputChannels = 0;
    std::vector<float> inputMean, inputStd;
    bool multiLabel = false;          // a sigmoid per label instead of a softmax
};

// A suggested question: one of the paper's instruction variants for a task.
struct QuestionTemplate {
    std::string variant;              // "complete", "no_label_set", ...
    std::string text;
};
std::vector<QuestionTemplate> questionTemplates(const TaskInfo& task);

struct AskRequest {
    std::string question;             // empty: the task's complete instruction
    // The task whose label set is scored (usually one of ModelInfo::tasks); none: the
    // answer alone.
    std::optional<TaskInfo> task;
    bool answerWithExemplar = false;  // generate with the TSM's exemplar (VITask w/ EP)
    int64_t maxNewTokens = 64;
    bool saliency = true;             // the TSM's saliency map for its top class
};

struct LabelProbability {
    std::string label;
    double probability = 0;
};

struct TsmPrediction {
    std::string name;
    std::vector<LabelProbability> probabilities;  // in the TSM's label order
    std::size_t top = 0;                          // index of the most probable label
};

// The TSM's prediction as it is compared with a task. A TSM trained on several datasets
// names its labels "<dataset>/<label>" and gives a softmax within each dataset: for a
// task of one of them, the prediction is that dataset's group with the prefix removed;
// otherwise (no task, or labels without the task's prefix) every label. `labelIndex`
// gets the TSM's own index of the top label (for its saliency).
TsmPrediction tsmPredictionFor(const std::string& tsmName, const std::vector<std::string>& labels,
                               const std::vector<double>& probabilities, const TaskInfo* task,
                               std::size_t* labelIndex = nullptr);

// Where the TSM looked: [height, width] in [0, 1] at the TSM's input resolution, which
// covers the whole image (stretched), so it overlays the image rectangle as is.
struct SaliencyMap {
    int width = 0, height = 0;
    std::vector<float> values;        // row-major
    std::string label;                // the class it explains
    std::string method;               // "Grad-CAM" or "occlusion"
};

enum class Agreement { Unknown, Agree, Disagree, VlmUnsure };
// Below this probability of its top label the VLM counts as unsure.
inline constexpr double kVlmUnsureBelow = 0.5;
const char* agreementName(Agreement agreement);   // "unknown", "agree", "disagree", "vlm_unsure"
// The rule in words, for a tooltip.
std::string agreementRule();

struct AskResult {
    std::string instruction;          // what the model was asked
    std::string answer;               // the generated text
    std::vector<int64_t> promptIds;   // without the exemplar placeholder unless answered with it
    std::vector<int64_t> generatedIds;
    std::string finish;               // "stop", "length" or "cancelled"
    bool answeredWithExemplar = false;
    // The task's labels scored after the instruction, without and with the exemplar
    // (empty when no task is chosen, the task is multi-label, or EP is not possible).
    std::vector<LabelProbability> labels;
    std::vector<LabelProbability> labelsWithExemplar;
    std::optional<TsmPrediction> tsm;
    std::optional<SaliencyMap> saliency;
    Agreement agreement = Agreement::Unknown;
    std::string vlmLabel;             // the VLM's label (top scored, else the matched answer)
    double seconds = 0;
};

// The agreement of a result's VLM label and TSM prediction (see agreementRule()).
Agreement judgeAgreement(const AskResult& result);

}  // namespace vitask::service

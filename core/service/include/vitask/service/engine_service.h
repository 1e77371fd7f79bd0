#pragma once
// The engine's face for applications (the studio): model and TSM loading and questions
// about images, all run on one worker thread that owns the device, so a caller's thread
// (the UI's) never waits on LibTorch. The worker loads LibTorch (the engine module,
// engine_core.h) with the first job that needs it: constructing the service costs the
// caller nothing. Calls return at once; work runs in the order it was
// posted; results, errors and streamed text arrive through callbacks ON THE WORKER
// THREAD (a GUI posts them on to its own thread). Plain types only.

#include "vitask/common/system_info.h"
#include "vitask/service/ask.h"
#include "vitask/service/dataset_evaluation.h"
#include "vitask/service/device.h"
#include "vitask/service/model_image.h"
#include "vitask/service/vision_assistant.h"
#include "vitask/service/worklist.h"

#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace vitask::service {

using ErrorCallback = std::function<void(const std::string& message)>;

struct EngineSettings {
    DeviceChoice device = DeviceChoice::Auto;
    int cpuThreads = 0;                           // 0: one per core
    std::vector<std::filesystem::path> tsmFolders;  // searched before the default folders
    // Jobs wait until start(): an application that must not load LibTorch while it shows
    // its window (the studio) starts the service once the window is painted.
    bool startHeld = false;
};

class EngineService {
public:
    explicit EngineService(EngineSettings settings = {});
    // Cancels the running answer, drops the work not yet started and joins the worker.
    ~EngineService();
    EngineService(const EngineService&) = delete;
    EngineService& operator=(const EngineService&) = delete;

    void loadModel(const std::filesystem::path& folder, std::function<void(const ModelInfo&)> done,
                   ErrorCallback failed);
    void listTsms(std::function<void(const std::vector<TsmEntry>&)> done);
    void loadTsm(const std::string& nameOrPath, std::function<void(const TsmEntry&)> done, ErrorCallback failed);
    void unloadTsm(std::function<void()> done = {});
    // Moves the loaded model and TSM to the device; `done` gets its name ("cpu", "cuda:0").
    void setDevice(DeviceChoice device, std::function<void(const std::string&)> done, ErrorCallback failed);
    void setCpuThreads(int threads);

    // Asks about one image. Streamed text, progress and the TSM's prediction arrive
    // through `callbacks` while it runs, then `done` (also for a cancelled answer, whose
    // finish is "cancelled") or `failed`.
    void ask(ModelImage image, AskRequest request, AskCallbacks callbacks, std::function<void(const AskResult&)> done,
             ErrorCallback failed);
    // Stops the running answer within one token and every answer posted before this call
    // that has not started (they finish "cancelled" without running).
    void cancel();

    // Answers `cases` one after another in the background, below interactive work: a job
    // posted meanwhile (a question, a model to load) runs before the next case. Per case:
    // its image read (loadCaseImage), `request` asked without the exemplar (labels, TSM
    // prediction, saliency) and, when a TSM is loaded and the model takes its exemplar,
    // asked again with it; then `answered`, or `caseFailed` with the message (the next
    // case goes on). `finished(cancelled)` after the last. Greedy decoding, as ask(), so
    // an answer is what ask() gives for the same image and request. Batches posted one
    // after another run one after another. Resuming is the caller's business: it passes
    // only the cases it has no answer for.
    void answerCases(std::vector<WorklistCase> cases, AskRequest request,
                     std::function<void(std::size_t index, const CaseAnswer&)> answered,
                     std::function<void(std::size_t index, const std::string& error)> caseFailed,
                     std::function<void(bool cancelled)> finished);
    // Stops answering the cases of the batches posted before this call within one token;
    // their cases not yet answered are not answered. cancel() leaves batches alone, and
    // this leaves interactive answers alone.
    void cancelCases();
    // Whether work is running or waiting (batches included).
    bool busy() const;
    // Lets a service made with startHeld run its jobs (those posted meanwhile included).
    void start();

    // What the engine runs on (LibTorch, CUDA, CPU threads, BLAS), loading it if no job has
    // yet: a caller that wants it loaded early (the studio, once its window is painted)
    // asks this. Without an engine (it could not be loaded: logged) the build's part only,
    // engineLoaded false and engineError saying why.
    void systemInfo(std::function<void(const SystemInfo&)> done);

private:
    struct State;
    std::unique_ptr<State> state_;  // the worker's jobs point into it

    // ---- Dataset evaluation (the studio's Compare and Robustness panels) ----
public:
    // Evaluates the loaded model, and the loaded TSM, over a dataset split in the
    // background (see dataset_evaluation.h), below interactive work: a question or a model
    // to load posted meanwhile runs before the next sample. `progress` once the dataset is
    // read and the TSM has run over it, then after each sample and instruction; then
    // `done` (also when cancelled: DatasetEvaluation::cancelled, with the rows answered so
    // far) or `failed` (no model, a bad dataset or request, another model loaded meanwhile).
    void evaluateDataset(DatasetEvaluationRequest request, std::function<void(const DatasetEvaluationProgress&)> progress,
                         std::function<void(const DatasetEvaluation&)> done, ErrorCallback failed);
    // Stops the evaluations posted before this call within a sample (a generated answer
    // within a token); they finish cancelled.
    void cancelEvaluation();
    // One sample of a dataset with the loaded TSM's prediction and saliency, as interactive
    // work (a row the user clicked).
    void datasetSample(std::filesystem::path dataset, std::string split, int64_t index,
                       std::function<void(const DatasetSample&)> done, ErrorCallback failed);

private:
    struct Evaluations;
    static std::shared_ptr<Evaluations> makeEvaluations();
    // The only owner; declared after state_, so destroyed first, which cancels the running
    // evaluation before the worker is joined.
    std::shared_ptr<Evaluations> evaluations_ = makeEvaluations();
};

}  // namespace vitask::service

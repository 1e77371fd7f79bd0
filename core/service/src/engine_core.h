#pragma once
// Internal: the engine's work that needs LibTorch, behind an interface in plain types.
// It lives in a module of its own (libvitask_service_engine.so, core/service/engine/),
// which the service loads on its worker thread (engineModule()), so that a program using
// the service — the studio — starts, and shows its window, without loading LibTorch.

#include "vitask/common/failure_message.h"
#include "vitask/common/system_info.h"
#include "vitask/service/dataset_evaluation.h"
#include "vitask/service/device.h"
#include "vitask/service/vision_assistant.h"
#include "vitask/service/worklist.h"

#include <atomic>
#include <cstdint>
#include <exception>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace vitask::service::detail {

using EvaluationProgress = std::function<void(const DatasetEvaluationProgress&)>;

// One evaluateDataset() call in steps, each run as a job of its own on the worker thread
// (evaluation_run.h says what each does).
class EvaluationSteps {
public:
    virtual ~EvaluationSteps() = default;
    virtual bool prepare(const std::atomic<bool>& cancel) = 0;
    virtual int64_t samples() const = 0;
    virtual DatasetEvaluationProgress prepared() const = 0;
    virtual bool answer(int64_t i, const std::atomic<bool>& cancel, const EvaluationProgress& progress) = 0;
    virtual DatasetEvaluation finish(bool cancelled) = 0;
};

// One EngineService's loaded model and TSM and what it does with them; used on its
// worker thread only. Every call may throw vitask::Error.
class EngineCore {
public:
    virtual ~EngineCore() = default;
    virtual ModelInfo loadModel(const std::filesystem::path& folder) = 0;
    virtual TsmEntry loadTsm(const std::string& nameOrPath, const std::vector<std::filesystem::path>& folders) = 0;
    virtual void unloadTsm() = 0;
    // The device it moved to ("cpu", "cuda:0").
    virtual std::string setDevice(DeviceChoice device) = 0;
    virtual AskResult ask(const ModelImage& image, const AskRequest& request, const AskCallbacks& callbacks,
                          const std::atomic<bool>* cancel) = 0;
    // See answerCase in case_answer.h.
    virtual std::optional<CaseAnswer> answerCase(const WorklistCase& c, const AskRequest& request,
                                                 const std::atomic<bool>* cancel) = 0;
    // Steps sharing this core's model, TSM and the dataset read last.
    virtual std::unique_ptr<EvaluationSteps> evaluation(DatasetEvaluationRequest request) = 0;
    virtual DatasetSample datasetSample(const std::filesystem::path& dataset, const std::string& split,
                                        int64_t index) = 0;
};

// What the module gives, once per process.
struct EngineModule {
    std::unique_ptr<EngineCore> (*makeCore)(DeviceChoice device);
    std::vector<TsmEntry> (*listTsms)(const std::vector<std::filesystem::path>& folders);
    SystemInfo (*systemInfo)();
    int (*setCpuThreads)(int threads);
    bool (*cudaAvailable)();
    // What to tell the user about an exception, LibTorch's own (out of memory) included.
    FailureMessage (*describeFailure)(const std::exception& error);
};

// The module's entry point: `extern "C" const EngineModule* vitask_service_engine()`.
inline constexpr const char* kEngineModuleEntry = "vitask_service_engine";

// Loads the module beside this library the first time (about 0.3 s: LibTorch); throws
// vitask::Error naming its file when it cannot. Safe from any thread.
const EngineModule& engineModule();

// The module's describeFailure once it is loaded, else vitask::describeFailure.
FailureMessage describeEngineFailure(const std::exception& error);

}  // namespace vitask::service::detail

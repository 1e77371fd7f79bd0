// The engine module's entry: EngineCore over a VisionAssistant, and the module's table
// (engine_core.h). Everything here runs on the service's worker thread.
#include "engine_core.h"

#include "case_answer.h"
#include "evaluation_dataset_cache.h"
#include "evaluation_run.h"
#include "evaluation_sample.h"
#include "registered_tsms.h"
#include "vitask/runtime/failure_message.h"
#include "vitask/runtime/system_info.h"

#include <torch/torch.h>

namespace vitask::service::detail {
namespace {

class Steps final : public EvaluationSteps {
public:
    Steps(DatasetEvaluationRequest request, VisionAssistant& assistant, DatasetCache& datasets)
        : run_(std::move(request)), assistant_(assistant), datasets_(datasets) {}

    bool prepare(const std::atomic<bool>& cancel) override { return run_.prepare(assistant_, datasets_, cancel); }
    int64_t samples() const override { return run_.samples(); }
    DatasetEvaluationProgress prepared() const override { return run_.prepared(); }
    bool answer(int64_t i, const std::atomic<bool>& cancel, const EvaluationProgress& progress) override {
        return run_.answer(assistant_, i, cancel, progress);
    }
    DatasetEvaluation finish(bool cancelled) override { return run_.finish(cancelled); }

private:
    EvaluationRun run_;
    VisionAssistant& assistant_;
    DatasetCache& datasets_;
};

class Core final : public EngineCore {
public:
    explicit Core(DeviceChoice device) : assistant_(device) {}

    ModelInfo loadModel(const std::filesystem::path& folder) override { return assistant_.loadModel(folder); }
    TsmEntry loadTsm(const std::string& nameOrPath, const std::vector<std::filesystem::path>& folders) override {
        return assistant_.loadTsm(nameOrPath, folders);
    }
    void unloadTsm() override { assistant_.unloadTsm(); }
    std::string setDevice(DeviceChoice device) override {
        assistant_.setDevice(device);
        return assistant_.device();
    }
    AskResult ask(const ModelImage& image, const AskRequest& request, const AskCallbacks& callbacks,
                  const std::atomic<bool>* cancel) override {
        return assistant_.ask(image, request, callbacks, cancel);
    }
    std::optional<CaseAnswer> answerCase(const WorklistCase& c, const AskRequest& request,
                                         const std::atomic<bool>* cancel) override {
        return detail::answerCase(assistant_, c, request, cancel);
    }
    std::unique_ptr<EvaluationSteps> evaluation(DatasetEvaluationRequest request) override {
        return std::make_unique<Steps>(std::move(request), assistant_, datasets_);
    }
    DatasetSample datasetSample(const std::filesystem::path& dataset, const std::string& split,
                                int64_t index) override {
        return readDatasetSample(datasets_, assistant_.loadedTsm(), dataset, split, index);
    }

private:
    VisionAssistant assistant_;
    DatasetCache datasets_;  // the dataset read last, shared by evaluations and samples
};

const EngineModule kModule{
    [](DeviceChoice device) -> std::unique_ptr<EngineCore> { return std::make_unique<Core>(device); },
    &registeredTsms,
    &runtime::systemInfo,
    &runtime::setCpuThreads,
    [] { return torch::cuda::is_available(); },
    &runtime::describeFailure,
};

}  // namespace
}  // namespace vitask::service::detail

extern "C" __attribute__((visibility("default"))) const vitask::service::detail::EngineModule* vitask_service_engine() {
    return &vitask::service::detail::kModule;
}

#pragma once
// The engine service (models, TSMs, questions) for the UI thread: calls return at once,
// results arrive as signals on the thread that owns the bridge. Each question gets an id
// that its signals carry, so a panel can ignore what an answer it replaced still sends.

#include "vitask/service/engine_service.h"
#include "vitask/service/worklist.h"

#include <QObject>
#include <QString>

#include <memory>
#include <optional>
#include <vector>

namespace vitask::ui {

class EngineBridge : public QObject {
    Q_OBJECT
public:
    explicit EngineBridge(service::EngineSettings settings = {}, QObject* parent = nullptr);
    ~EngineBridge() override;  // cancels and joins the worker before the signals go

    // The model and TSM loaded last (as their signals reported them), if any.
    const std::optional<service::ModelInfo>& model() const { return model_; }
    const std::optional<service::TsmEntry>& tsm() const { return tsm_; }

    void loadModel(const QString& folder);
    void listTsms();
    void loadTsm(const QString& nameOrPath);
    void unloadTsm();
    void setDevice(service::DeviceChoice device);
    void setCpuThreads(int threads);
    // Lets a service made with EngineSettings::startHeld run its jobs.
    void start();
    // What the engine runs on, once its worker has loaded it: systemInfoReady.
    void requestSystemInfo();
    // Returns the question's id.
    int ask(service::ModelImage image, service::AskRequest request);
    void cancel();
    // Answers a worklist's cases in the background, below the questions above (see
    // EngineService::answerCases); the signals' `index` is the case's index in `cases`.
    void answerCases(std::vector<service::WorklistCase> cases, service::AskRequest request);
    void cancelCases();

Q_SIGNALS:
    void modelLoaded(const vitask::service::ModelInfo& model);
    void modelFailed(const QString& message);
    void tsmsListed(const std::vector<vitask::service::TsmEntry>& tsms);
    void tsmLoaded(const vitask::service::TsmEntry& tsm);
    void tsmFailed(const QString& message);
    void tsmUnloaded();
    void deviceChanged(const QString& device);
    void deviceFailed(const QString& message);
    void systemInfoReady(const vitask::SystemInfo& info);

    void answerText(int ask, const QString& added);
    void answerProgress(int ask, int tokens, int maxTokens);
    void tsmPredicted(int ask, const vitask::service::TsmPrediction& prediction);
    void answerFinished(int ask, const vitask::service::AskResult& result);
    void answerFailed(int ask, const QString& message);

    void caseAnswered(int index, const vitask::service::CaseAnswer& answer);
    void caseFailed(int index, const QString& message);
    void casesFinished(bool cancelled);

    // ---- Dataset evaluation (the Compare and Robustness panels) ----
public:
    // Evaluates the loaded model and TSM over a dataset split in the background, below the
    // questions (see EngineService::evaluateDataset). Returns the evaluation's id, which its
    // signals carry: the bridge is shared, so a panel ignores the other panels' evaluations.
    int evaluateDataset(service::DatasetEvaluationRequest request);
    void cancelEvaluation();
    // Reads one sample of a dataset with the loaded TSM's prediction and saliency, before
    // any background work. Returns the request's id.
    int datasetSample(const QString& dataset, const QString& split, qint64 index);

Q_SIGNALS:
    void evaluationProgress(int evaluation, const vitask::service::DatasetEvaluationProgress& progress);
    void evaluationFinished(int evaluation, const vitask::service::DatasetEvaluation& result);
    void evaluationFailed(int evaluation, const QString& message);
    void datasetSampleRead(int request, const vitask::service::DatasetSample& sample);
    void datasetSampleFailed(int request, const QString& message);

private:
    int nextEvaluation_ = 1;
    // ---- end of dataset evaluation ----

private:
    std::unique_ptr<service::EngineService> service_;
    std::optional<service::ModelInfo> model_;
    std::optional<service::TsmEntry> tsm_;
    int nextAsk_ = 1;
};

}  // namespace vitask::ui

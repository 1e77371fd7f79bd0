#pragma once
// The engine service (models, TSMs, questions) for the UI thread: calls return at once,
// results arrive as signals on the thread that owns the bridge. Each question gets an id
// that its signals carry, so a panel can ignore what an answer it replaced still sends.

#include "vitask/service/engine_service.h"

#include <QObject>
#include <QString>

#include <memory>
#include <vector>

namespace vitask::ui {

class EngineBridge : public QObject {
    Q_OBJECT
public:
    explicit EngineBridge(service::EngineSettings settings = {}, QObject* parent = nullptr);
    ~EngineBridge() override;  // cancels and joins the worker before the signals go

    void loadModel(const QString& folder);
    void listTsms();
    void loadTsm(const QString& nameOrPath);
    void unloadTsm();
    void setDevice(service::DeviceChoice device);
    void setCpuThreads(int threads);
    // Returns the question's id.
    int ask(service::ModelImage image, service::AskRequest request);
    void cancel();

Q_SIGNALS:
    void modelLoaded(const vitask::service::ModelInfo& model);
    void modelFailed(const QString& message);
    void tsmsListed(const std::vector<vitask::service::TsmEntry>& tsms);
    void tsmLoaded(const vitask::service::TsmEntry& tsm);
    void tsmFailed(const QString& message);
    void tsmUnloaded();
    void deviceChanged(const QString& device);
    void deviceFailed(const QString& message);

    void answerText(int ask, const QString& added);
    void answerProgress(int ask, int tokens, int maxTokens);
    void tsmPredicted(int ask, const vitask::service::TsmPrediction& prediction);
    void answerFinished(int ask, const vitask::service::AskResult& result);
    void answerFailed(int ask, const QString& message);

private:
    std::unique_ptr<service::EngineService> service_;
    int nextAsk_ = 1;
};

}  // namespace vitask::ui

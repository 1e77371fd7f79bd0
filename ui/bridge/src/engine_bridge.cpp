#include "vitask/ui/bridge/engine_bridge.h"

#include "vitask/ui/bridge/post_to.h"

namespace vitask::ui {

EngineBridge::EngineBridge(service::EngineSettings settings, QObject* parent)
    : QObject(parent), service_(std::make_unique<service::EngineService>(std::move(settings))) {}

EngineBridge::~EngineBridge() { service_.reset(); }

void EngineBridge::loadModel(const QString& folder) {
    service_->loadModel(
        folder.toStdString(),
        [this](const service::ModelInfo& model) {
            postTo(this, [this, model] {
                model_ = model;
                Q_EMIT modelLoaded(model);
            });
        },
        [this](const std::string& message) {
            postTo(this, [this, message] { Q_EMIT modelFailed(QString::fromStdString(message)); });
        });
}

void EngineBridge::listTsms() {
    service_->listTsms([this](const std::vector<service::TsmEntry>& tsms) {
        postTo(this, [this, tsms] { Q_EMIT tsmsListed(tsms); });
    });
}

void EngineBridge::loadTsm(const QString& nameOrPath) {
    service_->loadTsm(
        nameOrPath.toStdString(),
        [this](const service::TsmEntry& tsm) {
            postTo(this, [this, tsm] {
                tsm_ = tsm;
                Q_EMIT tsmLoaded(tsm);
            });
        },
        [this](const std::string& message) {
            postTo(this, [this, message] { Q_EMIT tsmFailed(QString::fromStdString(message)); });
        });
}

void EngineBridge::unloadTsm() {
    service_->unloadTsm([this] {
        postTo(this, [this] {
            tsm_.reset();
            Q_EMIT tsmUnloaded();
        });
    });
}

void EngineBridge::setDevice(service::DeviceChoice device) {
    service_->setDevice(
        device,
        [this](const std::string& name) {
            postTo(this, [this, name] { Q_EMIT deviceChanged(QString::fromStdString(name)); });
        },
        [this](const std::string& message) {
            postTo(this, [this, message] { Q_EMIT deviceFailed(QString::fromStdString(message)); });
        });
}

void EngineBridge::setCpuThreads(int threads) { service_->setCpuThreads(threads); }

void EngineBridge::start() { service_->start(); }

void EngineBridge::requestSystemInfo() {
    service_->systemInfo([this](const SystemInfo& info) {
        postTo(this, [this, info] { Q_EMIT systemInfoReady(info); });
    });
}

int EngineBridge::ask(service::ModelImage image, service::AskRequest request) {
    const int id = nextAsk_++;
    service::AskCallbacks callbacks;
    callbacks.onText = [this, id](const std::string& added) {
        postTo(this, [this, id, text = QString::fromStdString(added)] { Q_EMIT answerText(id, text); });
        return true;
    };
    callbacks.onProgress = [this, id](int64_t tokens, int64_t maxTokens) {
        postTo(this, [this, id, tokens, maxTokens] {
            Q_EMIT answerProgress(id, static_cast<int>(tokens), static_cast<int>(maxTokens));
        });
    };
    callbacks.onTsm = [this, id](const service::TsmPrediction& prediction) {
        postTo(this, [this, id, prediction] { Q_EMIT tsmPredicted(id, prediction); });
    };
    service_->ask(
        std::move(image), std::move(request), std::move(callbacks),
        [this, id](const service::AskResult& result) { postTo(this, [this, id, result] { Q_EMIT answerFinished(id, result); }); },
        [this, id](const std::string& message) {
            postTo(this, [this, id, message] { Q_EMIT answerFailed(id, QString::fromStdString(message)); });
        });
    return id;
}

void EngineBridge::cancel() { service_->cancel(); }

void EngineBridge::answerCases(std::vector<service::WorklistCase> cases, service::AskRequest request) {
    service_->answerCases(
        std::move(cases), std::move(request),
        [this](std::size_t index, const service::CaseAnswer& answer) {
            postTo(this, [this, index, answer] { Q_EMIT caseAnswered(int(index), answer); });
        },
        [this](std::size_t index, const std::string& message) {
            postTo(this, [this, index, message] { Q_EMIT caseFailed(int(index), QString::fromStdString(message)); });
        },
        [this](bool cancelled) { postTo(this, [this, cancelled] { Q_EMIT casesFinished(cancelled); }); });
}

void EngineBridge::cancelCases() { service_->cancelCases(); }

// ---- Dataset evaluation (the Compare and Robustness panels) ----

int EngineBridge::evaluateDataset(service::DatasetEvaluationRequest request) {
    const int id = nextEvaluation_++;
    service_->evaluateDataset(
        std::move(request),
        [this, id](const service::DatasetEvaluationProgress& progress) {
            postTo(this, [this, id, progress] { Q_EMIT evaluationProgress(id, progress); });
        },
        [this, id](const service::DatasetEvaluation& result) {
            postTo(this, [this, id, result] { Q_EMIT evaluationFinished(id, result); });
        },
        [this, id](const std::string& message) {
            postTo(this, [this, id, message] { Q_EMIT evaluationFailed(id, QString::fromStdString(message)); });
        });
    return id;
}

void EngineBridge::cancelEvaluation() { service_->cancelEvaluation(); }

int EngineBridge::datasetSample(const QString& dataset, const QString& split, qint64 index) {
    const int id = nextEvaluation_++;
    service_->datasetSample(
        dataset.toStdString(), split.toStdString(), index,
        [this, id](const service::DatasetSample& sample) {
            postTo(this, [this, id, sample] { Q_EMIT datasetSampleRead(id, sample); });
        },
        [this, id](const std::string& message) {
            postTo(this, [this, id, message] { Q_EMIT datasetSampleFailed(id, QString::fromStdString(message)); });
        });
    return id;
}

}  // namespace vitask::ui

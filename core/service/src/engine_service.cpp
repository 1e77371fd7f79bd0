#include "vitask/service/engine_service.h"

#include "engine_core.h"
#include "worker_thread.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>

namespace vitask::service {
namespace {

// Runs `work`, handing its result to `done` or its error message to `failed`.
template <typename Work, typename Done>
void report(Work&& work, const Done& done, const ErrorCallback& failed) {
    try {
        if constexpr (std::is_void_v<decltype(work())>) {
            work();
            if (done) done();
        } else {
            auto value = work();
            if (done) done(value);
        }
    } catch (const std::exception& e) {
        if (failed) failed(detail::describeEngineFailure(e).text);
    }
}

// The cases of one answerCases() call, shared by its jobs (one job per case).
struct CaseBatch {
    std::vector<WorklistCase> cases;
    AskRequest request;
    std::function<void(std::size_t, const CaseAnswer&)> answered;
    std::function<void(std::size_t, const std::string&)> caseFailed;
    std::function<void(bool)> finished;
    std::shared_ptr<std::atomic<bool>> cancel = std::make_shared<std::atomic<bool>>(false);
    bool over = false;  // finished was called (worker thread only)
};

}  // namespace

struct EngineService::State {
    std::vector<std::filesystem::path> tsmFolders;
    std::mutex cancelMutex;
    std::vector<std::shared_ptr<std::atomic<bool>>> outstanding;  // flags of the asks not finished
    std::vector<std::shared_ptr<std::atomic<bool>>> batches;      // flags of the batches not finished
    // What the engine is made with (worker thread only, as everything below).
    DeviceChoice device;
    int cpuThreads;
    std::unique_ptr<detail::EngineCore> engine;
    std::exception_ptr engineFailure;
    detail::WorkerThread worker;  // last: destroyed (joined) first

    explicit State(const EngineSettings& settings)
        : tsmFolders(settings.tsmFolders), device(settings.device), cpuThreads(settings.cpuThreads),
          worker(5, settings.startHeld) {}

    // Worker thread: the engine, loaded by the first job that needs it (LibTorch: a few
    // tenths of a second), or the error that kept it from loading.
    detail::EngineCore& core() {
        if (!engine && !engineFailure) {
            try {
                const auto& module = detail::engineModule();
                module.setCpuThreads(cpuThreads);
                engine = module.makeCore(device);
            } catch (const std::exception&) {
                engineFailure = std::current_exception();
            }
        }
        if (!engine) std::rethrow_exception(engineFailure);
        return *engine;
    }

    static void raise(std::vector<std::shared_ptr<std::atomic<bool>>>& flags) {
        for (auto& flag : flags) flag->store(true);
        flags.clear();
    }
    void cancelAll() {
        std::lock_guard lock(cancelMutex);
        raise(outstanding);
    }
    void cancelBatches() {
        std::lock_guard lock(cancelMutex);
        raise(batches);
    }

    void finish(CaseBatch& batch, bool cancelled) {
        batch.over = true;
        {
            std::lock_guard lock(cancelMutex);
            batches.erase(std::remove(batches.begin(), batches.end(), batch.cancel), batches.end());
        }
        if (batch.finished) batch.finished(cancelled);
    }

    // Case `index` of `batch`: answered or failed; the batch's end after its last case,
    // or at the first case that a cancel stopped or kept from starting.
    void answerCase(CaseBatch& batch, std::size_t index) {
        if (batch.over) return;
        bool stopped = batch.cancel->load();
        if (!stopped) {
            try {
                const auto answer = core().answerCase(batch.cases[index], batch.request, batch.cancel.get());
                stopped = !answer;
                if (answer && batch.answered) batch.answered(index, *answer);
            } catch (const std::exception& e) {
                if (batch.caseFailed) batch.caseFailed(index, detail::describeEngineFailure(e).text);
            }
        }
        if (stopped) finish(batch, true);
        else if (index + 1 == batch.cases.size()) finish(batch, false);
    }
};

EngineService::EngineService(EngineSettings settings) : state_(std::make_unique<State>(settings)) {}

EngineService::~EngineService() {
    state_->cancelAll();
    state_->cancelBatches();
}

void EngineService::loadModel(const std::filesystem::path& folder, std::function<void(const ModelInfo&)> done,
                              ErrorCallback failed) {
    state_->worker.post([state = state_.get(), folder, done = std::move(done), failed = std::move(failed)] {
        report([&] { return state->core().loadModel(folder); }, done, failed);
    });
}

void EngineService::listTsms(std::function<void(const std::vector<TsmEntry>&)> done) {
    state_->worker.post([state = state_.get(), done = std::move(done)] {
        report([&] { return detail::engineModule().listTsms(state->tsmFolders); }, done, ErrorCallback{});
    });
}

void EngineService::loadTsm(const std::string& nameOrPath, std::function<void(const TsmEntry&)> done,
                            ErrorCallback failed) {
    state_->worker.post([state = state_.get(), nameOrPath, done = std::move(done), failed = std::move(failed)] {
        report([&] { return state->core().loadTsm(nameOrPath, state->tsmFolders); }, done, failed);
    });
}

void EngineService::unloadTsm(std::function<void()> done) {
    state_->worker.post([state = state_.get(), done = std::move(done)] {
        report([&] { state->core().unloadTsm(); }, done, ErrorCallback{});
    });
}

void EngineService::setDevice(DeviceChoice device, std::function<void(const std::string&)> done,
                              ErrorCallback failed) {
    state_->worker.post([state = state_.get(), device, done = std::move(done), failed = std::move(failed)] {
        report([&] { return state->core().setDevice(device); }, done, failed);
    });
}

void EngineService::setCpuThreads(int threads) {
    state_->worker.post([state = state_.get(), threads] {
        state->cpuThreads = threads;
        if (state->engine) detail::engineModule().setCpuThreads(threads);
    });
}

void EngineService::systemInfo(std::function<void(const SystemInfo&)> done) {
    state_->worker.post([state = state_.get(), done = std::move(done)] {
        SystemInfo info = buildSystemInfo();
        try {
            state->core();
            info = detail::engineModule().systemInfo();
        } catch (const std::exception& e) {
            info.engineError = detail::describeEngineFailure(e).text;
            spdlog::error("the engine cannot be loaded: {}", info.engineError);
        }
        if (done) done(info);
    });
}

void EngineService::ask(ModelImage image, AskRequest request, AskCallbacks callbacks,
                        std::function<void(const AskResult&)> done, ErrorCallback failed) {
    auto flag = std::make_shared<std::atomic<bool>>(false);
    {
        std::lock_guard lock(state_->cancelMutex);
        state_->outstanding.push_back(flag);
    }
    state_->worker.post([state = state_.get(), flag, image = std::move(image), request = std::move(request),
                         callbacks = std::move(callbacks), done = std::move(done), failed = std::move(failed)] {
        report([&] { return state->core().ask(image, request, callbacks, flag.get()); }, done, failed);
        std::lock_guard lock(state->cancelMutex);
        auto& list = state->outstanding;
        list.erase(std::remove(list.begin(), list.end(), flag), list.end());
    });
}

void EngineService::cancel() { state_->cancelAll(); }

void EngineService::answerCases(std::vector<WorklistCase> cases, AskRequest request,
                                std::function<void(std::size_t, const CaseAnswer&)> answered,
                                std::function<void(std::size_t, const std::string&)> caseFailed,
                                std::function<void(bool)> finished) {
    auto batch = std::make_shared<CaseBatch>(CaseBatch{std::move(cases), std::move(request), std::move(answered),
                                                       std::move(caseFailed), std::move(finished)});
    {
        std::lock_guard lock(state_->cancelMutex);
        state_->batches.push_back(batch->cancel);
    }
    if (batch->cases.empty()) {
        state_->worker.postBackground([state = state_.get(), batch] { state->finish(*batch, false); });
        return;
    }
    // A job per case, all posted now: interactive work gets in between any two cases, and
    // a later batch queues behind this one instead of interleaving with it.
    for (std::size_t i = 0; i < batch->cases.size(); ++i)
        state_->worker.postBackground([state = state_.get(), batch, i] { state->answerCase(*batch, i); });
}

void EngineService::cancelCases() { state_->cancelBatches(); }

bool EngineService::busy() const { return state_->worker.pending() > 0; }

void EngineService::start() { state_->worker.release(); }

// ---- Dataset evaluation (the studio's Compare and Robustness panels) ----

namespace {

// What the evaluations' jobs share with the service: the cancel flags of the evaluations
// not finished.
struct EvaluationJobs {
    std::mutex mutex;
    std::vector<std::shared_ptr<std::atomic<bool>>> flags;

    void add(std::shared_ptr<std::atomic<bool>> flag) {
        std::lock_guard lock(mutex);
        flags.push_back(std::move(flag));
    }
    void forget(const std::shared_ptr<std::atomic<bool>>& flag) {
        std::lock_guard lock(mutex);
        flags.erase(std::remove(flags.begin(), flags.end(), flag), flags.end());
    }
    void cancelAll() {
        std::lock_guard lock(mutex);
        for (auto& flag : flags) flag->store(true);
        flags.clear();
    }
};

// One evaluateDataset() call, shared by its jobs (a job per sample).
struct EvaluationBatch {
    DatasetEvaluationRequest request;
    std::unique_ptr<detail::EvaluationSteps> steps;  // made by the batch's first job
    std::function<void(const DatasetEvaluationProgress&)> progress;
    std::function<void(const DatasetEvaluation&)> done;
    ErrorCallback failed;
    std::shared_ptr<std::atomic<bool>> cancel = std::make_shared<std::atomic<bool>>(false);
    bool over = false;  // done or failed was called (worker thread only)

    void finish(EvaluationJobs& jobs, bool cancelled) {
        over = true;
        jobs.forget(cancel);
        std::optional<DatasetEvaluation> result;
        try {
            result = steps->finish(cancelled);
        } catch (const std::exception& e) {
            if (failed) failed(detail::describeEngineFailure(e).text);
            return;
        }
        if (done) done(*result);
    }
    void fail(EvaluationJobs& jobs, const std::string& message) {
        over = true;
        jobs.forget(cancel);
        if (failed) failed(message);
    }
};

}  // namespace

struct EngineService::Evaluations {
    std::shared_ptr<EvaluationJobs> jobs = std::make_shared<EvaluationJobs>();
    ~Evaluations() { jobs->cancelAll(); }
};

std::shared_ptr<EngineService::Evaluations> EngineService::makeEvaluations() { return std::make_shared<Evaluations>(); }

void EngineService::evaluateDataset(DatasetEvaluationRequest request,
                                    std::function<void(const DatasetEvaluationProgress&)> progress,
                                    std::function<void(const DatasetEvaluation&)> done, ErrorCallback failed) {
    auto jobs = evaluations_->jobs;
    auto batch = std::make_shared<EvaluationBatch>(EvaluationBatch{
        std::move(request), nullptr, std::move(progress), std::move(done), std::move(failed)});
    jobs->add(batch->cancel);
    state_->worker.postBackground([state = state_.get(), jobs, batch] {
        bool prepared = false;
        try {
            batch->steps = state->core().evaluation(std::move(batch->request));
            prepared = !batch->cancel->load() && batch->steps->prepare(*batch->cancel);
        } catch (const std::exception& e) {
            batch->fail(*jobs, detail::describeEngineFailure(e).text);
            return;
        }
        if (!prepared) {
            batch->finish(*jobs, true);
            return;
        }
        if (batch->progress) batch->progress(batch->steps->prepared());
        // A job per sample, all posted now: interactive work gets in between any two
        // samples, and background work posted later queues behind this evaluation.
        for (int64_t i = 0; i < batch->steps->samples(); ++i)
            state->worker.postBackground([state, jobs, batch, i] {
                if (batch->over) return;
                try {
                    if (batch->cancel->load() || !batch->steps->answer(i, *batch->cancel, batch->progress))
                        batch->finish(*jobs, true);
                } catch (const std::exception& e) {
                    batch->fail(*jobs, detail::describeEngineFailure(e).text);
                }
            });
        // Every sample answered: the work is done, even if a cancel came after the last.
        state->worker.postBackground([jobs, batch] {
            if (!batch->over) batch->finish(*jobs, false);
        });
    });
}

void EngineService::cancelEvaluation() { evaluations_->jobs->cancelAll(); }

void EngineService::datasetSample(std::filesystem::path dataset, std::string split, int64_t index,
                                  std::function<void(const DatasetSample&)> done, ErrorCallback failed) {
    state_->worker.post([state = state_.get(), dataset = std::move(dataset), split = std::move(split), index,
                         done = std::move(done), failed = std::move(failed)] {
        report([&] { return state->core().datasetSample(dataset, split, index); }, done, failed);
    });
}

}  // namespace vitask::service

#include "vitask/service/engine_service.h"

#include "vitask/runtime/system_info.h"
#include "worker_thread.h"

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
        if (failed) failed(e.what());
    }
}

}  // namespace

struct EngineService::State {
    VisionAssistant assistant;
    std::vector<std::filesystem::path> tsmFolders;
    std::mutex cancelMutex;
    std::vector<std::shared_ptr<std::atomic<bool>>> outstanding;  // flags of the asks not finished
    detail::WorkerThread worker{5};  // last: destroyed (joined) first

    explicit State(const EngineSettings& settings)
        : assistant(settings.device), tsmFolders(settings.tsmFolders) {}

    void cancelAll() {
        std::lock_guard lock(cancelMutex);
        for (auto& flag : outstanding) flag->store(true);
        outstanding.clear();
    }
};

EngineService::EngineService(EngineSettings settings) : state_(std::make_unique<State>(settings)) {
    const int threads = settings.cpuThreads;
    state_->worker.post([threads] { runtime::setCpuThreads(threads); });
}

EngineService::~EngineService() { state_->cancelAll(); }

void EngineService::loadModel(const std::filesystem::path& folder, std::function<void(const ModelInfo&)> done,
                              ErrorCallback failed) {
    state_->worker.post([state = state_.get(), folder, done = std::move(done), failed = std::move(failed)] {
        report([&] { return state->assistant.loadModel(folder); }, done, failed);
    });
}

void EngineService::listTsms(std::function<void(const std::vector<TsmEntry>&)> done) {
    state_->worker.post([state = state_.get(), done = std::move(done)] {
        report([&] { return service::listTsms(state->tsmFolders); }, done, ErrorCallback{});
    });
}

void EngineService::loadTsm(const std::string& nameOrPath, std::function<void(const TsmEntry&)> done,
                            ErrorCallback failed) {
    state_->worker.post([state = state_.get(), nameOrPath, done = std::move(done), failed = std::move(failed)] {
        report([&] { return state->assistant.loadTsm(nameOrPath, state->tsmFolders); }, done, failed);
    });
}

void EngineService::unloadTsm(std::function<void()> done) {
    state_->worker.post([state = state_.get(), done = std::move(done)] {
        report([&] { state->assistant.unloadTsm(); }, done, ErrorCallback{});
    });
}

void EngineService::setDevice(DeviceChoice device, std::function<void(const std::string&)> done,
                              ErrorCallback failed) {
    state_->worker.post([state = state_.get(), device, done = std::move(done), failed = std::move(failed)] {
        report(
            [&] {
                state->assistant.setDevice(device);
                return state->assistant.device();
            },
            done, failed);
    });
}

void EngineService::setCpuThreads(int threads) {
    state_->worker.post([threads] { runtime::setCpuThreads(threads); });
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
        report([&] { return state->assistant.ask(image, request, callbacks, flag.get()); }, done, failed);
        std::lock_guard lock(state->cancelMutex);
        auto& list = state->outstanding;
        list.erase(std::remove(list.begin(), list.end(), flag), list.end());
    });
}

void EngineService::cancel() { state_->cancelAll(); }

bool EngineService::busy() const { return state_->worker.pending() > 0; }

}  // namespace vitask::service

#include "worker_thread.h"

#include <spdlog/spdlog.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <exception>

namespace vitask::service::detail {

WorkerThread::WorkerThread(int niceness, bool held) : held_(held), thread_([this, niceness] { run(niceness); }) {}

WorkerThread::~WorkerThread() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
        jobs_.clear();
        background_.clear();
    }
    wake_.notify_all();
    thread_.join();
}

void WorkerThread::post(std::function<void()> job) {
    {
        std::lock_guard lock(mutex_);
        jobs_.push_back(std::move(job));
    }
    wake_.notify_one();
}

void WorkerThread::postBackground(std::function<void()> job) {
    {
        std::lock_guard lock(mutex_);
        background_.push_back(std::move(job));
    }
    wake_.notify_one();
}

void WorkerThread::release() {
    {
        std::lock_guard lock(mutex_);
        held_ = false;
    }
    wake_.notify_all();
}

std::size_t WorkerThread::pending() const {
    std::lock_guard lock(mutex_);
    return jobs_.size() + background_.size() + running_;
}

void WorkerThread::run(int niceness) {
    // Linux schedules threads, so the priority is the thread's own (and inherited by the
    // threads it starts); failing to lower it only costs responsiveness.
    if (niceness > 0 && setpriority(PRIO_PROCESS, static_cast<id_t>(syscall(SYS_gettid)), niceness) != 0)
        spdlog::debug("could not lower a worker thread's priority");
    for (;;) {
        std::function<void()> job;
        {
            std::unique_lock lock(mutex_);
            wake_.wait(lock, [this] { return stopping_ || (!held_ && (!jobs_.empty() || !background_.empty())); });
            if (stopping_) return;
            auto& queue = jobs_.empty() ? background_ : jobs_;
            job = std::move(queue.front());
            queue.pop_front();
            running_ = 1;
        }
        // Jobs report their own errors; anything that escapes is a bug, logged, and must
        // not take the thread (and every later job) down.
        try {
            job();
        } catch (const std::exception& e) {
            spdlog::error("background job failed: {}", e.what());
        }
        std::lock_guard lock(mutex_);
        running_ = 0;
    }
}

}  // namespace vitask::service::detail

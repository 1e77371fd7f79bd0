#pragma once
// One background thread that runs jobs in the order they were posted, and background
// jobs (in their order) only when no ordinary job waits. The destructor drops jobs not
// yet started, waits for the running one and joins.

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>

namespace vitask::service::detail {

class WorkerThread {
public:
    // `niceness` (0 to 19) lowers the thread's scheduling priority, so that on a busy
    // machine the UI thread is served first (a UI event waits behind nothing then);
    // on an idle one it costs nothing.
    // `held`: jobs wait until release() (they may be posted meanwhile).
    explicit WorkerThread(int niceness = 0, bool held = false);
    ~WorkerThread();
    WorkerThread(const WorkerThread&) = delete;
    WorkerThread& operator=(const WorkerThread&) = delete;

    void post(std::function<void()> job);
    // Work below the ordinary jobs: an ordinary job posted while a background one runs
    // goes before the next background one (a job is never interrupted).
    void postBackground(std::function<void()> job);
    // Jobs posted and not yet finished (the running one included).
    std::size_t pending() const;
    // Lets a held thread run its jobs.
    void release();

private:
    void run(int niceness);

    mutable std::mutex mutex_;
    std::condition_variable wake_;
    std::deque<std::function<void()>> jobs_;
    std::deque<std::function<void()>> background_;
    std::size_t running_ = 0;
    bool stopping_ = false;
    bool held_;
    std::thread thread_;  // last: starts after the members it uses exist
};

}  // namespace vitask::service::detail

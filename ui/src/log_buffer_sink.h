#pragma once
// A spdlog sink that keeps the most recent formatted lines in memory for the log panel.
// It never touches a Qt object: any thread may log, and the panel drains it on the UI
// thread with a timer, so neither outliving the other can crash.

#include <spdlog/sinks/base_sink.h>

#include <deque>
#include <mutex>
#include <string>
#include <vector>

namespace vitask::ui {

struct LogLine {
    spdlog::level::level_enum level;
    std::string text;
};

class LogBufferSink final : public spdlog::sinks::base_sink<std::mutex> {
public:
    explicit LogBufferSink(std::size_t capacity = 5000);

    // Lines logged since the last call, oldest first.
    std::vector<LogLine> takeLines();

protected:
    void sink_it_(const spdlog::details::log_msg& message) override;
    void flush_() override {}

private:
    std::mutex pendingMutex_;
    std::deque<LogLine> pending_;
    std::size_t capacity_;
};

}  // namespace vitask::ui

#include "log_buffer_sink.h"

namespace vitask::ui {

LogBufferSink::LogBufferSink(std::size_t capacity) : capacity_(capacity) {
    set_pattern("%H:%M:%S.%e %-5l %v");
}

void LogBufferSink::sink_it_(const spdlog::details::log_msg& message) {
    spdlog::memory_buf_t formatted;
    formatter_->format(message, formatted);
    std::string text(formatted.data(), formatted.size());
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();

    std::lock_guard lock(pendingMutex_);
    pending_.push_back({message.level, std::move(text)});
    // Nobody draining (panel closed): keep the newest lines only.
    while (pending_.size() > capacity_) pending_.pop_front();
}

std::vector<LogLine> LogBufferSink::takeLines() {
    std::lock_guard lock(pendingMutex_);
    std::vector<LogLine> lines(std::make_move_iterator(pending_.begin()),
                               std::make_move_iterator(pending_.end()));
    pending_.clear();
    return lines;
}

}  // namespace vitask::ui

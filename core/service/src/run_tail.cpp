// LineTail, MetricsTail and the metrics.jsonl line parser.
//
// The parser is written by hand for the one shape the trainer writes (a flat JSON
// object of numbers, strings and booleans): 100,000 records parse in under half the time
// nlohmann::json's DOM takes (test_service_run_monitor prints both; most of what is
// left is allocating the records' maps).
#include "vitask/service/run_monitor.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <charconv>
#include <cmath>

namespace vitask::service {
namespace {

class FlatObjectParser {
public:
    explicit FlatObjectParser(std::string_view text) : p_(text.data()), end_(text.data() + text.size()) {}

    std::optional<MetricRecord> parse() {
        MetricRecord record;
        bool hasStep = false;
        skipSpace();
        if (!take('{')) return std::nullopt;
        skipSpace();
        if (take('}')) return std::nullopt;  // no step
        for (;;) {
            std::string key;
            skipSpace();
            if (!readString(key)) return std::nullopt;
            skipSpace();
            if (!take(':')) return std::nullopt;
            skipSpace();
            if (p_ == end_) return std::nullopt;
            if (*p_ == '"') {
                std::string value;
                if (!readString(value)) return std::nullopt;
                if (key == "type") record.isEval = value == "eval";
                else if (key == "stage") record.stage = std::move(value);
                else if (key == "split") record.split = std::move(value);
            } else if (*p_ == 't' || *p_ == 'f') {
                const bool value = *p_ == 't';
                if (!literal(value ? "true" : "false")) return std::nullopt;
                if (key == "exemplar") record.exemplar = value;
            } else if (*p_ == 'n') {
                if (!literal("null")) return std::nullopt;  // a NaN the trainer could not write
            } else if (*p_ == '{' || *p_ == '[') {
                if (!skipNested()) return std::nullopt;
            } else {
                double value = 0;
                const auto [next, error] = std::from_chars(p_, end_, value);
                if (error != std::errc()) return std::nullopt;
                p_ = next;
                if (key == "step") {
                    record.step = static_cast<int64_t>(std::llround(value));
                    hasStep = true;
                } else {
                    record.values.emplace(std::move(key), value);
                }
            }
            skipSpace();
            if (take('}')) break;
            if (!take(',')) return std::nullopt;
        }
        skipSpace();
        if (p_ != end_ || !hasStep) return std::nullopt;  // trailing bytes: two torn lines run together
        return record;
    }

private:
    void skipSpace() {
        while (p_ != end_ && (*p_ == ' ' || *p_ == '\t' || *p_ == '\r' || *p_ == '\n')) ++p_;
    }
    bool take(char c) {
        if (p_ == end_ || *p_ != c) return false;
        ++p_;
        return true;
    }
    bool literal(std::string_view word) {
        if (static_cast<size_t>(end_ - p_) < word.size() || std::string_view(p_, word.size()) != word) return false;
        p_ += word.size();
        return true;
    }
    // Keys and names are ASCII in practice; an escape is kept as the character it
    // escapes (\uXXXX as '?'), which is enough to show a stage's name.
    bool readString(std::string& out) {
        if (!take('"')) return false;
        const char* start = p_;
        while (p_ != end_ && *p_ != '"' && *p_ != '\\') ++p_;
        out.assign(start, p_);
        while (p_ != end_ && *p_ != '"') {
            if (*p_ == '\\') {
                if (++p_ == end_) return false;
                if (*p_ == 'u') {
                    if (end_ - p_ < 5) return false;
                    out += '?';
                    p_ += 5;
                    continue;
                }
                out += *p_ == 'n' ? '\n' : *p_ == 't' ? '\t' : *p_;
                ++p_;
            } else {
                out += *p_++;
            }
        }
        return take('"');
    }
    bool skipNested() {
        int depth = 0;
        while (p_ != end_) {
            const char c = *p_;
            if (c == '"') {
                std::string ignored;
                if (!readString(ignored)) return false;
                continue;
            }
            ++p_;
            if (c == '{' || c == '[') ++depth;
            else if ((c == '}' || c == ']') && --depth == 0) return true;
        }
        return false;
    }

    const char* p_;
    const char* end_;
};

}  // namespace

std::optional<MetricRecord> parseMetricLine(std::string_view line) { return FlatObjectParser(line).parse(); }

LineTail::LineTail(std::filesystem::path file, uint64_t firstReadLimit)
    : file_(std::move(file)), firstReadLimit_(firstReadLimit) {}

LineTail::Chunk LineTail::poll() {
    Chunk chunk;
    const int fd = ::open(file_.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return chunk;  // not written yet, or being replaced: the next poll sees it
    struct stat info {};
    if (::fstat(fd, &info) != 0) {
        ::close(fd);
        return chunk;
    }
    const auto size = static_cast<uint64_t>(info.st_size);
    const bool replaced = static_cast<uint64_t>(info.st_ino) != inode_ || static_cast<uint64_t>(info.st_dev) != device_;
    if (!first_ && (replaced || size < offset_)) {
        offset_ = 0;
        chunk.restarted = true;
    }
    bool skipPartialLine = false;
    if (first_ && firstReadLimit_ > 0 && size > firstReadLimit_) {
        offset_ = size - firstReadLimit_;
        skipPartialLine = true;
    }
    first_ = false;
    device_ = static_cast<uint64_t>(info.st_dev);
    inode_ = static_cast<uint64_t>(info.st_ino);

    std::string bytes;
    if (size > offset_) {
        bytes.resize(size - offset_);
        size_t got = 0;
        while (got < bytes.size()) {
            const auto n = ::pread(fd, bytes.data() + got, bytes.size() - got, static_cast<off_t>(offset_ + got));
            if (n <= 0) break;  // shrunk under us: the next poll sees the new size
            got += static_cast<size_t>(n);
        }
        bytes.resize(got);
    }
    ::close(fd);

    size_t begin = 0;
    if (skipPartialLine) {
        const auto newline = bytes.find('\n');
        begin = newline == std::string::npos ? bytes.size() : newline + 1;
        offset_ += begin;
    }
    const auto lastNewline = bytes.rfind('\n');
    if (lastNewline == std::string::npos || lastNewline + 1 <= begin) return chunk;
    offset_ += lastNewline + 1 - begin;
    bytes.resize(lastNewline + 1);
    chunk.text = begin == 0 ? std::move(bytes) : bytes.substr(begin);
    return chunk;
}

MetricsTail::Update MetricsTail::poll() {
    auto chunk = lines_.poll();
    Update update;
    update.restarted = chunk.restarted;
    std::string_view text = chunk.text;
    while (!text.empty()) {
        const auto newline = text.find('\n');
        const auto line = text.substr(0, newline);
        text.remove_prefix(newline == std::string_view::npos ? text.size() : newline + 1);
        if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
        if (auto record = parseMetricLine(line)) update.records.push_back(std::move(*record));
        else ++update.damagedLines;
    }
    return update;
}

}  // namespace vitask::service

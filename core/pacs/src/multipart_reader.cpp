#include "multipart_reader.h"

#include <algorithm>
#include <cctype>

namespace vitask::pacs::detail {

MultipartReader::MultipartReader(const std::string& boundary, PartBegin begin, PartData data, PartEnd end)
    : delimiter_("\r\n--" + boundary), begin_(std::move(begin)), data_(std::move(data)), end_(std::move(end)) {
    // The first delimiter may open the body without the CRLF before it.
    buffer_ = "\r\n";
}

bool MultipartReader::feed(const char* data, size_t size) {
    if (stopped_) return false;
    buffer_.append(data, size);
    while (step()) {
    }
    return !stopped_;
}

// One state transition when the buffer allows it; false when more bytes are needed.
bool MultipartReader::step() {
    switch (state_) {
        case State::Preamble: {
            const auto at = buffer_.find(delimiter_);
            if (at == std::string::npos) {
                if (buffer_.size() > delimiter_.size()) buffer_.erase(0, buffer_.size() - delimiter_.size());
                return false;
            }
            buffer_.erase(0, at + delimiter_.size());
            state_ = State::Headers;
            return true;
        }
        case State::Headers: {
            if (buffer_.size() < 2) return false;
            if (buffer_.compare(0, 2, "--") == 0) {  // the closing delimiter
                state_ = State::Done;
                buffer_.clear();
                return false;
            }
            const auto end = buffer_.find("\r\n\r\n");
            if (end == std::string::npos) return false;
            // After the delimiter: optional whitespace, CRLF, then the part's headers.
            const auto lineEnd = buffer_.find("\r\n");
            begin_(buffer_.substr(lineEnd + 2, end >= lineEnd + 2 ? end - lineEnd - 2 : 0));
            buffer_.erase(0, end + 4);
            state_ = State::Body;
            return true;
        }
        case State::Body: {
            const auto at = buffer_.find(delimiter_);
            if (at == std::string::npos) {
                // Hand on all but what could be the start of a delimiter.
                if (buffer_.size() > delimiter_.size()) {
                    const auto safe = buffer_.size() - delimiter_.size();
                    data_(buffer_.data(), safe);
                    buffer_.erase(0, safe);
                }
                return false;
            }
            data_(buffer_.data(), at);
            buffer_.erase(0, at + delimiter_.size());
            state_ = State::Headers;
            if (!end_()) {
                stopped_ = true;
                return false;
            }
            return true;
        }
        case State::Done:
            buffer_.clear();
            return false;
    }
    return false;
}

std::string MultipartReader::boundaryOf(const std::string& contentType) {
    std::string lower = contentType;
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
    auto at = lower.find("boundary=");
    if (at == std::string::npos) return {};
    at += 9;
    if (at < contentType.size() && contentType[at] == '"') {
        const auto close = contentType.find('"', at + 1);
        return close == std::string::npos ? std::string{} : contentType.substr(at + 1, close - at - 1);
    }
    const auto end = contentType.find_first_of("; \t", at);
    return contentType.substr(at, end == std::string::npos ? std::string::npos : end - at);
}

}  // namespace vitask::pacs::detail

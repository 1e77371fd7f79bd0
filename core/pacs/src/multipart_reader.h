#pragma once
// A streaming reader of a multipart/related body (RFC 2046), as WADO-RS answers: the
// parts' bytes are handed on as they arrive, so a study of any size goes to disk without
// being held in memory.

#include <functional>
#include <string>

namespace vitask::pacs::detail {

class MultipartReader {
public:
    using PartBegin = std::function<void(const std::string& headers)>;
    using PartData = std::function<void(const char* data, size_t size)>;
    using PartEnd = std::function<bool()>;  // false: stop reading

    MultipartReader(const std::string& boundary, PartBegin begin, PartData data, PartEnd end);

    // Feeds the next bytes of the body; false once a PartEnd asked to stop.
    bool feed(const char* data, size_t size);
    // Whether the closing delimiter was seen (a body cut short has not).
    bool complete() const { return state_ == State::Done; }

    // The boundary parameter of a Content-Type ("" when it has none).
    static std::string boundaryOf(const std::string& contentType);

private:
    enum class State { Preamble, Headers, Body, Done };
    bool step();

    std::string delimiter_;  // CRLF "--" boundary
    PartBegin begin_;
    PartData data_;
    PartEnd end_;
    State state_ = State::Preamble;
    std::string buffer_;
    bool stopped_ = false;
};

}  // namespace vitask::pacs::detail

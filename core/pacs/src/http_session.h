#pragma once
// HTTP(S) with one DICOMweb archive, on libcurl: the node's base URL, its credentials
// (Basic or Bearer, never logged), its CA file and timeouts. Network failures become
// vitask::Error saying what to check; HTTP statuses are the caller's (check()).

#include "vitask/pacs/pacs_node.h"

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace vitask::pacs::detail {

class HttpSession {
public:
    struct Response {
        long status = 0;
        std::string contentType;
        std::string body;  // empty for a streamed body
    };
    // The body's bytes as they arrive, with the response's Content-Type; false stops
    // the transfer (the call then throws "cancelled").
    using Sink = std::function<bool(const std::string& contentType, const char* data, size_t size)>;

    explicit HttpSession(const PacsNode& node);
    ~HttpSession();
    HttpSession(const HttpSession&) = delete;
    HttpSession& operator=(const HttpSession&) = delete;

    // `path` is appended to the base URL ("/studies?PatientID=...").
    Response get(const std::string& path, const std::string& accept);
    Response stream(const std::string& path, const std::string& accept, const Sink& sink);
    Response post(const std::string& path, const std::string& contentType, std::string_view body,
                  const std::string& accept);

    // A vitask::Error for an HTTP error status: what failed, and what to check.
    void check(const Response& response, const std::string& what) const;

    // The node's URL without trailing slashes; a vitask::Error unless http:// or https://.
    static std::string baseUrl(const PacsNode& node);

    // A query value, percent-encoded where it must be.
    static std::string escape(const std::string& value);

private:
    Response perform(const std::string& what, const std::string& path, const std::vector<std::string>& headers,
                     const Sink* sink);

    const PacsNode& node_;
    std::string base_;
    void* curl_ = nullptr;  // CURL*, kept out of this header
};

}  // namespace vitask::pacs::detail

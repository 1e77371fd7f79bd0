#include "http_session.h"

#include "vitask/common/error.h"

#include <curl/curl.h>

#include <cctype>
#include <cstdio>
#include <filesystem>
#include <mutex>

namespace vitask::pacs::detail {
namespace {

CURL* handle(void* curl) { return static_cast<CURL*>(curl); }

struct Transfer {
    HttpSession::Response* response = nullptr;
    const HttpSession::Sink* sink = nullptr;
    CURL* curl = nullptr;
    bool stopped = false;
};

size_t onBody(char* data, size_t size, size_t count, void* user) {
    auto& transfer = *static_cast<Transfer*>(user);
    const size_t bytes = size * count;
    if (!transfer.sink) {
        transfer.response->body.append(data, bytes);
        return bytes;
    }
    char* type = nullptr;
    curl_easy_getinfo(transfer.curl, CURLINFO_CONTENT_TYPE, &type);
    long status = 0;
    curl_easy_getinfo(transfer.curl, CURLINFO_RESPONSE_CODE, &status);
    // An error's body is its explanation: keep it for check(), do not stream it.
    if (status >= 400) {
        if (transfer.response->body.size() < 4096) transfer.response->body.append(data, bytes);
        return bytes;
    }
    if (!(*transfer.sink)(type ? type : "", data, bytes)) {
        transfer.stopped = true;
        return 0;
    }
    return bytes;
}

}  // namespace

std::string HttpSession::baseUrl(const PacsNode& node) {
    std::string base = node.url;
    while (!base.empty() && base.back() == '/') base.pop_back();
    if (base.rfind("http://", 0) != 0 && base.rfind("https://", 0) != 0)
        throw Error("a DICOMweb archive needs an http:// or https:// URL", node.url.empty() ? "(no URL)" : node.url,
                    "Give its base URL, e.g. https://pacs.example.org/dicom-web.");
    return base;
}

HttpSession::HttpSession(const PacsNode& node) : node_(node), base_(baseUrl(node)) {
    static std::once_flag global;
    std::call_once(global, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
    curl_ = curl_easy_init();
    if (!curl_) throw Error("libcurl could not start a session", node.url);
    auto* curl = handle(curl_);
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, static_cast<long>(node.timeoutSeconds));
    // No byte for timeoutSeconds: timed out (a whole study may take far longer than that).
    curl_easy_setopt(curl, CURLOPT_LOW_SPEED_LIMIT, 1L);
    curl_easy_setopt(curl, CURLOPT_LOW_SPEED_TIME, static_cast<long>(node.timeoutSeconds));
    curl_easy_setopt(curl, CURLOPT_ACCEPT_ENCODING, "");  // gzip/deflate when the archive offers them
    curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 1L);   // credentials go to the first host only (libcurl's default)
    curl_easy_setopt(curl, CURLOPT_USERAGENT, "vitask");
    if (node.auth == WebAuth::Basic) {
        curl_easy_setopt(curl, CURLOPT_HTTPAUTH, static_cast<long>(CURLAUTH_BASIC));
        curl_easy_setopt(curl, CURLOPT_USERNAME, node.user.c_str());
        curl_easy_setopt(curl, CURLOPT_PASSWORD, node.secret.c_str());
    } else if (node.auth == WebAuth::Bearer) {
        curl_easy_setopt(curl, CURLOPT_HTTPAUTH, static_cast<long>(CURLAUTH_BEARER));
        curl_easy_setopt(curl, CURLOPT_XOAUTH2_BEARER, node.secret.c_str());
    }
    if (std::filesystem::is_directory("/etc/ssl/certs")) curl_easy_setopt(curl, CURLOPT_CAPATH, "/etc/ssl/certs");
    if (!node.caFile.empty()) curl_easy_setopt(curl, CURLOPT_CAINFO, node.caFile.c_str());
    if (!node.certificateFile.empty()) curl_easy_setopt(curl, CURLOPT_SSLCERT, node.certificateFile.c_str());
    if (!node.keyFile.empty()) curl_easy_setopt(curl, CURLOPT_SSLKEY, node.keyFile.c_str());
}

HttpSession::~HttpSession() { curl_easy_cleanup(handle(curl_)); }

std::string HttpSession::escape(const std::string& value) {
    // Percent-encodes what would break the query (&, =, +, #, %, spaces, non-ASCII) but
    // keeps DICOM's '^' and wildcards literal: some archives (Orthanc's DICOMweb plugin)
    // match the encoded form as typed.
    static const std::string kept = "-._~*?^,:@/";
    std::string escaped;
    for (const unsigned char c : value) {
        if (std::isalnum(c) || kept.find(static_cast<char>(c)) != std::string::npos) {
            escaped += static_cast<char>(c);
        } else {
            char hex[4];
            std::snprintf(hex, sizeof hex, "%%%02X", c);
            escaped += hex;
        }
    }
    return escaped;
}

HttpSession::Response HttpSession::get(const std::string& path, const std::string& accept) {
    curl_easy_setopt(handle(curl_), CURLOPT_HTTPGET, 1L);
    return perform("GET", path, {"Accept: " + accept}, nullptr);
}

HttpSession::Response HttpSession::stream(const std::string& path, const std::string& accept, const Sink& sink) {
    curl_easy_setopt(handle(curl_), CURLOPT_HTTPGET, 1L);
    return perform("GET", path, {"Accept: " + accept}, &sink);
}

HttpSession::Response HttpSession::post(const std::string& path, const std::string& contentType, std::string_view body,
                                        const std::string& accept) {
    auto* curl = handle(curl_);
    curl_easy_setopt(curl, CURLOPT_POST, 1L);
    curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body.data());
    curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
    return perform("POST", path, {"Content-Type: " + contentType, "Accept: " + accept}, nullptr);
}

HttpSession::Response HttpSession::perform(const std::string& what, const std::string& path,
                                           const std::vector<std::string>& headers, const Sink* sink) {
    auto* curl = handle(curl_);
    Response response;
    Transfer transfer{&response, sink, curl};
    const std::string url = base_ + path;
    char errors[CURL_ERROR_SIZE] = {};
    curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, errors);
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, onBody);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &transfer);
    curl_slist* headerList = nullptr;
    for (const auto& header : headers) headerList = curl_slist_append(headerList, header.c_str());
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headerList);
    const auto code = curl_easy_perform(curl);
    curl_slist_free_all(headerList);
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, nullptr);
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &response.status);
    char* type = nullptr;
    curl_easy_getinfo(curl, CURLINFO_CONTENT_TYPE, &type);
    response.contentType = type ? type : "";
    if (transfer.stopped) throw Error("cancelled", node_.describe());
    if (code == CURLE_OK) return response;

    const std::string detail = errors[0] ? std::string(errors) : curl_easy_strerror(code);
    switch (code) {
        case CURLE_COULDNT_CONNECT:
            throw Error(what + ": nothing answers at " + base_ + " (" + detail + ")", node_.describe(),
                        "Check the URL and port, and that the archive is running.");
        case CURLE_COULDNT_RESOLVE_HOST:
            throw Error(what + ": unknown host (" + detail + ")", node_.describe(), "Check the URL.");
        case CURLE_OPERATION_TIMEDOUT:
            throw Error(what + ": no answer within " + std::to_string(node_.timeoutSeconds) + " s (" + detail + ")",
                        node_.describe(), "Check the network, or raise the timeout for a slow archive.");
        case CURLE_PEER_FAILED_VERIFICATION:
        case CURLE_SSL_CACERT_BADFILE:
        case CURLE_SSL_CONNECT_ERROR:
        case CURLE_SSL_CERTPROBLEM:
            throw Error(what + ": the HTTPS handshake failed (" + detail + ")", node_.describe(),
                        "Check that the archive's certificate chains to a trusted CA: give its CA file.");
        default:
            throw Error(what + " failed: " + detail, node_.describe(), "Check the URL and the archive's log.");
    }
}

void HttpSession::check(const Response& response, const std::string& what) const {
    if (response.status < 400) return;
    std::string said = response.body.substr(0, 300);
    for (auto& c : said)
        if (c == '\n' || c == '\r') c = ' ';
    const std::string status = "HTTP " + std::to_string(response.status) + (said.empty() ? "" : ": " + said);
    if (response.status == 401)
        throw Error(what + ": the archive refused our credentials (" + status + ")", node_.describe(),
                    node_.auth == WebAuth::None ? "It asks for a login: give a user and password, or a token."
                                                : "Check the user and password (or the token).");
    if (response.status == 403)
        throw Error(what + ": the archive does not allow it (" + status + ")", node_.describe(),
                    "Ask its administrator for the right to do this.");
    throw Error(what + " failed (" + status + ")", node_.describe(), "Check the URL and the archive's log.");
}

}  // namespace vitask::pacs::detail

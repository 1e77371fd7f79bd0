#include "vitask/pacs/dicomweb_client.h"

#include "archive_errors.h"
#include "http_session.h"
#include "instance_files.h"
#include "multipart_reader.h"
#include "vitask/common/error.h"

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <optional>
#include <random>
#include <tuple>

namespace vitask::pacs {
namespace fs = std::filesystem;
using nlohmann::json;
namespace {

const std::string kDicomJson = "application/dicom+json";
// As stored: no transcoding, the pixel data arrive as the archive keeps them.
const std::string kMultipartDicom = R"(multipart/related; type="application/dicom"; transfer-syntax=*)";

// A value of a DICOM JSON dataset (PS3.18 F.2) as DIMSE would give it: several values
// joined by '\', a person name by its alphabetic form, numbers as text.
std::string value(const json& dataset, const char* tag) {
    const auto element = dataset.find(tag);
    if (element == dataset.end() || !element->is_object()) return {};
    const auto values = element->find("Value");
    if (values == element->end() || !values->is_array()) return {};
    std::string joined;
    for (const auto& v : *values) {
        std::string one;
        if (v.is_string()) one = v.get<std::string>();
        else if (v.is_number_integer()) one = std::to_string(v.get<long long>());
        else if (v.is_number()) one = std::to_string(v.get<double>());
        else if (v.is_object() && v.contains("Alphabetic") && v["Alphabetic"].is_string()) one = v["Alphabetic"];
        joined += (joined.empty() ? "" : "\\") + one;
    }
    return joined;
}

int count(const json& dataset, const char* tag) {
    try {
        const auto text = value(dataset, tag);
        return text.empty() ? 0 : std::stoi(text);
    } catch (const std::exception&) {
        return 0;
    }
}

// A QIDO-RS answer: an array of datasets (204 or an empty body: none).
json datasets(const detail::HttpSession::Response& response, const PacsNode& node) {
    if (response.status == 204 || response.body.empty()) return json::array();
    auto parsed = json::parse(response.body, nullptr, false);
    if (!parsed.is_array())
        throw Error("the archive's QIDO-RS answer is not a DICOM JSON array", node.describe(),
                    "Check that the URL is the archive's DICOMweb root.");
    return parsed;
}

// Streams a WADO-RS multipart answer into `folder`: each part written under a temporary
// name, then renamed to its SOP Instance UID (instance_files.h).
class MultipartToFolder {
public:
    MultipartToFolder(fs::path folder, int total, int offset, const TransferProgress& progress)
        : folder_(std::move(folder)), total_(total), offset_(offset), progress_(progress) {}

    bool consume(const std::string& contentType, const char* data, size_t size) {
        if (!reader_) {
            const auto boundary = detail::MultipartReader::boundaryOf(contentType);
            if (boundary.empty())
                throw Error("the archive's WADO-RS answer is not multipart (" + contentType + ")", folder_.string(),
                            "Check that the archive supports WADO-RS retrieve.");
            reader_.emplace(
                boundary, [this](const std::string&) { open(); },
                [this](const char* bytes, size_t n) { write(bytes, n); }, [this] { return close(); });
        }
        return reader_->feed(data, size);
    }
    bool complete() const { return reader_ && reader_->complete(); }
    int received() const { return received_; }

private:
    void open() {
        partial_ = folder_ / (".wado-" + std::to_string(sequence_++) + ".partial");
        out_.open(partial_, std::ios::binary | std::ios::trunc);
        if (!out_) throw Error("cannot write a received instance", partial_.string(), "Check the folder and free disk space.");
    }
    void write(const char* bytes, size_t n) {
        if (!out_.write(bytes, static_cast<std::streamsize>(n)))
            throw Error("cannot write a received instance", partial_.string(), "Free disk space and retrieve again.");
    }
    bool close() {
        out_.close();
        if (!out_) throw Error("cannot write a received instance", partial_.string(), "Free disk space and retrieve again.");
        detail::adoptReceivedFile(partial_, folder_);
        ++received_;
        return !progress_ || progress_(offset_ + received_, total_);
    }

    fs::path folder_;
    int total_, offset_;
    const TransferProgress& progress_;
    std::optional<detail::MultipartReader> reader_;
    fs::path partial_;
    std::ofstream out_;
    int sequence_ = 0;
    int received_ = 0;
};

// GET a WADO-RS resource into `folder`; the instances it held.
int fetch(detail::HttpSession& http, const std::string& path, const fs::path& folder, int total, int offset,
          const TransferProgress& progress, const std::string& missingSubject) {
    MultipartToFolder writer(folder, total, offset, progress);
    detail::HttpSession::Response response;
    try {
        response = http.stream(path, kMultipartDicom,
                               [&](const std::string& type, const char* data, size_t size) {
                                   return writer.consume(type, data, size);
                               });
    } catch (const Error& e) {
        if (e.problem() == "cancelled")
            throw Error("cancelled", "WADO-RS of " + missingSubject,
                        "The instances received so far are in " + folder.string() + "; retrieve again to resume.");
        throw;
    }
    if (response.status == 404) throw detail::nothingToRetrieve(missingSubject, {}, "HTTP 404");
    http.check(response, "WADO-RS retrieve");
    if (!writer.complete())
        throw Error("the archive's answer ended early, after " + std::to_string(writer.received()) + " instance(s)",
                    missingSubject, "Retrieve again: what arrived is kept and the rest is fetched.");
    return writer.received();
}

std::string randomBoundary() {
    std::random_device seed;
    std::mt19937_64 random(seed());
    return "vitask-" + std::to_string(random()) + std::to_string(random());
}

}  // namespace

DicomWebClient::DicomWebClient(PacsNode node) : ArchiveClient(std::move(node)) {
    detail::HttpSession::baseUrl(node_);  // the URL's form, checked before any call
}

void DicomWebClient::echo() const {
    detail::HttpSession http(node_);
    http.check(http.get("/studies?limit=1", kDicomJson), "QIDO-RS query");
}

std::vector<StudyMatch> DicomWebClient::findStudies(const StudyQuery& query) const {
    detail::HttpSession http(node_);
    std::string path = "/studies?includefield=00081030&includefield=00201206&includefield=00201208&includefield=00080061";
    const auto key = [&](const char* name, const std::string& v) {
        if (!v.empty()) path += std::string("&") + name + "=" + http.escape(v);
    };
    key("PatientID", query.patientId);
    key("PatientName", query.patientName);
    key("ModalitiesInStudy", query.modality);
    if (!query.dateFrom.empty() || !query.dateTo.empty()) key("StudyDate", query.dateFrom + "-" + query.dateTo);
    key("AccessionNumber", query.accession);
    key("StudyInstanceUID", query.studyUid);
    const auto response = http.get(path, kDicomJson);
    http.check(response, "QIDO-RS query");
    std::vector<StudyMatch> matches;
    for (const auto& d : datasets(response, node_))
        matches.push_back({value(d, "0020000D"), value(d, "00100020"), value(d, "00100010"), value(d, "00080020"),
                           value(d, "00081030"), value(d, "00080050"), value(d, "00080061"), count(d, "00201206"),
                           count(d, "00201208")});
    std::sort(matches.begin(), matches.end(), [](const StudyMatch& a, const StudyMatch& b) {
        return std::tie(a.studyDate, a.studyUid) < std::tie(b.studyDate, b.studyUid);
    });
    return matches;
}

std::vector<SeriesMatch> DicomWebClient::findSeries(const std::string& studyUid) const {
    if (!detail::isUid(studyUid)) throw Error("is not a DICOM UID", studyUid);
    detail::HttpSession http(node_);
    const auto response = http.get("/studies/" + studyUid +
                                       "/series?includefield=0008103E&includefield=00200011&includefield=00201209",
                                   kDicomJson);
    if (response.status == 404) return {};
    http.check(response, "QIDO-RS query");
    std::vector<SeriesMatch> series;
    for (const auto& d : datasets(response, node_))
        series.push_back({value(d, "0020000E"), value(d, "00080060"), value(d, "0008103E"), count(d, "00200011"),
                          count(d, "00201209")});
    sortSeries(series);
    return series;
}

std::vector<InstanceRef> DicomWebClient::findInstances(const std::string& studyUid, const std::string& seriesUid) const {
    if (!detail::isUid(studyUid) || (!seriesUid.empty() && !detail::isUid(seriesUid)))
        throw Error("is not a DICOM UID", studyUid + (seriesUid.empty() ? "" : " / " + seriesUid));
    detail::HttpSession http(node_);
    const auto response = http.get(
        "/studies/" + studyUid + (seriesUid.empty() ? "" : "/series/" + seriesUid) + "/instances", kDicomJson);
    if (response.status == 404) return {};
    http.check(response, "QIDO-RS query");
    std::vector<InstanceRef> instances;
    for (const auto& d : datasets(response, node_)) {
        InstanceRef instance{value(d, "0020000E"), value(d, "00080018")};
        if (detail::isUid(instance.seriesUid) && detail::isUid(instance.sopUid)) instances.push_back(std::move(instance));
    }
    return instances;
}

TransferResult DicomWebClient::retrieveAll(const std::string& studyUid, const std::string& seriesUid,
                                           const fs::path& folder, const TransferProgress& progress) const {
    // The listing gives the total for the progress, and says early that the study is gone.
    const auto listed = findInstances(studyUid, seriesUid);
    const std::string subject = seriesUid.empty() ? studyUid : seriesUid;
    if (listed.empty()) throw detail::nothingToRetrieve(studyUid, seriesUid);
    detail::HttpSession http(node_);
    TransferResult result;
    result.completed = fetch(http, "/studies/" + studyUid + (seriesUid.empty() ? "" : "/series/" + seriesUid), folder,
                             static_cast<int>(listed.size()), 0, progress, subject);
    spdlog::info("WADO-RS from {}: {} instance(s)", node_.describe(), result.completed);
    return result;
}

TransferResult DicomWebClient::retrieveInstances(const std::string& studyUid, const std::vector<InstanceRef>& instances,
                                                 const fs::path& folder, const TransferProgress& progress) const {
    detail::HttpSession http(node_);
    TransferResult result;
    const int total = static_cast<int>(instances.size());
    for (const auto& instance : instances) {
        const auto path = "/studies/" + studyUid + "/series/" + instance.seriesUid + "/instances/" + instance.sopUid;
        try {
            result.completed += fetch(http, path, folder, total, result.completed + result.failed, progress, instance.sopUid);
        } catch (const Error& e) {
            // One instance gone since the listing is a failure of that one, not of the retrieve.
            if (e.problem().find("HTTP 404") == std::string::npos) throw;
            ++result.failed;
        }
    }
    spdlog::info("WADO-RS from {}: {} instance(s), {} failed", node_.describe(), result.completed, result.failed);
    return result;
}

TransferResult DicomWebClient::send(const std::vector<fs::path>& files, const TransferProgress& progress) const {
    if (files.empty()) throw Error("no DICOM files to send", node_.describe(), "Give DICOM files or folders holding them.");
    for (const auto& file : files)
        if (!detail::hasPart10Preamble(file))
            throw Error("is not a DICOM Part 10 file", file.string(), "Send DICOM Part 10 files only.");
    detail::HttpSession http(node_);
    const auto boundary = randomBoundary();
    const std::string contentType = R"(multipart/related; type="application/dicom"; boundary=)" + boundary;
    TransferResult result;
    // Requests of up to 64 files or 64 MiB: progress between them, bounded memory.
    constexpr size_t kBatchBytes = size_t{64} << 20;
    size_t next = 0;
    while (next < files.size()) {
        std::string body;
        const size_t first = next;
        while (next < files.size() && next - first < 64 && (body.empty() || body.size() < kBatchBytes)) {
            std::ifstream in(files[next], std::ios::binary);
            std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
            if (!in.good() && !in.eof()) throw Error("cannot read the file", files[next].string());
            body += "--" + boundary + "\r\nContent-Type: application/dicom\r\n\r\n" + bytes + "\r\n";
            ++next;
        }
        body += "--" + boundary + "--\r\n";
        const auto response = http.post("/studies", contentType, body, kDicomJson);
        const int sent = static_cast<int>(next - first);
        // 200: all stored; 202: some with warnings or failures; 409: none stored. The
        // answer lists the stored (0008,1199) and the failed (0008,1198).
        if (response.status != 409) http.check(response, "STOW-RS store");
        const auto answer = json::parse(response.body, nullptr, false);
        const auto listed = [&](const char* tag) {
            if (!answer.is_object() || !answer.contains(tag) || !answer[tag].contains("Value")) return -1;
            return static_cast<int>(answer[tag]["Value"].size());
        };
        const int stored = listed("00081199"), failed = listed("00081198");
        if (stored < 0 && failed < 0) {
            if (response.status == 409) result.failed += sent;
            else result.completed += sent;
        } else {
            result.completed += std::max(stored, 0);
            result.failed += std::max(failed, 0);
        }
        if (progress && !progress(static_cast<int>(next), static_cast<int>(files.size())))
            throw Error("cancelled", "STOW-RS to " + node_.describe(),
                        std::to_string(result.completed) + " of " + std::to_string(files.size()) + " were sent.");
    }
    spdlog::info("STOW-RS to {}: {} stored, {} refused", node_.describe(), result.completed, result.failed);
    return result;
}

}  // namespace vitask::pacs

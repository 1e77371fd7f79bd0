#include "vitask/vitask/run_directory.h"
#include "vitask/common/json_file.h"

#include "vitask/common/atomic_file.h"
#include "vitask/common/error.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <sstream>

namespace vitask::recipe {
namespace fs = std::filesystem;
namespace {

constexpr const char* kCheckpointPrefix = "step-";

}  // namespace

std::string RunDirectory::checkpointName(int64_t step) {
    char name[32];
    std::snprintf(name, sizeof name, "%s%08lld", kCheckpointPrefix, static_cast<long long>(step));
    return name;
}

RunDirectory::RunDirectory(fs::path root) : root_(fs::absolute(std::move(root)).lexically_normal()) {
    std::error_code error;
    for (const auto& folder : {root_, checkpointsFolder(), evalFolder()}) {
        fs::create_directories(folder, error);
        if (error) throw Error("cannot create the folder: " + error.message(), folder.string(),
                               "Choose an output folder you can write to.");
    }
    AtomicFile::checkWritableFolder(root_);
}

bool RunDirectory::hasRun() const { return fs::exists(configFile()); }

void RunDirectory::appendMetrics(const nlohmann::json& record) {
    const std::string line = jsonText(record) + "\n";
    const int fd = ::open(metricsFile().c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
    if (fd < 0) throw Error("cannot open for appending", metricsFile().string(), "Check the disk and permissions.");
    const auto written = ::write(fd, line.data(), line.size());
    ::fdatasync(fd);
    ::close(fd);
    if (written != static_cast<ssize_t>(line.size()))
        throw Error("could not append a record (disk full?)", metricsFile().string(), "Free disk space and resume the run.");
    if (metricsCount_) ++*metricsCount_;
}

std::size_t RunDirectory::metricsCount() {
    if (!metricsCount_) metricsCount_ = readMetrics().size();
    return *metricsCount_;
}

std::vector<nlohmann::json> RunDirectory::readMetrics() const {
    std::vector<nlohmann::json> records;
    std::ifstream in(metricsFile());
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty()) continue;
        try {
            records.push_back(nlohmann::json::parse(line));
        } catch (const nlohmann::json::exception&) {
            // The torn last line of a killed process; the records before it stand.
        }
    }
    return records;
}

void RunDirectory::keepFirstMetrics(std::size_t count) {
    std::string kept;
    const auto records = readMetrics();
    for (std::size_t i = 0; i < std::min(count, records.size()); ++i) kept += jsonText(records[i]) + "\n";
    writeTextFileAtomically(metricsFile(), kept);
    metricsCount_ = std::min(count, records.size());
}

void RunDirectory::truncateMetricsAfter(int64_t step) {
    std::string kept;
    std::size_t count = 0;
    for (const auto& record : readMetrics())
        if (record.value("step", int64_t{0}) <= step) {
            kept += jsonText(record) + "\n";
            ++count;
        }
    writeTextFileAtomically(metricsFile(), kept);
    metricsCount_ = count;
}

void RunDirectory::writeStatus(const nlohmann::json& status) {
    writeTextFileAtomically(statusFile(), jsonText(status, 2) + "\n");
}

std::optional<nlohmann::json> RunDirectory::readStatus() const {
    std::ifstream in(statusFile());
    if (!in) return std::nullopt;
    try {
        return nlohmann::json::parse(in);
    } catch (const nlohmann::json::exception&) {
        return std::nullopt;
    }
}

int64_t RunDirectory::checkpointStep(const fs::path& checkpoint) {
    const auto name = checkpoint.filename().string();
    if (name.rfind(kCheckpointPrefix, 0) != 0) return -1;
    try {
        return std::stoll(name.substr(std::string(kCheckpointPrefix).size()));
    } catch (const std::exception&) {
        return -1;
    }
}

std::vector<fs::path> RunDirectory::checkpoints() const {
    std::vector<fs::path> found;
    std::error_code error;
    for (const auto& entry : fs::directory_iterator(checkpointsFolder(), error))
        if (entry.is_directory() && checkpointStep(entry.path()) >= 0) found.push_back(entry.path());
    std::sort(found.begin(), found.end(),
              [](const fs::path& a, const fs::path& b) { return checkpointStep(a) < checkpointStep(b); });
    return found;
}

std::optional<fs::path> RunDirectory::latestCheckpoint() const {
    const auto all = checkpoints();
    if (all.empty()) return std::nullopt;
    return all.back();
}

fs::path RunDirectory::beginCheckpoint(int64_t step) const {
    const auto temporary = checkpointsFolder() / (".incomplete-" + checkpointName(step));
    fs::remove_all(temporary);  // left by a crash during an earlier attempt
    fs::create_directories(temporary);
    return temporary;
}

fs::path RunDirectory::commitCheckpoint(const fs::path& temporary, int64_t step, int keepLast,
                                        const fs::path& keep) const {
    const auto target = checkpointsFolder() / checkpointName(step);
    fs::remove_all(target);  // the same step written again after a resume
    fs::rename(temporary, target);
    if (const int fd = ::open(checkpointsFolder().c_str(), O_RDONLY | O_DIRECTORY); fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
    auto all = checkpoints();
    const auto excess = static_cast<int64_t>(all.size()) - keepLast;
    for (int64_t i = 0; i < excess; ++i)
        if (all[static_cast<size_t>(i)] != keep) fs::remove_all(all[static_cast<size_t>(i)]);
    return target;
}

}  // namespace vitask::recipe

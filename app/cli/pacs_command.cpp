#include "pacs_command.h"

#include "vitask/common/error.h"
#include "vitask/pacs/dimse_client.h"

#include <nlohmann/json.hpp>

#include <atomic>
#include <csignal>
#include <cstdio>
#include <iostream>
#include <memory>

#include <unistd.h>

namespace vitask::cli {
namespace {

namespace fs = std::filesystem;

std::atomic<bool> interrupted{false};
extern "C" void onPacsInterrupt(int) { interrupted = true; }

struct PacsOptions {
    pacs::PacsNode node;
    pacs::StudyQuery query;
    std::string date;  // FROM-TO, YYYYMMDD each; either side may be empty
    std::string study, series, out;
    std::vector<std::string> paths;
    bool json = false;
};

void addNodeOptions(CLI::App* command, PacsOptions& o) {
    command->add_option("--host", o.node.host, "The archive's host name or address")->required();
    command->add_option("--port", o.node.port, "Its DICOM port")->required()->check(CLI::Range(1, 65535));
    command->add_option("--called-ae", o.node.calledAe, "Its AE title")->required();
    command->add_option("--calling-ae", o.node.callingAe, "Ours, as the archive knows us")->capture_default_str();
    command->add_option("--timeout", o.node.timeoutSeconds, "Seconds to connect, negotiate and per message")
        ->capture_default_str()
        ->check(CLI::Range(1, 3600));
}

// A counter on a terminal (not in logs); Ctrl+C stops a transfer between two instances.
pacs::TransferProgress progressPrinter(const char* verb) {
    const bool terminal = ::isatty(STDERR_FILENO);
    return [verb, terminal](int done, int total) {
        if (terminal) {
            if (total > 0) std::fprintf(stderr, "\r%s %d of %d", verb, done, total);
            else std::fprintf(stderr, "\r%s %d", verb, done);
            std::fflush(stderr);
        }
        return !interrupted.load();
    };
}

void printTransfer(const char* verb, const pacs::TransferResult& r) {
    if (::isatty(STDERR_FILENO)) std::fprintf(stderr, "\n");
    std::cout << verb << " " << r.completed << " instance(s)";
    if (r.warnings) std::cout << " (" << r.warnings << " with warnings)";
    if (r.failed) std::cout << ", " << r.failed << " failed";
    std::cout << "\n";
}

int runFind(PacsOptions o) {
    if (!o.date.empty()) {
        const auto dash = o.date.find('-');
        o.query.dateFrom = o.date.substr(0, dash);
        o.query.dateTo = dash == std::string::npos ? o.query.dateFrom : o.date.substr(dash + 1);
    }
    const auto matches = pacs::DimseClient(o.node).findStudies(o.query);
    if (o.json) {
        auto out = nlohmann::json::array();
        for (const auto& m : matches)
            out.push_back({{"study_uid", m.studyUid}, {"patient_id", m.patientId}, {"patient_name", m.patientName},
                           {"study_date", m.studyDate}, {"description", m.studyDescription}, {"accession", m.accession},
                           {"modalities", m.modalities}, {"series", m.seriesCount}, {"instances", m.instanceCount}});
        std::cout << out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
        return 0;
    }
    for (const auto& m : matches)
        std::cout << m.studyUid << "  " << m.studyDate << "  " << m.patientId << "  " << m.patientName << "  "
                  << m.modalities << "  " << m.accession << "  " << m.seriesCount << " series, " << m.instanceCount
                  << " instances  " << m.studyDescription << "\n";
    std::cerr << matches.size() << " stud" << (matches.size() == 1 ? "y" : "ies") << " found\n";
    return 0;
}

int runGet(const PacsOptions& o) {
    std::signal(SIGINT, onPacsInterrupt);
    const auto result = pacs::DimseClient(o.node).get(o.study, o.series, o.out, progressPrinter("received"));
    std::signal(SIGINT, SIG_DFL);
    printTransfer("received", result);
    std::cout << "into " << o.out << "\n";
    return result.failed ? 1 : 0;
}

int runSend(const PacsOptions& o) {
    std::vector<fs::path> paths(o.paths.begin(), o.paths.end());
    const auto files = pacs::dicomFilesUnder(paths);
    std::signal(SIGINT, onPacsInterrupt);
    const auto result = pacs::DimseClient(o.node).send(files, progressPrinter("sent"));
    std::signal(SIGINT, SIG_DFL);
    printTransfer("sent", result);
    return result.failed ? 1 : 0;
}

}  // namespace

void addPacsCommands(CLI::App& root, CommandDispatch& dispatch) {
    auto* pacsCommand = root.add_subcommand("pacs", "A DICOM archive (PACS) over DIMSE: echo, find, get, send");
    pacsCommand->require_subcommand(1);

    auto echo = std::make_shared<PacsOptions>();
    auto* echoCommand = pacsCommand->add_subcommand("echo", "C-ECHO: is the archive there, and does it accept us?");
    addNodeOptions(echoCommand, *echo);
    dispatch.add(echoCommand, [echo] {
        pacs::DimseClient(echo->node).echo();
        std::cout << "C-ECHO to " << echo->node.describe() << ": success\n";
        return 0;
    });

    auto find = std::make_shared<PacsOptions>();
    auto* findCommand = pacsCommand->add_subcommand("find", "C-FIND at study level: matching studies with their UIDs");
    addNodeOptions(findCommand, *find);
    findCommand->add_option("--patient-id", find->query.patientId, "Patient ID");
    findCommand->add_option("--patient-name", find->query.patientName, "Patient name (DICOM wildcards: DOE^*)");
    findCommand->add_option("--modality", find->query.modality, "A modality in the study (CT, MR, CR, ...)");
    findCommand->add_option("--date", find->date, "Study date or range: YYYYMMDD, FROM-TO, FROM- or -TO");
    findCommand->add_option("--accession", find->query.accession, "Accession number");
    findCommand->add_option("--study", find->query.studyUid, "Study Instance UID");
    findCommand->add_flag("--json", find->json, "Print the matches as JSON");
    dispatch.add(findCommand, [find] { return runFind(*find); });

    auto get = std::make_shared<PacsOptions>();
    auto* getCommand = pacsCommand->add_subcommand("get", "C-GET a study (or one series) into a folder");
    addNodeOptions(getCommand, *get);
    getCommand->add_option("--study", get->study, "Study Instance UID")->required();
    getCommand->add_option("--series", get->series, "Series Instance UID (default: the whole study)");
    getCommand->add_option("--out", get->out, "Folder for the instances (<SOP Instance UID>.dcm)")->required();
    dispatch.add(getCommand, [get] { return runGet(*get); });

    auto send = std::make_shared<PacsOptions>();
    auto* sendCommand = pacsCommand->add_subcommand("send", "C-STORE DICOM files (folders searched recursively)");
    addNodeOptions(sendCommand, *send);
    sendCommand->add_option("paths", send->paths, "DICOM files or folders")->required();
    dispatch.add(sendCommand, [send] { return runSend(*send); });
}

}  // namespace vitask::cli

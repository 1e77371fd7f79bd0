#include "pacs_command.h"

#include "command_catalog.h"
#include "command_module.h"

#include "vitask/common/error.h"
#include "vitask/pacs/archive_client.h"

#include <nlohmann/json.hpp>

#include <atomic>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <fstream>
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
    bool move = false;
    std::string passwordFile, tokenFile;
};

// A secret from a file (its first line) or an environment variable: never an argument,
// which `ps` and the shell's history would show.
std::string secretFrom(const std::string& file, const char* variable) {
    if (!file.empty()) {
        std::ifstream in(file);
        std::string line;
        if (!in || !std::getline(in, line)) throw Error("cannot read the secret from this file", file);
        return line;
    }
    const char* value = std::getenv(variable);
    return value ? value : "";
}

// The archive: DIMSE (--host, --port, --called-ae) or DICOMweb (--url), checked once parsed.
pacs::PacsNode archiveOf(PacsOptions& o) {
    auto node = o.node;
    if (!node.url.empty()) {
        node.protocol = pacs::Protocol::DicomWeb;
        if (!node.user.empty()) {
            node.auth = pacs::WebAuth::Basic;
            node.secret = secretFrom(o.passwordFile, "VITASK_PACS_PASSWORD");
        } else if (auto token = secretFrom(o.tokenFile, "VITASK_PACS_TOKEN"); !token.empty()) {
            node.auth = pacs::WebAuth::Bearer;
            node.secret = token;
        }
    } else if (node.host.empty() || node.calledAe.empty()) {
        throw Error("no archive given", "vitask pacs",
                    "Give --host, --port and --called-ae (DIMSE), or --url (DICOMweb).");
    }
    if (o.move) node.retrieveMethod = pacs::RetrieveMethod::Move;
    return node;
}

void addNodeOptions(CLI::App* command, PacsOptions& o) {
    command->add_option("--host", o.node.host, "DIMSE: the archive's host name or address");
    command->add_option("--port", o.node.port, "DIMSE: its DICOM port")->capture_default_str()->check(CLI::Range(1, 65535));
    command->add_option("--called-ae", o.node.calledAe, "DIMSE: its AE title");
    command->add_option("--calling-ae", o.node.callingAe, "DIMSE: ours, as the archive knows us")->capture_default_str();
    command->add_flag("--tls", o.node.tls, "DIMSE: DICOM TLS (the archive's certificate checked against the system's CAs and --ca-file)");
    command->add_option("--url", o.node.url, "DICOMweb: the archive's base URL (http:// or https://)");
    command->add_option("--user", o.node.user, "DICOMweb: user for Basic authentication (password from --password-file or $VITASK_PACS_PASSWORD)");
    command->add_option("--password-file", o.passwordFile, "DICOMweb: file whose first line is the password")->check(CLI::ExistingFile);
    command->add_option("--token-file", o.tokenFile, "DICOMweb: file whose first line is a Bearer token (or $VITASK_PACS_TOKEN)")->check(CLI::ExistingFile);
    command->add_option("--ca-file", o.node.caFile, "PEM certificates to trust besides the system's")->check(CLI::ExistingFile);
    command->add_option("--cert", o.node.certificateFile, "Our certificate (PEM), for archives that ask for one")->check(CLI::ExistingFile);
    command->add_option("--key", o.node.keyFile, "Our certificate's private key (PEM)")->check(CLI::ExistingFile);
    command->add_option("--timeout", o.node.timeoutSeconds, "Seconds to connect, and without a byte arriving")
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
    const auto matches = pacs::openArchive(archiveOf(o))->findStudies(o.query);
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

int runSeries(PacsOptions o) {
    const auto series = pacs::openArchive(archiveOf(o))->findSeries(o.study);
    if (o.json) {
        auto out = nlohmann::json::array();
        for (const auto& s : series)
            out.push_back({{"series_uid", s.seriesUid}, {"number", s.number}, {"modality", s.modality},
                           {"description", s.description}, {"instances", s.instanceCount}});
        std::cout << out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
        return 0;
    }
    for (const auto& s : series)
        std::cout << s.seriesUid << "  " << s.number << "  " << s.modality << "  " << s.instanceCount << " instances  "
                  << s.description << "\n";
    std::cerr << series.size() << " series found\n";
    return 0;
}

int runGet(PacsOptions o) {
    const auto archive = pacs::openArchive(archiveOf(o));
    std::signal(SIGINT, onPacsInterrupt);
    const auto result = archive->retrieve(o.study, o.series, o.out, progressPrinter("received"));
    std::signal(SIGINT, SIG_DFL);
    printTransfer("received", result);
    if (result.alreadyPresent) std::cout << result.alreadyPresent << " instance(s) were already there\n";
    std::cout << "into " << o.out << "\n";
    return result.failed ? 1 : 0;
}

int runSend(PacsOptions o) {
    std::vector<fs::path> paths(o.paths.begin(), o.paths.end());
    const auto files = pacs::dicomFilesUnder(paths);
    const auto archive = pacs::openArchive(archiveOf(o));
    std::signal(SIGINT, onPacsInterrupt);
    const auto result = archive->send(files, progressPrinter("sent"));
    std::signal(SIGINT, SIG_DFL);
    printTransfer("sent", result);
    return result.failed ? 1 : 0;
}

}  // namespace

void addPacsCommands(CLI::App& root, CommandDispatch& dispatch) {
    auto* pacsCommand = root.add_subcommand("pacs", describe("pacs"));
    pacsCommand->require_subcommand(1);

    auto echo = std::make_shared<PacsOptions>();
    auto* echoCommand =
        pacsCommand->add_subcommand("echo", "Is the archive there, and does it accept us? (C-ECHO; a QIDO-RS query)");
    addNodeOptions(echoCommand, *echo);
    dispatch.add(echoCommand, [echo] {
        const auto archive = pacs::openArchive(archiveOf(*echo));
        archive->echo();
        std::cout << (archive->node().protocol == pacs::Protocol::Dimse ? "C-ECHO" : "QIDO-RS") << " to "
                  << archive->node().describe() << ": success\n";
        return 0;
    });

    auto find = std::make_shared<PacsOptions>();
    auto* findCommand = pacsCommand->add_subcommand("find", "Matching studies with their UIDs (C-FIND; QIDO-RS)");
    addNodeOptions(findCommand, *find);
    findCommand->add_option("--patient-id", find->query.patientId, "Patient ID");
    findCommand->add_option("--patient-name", find->query.patientName, "Patient name (DICOM wildcards: DOE^*)");
    findCommand->add_option("--modality", find->query.modality, "A modality in the study (CT, MR, CR, ...)");
    findCommand->add_option("--date", find->date, "Study date or range: YYYYMMDD, FROM-TO, FROM- or -TO");
    findCommand->add_option("--accession", find->query.accession, "Accession number");
    findCommand->add_option("--study", find->query.studyUid, "Study Instance UID");
    findCommand->add_flag("--json", find->json, "Print the matches as JSON");
    dispatch.add(findCommand, [find] { return runFind(*find); });

    auto series = std::make_shared<PacsOptions>();
    auto* seriesCommand = pacsCommand->add_subcommand("series", "The series of a study, with their UIDs (C-FIND; QIDO-RS)");
    addNodeOptions(seriesCommand, *series);
    seriesCommand->add_option("--study", series->study, "Study Instance UID (from find)")->required();
    seriesCommand->add_flag("--json", series->json, "Print the series as JSON");
    dispatch.add(seriesCommand, [series] { return runSeries(*series); });

    auto get = std::make_shared<PacsOptions>();
    auto* getCommand = pacsCommand->add_subcommand(
        "get", "Retrieve a study (or one series) into a folder (C-GET, C-MOVE; WADO-RS); resumes a partial one");
    addNodeOptions(getCommand, *get);
    getCommand->add_option("--study", get->study, "Study Instance UID")->required();
    getCommand->add_option("--series", get->series, "Series Instance UID (default: the whole study)");
    getCommand->add_option("--out", get->out, "Folder for the instances (<SOP Instance UID>.dcm)")->required();
    getCommand->add_flag("--move", get->move, "DIMSE: C-MOVE to our storage SCP instead of C-GET");
    getCommand->add_option("--receive-port", get->node.receivePort,
                           "C-MOVE: the port our storage SCP listens on (the archive must know it with --calling-ae)")
        ->capture_default_str()
        ->check(CLI::Range(1, 65535));
    dispatch.add(getCommand, [get] { return runGet(*get); });

    auto send = std::make_shared<PacsOptions>();
    auto* sendCommand = pacsCommand->add_subcommand("send", "Store DICOM files (C-STORE; STOW-RS); folders searched recursively");
    addNodeOptions(sendCommand, *send);
    sendCommand->add_option("paths", send->paths, "DICOM files or folders")->required();
    dispatch.add(sendCommand, [send] { return runSend(*send); });
}

}  // namespace vitask::cli

VITASK_CLI_MODULE(vitask::cli::addPacsCommands)

#include "report_command.h"

#include "command_catalog.h"

#include "ask_options.h"

#include "vitask/common/error.h"
#include "vitask/report/deidentify.h"
#include "vitask/report/document_report.h"
#include "vitask/runtime/system_info.h"
#include "vitask/service/vision_assistant.h"
#ifdef VITASK_WITH_IMAGING
#include "vitask/report/dicom_report.h"
#endif
#ifdef VITASK_CLI_WITH_PDF
#include "vitask/ui/report_pdf/pdf_report.h"
#endif

#include <algorithm>
#include <cctype>
#include <iostream>

namespace vitask::cli {
namespace {

struct ReportOptions {
    std::string image;
    AskOptions ask;
    std::string out;
    bool deidentify = true;
};

std::string extensionOf(const std::filesystem::path& file) {
    std::string ext = file.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return ext;
}

// Checks the output before the model is loaded: a wrong extension or an unwritable
// folder should not cost a model load.
void checkOutput(const std::filesystem::path& out) {
    const std::string ext = extensionOf(out);
    if (ext != ".pdf" && ext != ".html" && ext != ".json" && ext != ".dcm")
        throw Error("the report format is chosen by the file's extension, and '" + ext + "' is none of them", out.string(),
                    "Name the output .pdf, .html, .json or .dcm (DICOM SR).");
#ifndef VITASK_CLI_WITH_PDF
    if (ext == ".pdf")
        throw Error("this build writes no PDF (it was built without Qt, -DVITASK_GUI=OFF)", out.string(),
                    "Write .html (the same content) or .json, or use a build with the studio.");
#endif
#ifndef VITASK_WITH_IMAGING
    if (ext == ".dcm")
        throw Error("this build writes no DICOM (it was built without DCMTK, -DVITASK_IMAGING=OFF)", out.string(),
                    "Write .json or .html, or use a build with imaging.");
#endif
    const std::filesystem::path folder = out.has_parent_path() ? out.parent_path() : std::filesystem::path(".");
    if (!std::filesystem::is_directory(folder))
        throw Error("the folder of the report does not exist", out.string(), "Create it first, or choose another file.");
}

int runReport(const ReportOptions& options) {
    const std::filesystem::path out = options.out;
    checkOutput(out);
    const AskOptions& o = options.ask;
    service::VisionAssistant assistant(service::parseDeviceChoice(o.device, "--device"));
    const auto& model = assistant.loadModel(o.model);
    service::AskRequest request = askRequestFor(o, model);
    request.answerWithExemplar = false;
    request.saliency = true;
    std::optional<service::TsmEntry> tsm;
    if (!o.tsm.empty()) tsm = assistant.loadTsm(o.tsm);

    const service::ModelImage image = service::modelImageFromFile(options.image);
    const service::AskResult plain = assistant.ask(image, request);
    std::optional<service::AskResult> withExemplar;
    if (o.exemplar) {
        request.answerWithExemplar = true;
        request.saliency = false;
        withExemplar = assistant.ask(image, request);
    }

    report::Report full;
    full.title = "VITask report";
    full.generatedAt = report::isoTimeNowUtc();
    full.software = {"vitask", runtime::systemInfo().version, {}};
    full.deidentified = false;
    report::CaseReport c = report::caseReportFromAnswer(plain, withExemplar ? &*withExemplar : nullptr);
    c.title = std::filesystem::path(options.image).filename().string();
    c.sourceFile = options.image;
    c.model = {model.name, model.version, model.weightsHash};
    if (tsm) c.tsmModel = {tsm->name, tsm->version, tsm->weightsHash};
    c.answeredAt = full.generatedAt;
    c.keyImage = report::keyImageFrom(image, plain.saliency ? &*plain.saliency : nullptr);
#ifdef VITASK_WITH_IMAGING
    report::readDicomSource(c);
#endif
    full.cases.push_back(std::move(c));

    report::UidMap uids;
    const report::Report r = options.deidentify ? report::deidentified(full, uids) : full;
    const std::string ext = extensionOf(out);
    if (ext == ".json") report::writeJsonReport(r, out);
    if (ext == ".html") report::writeHtmlReport(r, out);
#ifdef VITASK_CLI_WITH_PDF
    if (ext == ".pdf") ui::writePdfReport(r, QString::fromStdString(out.string()));
#endif
#ifdef VITASK_WITH_IMAGING
    if (ext == ".dcm") {
        const auto files = report::writeDicomReport(r, r.cases.front(), out);
        if (!files.secondaryCapture.empty()) std::cout << "wrote " << files.secondaryCapture.string() << "\n";
    }
#endif
    std::cout << "wrote " << out.string() << (options.deidentify ? " (de-identified)" : " (NOT de-identified)") << "\n";
    return 0;
}

}  // namespace

void addReportCommand(CLI::App& root, CommandDispatch& dispatch) {
    auto options = std::make_shared<ReportOptions>();
    auto* command = root.add_subcommand("report", describe("report"));
    command->add_option("image", options->image, "Image file (DICOM, NIfTI, PNG, JPEG)")->required();
    addAskOptions(command, options->ask);
    command->add_option("--out", options->out,
                        "The report: .pdf, .html, .json, or .dcm (a DICOM SR, with <stem>-key-image.dcm beside it)")
        ->required();
    command->add_flag("--deidentify,!--no-deidentify", options->deidentify,
                      "Remove patient data and replace UIDs (DICOM PS3.15 Basic Profile); on by default");
    dispatch.add(command, [options] { return runReport(*options); });
}

}  // namespace vitask::cli

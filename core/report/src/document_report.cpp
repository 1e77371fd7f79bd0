// Writing the JSON and HTML documents to files.
#include "vitask/report/document_report.h"

#include "vitask/common/atomic_file.h"
#include "vitask/common/error.h"

namespace vitask::report {
namespace {

void writeDocument(const std::filesystem::path& file, const std::string& text, const std::string& what) {
    try {
        writeTextFileAtomically(file, text);
    } catch (const Error& e) {
        // AtomicFile names the folder when the folder is the problem; the user chose the
        // file, so the message names the file and keeps the folder's part as detail.
        std::string problem = "cannot write the " + what + ": " + e.problem();
        if (e.subject() != file.string()) problem += " (" + e.subject() + ")";
        throw Error(problem, file.string(), e.remedy());
    }
}

}  // namespace

void writeJsonReport(const Report& report, const std::filesystem::path& file) {
    writeDocument(file, jsonReport(report), "JSON report");
}

void writeHtmlReport(const Report& report, const std::filesystem::path& file) {
    writeDocument(file, htmlReport(report), "HTML report");
}

}  // namespace vitask::report

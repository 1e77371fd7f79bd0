// htmlReport: one self-contained HTML file, also what ui/report_pdf prints. It keeps to
// the HTML subset Qt's QTextDocument lays out (tables, headings, paragraphs, <img width>,
// simple CSS: no flexbox, grid or floats), so the PDF looks like the file in a browser.
//
// A case fills one A4 page with normal content: a header band; the key image with the
// AI's findings and the label probabilities beside it; the question and the answers at
// full width (they are the longest text); the review; the models and the source; the
// disclaimer. Key/value tables share one key column width, so the page reads as one grid.
#include "vitask/report/document_report.h"

#include "html_format.h"
#include "png_base64.h"

#include <algorithm>

namespace vitask::report {
namespace {

using html::escape;

// The key image's width on the page, in CSS pixels (1/96 in): about 85 mm, nearly half
// the printable width of A4 with 15 mm margins, large enough to read the anatomy.
constexpr int kImageWidth = 320;
constexpr const char* kKeyWidth = "24%";  // the key column of the full-width key/value tables

// Lengths other than font sizes in px (1/96 in): Qt's rich text ignores margins in pt.
constexpr const char* kStyle = R"(
body { font-family: 'DejaVu Sans', 'Helvetica Neue', Arial, sans-serif; font-size: 9pt; color: #1a1a1a; }
h1 { font-size: 16pt; font-weight: bold; margin-top: 0; margin-bottom: 2px; }
h2 { font-size: 14pt; font-weight: bold; margin-top: 0; margin-bottom: 0; }
h3 { font-size: 9.5pt; font-weight: bold; color: #2c4a66; margin-top: 10px; margin-bottom: 3px; }
p { margin-top: 0; margin-bottom: 0; }
.meta { color: #5a6470; font-size: 8pt; }
.answer { font-size: 9.5pt; }
.caption { color: #5a6470; font-size: 7.5pt; margin-top: 4px; }
.withheld { color: #5a6470; font-style: italic; }
.agree { color: #1b6e2a; font-weight: bold; }
.disagree { color: #a61b1b; font-weight: bold; }
.unsure { color: #8a5a00; font-weight: bold; }
.muted { color: #5a6470; }
.mono { font-family: 'DejaVu Sans Mono', monospace; font-size: 7pt; }
th { background-color: #e3e9ef; font-size: 8pt; font-weight: bold; }
td.key { color: #5a6470; font-size: 8pt; }
table.numbers td { font-size: 8.5pt; }
.disclaimer { color: #4a5460; font-size: 7.5pt; font-style: italic; }
)";

// A row of a key/value table, left out when there is no value.
void row(std::string& out, const char* key, const std::string& valueHtml, const char* valueClass = nullptr,
         const char* keyWidth = kKeyWidth) {
    if (valueHtml.empty()) return;
    out += std::string("<tr><td class=\"key\" width=\"") + keyWidth + "\" valign=\"top\">" + key +
           "</td><td valign=\"top\"";
    if (valueClass) out += std::string(" class=\"") + valueClass + "\"";
    out += ">" + valueHtml + "</td></tr>\n";
}

void beginTable(std::string& out) { out += "<table width=\"100%\" cellpadding=\"1\" cellspacing=\"0\">\n"; }

std::string identity(const SoftwareIdentity& s) {
    if (s.empty()) return {};
    std::string out = escape(s.name);
    if (!s.version.empty()) out += " " + escape(s.version);
    if (!s.weightsHash.empty()) out += "<br><span class=\"mono\">" + escape(s.weightsHash) + "</span>";
    return out;
}

std::string joined(std::initializer_list<std::string> parts, const char* separator = " &#183; ") {
    std::string out;
    for (const auto& part : parts) {
        if (part.empty()) continue;
        if (!out.empty()) out += separator;
        out += part;
    }
    return out;
}

std::string quoted(const std::string& text) { return "&#8220;" + escape(text) + "&#8221;"; }

std::string reportTitle(const Report& report) { return report.title.empty() ? "VITask report" : report.title; }

const service::LabelProbability* find(const std::vector<service::LabelProbability>& labels, const std::string& label) {
    for (const auto& l : labels)
        if (l.label == label) return &l;
    return nullptr;
}

double maxProbability(const std::vector<service::LabelProbability>& labels) {
    double best = -1;
    for (const auto& l : labels) best = std::max(best, l.probability);
    return best;
}

// The case's title and when it was answered, on a shaded band. From the second case on
// the band starts a page: Qt takes the break from this first table, browsers from the
// section around it.
void header(std::string& out, const Report& report, std::size_t index, const char* pageBreak) {
    const CaseReport& c = report.cases[index];
    const std::string title = c.title.empty() ? "Case " + std::to_string(index + 1) : c.title;
    out += std::string("<table width=\"100%\" cellpadding=\"6\" cellspacing=\"0\" bgcolor=\"#eef2f6\"") + pageBreak +
           "><tr>\n<td valign=\"middle\"><h2>" + escape(title) + "</h2></td>\n";
    out += "<td align=\"right\" valign=\"middle\" class=\"meta\">" + escape(reportTitle(report)) + "<br>" +
           joined({c.answeredAt.empty() ? "" : "answered " + html::time(c.answeredAt),
                   report.deidentified ? "de-identified" : "<b>contains patient data</b>"}) +
           "</td></tr></table>\n";
}

void patient(std::string& out, const PatientInfo& p) {
    out += "<table width=\"100%\" cellpadding=\"1\" cellspacing=\"0\" style=\"margin-top: 6px\">\n";
    row(out, "Patient",
        joined({p.name.empty() ? "" : "<b>" + html::personName(p.name) + "</b>", p.id.empty() ? "" : "ID " + escape(p.id),
                p.birthDate.empty() ? "" : "born " + html::dicomDate(p.birthDate),
                p.sex.empty() ? "" : "sex " + escape(p.sex)}));
    row(out, "Study",
        joined({escape(p.studyDescription), joined({html::dicomDate(p.studyDate), html::dicomTime(p.studyTime)}, " "),
                p.accessionNumber.empty() ? "" : "accession " + escape(p.accessionNumber),
                p.studyId.empty() ? "" : "study ID " + escape(p.studyId),
                p.referringPhysician.empty() ? "" : "referred by " + html::personName(p.referringPhysician)}));
    out += "</table>\n";
}

void keyImage(std::string& out, const CaseReport& c, std::size_t index, const ImageSource& imageSource) {
    const KeyImage& k = c.keyImage;
    if (!k.withheld.empty()) {
        out += "<p class=\"withheld\">Key image withheld: " + escape(k.withheld) + "</p>\n";
        return;
    }
    if (k.empty()) {
        out += "<p class=\"withheld\">No key image.</p>\n";
        return;
    }
    // Tall images get narrower so that none is taller than a square one. Both sizes are
    // given: Qt does not derive a missing one from the image's aspect in every version.
    const int width = k.height > k.width ? std::max(1, kImageWidth * k.width / k.height) : kImageWidth;
    const int height = std::max(1, width * k.height / k.width);
    const std::string source = imageSource ? imageSource(index) : "data:image/png;base64," + base64(keyImagePng(k));
    out += "<img src=\"" + escape(source) + "\" width=\"" + std::to_string(width) + "\" height=\"" +
           std::to_string(height) + "\" alt=\"Key image\">\n";
    std::string caption = std::to_string(k.width) + "&#160;&#215;&#160;" + std::to_string(k.height) + " pixels";
    if (k.heatmap) {
        std::string what = c.saliencyMethod.empty() ? std::string("saliency") : escape(c.saliencyMethod);
        if (!c.saliencyLabel.empty()) what += " for " + quoted(c.saliencyLabel);
        caption += ". Heatmap: " + what + ", shown where &#8805;&#160;0.2 (blue low, red high).";
    }
    out += "<p class=\"caption\">" + caption + "</p>\n";
}

// What the AI concluded, in one look: its label, the TSM's, whether they agree.
void findings(std::string& out, const CaseReport& c) {
    out += "<h3 style=\"margin-top: 0\">AI findings</h3>\n";
    beginTable(out);
    constexpr const char* keyWidth = "28%";  // of the column beside the image
    row(out, "AI label", c.vlmLabel.empty() ? "" : "<b>" + escape(c.vlmLabel) + "</b>", nullptr, keyWidth);
    if (c.tsm && c.tsm->top < c.tsm->probabilities.size()) {
        const auto& top = c.tsm->probabilities[c.tsm->top];
        row(out, "TSM",
            "<b>" + escape(top.label) + "</b> " + html::percent(top.probability) + " <span class=\"muted\">(" +
                escape(c.tsm->name) + ")</span>",
            nullptr, keyWidth);
    }
    row(out, "Agreement", html::agreementText(c.agreement), html::agreementClass(c.agreement).c_str(), keyWidth);
    row(out, "Ground truth", escape(c.groundTruth), nullptr, keyWidth);
    out += "</table>\n";
}

// Label | AI | AI with exemplar | TSM: the columns that have values, the most probable
// label of each column in bold, zebra rows so the eye stays on one label across.
void probabilities(std::string& out, const CaseReport& c) {
    if (c.labels.empty() && c.labelsWithExemplar.empty()) return;
    const auto& rows = c.labels.empty() ? c.labelsWithExemplar : c.labels;
    const bool without = !c.labels.empty(), with = !c.labelsWithExemplar.empty();
    bool tsm = false;
    if (c.tsm)
        for (const auto& r : rows) tsm = tsm || find(c.tsm->probabilities, r.label);

    out += "<h3>Label probabilities</h3>\n";
    // Numbers in fixed-width columns, so they line up from case to case.
    out += "<table class=\"numbers\" width=\"100%\" cellpadding=\"2\" cellspacing=\"0\">\n"
           "<tr><th align=\"left\">Label</th>";
    if (without) out += "<th align=\"right\" width=\"15%\">AI</th>";
    if (with) out += "<th align=\"right\" width=\"22%\">AI with exemplar</th>";
    if (tsm) out += "<th align=\"right\" width=\"15%\">TSM</th>";
    out += "</tr>\n";

    auto cell = [&out](const std::vector<service::LabelProbability>& column, const std::string& label, const char* td) {
        out += std::string(td) + " align=\"right\">";
        if (const auto* p = find(column, label)) {
            const bool top = p->probability >= maxProbability(column);
            out += top ? "<b>" + html::percent(p->probability) + "</b>" : html::percent(p->probability);
        } else {
            out += "<span class=\"muted\">&#8211;</span>";
        }
        out += "</td>";
    };
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const char* td = i % 2 == 1 ? "<td bgcolor=\"#f3f5f8\"" : "<td";
        const std::string& label = rows[i].label;
        out += std::string("<tr>") + td + ">" + escape(label);
        if (!c.groundTruth.empty() && label == c.groundTruth) out += " <span class=\"muted\">(ground truth)</span>";
        out += "</td>";
        if (without) cell(c.labels, label, td);
        if (with) cell(c.labelsWithExemplar, label, td);
        if (tsm) cell(c.tsm->probabilities, label, td);
        out += "</tr>\n";
    }
    out += "</table>\n";
}

void answers(std::string& out, const CaseReport& c) {
    out += "<h3>Question and answers</h3>\n";
    beginTable(out);
    row(out, "Question", escape(c.question));
    row(out, c.answerWithExemplar.empty() ? "AI answer" : "AI answer without exemplar", escape(c.answer), "answer");
    row(out, "AI answer with exemplar", escape(c.answerWithExemplar), "answer");
    out += "</table>\n";
}

std::string readText(const ReviewRead& r) {
    std::string out = joined({r.label.empty() ? "" : "<b>" + escape(r.label) + "</b>", escape(r.finding)}, " &#8211; ");
    const std::string details =
        joined({r.confidence > 0 ? "confidence " + std::to_string(r.confidence) + "/5" : "",
                r.secondsSpent > 0 ? std::to_string(int(r.secondsSpent + 0.5)) + "&#160;s" : ""},
               ", ");
    if (!details.empty()) out += (out.empty() ? "" : " ") + std::string("<span class=\"muted\">(") + details + ")</span>";
    return out;
}

void review(std::string& out, const CaseReport& c) {
    out += "<h3>Review</h3>\n";
    if (!c.review) {
        out += "<p class=\"muted\">Not reviewed.</p>\n";
        return;
    }
    const ReviewDecision& r = *c.review;
    beginTable(out);
    std::string decision = "<b>" + html::decisionText(r.decision) + "</b>";
    if (!r.reason.empty() && r.reason != "none") decision += " &#8211; " + html::words(r.reason);
    row(out, "Decision", decision);
    row(out, "Reviewer", joined({escape(r.reviewer), r.savedAt.empty() ? "" : "saved " + html::time(r.savedAt)}));
    row(out, "Read with the AI", readText(r.read));
    if (r.unaidedRead) row(out, "Read without the AI", readText(*r.unaidedRead));
    row(out, "Comment", escape(r.text));
    out += "</table>\n";
}

std::string source(const CaseReport& c) {
    std::vector<std::string> lines;
    if (!c.dicom.empty()) {
        std::string uids = "<span class=\"mono\">Study&#160;&#160;&#160; " + escape(c.dicom.studyInstanceUid);
        if (!c.dicom.seriesInstanceUid.empty()) uids += "<br>Series&#160;&#160; " + escape(c.dicom.seriesInstanceUid);
        if (!c.dicom.sopInstanceUid.empty()) uids += "<br>Instance " + escape(c.dicom.sopInstanceUid);
        if (!c.dicom.sopClassUid.empty()) uids += "<br>Class&#160;&#160;&#160; " + escape(c.dicom.sopClassUid);
        lines.push_back(uids + "</span>");
    }
    if (!c.dataset.empty())
        lines.push_back(escape(c.dataset.file) + (c.dataset.split.empty() ? "" : ", " + escape(c.dataset.split) + " split") +
                        ", sample " + std::to_string(c.dataset.index));
    if (!c.sourceFile.empty()) lines.push_back("<span class=\"mono\">" + escape(c.sourceFile.string()) + "</span>");
    if (c.burnedInAnnotation) lines.push_back("The image has burned-in annotation.");
    std::string out;
    for (const auto& line : lines) out += (out.empty() ? "" : "<br>") + line;
    return out;
}

void provenance(std::string& out, const CaseReport& c) {
    out += "<h3>Models and source</h3>\n";
    beginTable(out);
    row(out, "Model", identity(c.model));
    row(out, "TSM", identity(c.tsmModel));
    row(out, "Saliency",
        joined({escape(c.saliencyMethod), c.saliencyLabel.empty() ? "" : "for " + quoted(c.saliencyLabel)}, " "));
    row(out, "Source", source(c));
    out += "</table>\n";
}

void disclaimer(std::string& out) {
    out += "<table width=\"100%\" cellpadding=\"5\" cellspacing=\"0\" border=\"1\" bordercolor=\"#c9d2db\" "
           "style=\"margin-top: 12px; border-collapse: collapse\"><tr><td bgcolor=\"#f6f8fa\" class=\"disclaimer\">" +
           escape(researchDisclaimer()) + "</td></tr></table>\n";
}

void caseSection(std::string& out, const Report& report, std::size_t index, const ImageSource& imageSource) {
    const CaseReport& c = report.cases[index];
    const char* pageBreak = index > 0 ? " style=\"page-break-before: always\"" : "";
    out += std::string("<section") + pageBreak + ">\n";
    header(out, report, index, pageBreak);
    if (c.patient) patient(out, *c.patient);

    out += "<table width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" style=\"margin-top: 10px\"><tr>\n";
    out += "<td width=\"" + std::to_string(kImageWidth + 14) + "\" valign=\"top\">\n";
    keyImage(out, c, index, imageSource);
    out += "</td>\n<td valign=\"top\">\n";
    findings(out, c);
    probabilities(out, c);
    out += "</td></tr></table>\n";

    answers(out, c);
    review(out, c);
    provenance(out, c);
    disclaimer(out);
    out += "</section>\n";
}

}  // namespace

std::string htmlReport(const Report& report, const ImageSource& imageSource) {
    const std::string title = reportTitle(report);
    std::string out;
    out += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + escape(title) +
           "</title>\n<style>" + kStyle + "</style>\n</head>\n<body>\n";
    out += "<h1>" + escape(title) + "</h1>\n";
    const std::string count = std::to_string(report.cases.size()) + (report.cases.size() == 1 ? " case" : " cases");
    out += "<p class=\"meta\" style=\"margin-bottom: 10px\">" +
           joined({report.generatedAt.empty() ? "" : "Generated " + html::time(report.generatedAt),
                   report.software.empty() ? "" : "by " + escape(report.software.name + " " + report.software.version),
                   count, report.deidentified ? "de-identified" : "<b>not de-identified: contains patient data</b>"}) +
           "</p>\n";
    for (std::size_t i = 0; i < report.cases.size(); ++i) caseSection(out, report, i, imageSource);
    out += "</body>\n</html>\n";
    return out;
}

}  // namespace vitask::report

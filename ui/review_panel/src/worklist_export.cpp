#include "vitask/ui/review_panel/worklist_export.h"

#include "vitask/common/atomic_file.h"
#include "vitask/common/error.h"
#include "vitask/report/deidentify.h"
#include "vitask/report/document_report.h"
#include "vitask/ui/report_pdf/pdf_report.h"
#include "vitask/ui/review_panel/worklist_creation.h"
#include "vitask/ui/review_store/review_export.h"
// The studio is an imaging build, so the DICOM side of core/report is always there.
#include "vitask/report/dicom_report.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace vitask::ui {
namespace {

std::string s(const QString& text) { return text.toStdString(); }

report::ReviewRead readOf(const Read& read) {
    return {s(read.label), s(read.finding), read.confidence, read.secondsSpent};
}

report::ReviewDecision decisionOf(const Review& review) {
    report::ReviewDecision d;
    d.reviewer = s(review.reviewer);
    d.decision = s(decisionName(review.decision));
    d.reason = s(reasonName(review.reason));
    d.text = s(review.text);
    d.read = readOf(review.read);
    if (review.unaidedRead) d.unaidedRead = readOf(*review.unaidedRead);
    d.savedAt = s(review.savedAt.toString(Qt::ISODate));
    return d;
}

report::CaseReport caseReport(const Worklist& worklist, const ExportCase& e, int number, int total,
                              QStringList* problems) {
    const WorklistCase& c = e.workCase;
    const service::AskResult* withExemplar =
        e.answer && e.answer->answerWithExemplar ? &*e.answer->answerWithExemplar : nullptr;
    report::CaseReport r = e.answer ? report::caseReportFromAnswer(e.answer->answer, withExemplar) : report::CaseReport{};
    r.title = s(QCoreApplication::translate("vitask::ui::WorklistExport", "Case %1 of %2 — %3")
                    .arg(number)
                    .arg(total)
                    .arg(c.title));
    r.sourceFile = s(c.file);
    if (!c.key.isDicom()) r.dataset = {s(QFileInfo(c.key.datasetPath).fileName()), s(c.key.datasetSplit), c.key.datasetIndex};
    r.groundTruth = s(c.groundTruth);
    r.model = {s(worklist.model.name), s(worklist.model.version), s(worklist.model.weightsHash)};
    r.tsmModel = {s(worklist.tsm.name), s(worklist.tsm.version), s(worklist.tsm.weightsHash)};
    r.answeredAt = s(c.answeredAt.toString(Qt::ISODate));
    if (e.review) r.review = decisionOf(*e.review);
    try {
        report::readDicomSource(r);
    } catch (const Error& error) {
        *problems << QStringLiteral("%1: %2").arg(c.title, QString::fromStdString(error.what()));
    }
    try {
        const service::ModelImage image = service::loadCaseImage(toServiceCase(c));
        const service::SaliencyMap* saliency = e.answer && e.answer->answer.saliency ? &*e.answer->answer.saliency : nullptr;
        r.keyImage = report::keyImageFrom(image, saliency);
    } catch (const Error& error) {
        *problems << QStringLiteral("%1: no key image (%2)").arg(c.title, QString::fromStdString(error.what()));
    }
    return r;
}

QString pathIn(const QString& folder, const QString& name) { return QDir(folder).filePath(name); }

void copyFile(const QString& from, const QString& to) {
    QFile::remove(to);
    if (!QFile::copy(from, to))
        throw Error("cannot copy the source image", s(to), "Check the export folder's free space and permissions.");
}

QString fileNameOf(const QString& path) { return path.isEmpty() ? path : QFileInfo(path).fileName(); }

void writeBytes(const QString& path, const QByteArray& bytes) {
    writeTextFileAtomically(s(path), std::string_view(bytes.constData(), std::size_t(bytes.size())));
}

}  // namespace

QList<Review> deidentifiedReviews(QList<Review> reviews, report::UidMap& uids) {
    const auto map = [&uids](QString& uid) {
        if (!uid.isEmpty()) uid = QString::fromStdString(uids.map(uid.toStdString()));
    };
    for (Review& r : reviews) {
        map(r.caseKey.studyInstanceUid);
        map(r.caseKey.seriesInstanceUid);
        map(r.caseKey.sopInstanceUid);
        r.caseKey.datasetPath = fileNameOf(r.caseKey.datasetPath);
    }
    return reviews;
}

std::optional<report::Report> buildWorklistReport(const Worklist& worklist, const QList<ExportCase>& cases,
                                                  const ExportOptions& options, const ExportProgress& progress,
                                                  QStringList* problems) {
    report::Report out;
    out.title = s(worklist.name);
    out.generatedAt = report::isoTimeNowUtc();
    out.software = {"VITask Studio", s(QCoreApplication::applicationVersion()), {}};
    out.deidentified = false;
    QList<const ExportCase*> chosen;
    for (const ExportCase& e : cases)
        if (!options.reviewedOnly || e.review) chosen << &e;
    for (int i = 0; i < chosen.size(); ++i) {
        if (progress && !progress(i, int(chosen.size()))) return std::nullopt;
        out.cases.push_back(caseReport(worklist, *chosen[i], i + 1, int(chosen.size()), problems));
    }
    return out;
}

ExportResult exportWorklist(const Worklist& worklist, const QList<ExportCase>& cases, const ExportOptions& options,
                            const ExportProgress& progress) {
    ExportResult result;
    if (!QFileInfo(options.folder).isDir())
        throw Error("the export folder does not exist", s(options.folder), "Choose an existing folder.");
    // Building the report (reading every image) is most of the work: it gets 90% of the bar.
    const auto building = [&](int done, int total) { return !progress || progress(done * 9, total * 10); };
    const std::optional<report::Report> built = buildWorklistReport(worklist, cases, options, building, &result.problems);
    if (!built) {
        result.cancelled = true;
        return result;
    }
    const report::Report& full = *built;
    report::UidMap uids;
    const report::Report report = options.deidentify ? report::deidentified(full, uids) : full;

    const QString base = pathIn(options.folder, options.baseName);
    if (options.json) {
        report::writeJsonReport(report, s(base + QStringLiteral(".json")));
        result.files << base + QStringLiteral(".json");
    }
    if (options.html) {
        report::writeHtmlReport(report, s(base + QStringLiteral(".html")));
        result.files << base + QStringLiteral(".html");
    }
    if (options.pdf) {
        writePdfReport(report, base + QStringLiteral(".pdf"));
        result.files << base + QStringLiteral(".pdf");
    }
    if (options.reviewsCsv || options.reviewsJson) {
        QList<Review> reviews;
        for (const ExportCase& e : cases)
            if (e.review) reviews << *e.review;
        Worklist list = worklist;
        if (options.deidentify) {
            reviews = deidentifiedReviews(reviews, uids);
            list.sourcePath = fileNameOf(list.sourcePath);
        }
        if (options.reviewsCsv) {
            writeBytes(base + QStringLiteral("-reviews.csv"), reviewsToCsv(list, reviews));
            result.files << base + QStringLiteral("-reviews.csv");
        }
        if (options.reviewsJson) {
            writeBytes(base + QStringLiteral("-reviews.json"), reviewsToJson(list, reviews));
            result.files << base + QStringLiteral("-reviews.json");
        }
    }
    if (options.dicom || options.sourceCopies) {
        const QString folder = pathIn(options.folder, QStringLiteral("dicom"));
        if (!QDir().mkpath(folder))
            throw Error("cannot create the folder for the DICOM files", s(folder), "Check the export folder's permissions.");
        for (std::size_t i = 0; i < report.cases.size(); ++i) {
            const QString stem = pathIn(folder, QStringLiteral("case-%1").arg(i + 1, 4, 10, QLatin1Char('0')));
            if (options.dicom) {
                const auto files = report::writeDicomReport(report, report.cases[i], s(stem + QStringLiteral("-sr.dcm")));
                result.files << QString::fromStdString(files.structuredReport.string());
                if (!files.secondaryCapture.empty())
                    result.files << QString::fromStdString(files.secondaryCapture.string());
            }
            const report::CaseReport& source = full.cases[i];
            if (!options.sourceCopies || source.dicom.empty()) continue;
            const QString copy = stem + QStringLiteral("-source.dcm");
            try {
                if (options.deidentify)
                    report::writeDeidentifiedCopy(source.sourceFile, s(copy), uids);
                else
                    copyFile(QString::fromStdString(source.sourceFile.string()), copy);
                result.files << copy;
            } catch (const Error& error) {
                result.problems << QStringLiteral("%1: source not copied (%2)")
                                       .arg(QString::fromStdString(source.title), QString::fromStdString(error.what()));
            }
        }
    }
    if (progress) progress(1, 1);
    return result;
}

}  // namespace vitask::ui

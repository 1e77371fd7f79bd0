#pragma once
// A worklist handed on: its reviewed (or only answered) cases as a report — PDF, HTML,
// JSON, DICOM SR with Secondary Captures and, optionally, de-identified copies of the
// source images — de-identified unless the user switches it off. exportWorklist() reads
// images and writes files: run it off the UI thread (ExportDialog does).

#include "vitask/report/case_report.h"
#include "vitask/report/deidentify.h"
#include "vitask/service/worklist.h"
#include "vitask/ui/review_store/review_types.h"

#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace vitask::ui {

struct ExportCase {
    WorklistCase workCase;
    std::optional<service::CaseAnswer> answer;
    std::optional<Review> review;
};

struct ExportOptions {
    QString folder;               // must exist
    QString baseName = QStringLiteral("report");
    bool pdf = true;
    bool html = false;
    bool json = false;
    bool dicom = false;           // SR + Secondary Capture per case, in <folder>/dicom
    bool sourceCopies = false;    // and the source instances (DICOM cases), de-identified when deidentify
    bool reviewsCsv = false;      // the reviews (docs/formats.md, "Review database"), UIDs mapped as
    bool reviewsJson = false;     // in the reports when deidentify
    bool deidentify = true;
    bool reviewedOnly = false;    // leave out cases without a review
};

struct ExportResult {
    QStringList files;            // written, in order
    QStringList problems;         // per case: what was left out and why
    bool cancelled = false;
};

// Done and total cases; return false to cancel.
using ExportProgress = std::function<bool(int done, int total)>;

// The report of `cases` as it would be written (images read, key images made, DICOM
// sources read), before de-identification; nullopt when `progress` cancelled it. What
// could not be read is left out of the case and listed in `problems`.
std::optional<report::Report> buildWorklistReport(const Worklist& worklist, const QList<ExportCase>& cases,
                                                  const ExportOptions& options, const ExportProgress& progress,
                                                  QStringList* problems);

// The reviews as they may leave the machine: their cases' UIDs through `uids` (the same
// map as the export's reports, so a review names the SR's study), dataset paths and the
// worklist's source reduced to file names (a folder may carry a patient's name).
QList<Review> deidentifiedReviews(QList<Review> reviews, report::UidMap& uids);

// Builds the report and writes the formats `options` chooses. Throws vitask::Error naming
// the file when one cannot be written (files written before stay).
ExportResult exportWorklist(const Worklist& worklist, const QList<ExportCase>& cases, const ExportOptions& options,
                            const ExportProgress& progress = {});

}  // namespace vitask::ui

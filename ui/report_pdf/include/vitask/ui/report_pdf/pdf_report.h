#pragma once
// A report as a PDF: core/report's HTML (htmlReport) laid out by Qt's QTextDocument and
// printed by QPdfWriter on A4 with 15 mm margins, one page per case for normal content.
// Key images go in at their own resolution, not re-encoded.

#include "vitask/report/case_report.h"

#include <QString>

namespace vitask::ui {

// Writes `report` to `path` atomically (the previous file stays until the new one is
// complete). Throws vitask::Error naming `path` when it cannot be written. Needs a
// QGuiApplication for fonts; calls ensureGuiApplication() first, so call it from the
// thread that owns (or will own) the application, normally the main thread.
void writePdfReport(const vitask::report::Report& report, const QString& path);

// Makes sure a QGuiApplication exists, so that programs without one (the CLI's
// `vitask report`) can lay out and print text: when QCoreApplication::instance() is null
// it creates a QGuiApplication on the "offscreen" platform (no display needed), which
// lives until the process exits. Throws vitask::Error when the program already runs a
// plain QCoreApplication, which cannot lay out text.
void ensureGuiApplication();

}  // namespace vitask::ui

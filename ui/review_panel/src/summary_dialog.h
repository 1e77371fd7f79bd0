#pragma once
// The worklist's summary for its reviewer (worklist_summary.h): progress, decisions,
// agreement with the VLM and the TSM, accuracy against ground truth, time per case, and
// for blinded reader studies the change from unaided to aided reads.

#include "vitask/ui/review_store/worklist_summary.h"

#include <QDialog>

class QTextBrowser;

namespace vitask::ui {

class WorklistSession;

// The summary as an HTML table (the dialog shows it; tests read it).
QString summaryHtml(const WorklistSummary& summary);
WorklistSummary sessionSummary(const WorklistSession& session);

class SummaryDialog : public QDialog {
    Q_OBJECT
public:
    SummaryDialog(const WorklistSession& session, QWidget* parent = nullptr);
    QTextBrowser* browser() const { return browser_; }

private:
    QTextBrowser* browser_;
};

}  // namespace vitask::ui

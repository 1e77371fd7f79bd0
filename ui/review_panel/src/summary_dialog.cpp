#include "summary_dialog.h"

#include "vitask/ui/review_panel/worklist_session.h"

#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace vitask::ui {
namespace {

QString tr(const char* text) { return QCoreApplication::translate("vitask::ui::SummaryDialog", text); }

QString rate(const Rate& r) {
    if (!r.rate()) return QStringLiteral("—");
    return QStringLiteral("%1% (%2 / %3)").arg(*r.rate() * 100.0, 0, 'f', 1).arg(r.hits).arg(r.total);
}

QString seconds(double s) { return QStringLiteral("%1 s").arg(s, 0, 'f', 1); }

QString row(const QString& name, const QString& value) {
    return QStringLiteral("<tr><td>%1</td><td align=\"right\"><b>%2</b></td></tr>").arg(name.toHtmlEscaped(), value);
}

QString heading(const QString& text) {
    return QStringLiteral("<tr><td colspan=\"2\"><h3>%1</h3></td></tr>").arg(text.toHtmlEscaped());
}

}  // namespace

QString summaryHtml(const WorklistSummary& s) {
    QString html = QStringLiteral("<table cellpadding=\"3\" width=\"100%\">");
    html += heading(tr("Progress"));
    html += row(tr("Cases"), QString::number(s.cases));
    html += row(tr("Answered by the AI"), QString::number(s.answered));
    html += row(tr("Reviewed"), QString::number(s.reviewed));
    html += row(tr("Accepted / corrected / rejected"),
                QStringLiteral("%1 / %2 / %3").arg(s.accepted).arg(s.corrected).arg(s.rejected));
    for (auto it = s.reasons.cbegin(); it != s.reasons.cend(); ++it)
        html += row(tr("Reason: %1").arg(it.key()), QString::number(it.value()));
    html += heading(tr("Agreement"));
    html += row(tr("Reviewer agrees with the VLM"), rate(s.agreesWithVlm));
    html += row(tr("Reviewer agrees with the TSM"), rate(s.agreesWithTsm));
    html += heading(tr("Accuracy against ground truth"));
    html += row(tr("VLM"), rate(s.vlmCorrect));
    html += row(tr("TSM"), rate(s.tsmCorrect));
    html += row(tr("Reviewer (final read)"), rate(s.reviewerCorrect));
    html += heading(tr("Time"));
    html += row(tr("Per case, mean"), seconds(s.secondsMean));
    html += row(tr("Per case, median"), seconds(s.secondsMedian));
    html += row(tr("Total"), seconds(s.secondsTotal));
    if (s.blinded > 0) {
        html += heading(tr("Reader study: unaided → aided"));
        html += row(tr("Cases read blinded first"), QString::number(s.blinded));
        html += row(tr("Unaided reads correct"), rate(s.unaidedCorrect));
        html += row(tr("Aided reads correct"), rate(s.aidedCorrect));
        html += row(tr("Reads changed after seeing the AI"), QString::number(s.changed));
        html += row(tr("… from wrong to right"), QString::number(s.changedToCorrect));
        html += row(tr("… from right to wrong"), QString::number(s.changedToWrong));
        html += row(tr("Unaided read, mean time"), seconds(s.unaidedSecondsMean));
    }
    return html + QStringLiteral("</table>");
}

WorklistSummary sessionSummary(const WorklistSession& session) {
    QList<WorklistCase> cases;
    for (int i = 0; i < session.caseCount(); ++i) cases << session.caseAt(i);
    return summarizeWorklist(cases, session.reviews(), session.reviewer());
}

SummaryDialog::SummaryDialog(const WorklistSession& session, QWidget* parent) : QDialog(parent) {
    setWindowTitle(tr("Summary of %1 — %2").arg(session.worklist().name, session.reviewer()));
    auto* layout = new QVBoxLayout(this);
    browser_ = new QTextBrowser(this);
    browser_->setHtml(summaryHtml(sessionSummary(session)));
    layout->addWidget(browser_);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(480, 600);
}

}  // namespace vitask::ui

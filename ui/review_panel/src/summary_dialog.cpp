#include "summary_dialog.h"

#include "vitask/ui/review_panel/worklist_session.h"

#include <QDialogButtonBox>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace vitask::ui {
namespace {

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
    html += heading(SummaryDialog::tr("Progress"));
    html += row(SummaryDialog::tr("Cases"), QString::number(s.cases));
    html += row(SummaryDialog::tr("Answered by the AI"), QString::number(s.answered));
    html += row(SummaryDialog::tr("Reviewed"), QString::number(s.reviewed));
    html += row(SummaryDialog::tr("Accepted / corrected / rejected"),
                QStringLiteral("%1 / %2 / %3").arg(s.accepted).arg(s.corrected).arg(s.rejected));
    for (auto it = s.reasons.cbegin(); it != s.reasons.cend(); ++it)
        html += row(SummaryDialog::tr("Reason: %1").arg(it.key()), QString::number(it.value()));
    html += heading(SummaryDialog::tr("Agreement"));
    html += row(SummaryDialog::tr("Reviewer agrees with the VLM"), rate(s.agreesWithVlm));
    html += row(SummaryDialog::tr("Reviewer agrees with the TSM"), rate(s.agreesWithTsm));
    html += heading(SummaryDialog::tr("Accuracy against ground truth"));
    html += row(SummaryDialog::tr("VLM"), rate(s.vlmCorrect));
    html += row(SummaryDialog::tr("TSM"), rate(s.tsmCorrect));
    html += row(SummaryDialog::tr("Reviewer (final read)"), rate(s.reviewerCorrect));
    html += heading(SummaryDialog::tr("Time"));
    html += row(SummaryDialog::tr("Per case, mean"), seconds(s.secondsMean));
    html += row(SummaryDialog::tr("Per case, median"), seconds(s.secondsMedian));
    html += row(SummaryDialog::tr("Total"), seconds(s.secondsTotal));
    if (s.blinded > 0) {
        html += heading(SummaryDialog::tr("Reader study: unaided → aided"));
        html += row(SummaryDialog::tr("Cases read blinded first"), QString::number(s.blinded));
        html += row(SummaryDialog::tr("Unaided reads correct"), rate(s.unaidedCorrect));
        html += row(SummaryDialog::tr("Aided reads correct"), rate(s.aidedCorrect));
        html += row(SummaryDialog::tr("Reads changed after seeing the AI"), QString::number(s.changed));
        html += row(SummaryDialog::tr("… from wrong to right"), QString::number(s.changedToCorrect));
        html += row(SummaryDialog::tr("… from right to wrong"), QString::number(s.changedToWrong));
        html += row(SummaryDialog::tr("Unaided read, mean time"), seconds(s.unaidedSecondsMean));
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

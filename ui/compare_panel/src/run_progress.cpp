#include "run_progress.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>

#include <cmath>

namespace vitask::ui {

QString durationText(double seconds) {
    const auto s = static_cast<qint64>(std::llround(std::max(0.0, seconds)));
    if (s < 60) return RunProgress::tr("%1 s").arg(s);
    if (s < 3600) return RunProgress::tr("%1 min %2 s").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
    return RunProgress::tr("%1 h %2 min").arg(s / 3600).arg(s / 60 % 60, 2, 10, QLatin1Char('0'));
}

RunProgress::RunProgress(QWidget* parent) : QWidget(parent) {
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    bar_ = new QProgressBar(this);
    bar_->setObjectName(QStringLiteral("runProgress"));
    bar_->setRange(0, 1);
    bar_->setValue(0);
    status_ = new QLabel(this);
    status_->setObjectName(QStringLiteral("runStatus"));
    status_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(bar_, 1);
    layout->addWidget(status_, 2);
    statusText_ = [] { return tr("Not run yet."); };
    retranslateUi();
}

void RunProgress::retranslateUi() {
    bar_->setFormat(tr("%v / %m"));
    status_->setText(statusText_());
}

void RunProgress::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslateUi();
    QWidget::changeEvent(event);
}

void RunProgress::showStatus(TextSource status) {
    statusText_ = std::move(status);
    status_->setText(statusText_());
}

void RunProgress::start(TextSource what) {
    firstDone_ = -1;
    bar_->setRange(0, 0);  // busy
    showStatus(std::move(what));
}

void RunProgress::setProgress(qint64 done, qint64 total) {
    if (firstDone_ < 0) {
        firstDone_ = done;
        timer_.start();
    }
    bar_->setRange(0, static_cast<int>(std::max<qint64>(1, total)));
    bar_->setValue(static_cast<int>(done));
    const double seconds = static_cast<double>(timer_.elapsed()) / 1000.0;
    const qint64 counted = done - firstDone_;
    if (counted <= 0 || seconds <= 0) {
        showStatus([] { return tr("Answering…"); });
        return;
    }
    const double rate = static_cast<double>(counted) / seconds;
    const double left = static_cast<double>(total - done) / rate;
    showStatus([rate, left] {
        return tr("%1 answers/s · %2 left").arg(rate, 0, 'f', rate < 10 ? 2 : 1).arg(durationText(left));
    });
}

void RunProgress::stop(TextSource message) {
    if (bar_->maximum() == 0) bar_->setRange(0, 1);
    showStatus(std::move(message));
}

}  // namespace vitask::ui

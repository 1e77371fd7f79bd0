#pragma once
// A run's progress: a bar of the samples answered and a line with the rate and the time
// left, estimated from the samples answered so far (the dataset's reading and the TSM's
// pass before the first sample do not count).

#include "text_source.h"

#include <QElapsedTimer>
#include <QWidget>

class QLabel;
class QProgressBar;

namespace vitask::ui {

class RunProgress : public QWidget {
    Q_OBJECT
public:
    explicit RunProgress(QWidget* parent = nullptr);

    // A run starts: busy until the first setProgress(), with `what` shown.
    void start(TextSource what);
    void setProgress(qint64 done, qint64 total);
    // The run ended; `message` replaces the rate and ETA.
    void stop(TextSource message);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void showStatus(TextSource status);

    QProgressBar* bar_ = nullptr;
    QLabel* status_ = nullptr;
    TextSource statusText_;
    QElapsedTimer timer_;
    qint64 firstDone_ = -1;  // done when the timer started
};

// "42 s", "3 min 05 s", "1 h 02 min"
QString durationText(double seconds);

}  // namespace vitask::ui

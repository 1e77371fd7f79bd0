#pragma once
// Seconds a reviewer spends on a read: wall time while the studio is the active
// application, so a coffee break with the studio in the background does not count.

#include <QDateTime>
#include <QElapsedTimer>
#include <QObject>

namespace vitask::ui {

class ActiveTime : public QObject {
    Q_OBJECT
public:
    explicit ActiveTime(QObject* parent = nullptr);
    void restart();                // a new read starts now
    double seconds() const;
    const QDateTime& startedAt() const { return startedAt_; }

private:
    void setActive(bool active);

    QElapsedTimer running_;        // valid while active
    qint64 banked_ = 0;            // milliseconds of earlier active stretches
    QDateTime startedAt_;
};

}  // namespace vitask::ui

#include "active_time.h"

#include <QGuiApplication>

namespace vitask::ui {

ActiveTime::ActiveTime(QObject* parent) : QObject(parent) {
    connect(qGuiApp, &QGuiApplication::applicationStateChanged, this,
            [this](Qt::ApplicationState state) { setActive(state == Qt::ApplicationActive); });
    restart();
}

void ActiveTime::restart() {
    banked_ = 0;
    startedAt_ = QDateTime::currentDateTimeUtc();
    // Offscreen and some window managers never report "active": count from the start then.
    if (QGuiApplication::applicationState() == Qt::ApplicationActive || QGuiApplication::platformName() == QLatin1String("offscreen"))
        running_.start();
    else
        running_.invalidate();
}

double ActiveTime::seconds() const { return double(banked_ + (running_.isValid() ? running_.elapsed() : 0)) / 1000.0; }

void ActiveTime::setActive(bool active) {
    if (active && !running_.isValid()) {
        running_.start();
    } else if (!active && running_.isValid()) {
        banked_ += running_.elapsed();
        running_.invalidate();
    }
}

}  // namespace vitask::ui

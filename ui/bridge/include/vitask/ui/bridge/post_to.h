#pragma once
// Runs a function on the thread of a QObject (its event loop), from any thread. A call
// posted to an object that is destroyed before it runs is dropped by Qt, so worker
// callbacks can never reach a dead widget.

#include <QMetaObject>
#include <QObject>

#include <utility>

namespace vitask::ui {

template <typename Function>
void postTo(QObject* context, Function&& function) {
    QMetaObject::invokeMethod(context, std::forward<Function>(function), Qt::QueuedConnection);
}

}  // namespace vitask::ui

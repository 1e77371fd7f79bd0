// SliceViewer's mouse, wheel and keyboard bindings (those of OsiriX/Horos and Weasis,
// listed in shortcutHelp()).
#include "vitask/ui/viewer/slice_viewer.h"

#include "value_format.h"

#include <QKeyEvent>
#include <QMenu>
#include <QMouseEvent>
#include <QWheelEvent>
#include <algorithm>
#include <cmath>

namespace vitask::ui {
namespace {

// Right-drags shorter than this are a click (the preset menu), not window/level.
constexpr double kClickSlop = 3.0;

}  // namespace

void SliceViewer::stepFrame(int delta) { setSlice(slice_ + delta); }

void SliceViewer::wheelEvent(QWheelEvent* event) {
    if (!volume_) return;
    const int delta = event->angleDelta().y();
    if (event->modifiers() & Qt::ControlModifier) {
        zoomAbout(zoom_ * std::pow(2.0, delta / 480.0), event->position());  // 4 notches: x2
        updateCursorValue(event->position());
    } else {
        // Trackpads send small deltas: accumulate to whole notches. Wheel down = next.
        wheelRemainder_ += delta;
        const int steps = wheelRemainder_ / 120;
        wheelRemainder_ -= steps * 120;
        if (sliceCount() <= 1 && timePointCount() > 1) {
            setTimePoint(timePoint_ - steps);
        } else {
            stepFrame(-steps);
        }
    }
    event->accept();
}

void SliceViewer::mousePressEvent(QMouseEvent* event) {
    setFocus(Qt::MouseFocusReason);
    if (dragButton_ != Qt::NoButton) return;
    dragButton_ = event->button();
    dragStart_ = event->position();
    panAtStart_ = pan_;
    windowAtStart_ = window_;
    dragMoved_ = false;
    event->accept();
}

void SliceViewer::mouseMoveEvent(QMouseEvent* event) {
    const QPointF pos = event->position();
    lastMousePos_ = pos;
    if (dragButton_ != Qt::NoButton && volume_) {
        const QPointF delta = pos - dragStart_;
        if (!dragMoved_ && std::hypot(delta.x(), delta.y()) > kClickSlop) dragMoved_ = true;
        if (dragMoved_ && dragButton_ == Qt::RightButton) {
            // OsiriX: right = wider, down = higher level (darker). One pixel moves about
            // 1/800 of the volume's value range (5 HU on CT, 0.3 on 8-bit data).
            const double step = valueRange_ / 800.0;
            imaging::Window w(windowAtStart_.center + delta.y() * step,
                              std::max(1.0, windowAtStart_.width + delta.x() * step), {});
            w.function = windowAtStart_.lut ? imaging::VoiFunction::Linear : windowAtStart_.function;
            setWindow(w);
        } else if (dragMoved_ && (dragButton_ == Qt::LeftButton || dragButton_ == Qt::MiddleButton)) {
            setPan(panAtStart_ + delta);
        }
    }
    updateCursorValue(pos);
}

void SliceViewer::mouseReleaseEvent(QMouseEvent* event) {
    if (event->button() != dragButton_) return;
    if (dragButton_ == Qt::RightButton && !dragMoved_ && volume_) {
        showContextMenu(event->globalPosition().toPoint());
    }
    dragButton_ = Qt::NoButton;
}

void SliceViewer::mouseDoubleClickEvent(QMouseEvent* event) {
    if (event->button() == Qt::LeftButton) fitToWindow();
}

void SliceViewer::leaveEvent(QEvent*) {
    if (!cursorText_.isEmpty()) {
        cursorText_.clear();
        Q_EMIT cursorValueChanged(cursorText_);
        update();
    }
}

void SliceViewer::updateCursorValue(const QPointF& widgetPos) {
    const QString text = valueAt(widgetPos.toPoint());
    if (text == cursorText_) return;
    cursorText_ = text;
    Q_EMIT cursorValueChanged(cursorText_);
    update();
}

void SliceViewer::showContextMenu(const QPoint& globalPos) {
    QMenu menu(this);
    const auto list = presets();
    for (std::size_t i = 0; i < list.size(); ++i) {
        const auto& w = list[i];
        const QString name = w.explanation.empty() ? tr("window") : QString::fromStdString(w.explanation);
        QAction* action = menu.addAction(
            w.lut ? tr("%1 (VOI LUT)").arg(name)
                  : QStringLiteral("%1  (W %2 L %3)").arg(name, formatNumber(w.width), formatNumber(w.center)));
        connect(action, &QAction::triggered, this, [this, i] { applyPreset(int(i)); });
    }
    menu.addSeparator();
    menu.addAction(tr("Reset window\tR"), this, &SliceViewer::resetWindow);
    menu.addAction(tr("Fit to window\tF"), this, &SliceViewer::fitToWindow);
    menu.addAction(tr("1:1\t1"), this, &SliceViewer::oneToOne);
    QAction* overlay = menu.addAction(tr("Annotations\tI"));
    overlay->setCheckable(true);
    overlay->setChecked(overlayVisible_);
    connect(overlay, &QAction::toggled, this, &SliceViewer::setOverlayVisible);
    if (hasHeatmap()) {
        QAction* heat = menu.addAction(tr("Heatmap\tH"));
        heat->setCheckable(true);
        heat->setChecked(heatmapVisible_);
        connect(heat, &QAction::toggled, this, &SliceViewer::setHeatmapVisible);
    }
    menu.exec(globalPos);
}

void SliceViewer::keyPressEvent(QKeyEvent* event) {
    if (!volume_) {
        QWidget::keyPressEvent(event);
        return;
    }
    const int page = std::max(1, sliceCount() / 10);
    switch (event->key()) {
    case Qt::Key_Up: stepFrame(-1); break;
    case Qt::Key_Down: stepFrame(1); break;
    case Qt::Key_PageUp: stepFrame(-page); break;
    case Qt::Key_PageDown: stepFrame(page); break;
    case Qt::Key_Home: setSlice(0); break;
    case Qt::Key_End: setSlice(sliceCount() - 1); break;
    case Qt::Key_Left:
    case Qt::Key_Right: {
        const int d = event->key() == Qt::Key_Left ? -1 : 1;
        if (timePointCount() > 1) {
            setTimePoint(timePoint_ + d);
        } else {
            stepFrame(d);
        }
        break;
    }
    case Qt::Key_F: fitToWindow(); break;
    case Qt::Key_1: oneToOne(); break;
    case Qt::Key_Plus:
    case Qt::Key_Equal: setZoom(zoom_ * 1.25); break;
    case Qt::Key_Minus: setZoom(zoom_ / 1.25); break;
    case Qt::Key_R: resetWindow(); break;
    case Qt::Key_I: setOverlayVisible(!overlayVisible_); break;
    case Qt::Key_Space: setCinePlaying(!cinePlaying()); break;
    case Qt::Key_H: setHeatmapVisible(!heatmapVisible_); break;
    default: QWidget::keyPressEvent(event); return;
    }
    event->accept();
}

QString SliceViewer::shortcutHelp() {
    return tr("Wheel, Up/Down, PgUp/PgDn, Home/End: slices\n"
              "Left/Right: time points (4D), else slices\n"
              "Ctrl+wheel, +/-: zoom   F: fit   1: 1:1   double-click: fit\n"
              "Left- or middle-drag: pan\n"
              "Right-drag: window (left/right) and level (up/down)\n"
              "Right-click: window presets   R: reset window\n"
              "Space: cine   I: annotations   H: heatmap");
}

}  // namespace vitask::ui

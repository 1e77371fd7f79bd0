#pragma once
// The annotations drawn over the image: corner text, orientation labels, scale bar and
// the heatmap's colour bar. Kept apart from the widget so the layout rules (what goes
// where, how text stays readable on any image) live in one place.

#include "vitask/ui/viewer/orientation.h"

#include <QRectF>
#include <QStringList>

class QPainter;

namespace vitask::ui {

struct OverlayContent {
    QStringList topLeft, topRight, bottomLeft, bottomRight;  // one entry a line
    bool showAnnotations = true;    // corner text, orientation labels, scale bar
    OrientationLabels orientation;  // empty strings are left out
    double mmPerPixel = 0.0;        // along a screen row, per logical pixel; 0: no scale bar
    bool showColourBar = false;
    QString colourBarLabel;
};

// A round length for a scale bar: 1, 2 or 5 x 10^n mm, the one nearest (in ratio) to
// `targetMm`.
double niceScaleLength(double targetMm);

// Draws everything in `content` inside `view` (logical coordinates).
void paintOverlay(QPainter& painter, const QRectF& view, const OverlayContent& content);

// Text with a dark outline, legible on black, white and the heatmap alike.
void drawOutlinedText(QPainter& painter, const QRectF& rect, int flags, const QString& text);

}  // namespace vitask::ui

#include "overlay_painter.h"

#include "vitask/ui/viewer/colour_map.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>
#include <cmath>

namespace vitask::ui {
namespace {

constexpr double kMargin = 6.0;
const QColor kText(240, 240, 240);
const QColor kOutline(0, 0, 0, 220);

void paintCorner(QPainter& p, const QRectF& view, const QStringList& lines, Qt::Alignment corner) {
    if (lines.isEmpty()) return;
    const QFontMetricsF fm(p.font());
    const double lineHeight = fm.lineSpacing();
    const bool bottom = corner & Qt::AlignBottom;
    const int flags = int(corner & Qt::AlignHorizontal_Mask) | Qt::AlignVCenter;
    const QRectF inner = view.adjusted(kMargin, kMargin, -kMargin, -kMargin);
    for (int i = 0; i < lines.size(); ++i) {
        // Bottom corners grow upwards so their last line sits on the edge.
        const double y = bottom ? inner.bottom() - (lines.size() - i) * lineHeight
                                : inner.top() + i * lineHeight;
        drawOutlinedText(p, QRectF(inner.left(), y, inner.width(), lineHeight), flags, lines[i]);
    }
}

void paintOrientation(QPainter& p, const QRectF& view, const OrientationLabels& labels) {
    QFont bold = p.font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.2);
    p.save();
    p.setFont(bold);
    const double h = QFontMetricsF(bold).height();
    const QRectF inner = view.adjusted(kMargin, kMargin, -kMargin, -kMargin);
    const double midY = inner.center().y() - h / 2;
    drawOutlinedText(p, QRectF(inner.left(), midY, inner.width(), h),
                     Qt::AlignLeft | Qt::AlignVCenter, labels.left);
    drawOutlinedText(p, QRectF(inner.left(), midY, inner.width(), h),
                     Qt::AlignRight | Qt::AlignVCenter, labels.right);
    drawOutlinedText(p, QRectF(inner.left(), inner.top(), inner.width(), h), Qt::AlignCenter,
                     labels.top);
    drawOutlinedText(p, QRectF(inner.left(), inner.bottom() - h, inner.width(), h),
                     Qt::AlignCenter, labels.bottom);
    p.restore();
}

// Horizontal, centred above the bottom orientation label, label above the bar.
void paintScaleBar(QPainter& p, const QRectF& view, double mmPerPixel) {
    const double lengthMm = niceScaleLength(view.width() / 5.0 * mmPerPixel);
    const double length = lengthMm / mmPerPixel;
    if (!(length > 4.0) || length > view.width() - 2 * kMargin) return;
    const QFontMetricsF fm(p.font());
    const double labelHeight = fm.height() * 1.2 + kMargin;  // room for the "P"/"I" label
    const double y = view.bottom() - kMargin - labelHeight - 4.0;
    const double x0 = view.center().x() - length / 2.0, x1 = x0 + length;
    QPainterPath bar;
    bar.moveTo(x0, y - 5);
    bar.lineTo(x0, y);
    bar.lineTo(x1, y);
    bar.lineTo(x1, y - 5);
    for (int i = 1; i < 5 && length >= 40; ++i) {  // minor ticks at fifths
        bar.moveTo(x0 + length * i / 5.0, y);
        bar.lineTo(x0 + length * i / 5.0, y - 3);
    }
    p.save();
    p.setRenderHint(QPainter::Antialiasing, false);
    p.strokePath(bar, QPen(kOutline, 3.0, Qt::SolidLine, Qt::SquareCap, Qt::MiterJoin));
    p.strokePath(bar, QPen(kText, 1.0, Qt::SolidLine, Qt::SquareCap, Qt::MiterJoin));
    p.restore();
    const QString label = QString::number(lengthMm, 'g', 6) + QStringLiteral(" mm");
    drawOutlinedText(p, QRectF(x0 - 40, y - 6 - fm.height(), length + 80, fm.height()),
                     Qt::AlignCenter, label);
}

// Vertical, on the right, left of the right-hand orientation label; high values on top.
void paintColourBar(QPainter& p, const QRectF& view, const QString& label) {
    const QFontMetricsF fm(p.font());
    const double barWidth = 12.0;
    const double height = std::min(220.0, view.height() * 0.4);
    if (height < 40.0) return;
    const double right = view.right() - kMargin - fm.height() * 1.6 - kMargin;
    const QRectF bar(right - barWidth, view.center().y() - height / 2.0, barWidth, height);
    QLinearGradient gradient(bar.bottomLeft(), bar.topLeft());
    for (int i = 0; i <= 16; ++i) gradient.setColorAt(i / 16.0, QColor(turboColour(i / 16.0)));
    p.save();
    p.setPen(QPen(kOutline, 1.0));
    p.setBrush(gradient);
    p.drawRect(bar);
    p.restore();
    for (double tick : {0.0, 0.5, 1.0}) {
        const double y = bar.bottom() - tick * bar.height();
        p.setPen(QPen(kText, 1.0));
        p.drawLine(QPointF(bar.left() - 4, y), QPointF(bar.left(), y));
        drawOutlinedText(p, QRectF(bar.left() - 46, y - fm.height() / 2, 40, fm.height()),
                         Qt::AlignRight | Qt::AlignVCenter, QString::number(tick));
    }
    if (!label.isEmpty()) {
        drawOutlinedText(p, QRectF(view.left(), bar.top() - fm.lineSpacing() - 4,
                                   bar.right() - view.left(), fm.height()),
                         Qt::AlignRight | Qt::AlignVCenter, label);
    }
}

}  // namespace

double niceScaleLength(double targetMm) {
    if (!(targetMm > 0.0) || !std::isfinite(targetMm)) return 0.0;
    const double decade = std::pow(10.0, std::floor(std::log10(targetMm)));
    double best = decade;
    for (double step : {1.0, 2.0, 5.0, 10.0}) {
        const double candidate = step * decade;
        if (std::abs(std::log(candidate / targetMm)) < std::abs(std::log(best / targetMm))) {
            best = candidate;
        }
    }
    return best;
}

void drawOutlinedText(QPainter& p, const QRectF& rect, int flags, const QString& text) {
    if (text.isEmpty()) return;
    p.save();
    // A one-pixel outline in all eight directions: crisper than a blurred shadow and cheap
    // (glyphs are cached), and legible on bright bone as well as on air.
    p.setPen(kOutline);
    for (int dx = -1; dx <= 1; ++dx) {
        for (int dy = -1; dy <= 1; ++dy) {
            if (dx != 0 || dy != 0) p.drawText(rect.translated(dx, dy), flags, text);
        }
    }
    p.setPen(kText);
    p.drawText(rect, flags, text);
    p.restore();
}

void paintOverlay(QPainter& p, const QRectF& view, const OverlayContent& c) {
    if (c.showAnnotations) {
        paintCorner(p, view, c.topLeft, Qt::AlignTop | Qt::AlignLeft);
        paintCorner(p, view, c.topRight, Qt::AlignTop | Qt::AlignRight);
        paintCorner(p, view, c.bottomLeft, Qt::AlignBottom | Qt::AlignLeft);
        paintCorner(p, view, c.bottomRight, Qt::AlignBottom | Qt::AlignRight);
        paintOrientation(p, view, c.orientation);
        if (c.mmPerPixel > 0.0) paintScaleBar(p, view, c.mmPerPixel);
    }
    if (c.showColourBar) paintColourBar(p, view, c.colourBarLabel);
}

}  // namespace vitask::ui

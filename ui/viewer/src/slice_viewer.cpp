// SliceViewer: the content (volume, slice, window), the geometry (zoom, pan, physical
// aspect, device pixels) and painting. Mouse and keyboard are in slice_viewer_input.cpp.
#include "vitask/ui/viewer/slice_viewer.h"

#include "overlay_painter.h"
#include "slice_renderer.h"
#include "value_format.h"
#include "vitask/ui/viewer/colour_map.h"

#include <QEvent>
#include <QPainter>
#include <QSignalBlocker>
#include <QSlider>
#include <QTimer>
#include <algorithm>
#include <cmath>

namespace vitask::ui {
namespace {

constexpr double kMinZoom = 0.02;
constexpr double kMaxZoom = 64.0;
constexpr int kSliderWidth = 18;

}  // namespace

SliceViewer::SliceViewer(QWidget* parent)
    : QWidget(parent), renderer_(std::make_unique<SliceRenderer>()) {
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    setAttribute(Qt::WA_OpaquePaintEvent);  // paintEvent fills everything: no erase first

    slider_ = new QSlider(Qt::Vertical, this);
    slider_->setInvertedAppearance(true);  // first slice at the top, as in Horos
    slider_->setInvertedControls(true);
    slider_->setFocusPolicy(Qt::NoFocus);  // keys stay with the image
    slider_->hide();
    connect(slider_, &QSlider::valueChanged, this, [this](int value) {
        if (sliceCount() <= 1 && timePointCount() > 1) {
            setTimePoint(value);
        } else {
            setSlice(value);
        }
    });

    cineTimer_ = new QTimer(this);
    cineTimer_->setTimerType(Qt::PreciseTimer);
    connect(cineTimer_, &QTimer::timeout, this, &SliceViewer::cineStep);
    retranslateUi();
}

SliceViewer::~SliceViewer() = default;

// ---- content ---------------------------------------------------------------------------

void SliceViewer::setVolume(std::shared_ptr<const imaging::Volume> volume, ViewerInfo info) {
    if (!volume || volume->voxelCount() == 0) {
        clear();
        return;
    }
    setCinePlaying(false);
    volume_ = std::move(volume);
    info_ = std::move(info);
    renderer_->reset();
    slice_ = int(volume_->dims[2] / 2);
    timePoint_ = 0;
    valueRange_ = std::max(1.0, imaging::autoWindow(*volume_).width);
    window_ = imaging::defaultWindow(*volume_, std::size_t(slice_));
    fileWindowActive_ = true;
    heatmap_ = QImage();
    heatmapLabel_.clear();
    invalidateImage();
    updateSlider();
    fitMode_ = true;
    applyFit();
    cursorText_.clear();
    Q_EMIT sliceChanged(slice_);
    Q_EMIT timePointChanged(timePoint_);
    Q_EMIT windowChanged(window_.center, window_.width);
    update();
}

void SliceViewer::clear() {
    setCinePlaying(false);
    volume_.reset();
    info_ = {};
    renderer_->reset();
    slice_ = timePoint_ = 0;
    window_ = {};
    rendered_ = display_ = heatmap_ = QImage();
    heatmapLabel_.clear();
    renderedValid_ = false;
    cursorText_.clear();
    updateSlider();
    update();
}

int SliceViewer::sliceCount() const { return volume_ ? int(volume_->dims[2]) : 0; }
int SliceViewer::timePointCount() const { return volume_ ? int(volume_->dims[3]) : 0; }

void SliceViewer::setSlice(int slice) {
    if (!volume_) return;
    slice = std::clamp(slice, 0, sliceCount() - 1);
    if (slice == slice_) return;
    slice_ = slice;
    // Enhanced multi-frame objects carry a window per frame: follow the file's while the
    // user has not chosen another.
    if (fileWindowActive_ && !volume_->sliceWindows.empty()) resetWindow();
    invalidateImage();
    updateSlider();
    if (!cursorText_.isEmpty()) updateCursorValue(lastMousePos_);  // the value changed under it
    Q_EMIT sliceChanged(slice_);
}

void SliceViewer::setTimePoint(int timePoint) {
    if (!volume_) return;
    timePoint = std::clamp(timePoint, 0, timePointCount() - 1);
    if (timePoint == timePoint_) return;
    timePoint_ = timePoint;
    invalidateImage();
    updateSlider();
    if (!cursorText_.isEmpty()) updateCursorValue(lastMousePos_);
    Q_EMIT timePointChanged(timePoint_);
}

void SliceViewer::updateSlider() {
    const bool overTime = sliceCount() <= 1 && timePointCount() > 1;
    const int frames = overTime ? timePointCount() : sliceCount();
    const QSignalBlocker block(slider_);
    slider_->setRange(0, std::max(0, frames - 1));
    slider_->setValue(overTime ? timePoint_ : slice_);
    slider_->setPageStep(std::max(1, frames / 10));
    slider_->setToolTip(overTime ? tr("Time point") : tr("Slice"));
    if (slider_->isVisibleTo(this) != (frames > 1)) {
        slider_->setVisible(frames > 1);
        if (fitMode_) applyFit();  // the view just changed width
    }
}

void SliceViewer::retranslateUi() {
    setToolTip(shortcutHelp());
    updateSlider();  // its tool tip
    update();        // the overlay texts are translated when painted
}

void SliceViewer::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslateUi();
    QWidget::changeEvent(event);
}

void SliceViewer::invalidateImage() {
    renderedValid_ = false;
    update();
}

QImage SliceViewer::renderedSlice() const {
    if (!volume_) return {};
    if (!renderedValid_) {
        rendered_ = renderer_->render(*volume_, std::size_t(slice_), std::size_t(timePoint_), window_);
        display_ = rendered_.convertToFormat(QImage::Format_RGB32);
        renderedValid_ = true;
    }
    return rendered_;
}

// ---- window / level --------------------------------------------------------------------

void SliceViewer::setWindow(const imaging::Window& window) {
    fileWindowActive_ = false;
    imaging::Window w = window;
    if (!w.lut) w.width = std::max(w.width, 1.0);
    const bool same = w.center == window_.center && w.width == window_.width &&
                      w.lut == window_.lut && w.function == window_.function;
    window_ = w;
    if (same) return;
    invalidateImage();
    Q_EMIT windowChanged(window_.center, window_.width);
}

std::vector<imaging::Window> SliceViewer::presets() const {
    std::vector<imaging::Window> list;
    if (!volume_) return list;
    list = volume_->windows;
    if (std::size_t(slice_) < volume_->sliceWindows.size()) {
        for (const auto& w : volume_->sliceWindows[std::size_t(slice_)]) list.push_back(w);
    }
    if (volume_->modality == "CT" || info_.modality == QLatin1String("CT")) {
        for (const auto& w : imaging::standardCtWindows()) list.push_back(w);
    }
    if (volume_->isColour()) list.push_back(imaging::fullRange8Bit());
    list.push_back(imaging::autoWindow(*volume_));
    return list;
}

void SliceViewer::applyPreset(int index) {
    const auto list = presets();
    if (index >= 0 && std::size_t(index) < list.size()) setWindow(list[std::size_t(index)]);
}

void SliceViewer::resetWindow() {
    if (!volume_) return;
    setWindow(imaging::defaultWindow(*volume_, std::size_t(slice_)));
    fileWindowActive_ = true;
}

// ---- geometry --------------------------------------------------------------------------

QRectF SliceViewer::viewRect() const {
    QRectF r = rect();
    if (slider_->isVisibleTo(this)) r.setRight(r.right() - kSliderWidth);
    return r;
}

QPointF SliceViewer::aspect() const {
    if (!volume_) return {1.0, 1.0};
    // Non-square pixels are shown with their physical proportions; the finer axis keeps
    // one device pixel per image pixel at zoom 1.
    const double sx = volume_->spacing[0] > 0 ? volume_->spacing[0] : 1.0;
    const double sy = volume_->spacing[1] > 0 ? volume_->spacing[1] : 1.0;
    const double finer = std::min(sx, sy);
    return {sx / finer, sy / finer};
}

QPointF SliceViewer::scale() const {
    const QPointF a = aspect();
    const double dpr = devicePixelRatioF();
    return {zoom_ * a.x() / dpr, zoom_ * a.y() / dpr};
}

QRectF SliceViewer::imageRect() const {
    if (!volume_) return {};
    const QPointF k = scale();
    const QSizeF size(double(volume_->dims[0]) * k.x(), double(volume_->dims[1]) * k.y());
    QPointF topLeft = viewRect().center() + pan_ - QPointF(size.width() / 2, size.height() / 2);
    // On the device pixel grid, so that 1:1 really maps one voxel to one device pixel.
    const double dpr = devicePixelRatioF();
    topLeft = QPointF(std::round(topLeft.x() * dpr) / dpr, std::round(topLeft.y() * dpr) / dpr);
    return {topLeft, size};
}

QPointF SliceViewer::widgetToImage(const QPointF& p) const {
    const QRectF r = imageRect();
    const QPointF k = scale();
    return {(p.x() - r.left()) / k.x(), (p.y() - r.top()) / k.y()};
}

QPointF SliceViewer::imageToWidget(const QPointF& p) const {
    const QRectF r = imageRect();
    const QPointF k = scale();
    return {r.left() + p.x() * k.x(), r.top() + p.y() * k.y()};
}

std::optional<QPoint> SliceViewer::voxelAt(const QPointF& widgetPos) const {
    if (!volume_ || !viewRect().contains(widgetPos)) return std::nullopt;
    const QPointF p = widgetToImage(widgetPos);
    const int i = int(std::floor(p.x())), j = int(std::floor(p.y()));
    if (i < 0 || j < 0 || i >= int(volume_->dims[0]) || j >= int(volume_->dims[1])) {
        return std::nullopt;
    }
    return QPoint(i, j);
}

QString SliceViewer::valueAt(const QPoint& widgetPos) const {
    const auto voxel = voxelAt(widgetPos);
    if (!voxel) return {};
    const auto i = std::size_t(voxel->x()), j = std::size_t(voxel->y());
    const auto z = std::size_t(slice_), t = std::size_t(timePoint_);
    QString where = QStringLiteral("(%1, %2, %3)").arg(i).arg(j).arg(z);
    if (timePointCount() > 1) where += QStringLiteral(" t %1").arg(t);
    if (volume_->isColour()) {
        return where + QStringLiteral(": R %1 G %2 B %3")
                           .arg(formatNumber(volume_->at(i, j, z, t, 0)),
                                formatNumber(volume_->at(i, j, z, t, 1)),
                                formatNumber(volume_->at(i, j, z, t, 2)));
    }
    QString text = where + QStringLiteral(": ") + formatNumber(volume_->at(i, j, z, t));
    // Only CT has a unit the modality LUT guarantees; MR and NIfTI values are arbitrary.
    if (volume_->modality == "CT") text += QStringLiteral(" HU");
    return text;
}

double SliceViewer::fitZoom() const {
    if (!volume_) return 1.0;
    const QRectF view = viewRect();
    const QPointF a = aspect();
    const double dpr = devicePixelRatioF();
    const double zx = view.width() * dpr / (double(volume_->dims[0]) * a.x());
    const double zy = view.height() * dpr / (double(volume_->dims[1]) * a.y());
    return std::clamp(std::min(zx, zy), kMinZoom, kMaxZoom);
}

void SliceViewer::applyFit() {
    pan_ = {};
    const double z = fitZoom();
    if (z != zoom_) {
        zoom_ = z;
        Q_EMIT zoomChanged(zoom_);
    }
    update();
}

void SliceViewer::fitToWindow() {
    fitMode_ = true;
    applyFit();
}

void SliceViewer::oneToOne() {
    fitMode_ = false;
    pan_ = {};
    if (zoom_ != 1.0) {
        zoom_ = 1.0;
        Q_EMIT zoomChanged(zoom_);
    }
    update();
}

void SliceViewer::setZoom(double zoom) { zoomAbout(zoom, viewRect().center()); }

void SliceViewer::zoomAbout(double zoom, const QPointF& widgetPos) {
    zoom = std::clamp(zoom, kMinZoom, kMaxZoom);
    fitMode_ = false;
    if (zoom == zoom_ || !volume_) {
        zoom_ = zoom;
        return;
    }
    // Keep the image point under widgetPos where it is.
    const QPointF anchor = widgetToImage(widgetPos);
    zoom_ = zoom;
    const QPointF k = scale();
    const QSizeF size(double(volume_->dims[0]) * k.x(), double(volume_->dims[1]) * k.y());
    const QPointF topLeft(widgetPos.x() - anchor.x() * k.x(), widgetPos.y() - anchor.y() * k.y());
    pan_ = topLeft + QPointF(size.width() / 2, size.height() / 2) - viewRect().center();
    Q_EMIT zoomChanged(zoom_);
    update();
}

void SliceViewer::setPan(const QPointF& pan) {
    fitMode_ = false;
    pan_ = pan;
    update();
}

void SliceViewer::resizeEvent(QResizeEvent*) {
    slider_->setGeometry(width() - kSliderWidth, 0, kSliderWidth, height());
    if (fitMode_) applyFit();
}

// ---- cine ------------------------------------------------------------------------------

bool SliceViewer::cinePlaying() const { return cineTimer_->isActive(); }

bool SliceViewer::cineOverTime() const { return timePointCount() > 1; }

void SliceViewer::setCinePlaying(bool playing) {
    const int frames = cineOverTime() ? timePointCount() : sliceCount();
    playing = playing && volume_ && frames > 1;
    if (playing == cinePlaying()) return;
    if (playing) {
        cineTimer_->start(std::max(1, int(std::lround(1000.0 / cineFps_))));
    } else {
        cineTimer_->stop();
    }
    Q_EMIT cinePlayingChanged(playing);
}

void SliceViewer::setCineFps(double fps) {
    cineFps_ = std::clamp(fps, 1.0, 120.0);
    if (cinePlaying()) cineTimer_->setInterval(std::max(1, int(std::lround(1000.0 / cineFps_))));
}

void SliceViewer::cineStep() {
    // 4D data plays its time points at the current slice; otherwise the slices loop.
    if (cineOverTime()) {
        setTimePoint((timePoint_ + 1) % timePointCount());
    } else if (sliceCount() > 1) {
        setSlice((slice_ + 1) % sliceCount());
    }
}

// ---- overlays --------------------------------------------------------------------------

void SliceViewer::setOverlayVisible(bool visible) {
    if (visible == overlayVisible_) return;
    overlayVisible_ = visible;
    update();
    Q_EMIT overlayVisibleChanged(visible);
}

OrientationLabels SliceViewer::orientationLabels() const {
    if (!volume_ || !spacingKnown()) return {};
    // Projection images have no geometry: their Patient Orientation, if any, else no letters.
    if (!volume_->orientationKnown)
        return ui::orientationLabels(QString::fromStdString(volume_->patientOrientation[0]),
                                     QString::fromStdString(volume_->patientOrientation[1]));
    return ui::orientationLabels(volume_->direction);
}

bool SliceViewer::spacingKnown() const {
    return volume_ && info_.pixelSpacingKnown && volume_->pixelSpacingKnown;
}

void SliceViewer::setHeatmap(int width, int height, std::vector<float> values, QString label) {
    QImage image = heatmapImage(width, height, values);
    if (image.isNull()) {
        qWarning("SliceViewer::setHeatmap: %d x %d needs %lld values, got %zu", width, height,
                 qint64(width) * qint64(height), values.size());
        return;
    }
    heatmap_ = std::move(image);
    heatmapLabel_ = std::move(label);
    heatmapSlice_ = slice_;
    heatmapTimePoint_ = timePoint_;
    heatmapVisible_ = true;
    update();
}

bool SliceViewer::heatmapShown() const {
    return !heatmap_.isNull() && heatmapVisible_ && slice_ == heatmapSlice_ &&
           timePoint_ == heatmapTimePoint_;
}

void SliceViewer::setHeatmapOpacity(double opacity) {
    heatmapOpacity_ = std::clamp(opacity, 0.0, 1.0);
    update();
}

void SliceViewer::setHeatmapVisible(bool visible) {
    heatmapVisible_ = visible;
    update();
}

void SliceViewer::clearHeatmap() {
    heatmap_ = QImage();
    heatmapLabel_.clear();
    update();
}

QString SliceViewer::sliceText() const {
    QStringList parts;
    parts << QStringLiteral("Im: %1/%2").arg(slice_ + 1).arg(sliceCount());
    if (timePointCount() > 1) {
        parts << QStringLiteral("T: %1/%2").arg(timePoint_ + 1).arg(timePointCount());
    }
    return parts.join(QStringLiteral("  "));
}

void SliceViewer::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.fillRect(rect(), Qt::black);
    if (!volume_) return;
    if (fitMode_ && fitZoom() != zoom_) {  // e.g. moved to a screen with another ratio
        zoom_ = fitZoom();
        Q_EMIT zoomChanged(zoom_);
    }
    renderedSlice();
    const QRectF target = imageRect();
    const QRectF view = viewRect();
    p.setClipRect(view);
    // Interpolate when scaled (what OsiriX and Weasis do by default); at exactly 1:1 the
    // pixels are copied.
    const bool scaled = std::abs(target.width() * devicePixelRatioF() - display_.width()) > 0.01 ||
                        std::abs(target.height() * devicePixelRatioF() - display_.height()) > 0.01;
    p.setRenderHint(QPainter::SmoothPixmapTransform, scaled);
    p.drawImage(target, display_);
    if (heatmapShown()) {
        p.setOpacity(heatmapOpacity_);
        p.setRenderHint(QPainter::SmoothPixmapTransform, true);
        p.drawImage(target, heatmap_);
        p.setOpacity(1.0);
    }

    const imaging::Volume& v = *volume_;
    OverlayContent c;
    c.showAnnotations = overlayVisible_;
    c.showColourBar = heatmapShown();
    c.colourBarLabel = heatmapLabel_;
    if (overlayVisible_) {
        auto add = [](QStringList& lines, const QString& text) {
            if (!text.trimmed().isEmpty()) lines << text;
        };
        add(c.topLeft, info_.patientName);
        if (!info_.patientId.isEmpty()) add(c.topLeft, tr("ID: %1").arg(info_.patientId));
        add(c.topLeft, QStringList{info_.studyDate, info_.studyDescription}.join(QLatin1Char(' ')).trimmed());
        add(c.topRight, info_.seriesDescription);
        add(c.topRight, info_.modality.isEmpty() ? QString::fromStdString(v.modality) : info_.modality);
        add(c.topRight, QStringLiteral("%1 x %2").arg(v.dims[0]).arg(v.dims[1]));
        add(c.bottomLeft, cursorText_);
        add(c.bottomLeft, sliceText());
        if (spacingKnown()) {
            // Position along the slice normal (row x column direction), as "Slice Location".
            const auto& d = v.direction;
            std::array<double, 3> n{d[3] * d[7] - d[6] * d[4], d[6] * d[1] - d[0] * d[7],
                                    d[0] * d[4] - d[3] * d[1]};
            const double len = std::sqrt(n[0] * n[0] + n[1] * n[1] + n[2] * n[2]);
            if (len > 1e-6) {
                double pos = 0.0;
                for (int r = 0; r < 3; ++r) {
                    const double point = v.origin[r] + d[r * 3 + 2] * v.spacing[2] * slice_;
                    pos += point * n[r] / len;
                }
                add(c.bottomLeft, tr("Pos: %1 mm").arg(pos, 0, 'f', 1));
            }
            if (v.dims[2] > 1) add(c.bottomLeft, tr("Th: %1 mm").arg(formatNumber(v.spacing[2])));
        }
        add(c.bottomRight, QStringLiteral("W: %1 L: %2")
                               .arg(formatNumber(window_.width), formatNumber(window_.center)));
        add(c.bottomRight, QString::fromStdString(window_.explanation));
        add(c.bottomRight, tr("Zoom: %1%").arg(zoom_ * 100.0, 0, 'f', 0));
        c.orientation = orientationLabels();
        if (spacingKnown()) {
            const QPointF k = scale();
            c.mmPerPixel = v.spacing[0] / k.x();
        }
    }
    paintOverlay(p, view, c);
}

}  // namespace vitask::ui

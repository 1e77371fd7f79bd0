#pragma once
// The studio's slice viewer: one 2D slice of a Volume with the interaction radiologists
// know from OsiriX/Horos, Weasis and 3D Slicer (right-drag window/level, wheel scrolling,
// Ctrl+wheel zoom, corner annotations, orientation labels, scale bar, cine) plus the AI's
// saliency heatmap on top. Everything here is cheap enough to run on the UI thread.

#include "vitask/imaging/volume.h"
#include "vitask/imaging/window.h"
#include "vitask/ui/viewer/orientation.h"

#include <QImage>
#include <QPointF>
#include <QRectF>
#include <QString>
#include <QWidget>
#include <memory>
#include <optional>
#include <vector>

class QSlider;
class QTimer;

namespace vitask::ui {

class SliceRenderer;

// Display strings for the corner annotations (the viewer never reads DICOM itself).
struct ViewerInfo {
    QString patientName;
    QString patientId;
    QString studyDate;          // shown as given
    QString studyDescription;
    QString seriesDescription;
    QString modality;           // empty: the volume's own modality
    // False for images without a physical pixel size (photographs, secondary captures
    // without Pixel Spacing): no scale bar and no position in mm. A volume whose loader
    // found no pixel spacing (Volume::pixelSpacingKnown) is treated so without it.
    bool pixelSpacingKnown = true;
};

class SliceViewer : public QWidget {
    Q_OBJECT
public:
    explicit SliceViewer(QWidget* parent = nullptr);
    ~SliceViewer() override;

    // Opens at the middle slice, time point 0, the slice's default window and fit zoom.
    // A null volume is the same as clear(). Drops any heatmap (it belonged to the old image).
    void setVolume(std::shared_ptr<const imaging::Volume> volume, ViewerInfo info = {});
    void clear();
    std::shared_ptr<const imaging::Volume> volume() const { return volume_; }
    const ViewerInfo& info() const { return info_; }
    bool hasImage() const { return volume_ != nullptr; }

    int slice() const { return slice_; }
    int sliceCount() const;
    int timePoint() const { return timePoint_; }
    int timePointCount() const;

    imaging::Window window() const { return window_; }
    // What to offer in a preset menu: the file's windows (Volume::windows, then the
    // current slice's own), CT's standard presets for CT, then "auto (min/max)".
    std::vector<imaging::Window> presets() const;

    // Device pixels per image pixel (along the axis with the finer spacing: the other is
    // stretched to the physical aspect). 1 is "1:1".
    double zoom() const { return zoom_; }
    bool fitsWindow() const { return fitMode_; }
    // Offset of the image centre from the view's centre, logical pixels.
    QPointF pan() const { return pan_; }
    // Where the image is drawn, logical widget coordinates.
    QRectF imageRect() const;
    // The view area (the widget without the slice slider), logical widget coordinates.
    QRectF viewRect() const;
    // Widget (logical) <-> image coordinates; pixel (i, j) covers [i, i+1) x [j, j+1).
    QPointF widgetToImage(const QPointF& widgetPos) const;
    QPointF imageToWidget(const QPointF& imagePos) const;
    // The voxel (i, j) under a widget position, if the position is on the image.
    std::optional<QPoint> voxelAt(const QPointF& widgetPos) const;
    // "(i, j, k): value unit" in modality units ("HU" for CT; "R G B" for colour); empty
    // off the image.
    QString valueAt(const QPoint& widgetPos) const;

    bool cinePlaying() const;
    double cineFps() const { return cineFps_; }

    bool overlayVisible() const { return overlayVisible_; }
    OrientationLabels orientationLabels() const;

    bool hasHeatmap() const { return !heatmap_.isNull(); }
    // Whether the heatmap is drawn now: set, visible, and on its own slice and time point.
    bool heatmapShown() const;
    bool heatmapVisible() const { return heatmapVisible_; }
    double heatmapOpacity() const { return heatmapOpacity_; }

    // The current slice after windowing at image resolution, before zoom and overlays:
    // Format_Grayscale8, or Format_RGB888 for colour volumes. Null without a volume.
    QImage renderedSlice() const;

    // The mouse and keyboard bindings, for tooltips and the help menu.
    static QString shortcutHelp();

    QSize sizeHint() const override { return {512, 512}; }
    QSize minimumSizeHint() const override { return {128, 128}; }

public Q_SLOTS:
    void setSlice(int slice);          // clamped
    void setTimePoint(int timePoint);  // clamped
    void setWindow(const vitask::imaging::Window& window);
    void applyPreset(int index);       // an index into presets()
    void resetWindow();                // the current slice's default window

    void setZoom(double zoom);         // about the view centre
    void fitToWindow();
    void oneToOne();
    void setPan(const QPointF& pan);

    void setCinePlaying(bool playing);
    void setCineFps(double fps);       // 1..120, default 10

    void setOverlayVisible(bool visible);

    // A saliency map in [0, 1], row-major, in the model's input resolution of the whole
    // slice: it is stretched over the image. It belongs to the slice and time point shown
    // when it is set and is drawn only there (scrolling away hides it, coming back shows
    // it), so it is never read over an image the model did not see. Replaces any previous
    // one and makes it visible.
    void setHeatmap(int width, int height, std::vector<float> values, QString label = {});
    void setHeatmapOpacity(double opacity);  // 0..1, default 0.5
    void setHeatmapVisible(bool visible);
    void clearHeatmap();

Q_SIGNALS:
    void sliceChanged(int slice);
    void timePointChanged(int timePoint);
    void windowChanged(double center, double width);
    void zoomChanged(double zoom);
    void cursorValueChanged(const QString& text);
    void overlayVisibleChanged(bool visible);
    void cinePlayingChanged(bool playing);

protected:
    void changeEvent(QEvent* event) override;
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void leaveEvent(QEvent* event) override;

private:
    // Logical pixels per image pixel along x and y (zoom, aspect and device ratio).
    QPointF scale() const;
    QPointF aspect() const;
    double fitZoom() const;
    void applyFit();
    void zoomAbout(double zoom, const QPointF& widgetPos);
    bool cineOverTime() const;
    void cineStep();
    void stepFrame(int delta);
    void updateSlider();
    void retranslateUi();
    void invalidateImage();
    void updateCursorValue(const QPointF& widgetPos);
    void showContextMenu(const QPoint& globalPos);
    bool spacingKnown() const;
    QString sliceText() const;

    std::shared_ptr<const imaging::Volume> volume_;
    ViewerInfo info_;
    int slice_ = 0;
    int timePoint_ = 0;
    imaging::Window window_;
    bool fileWindowActive_ = true;  // the window is the file's default (not user-chosen)
    double valueRange_ = 1.0;  // of the volume: scales window/level dragging

    double zoom_ = 1.0;
    QPointF pan_;
    bool fitMode_ = true;

    // The rendered current slice; re-rendered only after slice, time or window changes.
    std::unique_ptr<SliceRenderer> renderer_;
    mutable QImage rendered_;   // 8-bit, as renderedSlice()
    mutable QImage display_;    // the same as RGB32, what paintEvent scales
    mutable bool renderedValid_ = false;

    QSlider* slider_ = nullptr;
    QTimer* cineTimer_ = nullptr;
    double cineFps_ = 10.0;

    bool overlayVisible_ = true;
    QString cursorText_;
    QPointF lastMousePos_;

    QImage heatmap_;
    QString heatmapLabel_;
    int heatmapSlice_ = 0, heatmapTimePoint_ = 0;
    double heatmapOpacity_ = 0.5;
    bool heatmapVisible_ = true;

    // Mouse drag state.
    Qt::MouseButton dragButton_ = Qt::NoButton;
    QPointF dragStart_;
    QPointF panAtStart_;
    imaging::Window windowAtStart_;
    bool dragMoved_ = false;
    int wheelRemainder_ = 0;
};

}  // namespace vitask::ui

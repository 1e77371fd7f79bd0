// The slice viewer on real files (pydicom's and nibabel's test data): windowing bytes,
// scrolling, geometry, cursor values, zoom/pan, overlays, heatmap, cine.
#include "vitask/imaging/image_loader.h"
#include "vitask/imaging/window.h"
#include "vitask/ui/viewer/colour_map.h"
#include "vitask/ui/test_support/shown_texts.h"
#include "vitask/ui/viewer/slice_viewer.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QSignalSpy>
#include <QSlider>
#include <QWheelEvent>
#include <QtTest>
#include <cmath>

using vitask::imaging::ImageLoader;
using vitask::imaging::Volume;
using vitask::imaging::Window;
using vitask::ui::SliceViewer;
using vitask::ui::ViewerInfo;

namespace {

const QString kPydicom = QStringLiteral("/usr/lib/python3/dist-packages/pydicom/data/test_files/");
const QString kNibabel = QStringLiteral("/usr/lib/python3/dist-packages/nibabel/tests/data/");

std::shared_ptr<const Volume> load(const QString& path) {
    return std::make_shared<const Volume>(ImageLoader::load(path.toStdString()));
}

int expectedByte(const Window& w, float voxel, bool mono1 = false) {
    return int(std::lround(255.0 * w.apply(voxel, mono1)));
}

void sendWheel(QWidget* w, QPointF pos, int delta, Qt::KeyboardModifiers mods = Qt::NoModifier) {
    QWheelEvent e(pos, w->mapToGlobal(pos), QPoint(), QPoint(0, delta), Qt::NoButton, mods,
                  Qt::NoScrollPhase, false);
    QApplication::sendEvent(w, &e);
}

void sendMouse(QWidget* w, QEvent::Type type, QPointF pos, Qt::MouseButton button,
               Qt::MouseButtons buttons) {
    QMouseEvent e(type, pos, w->mapToGlobal(pos), button, buttons, Qt::NoModifier);
    QApplication::sendEvent(w, &e);
}

// Pixels in `logical` (widget coordinates) of a grab() that are not (near) black.
int litPixels(const QImage& image, const QRect& logical) {
    const double dpr = image.devicePixelRatio();
    const QRect area(QPoint(int(logical.left() * dpr), int(logical.top() * dpr)),
                     QSize(int(logical.width() * dpr), int(logical.height() * dpr)));
    int count = 0;
    for (int y = area.top(); y <= area.bottom(); ++y) {
        for (int x = area.left(); x <= area.right(); ++x) {
            if (qGray(image.pixel(x, y)) > 60) ++count;
        }
    }
    return count;
}

}  // namespace

class TestSliceViewer : public QObject {
    Q_OBJECT
private:
    bool haveTestFiles() const {
        return QFileInfo::exists(kPydicom + "CT_small.dcm") &&
               QFileInfo::exists(kNibabel + "example4d.nii.gz");
    }
    void showViewer(SliceViewer& viewer) {
        viewer.resize(400, 400);
        viewer.show();
        QVERIFY(QTest::qWaitForWindowExposed(&viewer));
    }

private Q_SLOTS:
    void init() {
        if (!haveTestFiles()) QFAIL("python3-pydicom / python3-nibabel test files are missing: run scripts/install-deps.sh");
    }

    void opensAtMiddleSliceWithDefaultWindow() {
        SliceViewer viewer;
        QSignalSpy slices(&viewer, &SliceViewer::sliceChanged);
        const auto volume = load(kNibabel + "example4d.nii.gz");
        viewer.setVolume(volume);
        showViewer(viewer);
        QCOMPARE(viewer.sliceCount(), 24);
        QCOMPARE(viewer.slice(), 12);
        QCOMPARE(viewer.timePoint(), 0);
        QCOMPARE(viewer.timePointCount(), 2);
        QCOMPARE(viewer.window().center, vitask::imaging::defaultWindow(*volume, 12).center);
        QVERIFY(viewer.fitsWindow());
        QCOMPARE(slices.count(), 1);
        viewer.clear();
        QVERIFY(!viewer.hasImage());
        QVERIFY(viewer.renderedSlice().isNull());
    }

    void renderedBytesFollowTheWindow() {
        SliceViewer viewer;
        const auto ct = load(kPydicom + "CT_small.dcm");
        viewer.setVolume(ct);
        showViewer(viewer);
        for (const Window& w : {Window(40, 400, "soft"), Window(-600, 1500, "lung"),
                                Window(200.5, 37, "odd")}) {
            viewer.setWindow(w);
            const QImage img = viewer.renderedSlice();
            QCOMPARE(img.format(), QImage::Format_Grayscale8);
            QCOMPARE(img.size(), QSize(128, 128));
            int distinct = 0;
            for (int y = 0; y < 128; y += 7) {
                for (int x = 0; x < 128; x += 5) {
                    const int want = expectedByte(w, ct->at(std::size_t(x), std::size_t(y), 0));
                    QCOMPARE(int(img.constScanLine(y)[x]), want);
                    distinct += want > 0 && want < 255;
                }
            }
            QVERIFY(distinct > 10);  // the window actually cuts through the data
        }
        // Non-integral data take the inlined linear path: same bytes.
        auto fractional = std::make_shared<Volume>(*ct);
        for (float& v : fractional->voxels) v = v * 0.37f + 0.25f;
        viewer.setVolume(fractional);
        const Window w(30.3, 123.7, "custom");
        viewer.setWindow(w);
        const QImage img = viewer.renderedSlice();
        for (int y = 0; y < 128; y += 3) {
            for (int x = 0; x < 128; x += 3) {
                QCOMPARE(int(img.constScanLine(y)[x]),
                         expectedByte(w, fractional->at(std::size_t(x), std::size_t(y), 0)));
            }
        }
    }

    void monochrome1IsInverted() {
        auto volume = std::make_shared<Volume>(*load(kPydicom + "MR_small.dcm"));
        volume->photometric = "MONOCHROME1";
        SliceViewer viewer;
        viewer.setVolume(volume);
        const Window w = viewer.window();
        const QImage img = viewer.renderedSlice();
        for (int x = 0; x < 64; x += 3) {
            QCOMPARE(int(img.constScanLine(32)[x]), expectedByte(w, volume->at(std::size_t(x), 32, 0), true));
        }
    }

    void colourImagesStayInColour() {
        const QString path = kPydicom + "SC_rgb_small_odd.dcm";
        if (!QFileInfo::exists(path)) QFAIL(qPrintable(path + QStringLiteral(" is missing: python3-pydicom installs it (scripts/install-deps.sh)")));
        const auto rgb = load(path);
        QCOMPARE(rgb->components, std::size_t(3));
        SliceViewer viewer;
        viewer.setVolume(rgb);
        const QImage img = viewer.renderedSlice();
        QCOMPARE(img.format(), QImage::Format_RGB888);
        const Window w = viewer.window();
        for (int y = 0; y < img.height(); ++y) {
            for (int x = 0; x < img.width(); ++x) {
                const QRgb px = img.pixel(x, y);
                QCOMPARE(qRed(px), expectedByte(w, rgb->at(std::size_t(x), std::size_t(y), 0, 0, 0)));
                QCOMPARE(qGreen(px), expectedByte(w, rgb->at(std::size_t(x), std::size_t(y), 0, 0, 1)));
                QCOMPARE(qBlue(px), expectedByte(w, rgb->at(std::size_t(x), std::size_t(y), 0, 0, 2)));
            }
        }
    }

    void presetsOfferFileCtAndAuto() {
        SliceViewer viewer;
        const auto mr = load(kPydicom + "MR_small.dcm");
        viewer.setVolume(mr);
        auto list = viewer.presets();
        QVERIFY(!list.empty());
        QCOMPARE(list.front().center, 600.0);  // MR_small's own Window Center/Width
        QCOMPARE(list.front().width, 1600.0);
        QCOMPARE(list.back().explanation, std::string("auto (min/max)"));
        viewer.applyPreset(int(list.size()) - 1);
        QCOMPARE(viewer.window().explanation, std::string("auto (min/max)"));
        viewer.resetWindow();
        QCOMPARE(viewer.window().center, 600.0);

        viewer.setVolume(load(kPydicom + "CT_small.dcm"));
        list = viewer.presets();
        int lung = -1;
        for (std::size_t i = 0; i < list.size(); ++i) {
            if (list[i].explanation == "CT lung") lung = int(i);
        }
        QVERIFY(lung >= 0);
        QSignalSpy windows(&viewer, &SliceViewer::windowChanged);
        viewer.applyPreset(lung);
        QCOMPARE(windows.count(), 1);
        QCOMPARE(windows.first().at(0).toDouble(), -600.0);
        QCOMPARE(windows.first().at(1).toDouble(), 1500.0);
    }

    void perSliceWindowsFollowTheSlice() {
        // As an enhanced multi-frame object whose frames carry their own VOI.
        auto volume = std::make_shared<Volume>(*load(kNibabel + "anatomical.nii"));
        volume->sliceWindows.resize(volume->dims[2]);
        for (std::size_t z = 0; z < volume->dims[2]; ++z) {
            volume->sliceWindows[z] = {Window(100.0 + double(z), 200.0, "frame")};
        }
        SliceViewer viewer;
        viewer.setVolume(volume);
        QCOMPARE(viewer.window().center, 100.0 + viewer.slice());
        QCOMPARE(viewer.presets().front().center, 100.0 + viewer.slice());
        viewer.setSlice(3);
        QCOMPARE(viewer.window().center, 103.0);
        viewer.setWindow(Window(7, 50, "mine"));  // the user's choice sticks
        viewer.setSlice(4);
        QCOMPARE(viewer.window().center, 7.0);
        viewer.resetWindow();
        QCOMPARE(viewer.window().center, 104.0);
        viewer.setSlice(5);
        QCOMPARE(viewer.window().center, 105.0);
    }

    void rightDragChangesWindowAndLevel() {
        SliceViewer viewer;
        viewer.setVolume(load(kPydicom + "CT_small.dcm"));
        showViewer(viewer);
        viewer.setWindow(Window(40, 400, "soft"));
        const QImage before = viewer.renderedSlice();
        const QPointF start(200, 200);
        sendMouse(&viewer, QEvent::MouseButtonPress, start, Qt::RightButton, Qt::RightButton);
        sendMouse(&viewer, QEvent::MouseMove, start + QPointF(60, 40), Qt::NoButton, Qt::RightButton);
        sendMouse(&viewer, QEvent::MouseButtonRelease, start + QPointF(60, 40), Qt::RightButton, Qt::NoButton);
        QVERIFY(viewer.window().width > 400);   // right: wider
        QVERIFY(viewer.window().center > 40);   // down: higher level
        QVERIFY(viewer.renderedSlice() != before);
    }

    void scrollingByWheelKeysAndSlider() {
        SliceViewer viewer;
        viewer.setVolume(load(kNibabel + "example4d.nii.gz"));
        showViewer(viewer);
        const QImage first = viewer.renderedSlice();
        QSignalSpy spy(&viewer, &SliceViewer::sliceChanged);
        sendWheel(&viewer, QPointF(100, 100), -120);  // one notch down: next slice
        QCOMPARE(viewer.slice(), 13);
        QCOMPARE(spy.count(), 1);
        QVERIFY(viewer.renderedSlice() != first);
        sendWheel(&viewer, QPointF(100, 100), 240);
        QCOMPARE(viewer.slice(), 11);
        // Trackpad-sized deltas accumulate into a step.
        for (int i = 0; i < 4; ++i) sendWheel(&viewer, QPointF(100, 100), -30);
        QCOMPARE(viewer.slice(), 12);

        QTest::keyClick(&viewer, Qt::Key_Down);
        QCOMPARE(viewer.slice(), 13);
        QTest::keyClick(&viewer, Qt::Key_Up);
        QTest::keyClick(&viewer, Qt::Key_Up);
        QCOMPARE(viewer.slice(), 11);
        QTest::keyClick(&viewer, Qt::Key_End);
        QCOMPARE(viewer.slice(), 23);
        QTest::keyClick(&viewer, Qt::Key_Down);  // clamped
        QCOMPARE(viewer.slice(), 23);
        QTest::keyClick(&viewer, Qt::Key_Home);
        QCOMPARE(viewer.slice(), 0);
        QTest::keyClick(&viewer, Qt::Key_PageDown);
        QCOMPARE(viewer.slice(), 2);
        viewer.setSlice(-5);
        QCOMPARE(viewer.slice(), 0);

        auto* slider = viewer.findChild<QSlider*>();
        QVERIFY(slider);
        QVERIFY(slider->isVisible());
        QCOMPARE(slider->maximum(), 23);
        viewer.setSlice(7);
        QCOMPARE(slider->value(), 7);
        slider->setValue(15);
        QCOMPARE(viewer.slice(), 15);

        // 4D: Left/Right step through time points.
        QSignalSpy times(&viewer, &SliceViewer::timePointChanged);
        QTest::keyClick(&viewer, Qt::Key_Right);
        QCOMPARE(viewer.timePoint(), 1);
        QCOMPARE(times.count(), 1);
        QCOMPARE(viewer.slice(), 15);

        // The slider hides for a single slice.
        viewer.setVolume(load(kPydicom + "CT_small.dcm"));
        QVERIFY(!slider->isVisible());
        QCOMPARE(viewer.viewRect(), QRectF(viewer.rect()));
    }

    void orientationLabelsFromGeometry() {
        SliceViewer viewer;
        viewer.setVolume(load(kPydicom + "CT_small.dcm"));
        auto labels = viewer.orientationLabels();
        QCOMPARE(labels.left, QStringLiteral("R"));
        QCOMPARE(labels.right, QStringLiteral("L"));
        QCOMPARE(labels.top, QStringLiteral("A"));
        QCOMPARE(labels.bottom, QStringLiteral("P"));
        // An oblique axis gets two letters, the larger component first; small ones drop.
        QCOMPARE(vitask::ui::orientationLetters({0.8, 0.0, -0.6}), QStringLiteral("LI"));
        QCOMPARE(vitask::ui::orientationLetters({-0.2, 0.98, 0.0}), QStringLiteral("P"));
        // nibabel's example4d is stored L-A-S (j grows anterior): the image shows
        // anterior at the bottom and the labels say so.
        viewer.setVolume(load(kNibabel + "example4d.nii.gz"));
        labels = viewer.orientationLabels();
        QCOMPARE(labels.right, QStringLiteral("L"));
        QCOMPARE(labels.bottom, QStringLiteral("A"));
        QCOMPARE(labels.top, QStringLiteral("P"));
    }

    // A radiograph has no Image Orientation (Patient): its letters come from its Patient
    // Orientation (the demo's PA chest: L along the rows, F down the columns), never from
    // an identity direction that would call it axial.
    void projectionImagesTakeTheirPatientOrientation() {
        const QString demo = qEnvironmentVariable("VITASK_SOURCE_DIR") + QStringLiteral("/resources/demo/studies/");
        SliceViewer viewer;
        const auto chest = load(demo + QStringLiteral("chest_xray/chest_01.dcm"));
        QVERIFY(!chest->orientationKnown);
        viewer.setVolume(chest);
        auto labels = viewer.orientationLabels();
        QCOMPARE(labels.left + labels.right + labels.top + labels.bottom, QStringLiteral("RLHF"));
        // Oblique letters are reversed letter by letter.
        labels = vitask::ui::orientationLabels(QStringLiteral("LA"), QStringLiteral("FP"));
        QCOMPARE(labels.left + labels.top, QStringLiteral("RPHA"));
        // The demo's OCT B-scan (Ophthalmic Tomography, an enhanced multi-frame file of one
        // frame) keeps its geometry in the functional groups: Pixel Measures and Plane
        // Orientation shared, Plane Position per frame. A horizontal B-scan lies in an axial
        // plane: right to left along the rows, anterior (the vitreous) at the top.
        const auto oct = load(demo + QStringLiteral("retinal_oct/oct_01.dcm"));
        QCOMPARE(oct->dims[0] * oct->dims[1] * oct->dims[2], std::size_t(64 * 64));
        QVERIFY(oct->orientationKnown);
        QVERIFY(oct->pixelSpacingKnown);
        QCOMPARE(oct->spacing[0], 0.02);
        QCOMPARE(oct->spacing[1], 0.02);
        viewer.setVolume(oct);
        labels = viewer.orientationLabels();
        QCOMPARE(labels.left + labels.right + labels.top + labels.bottom, QStringLiteral("RLAP"));
        // Neither tag nor Pixel Spacing (the demo's dermoscopy, VL Photographic): no letters
        // at all, and its millimetres are unknown (no scale bar, as for a PNG); the
        // radiograph's are known.
        const auto photograph = load(demo + QStringLiteral("dermoscopy/dermoscopy_01.dcm"));
        QVERIFY(!photograph->orientationKnown);
        QVERIFY(!photograph->pixelSpacingKnown);
        viewer.setVolume(photograph);
        labels = viewer.orientationLabels();
        QCOMPARE(labels.left + labels.right + labels.top + labels.bottom, QString());
        QVERIFY(chest->pixelSpacingKnown);
    }

    void valueUnderTheCursor() {
        SliceViewer viewer;
        const auto ct = load(kPydicom + "CT_small.dcm");
        viewer.setVolume(ct);
        showViewer(viewer);
        // 128 x 128 square pixels fitted into 400 x 400 (no slider): 3.125 px per voxel.
        QCOMPARE(viewer.imageRect(), QRectF(0, 0, 400, 400));
        const QPoint pos(int(40.5 * 3.125), int(70.5 * 3.125));
        QCOMPARE(viewer.voxelAt(pos), std::optional<QPoint>(QPoint(40, 70)));
        const QString text = viewer.valueAt(pos);
        QCOMPARE(text, QStringLiteral("(40, 70, 0): %1 HU").arg(qint64(ct->at(40, 70, 0))));
        QSignalSpy spy(&viewer, &SliceViewer::cursorValueChanged);
        sendMouse(&viewer, QEvent::MouseMove, pos, Qt::NoButton, Qt::NoButton);
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.first().at(0).toString(), text);

        viewer.setVolume(load(kPydicom + "MR_small.dcm"));
        QVERIFY(!viewer.valueAt(QPoint(200, 200)).contains("HU"));
        QVERIFY(!viewer.valueAt(QPoint(200, 200)).isEmpty());
        viewer.oneToOne();  // 64 px in the middle: the corner is off the image
        QVERIFY(viewer.valueAt(QPoint(5, 5)).isEmpty());
    }

    void zoomFitOneToOneAndPan() {
        SliceViewer viewer;
        viewer.setVolume(load(kPydicom + "CT_small.dcm"));
        showViewer(viewer);
        const double dpr = viewer.devicePixelRatioF();
        QCOMPARE(viewer.zoom(), 400.0 * dpr / 128.0);
        QSignalSpy zooms(&viewer, &SliceViewer::zoomChanged);
        viewer.oneToOne();
        QCOMPARE(viewer.zoom(), 1.0);
        QCOMPARE(viewer.imageRect().size(), QSizeF(128 / dpr, 128 / dpr));
        QCOMPARE(viewer.imageRect().center(), QPointF(200, 200));
        QCOMPARE(zooms.count(), 1);

        // Left-drag pans by the mouse movement.
        const QRectF before = viewer.imageRect();
        sendMouse(&viewer, QEvent::MouseButtonPress, QPointF(100, 100), Qt::LeftButton, Qt::LeftButton);
        sendMouse(&viewer, QEvent::MouseMove, QPointF(130, 80), Qt::NoButton, Qt::LeftButton);
        sendMouse(&viewer, QEvent::MouseButtonRelease, QPointF(130, 80), Qt::LeftButton, Qt::NoButton);
        QCOMPARE(viewer.imageRect().topLeft(), before.topLeft() + QPointF(30, -20));
        QCOMPARE(viewer.pan(), QPointF(30, -20));

        // Ctrl+wheel zooms about the cursor: the image point under it stays put.
        const QPointF cursor(180, 170);
        const QPointF anchor = viewer.widgetToImage(cursor);
        sendWheel(&viewer, cursor, 240, Qt::ControlModifier);
        QVERIFY(viewer.zoom() > 1.3);
        const QPointF after = viewer.imageToWidget(anchor);
        QVERIFY(std::abs(after.x() - cursor.x()) < 1.0 && std::abs(after.y() - cursor.y()) < 1.0);

        QTest::keyClick(&viewer, Qt::Key_F);
        QVERIFY(viewer.fitsWindow());
        QCOMPARE(viewer.imageRect(), QRectF(0, 0, 400, 400));
        QTest::keyClick(&viewer, Qt::Key_1);
        QCOMPARE(viewer.zoom(), 1.0);
        // Fit follows resizes.
        QTest::keyClick(&viewer, Qt::Key_F);
        viewer.resize(600, 300);
        QCOMPARE(viewer.imageRect(), QRectF(150, 0, 300, 300));
    }

    void nonSquarePixelsKeepTheirAspect() {
        // nibabel's standard.nii.gz: 4 x 5 voxels of 1 x 3 mm.
        SliceViewer viewer;
        viewer.setVolume(load(kNibabel + "standard.nii.gz"));
        showViewer(viewer);
        const QRectF r = viewer.imageRect();
        QVERIFY(std::abs(r.height() / r.width() - 15.0 / 4.0) < 1e-3);
        viewer.oneToOne();
        QCOMPARE(viewer.imageRect().size() * viewer.devicePixelRatioF(), QSizeF(4, 15));
    }

    void overlayToggleHidesCornerText() {
        SliceViewer viewer;
        viewer.setVolume(load(kPydicom + "CT_small.dcm"),
                         ViewerInfo{"CompressedSamples^CT1", "1CT1", "20040119", "e+1", "", "CT"});
        showViewer(viewer);
        viewer.setWindow(Window(5000, 10, "black"));  // the image all black: only text is lit
        const QRect topLeft(0, 0, 160, 50), bottomRight(300, 350, 100, 50);
        const QImage on = viewer.grab().toImage();
        QVERIFY(litPixels(on, topLeft) > 100);
        QVERIFY(litPixels(on, bottomRight) > 100);
        QSignalSpy spy(&viewer, &SliceViewer::overlayVisibleChanged);
        QTest::keyClick(&viewer, Qt::Key_I);
        QVERIFY(!viewer.overlayVisible());
        QCOMPARE(spy.count(), 1);
        const QImage off = viewer.grab().toImage();
        QCOMPARE(litPixels(off, topLeft), 0);
        QCOMPARE(litPixels(off, bottomRight), 0);
        viewer.setOverlayVisible(true);
        QVERIFY(litPixels(viewer.grab().toImage(), topLeft) > 100);
    }

    void scaleBarOnlyWithPixelSpacing() {
        SliceViewer viewer;
        const auto ct = load(kPydicom + "CT_small.dcm");
        viewer.setVolume(ct, ViewerInfo{});
        showViewer(viewer);
        viewer.setWindow(Window(5000, 10, "black"));
        // Above the bottom orientation label, centred: the bar and its "NN mm" label.
        const QRect band(100, 320, 200, 50);
        QVERIFY(litPixels(viewer.grab().toImage(), band) > 60);
        ViewerInfo photo;
        photo.pixelSpacingKnown = false;
        viewer.setVolume(ct, photo);
        viewer.setWindow(Window(5000, 10, "black"));
        QCOMPARE(litPixels(viewer.grab().toImage(), band), 0);
        QCOMPARE(viewer.orientationLabels().left, QString());
    }

    void heatmapUsesTheColourMap() {
        SliceViewer viewer;
        viewer.setVolume(load(kPydicom + "CT_small.dcm"));
        showViewer(viewer);
        viewer.setOverlayVisible(false);
        // 2 x 2 blocks over the 400 x 400 image; a block's centre is its own value even
        // with bilinear stretching.
        viewer.setHeatmap(2, 2, {0.1f, 0.9f, 0.5f, 0.75f}, "pneumonia");
        viewer.setHeatmapOpacity(1.0);
        QVERIFY(viewer.hasHeatmap() && viewer.heatmapVisible());
        viewer.setHeatmapVisible(false);
        const QImage bare = viewer.grab().toImage();
        viewer.setHeatmapVisible(true);
        QImage shot = viewer.grab().toImage();
        auto near = [](QRgb a, QRgb b) {
            return std::abs(qRed(a) - qRed(b)) <= 2 && std::abs(qGreen(a) - qGreen(b)) <= 2 &&
                   std::abs(qBlue(a) - qBlue(b)) <= 2;
        };
        const double dpr = shot.devicePixelRatio();
        auto at = [&](int x, int y) { return shot.pixel(int(x * dpr), int(y * dpr)); };
        // Below 0.2 the map is transparent: the CT shows through unchanged.
        QCOMPARE(at(100, 100), bare.pixel(int(100 * dpr), int(100 * dpr)));
        QVERIFY(near(at(300, 100), vitask::ui::turboColour(0.9)));
        QVERIFY(near(at(100, 300), vitask::ui::turboColour(0.5)));
        QVERIFY(near(at(300, 300), vitask::ui::turboColour(0.75)));
        QVERIFY(vitask::ui::turboColour(0.0) != vitask::ui::turboColour(1.0));
        // H hides it: the CT shows through again.
        QTest::keyClick(&viewer, Qt::Key_H);
        QVERIFY(!viewer.heatmapVisible());
        shot = viewer.grab().toImage();
        const QRgb grey = at(300, 100);
        QCOMPARE(qRed(grey), qGreen(grey));
        viewer.clearHeatmap();
        QVERIFY(!viewer.hasHeatmap());
        // A heatmap belongs to its slice: scrolling away hides it, a new volume drops it.
        viewer.setVolume(load(kNibabel + "anatomical.nii"));
        viewer.setHeatmap(1, 1, {1.0f}, "slice");
        QVERIFY(viewer.heatmapShown());
        viewer.setSlice(viewer.slice() + 1);
        QVERIFY(viewer.hasHeatmap() && !viewer.heatmapShown());
        viewer.setSlice(viewer.slice() - 1);
        QVERIFY(viewer.heatmapShown());
        viewer.setVolume(load(kPydicom + "CT_small.dcm"));
        QVERIFY(!viewer.hasHeatmap());
        // A size mismatch is refused.
        viewer.setHeatmap(3, 3, {0.5f}, "bad");
        QVERIFY(!viewer.hasHeatmap());
    }

    void cineLoopsTimePointsOrSlices() {
        SliceViewer viewer;
        viewer.setVolume(load(kNibabel + "example4d.nii.gz"));
        showViewer(viewer);
        QCOMPARE(viewer.cineFps(), 10.0);
        viewer.setCineFps(100);
        QSignalSpy times(&viewer, &SliceViewer::timePointChanged);
        QTest::keyClick(&viewer, Qt::Key_Space);
        QVERIFY(viewer.cinePlaying());
        QTRY_VERIFY_WITH_TIMEOUT(times.count() >= 3, 3000);  // 0 -> 1 -> 0 -> 1
        QCOMPARE(viewer.slice(), 12);
        QTest::keyClick(&viewer, Qt::Key_Space);
        QVERIFY(!viewer.cinePlaying());

        // 3D data loops its slices, wrapping at the end.
        viewer.setVolume(load(kNibabel + "anatomical.nii"));
        viewer.setSlice(viewer.sliceCount() - 2);
        QSignalSpy slices(&viewer, &SliceViewer::sliceChanged);
        viewer.setCinePlaying(true);
        QTRY_VERIFY_WITH_TIMEOUT(slices.count() >= 3, 3000);
        viewer.setCinePlaying(false);
        QCOMPARE(slices.at(0).at(0).toInt(), viewer.sliceCount() - 1);
        QCOMPARE(slices.at(1).at(0).toInt(), 0);

        // A single image has nothing to play.
        viewer.setVolume(load(kPydicom + "CT_small.dcm"));
        viewer.setCinePlaying(true);
        QVERIFY(!viewer.cinePlaying());
    }

    void renderingIsFastEnoughToScroll() {
        // A 512 x 512 CT-like slice pair; each scroll re-renders one slice.
        auto volume = std::make_shared<Volume>();
        volume->dims = {512, 512, 2, 1};
        volume->modality = "CT";
        volume->voxels.resize(512 * 512 * 2);
        for (std::size_t i = 0; i < volume->voxels.size(); ++i) {
            volume->voxels[i] = float(int((i * 2654435761u) % 4096) - 1024);
        }
        SliceViewer viewer;
        viewer.setVolume(volume);
        viewer.setWindow(Window(40, 400, "soft"));
        QElapsedTimer timer;
        timer.start();
        const int frames = 40;
        for (int i = 0; i < frames; ++i) {
            viewer.setSlice(i % 2);
            QVERIFY(!viewer.renderedSlice().isNull());
        }
        const double ms = double(timer.nsecsElapsed()) / 1e6 / frames;
        qInfo("512 x 512 slice rendered in %.2f ms", ms);
        QVERIFY2(ms < 16.0, qPrintable(QString::number(ms)));
    }

    void screenshotWithHeatmap() {
        SliceViewer viewer;
        viewer.setVolume(load(kPydicom + "CT_small.dcm"),
                         ViewerInfo{"CompressedSamples^CT1", "1CT1", "2004-01-19", "e+1",
                                    "Axial 5 mm", "CT"});
        viewer.resize(640, 560);
        viewer.show();
        QVERIFY(QTest::qWaitForWindowExposed(&viewer));
        viewer.setWindow(Window(40, 400, "CT soft tissue"));
        std::vector<float> map(32 * 32);
        for (int y = 0; y < 32; ++y) {
            for (int x = 0; x < 32; ++x) {
                const double d = std::hypot(x - 20.0, y - 12.0) / 10.0;
                map[std::size_t(y * 32 + x)] = float(std::exp(-d * d));
            }
        }
        viewer.setHeatmap(32, 32, map, "saliency: nodule");
        viewer.setHeatmapOpacity(0.4);
        const QPoint pos(300, 260);
        sendMouse(&viewer, QEvent::MouseMove, pos, Qt::NoButton, Qt::NoButton);
        const QString path = QDir::temp().filePath("viewer_test.png");
        QVERIFY(viewer.grab().save(path));
        qInfo("screenshot: %s", qPrintable(path));
    }

    // Tool tips and the painted annotations ("Th: 2 mm") of a 4D volume, in the language
    // switched to, as a viewer built in that language shows them.
    void switchesLanguageWithoutRestart() {
        using vitask::ui::test::shownTexts;
        vitask::ui::test::switchLanguage(QStringLiteral("en"));
        const auto volume = load(kNibabel + "example4d.nii.gz");
        const ViewerInfo info{"Doe^Jane", "4D-1", "2004-01-19", "fMRI", "BOLD", "MR"};
        SliceViewer viewer;
        viewer.setVolume(volume, info);
        showViewer(viewer);
        // The texts, and the picture (the painted annotations), as one more line.
        const auto shown = [](SliceViewer& v) {
            const QImage image = v.grab().toImage();
            return shownTexts(v) << QStringLiteral("picture: %1").arg(qHashBits(image.constBits(), size_t(image.sizeInBytes())));
        };
        QVERIFY(vitask::ui::test::switchesLikeAFreshStart([&] { return shown(viewer); }, [&] {
            SliceViewer fresh;
            fresh.setVolume(volume, info);
            showViewer(fresh);
            return shown(fresh);
        }));
    }
};

QTEST_MAIN(TestSliceViewer)
#include "test_slice_viewer.moc"

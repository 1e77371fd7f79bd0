// Window center/width follow the DICOM linear function; presets and auto window.
#include "vitask/common/error.h"
#include "vitask/imaging/volume.h"
#include "vitask/imaging/window.h"

#include <QtTest>

using namespace vitask::imaging;

class TestWindow : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void linearFunctionMatchesDicom() {
        const Window brain{40, 80, "brain"};
        QCOMPARE(brain.apply(0.0 - 1), 0.0);     // below c - 0.5 - (w-1)/2 = 0
        QCOMPARE(brain.apply(200), 1.0);
        QVERIFY(std::abs(brain.apply(39.5) - 0.5) < 1e-12);
        QVERIFY(std::abs(brain.apply(39.5, true) - 0.5) < 1e-12);
        QCOMPARE(brain.apply(-100, true), 1.0);  // MONOCHROME1: low values bright
    }
    void presetsHaveTheUsualValues() {
        bool lung = false, bone = false, brain = false;
        for (const auto& w : standardCtWindows()) {
            lung |= w.explanation == "CT lung" && w.center == -600 && w.width == 1500;
            bone |= w.explanation == "CT bone" && w.center == 400 && w.width == 1800;
            brain |= w.explanation == "CT brain" && w.center == 40 && w.width == 80;
        }
        QVERIFY(lung && bone && brain);
    }
    void autoWindowSpansTheValues() {
        Volume v;
        v.dims = {2, 2, 1, 1};
        v.voxels = {-1000, 0, 500, 1000};
        const Window w = autoWindow(v);
        QCOMPARE(w.apply(-1000), 0.0);
        QCOMPARE(w.apply(1000), 1.0);
        QVERIFY_THROWS_EXCEPTION(vitask::Error, autoWindow(Volume{}));
    }
};

QTEST_APPLESS_MAIN(TestWindow)
#include "test_window.moc"

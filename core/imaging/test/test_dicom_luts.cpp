// VOI LUT Sequence, per-frame windows and rescale of enhanced multi-frame objects, the
// Modality LUT Sequence and palette colour (normal and segmented), against pydicom.
// pydicom's test corpus holds none of them, so make_lut_cases.py derives the files from
// corpus files with pydicom's writer; reference_decode.py (dicom+voi) gives pydicom's
// values after the modality LUT / colour LUT and its display values per VOI preset.
#include "reference_data.h"
#include "vitask/common/error.h"
#include "vitask/imaging/dicom_reader.h"
#include "vitask/imaging/window.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using vitask::imaging::DicomReader;
using vitask::imaging::Volume;
using vitask::imaging::Window;

class TestDicomLuts : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QVERIFY(cases_.isValid() && references_.isValid());
        QProcess maker;
        maker.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        maker.start("/usr/bin/python3", {qEnvironmentVariable("VITASK_SOURCE_DIR") +
                                             "/core/imaging/test/make_lut_cases.py",
                                         cases_.path()});
        QVERIFY(maker.waitForFinished(120000) && maker.exitCode() == 0);
        files_ = filesUnder(cases_.path());
        QCOMPARE(files_.size(), 6);
        QString error;
        ref_ = ReferenceData::decode(references_.path(), "dicom+voi", files_, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    void valuesMatchPydicom_data() {
        QTest::addColumn<QString>("name");
        for (const char* name : {"voi_lut_signed.dcm", "voi_lut_65536.dcm", "modality_lut.dcm",
                                 "palette_hotiron.dcm", "enhanced_frames.dcm"}) {
            QTest::newRow(name) << QString(name);
        }
    }

    // Values after the modality LUT (Modality LUT Sequence; per-frame rescale) or RGB
    // through the palette: exactly pydicom's.
    void valuesMatchPydicom() {
        QFETCH(QString, name);
        const auto& entry = entryFor(name);
        QCOMPARE(entry.at("status").get<std::string>(), std::string("ok"));
        const Volume volume = DicomReader::readFile((cases_.path() + "/" + name).toStdString());
        const auto shape = entry.at("shape").get<std::vector<std::size_t>>();  // f, r, c, s
        QCOMPARE(volume.dims[2], shape[0]);
        QCOMPARE(volume.dims[1], shape[1]);
        QCOMPARE(volume.dims[0], shape[2]);
        QCOMPARE(volume.components, shape[3]);
        const auto expected = ref_.values(entry);
        QCOMPARE(volume.voxels.size(), expected.size());
        for (std::size_t i = 0; i < expected.size(); ++i) {
            if (volume.voxels[i] != expected[i]) {
                QFAIL(qPrintable(QString("voxel %1: ours %2, pydicom %3").arg(i).arg(volume.voxels[i]).arg(expected[i])));
            }
        }
    }

    void voiPresetsDisplayLikePydicom_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("luts");  // VOI LUTs expected first in the file's window list
        QTest::newRow("two LUTs (SS first mapped < 0, US and OW data) and a window") << "voi_lut_signed.dcm" << 2;
        QTest::newRow("65536 entries (descriptor 0), MONOCHROME1") << "voi_lut_65536.dcm" << 1;
        QTest::newRow("per-frame windows and LUT, shared window") << "enhanced_frames.dcm" << 0;
    }

    // Every VOI preset of every frame (Volume::sliceWindows where frames carry their own)
    // maps every voxel to pydicom's apply_voi / apply_windowing output scaled to [0, 1].
    void voiPresetsDisplayLikePydicom() {
        QFETCH(QString, name);
        QFETCH(int, luts);
        const auto& entry = entryFor(name);
        const Volume volume = DicomReader::readFile((cases_.path() + "/" + name).toStdString());
        const auto frames = entry.at("windows");
        QCOMPARE(frames.size(), volume.dims[2]);
        for (int i = 0; i < luts; ++i) QVERIFY(volume.windows.at(std::size_t(i)).lut != nullptr);
        if (luts > 0) {
            // The default is the first VOI LUT (pydicom's apply_voi_lut prefers it too).
            QVERIFY(vitask::imaging::defaultWindow(volume).lut == volume.windows.front().lut);
        }
        const std::size_t sliceSize = volume.sliceSize();
        for (std::size_t z = 0; z < volume.dims[2]; ++z) {
            const auto& windows = volume.sliceWindows.empty() ? volume.windows : volume.sliceWindows.at(z);
            QCOMPARE(windows.size(), frames[z].size());
            for (std::size_t w = 0; w < windows.size(); ++w) {
                const auto expected = ref_.values({{"raw", frames[z][w]}});
                QCOMPARE(expected.size(), sliceSize);
                for (std::size_t i = 0; i < sliceSize; ++i) {
                    const double ours = windows[w].apply(volume.voxels[z * sliceSize + i]);
                    if (std::abs(ours - expected[i]) > 1e-6) {
                        QFAIL(qPrintable(QString("slice %1, window %2 (%3), voxel %4 = %5: ours %6, pydicom %7")
                                             .arg(z).arg(w).arg(QString::fromStdString(windows[w].explanation))
                                             .arg(i).arg(volume.voxels[z * sliceSize + i]).arg(ours)
                                             .arg(expected[i])));
                    }
                }
            }
        }
    }

    // Not supported yet: DCMTK 3.6.7 does not expand Segmented Palette Color LUT Data
    // (pydicom does). It must fail clearly, naming the file, not show a wrong image.
    void segmentedPaletteFailsClearly() {
        const QString file = cases_.path() + "/palette_spring_segmented.dcm";
        QCOMPARE(entryFor("palette_spring_segmented.dcm").at("status").get<std::string>(), std::string("ok"));
        try {
            DicomReader::readFile(file.toStdString());
            QFAIL("a segmented palette decoded; compare it with pydicom instead");
        } catch (const vitask::Error& e) {
            QVERIFY(std::string(e.what()).find(file.toStdString()) != std::string::npos);
        }
    }

    // Frames without their own VOI take the shared one; the default follows the frame.
    void enhancedFramesFallBackToSharedWindows() {
        const Volume volume = DicomReader::readFile((cases_.path() + "/enhanced_frames.dcm").toStdString());
        QCOMPARE(volume.sliceWindows.size(), std::size_t(3));
        QCOMPARE(volume.windows.front().center, 900.0);  // shared
        QCOMPARE(vitask::imaging::defaultWindow(volume, 0).center, 2500.0);
        QCOMPARE(vitask::imaging::defaultWindow(volume, 1).center, 900.0);
        QVERIFY(vitask::imaging::defaultWindow(volume, 2).lut != nullptr);
    }

private:
    const nlohmann::json& entryFor(const QString& name) const {
        return ref_.manifest.at((cases_.path() + "/" + name).toStdString());
    }

    QTemporaryDir cases_, references_;
    QStringList files_;
    ReferenceData ref_;
};

QTEST_GUILESS_MAIN(TestDicomLuts)
#include "test_dicom_luts.moc"

// VOI LUT Sequence, VOI LUT Functions (LINEAR_EXACT, SIGMOID), per-frame windows and
// rescale of enhanced multi-frame objects, the Modality LUT Sequence and palette colour
// (normal, and segmented: discrete, linear and indirect segments, 8 and 16 bits), against
// pydicom.
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
using vitask::imaging::VoiFunction;
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
        QCOMPARE(files_.size(), 10);
        QString error;
        ref_ = ReferenceData::decode(references_.path(), "dicom+voi", files_, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    void valuesMatchPydicom_data() {
        QTest::addColumn<QString>("name");
        for (const char* name : {"voi_lut_signed.dcm", "voi_lut_65536.dcm", "modality_lut.dcm",
                                 "palette_hotiron.dcm", "palette_spring_segmented.dcm",
                                 "palette_segmented_indirect.dcm", "palette_segmented_16bit.dcm",
                                 "enhanced_frames.dcm"}) {
            QTest::newRow(name) << QString(name);
        }
    }

    // Values after the modality LUT (Modality LUT Sequence; per-frame rescale) or RGB
    // through the palette (segmented ones expanded by us, applied by DCMTK): exactly
    // pydicom's (apply_modality_lut, apply_color_lut).
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
        QTest::addColumn<int>("function");  // VoiFunction of the file's (or frame 0's) windows
        const int linear = int(VoiFunction::Linear);
        QTest::newRow("two LUTs (SS first mapped < 0, US and OW data) and a window")
            << "voi_lut_signed.dcm" << 2 << linear;
        QTest::newRow("65536 entries (descriptor 0), MONOCHROME1") << "voi_lut_65536.dcm" << 1 << linear;
        QTest::newRow("per-frame windows (SIGMOID in frame 0) and LUT, shared window")
            << "enhanced_frames.dcm" << 0 << int(VoiFunction::Sigmoid);
        QTest::newRow("LINEAR_EXACT, edges on stored values, width 0.5")
            << "voi_linear_exact.dcm" << 0 << int(VoiFunction::LinearExact);
        QTest::newRow("SIGMOID") << "voi_sigmoid.dcm" << 0 << int(VoiFunction::Sigmoid);
    }

    // Every VOI preset of every frame (Volume::sliceWindows where frames carry their own)
    // maps every voxel to pydicom's apply_voi / apply_windowing output scaled to [0, 1],
    // with the file's VOI LUT Function.
    void voiPresetsDisplayLikePydicom() {
        QFETCH(QString, name);
        QFETCH(int, luts);
        QFETCH(int, function);
        const auto& entry = entryFor(name);
        const Volume volume = DicomReader::readFile((cases_.path() + "/" + name).toStdString());
        const auto frames = entry.at("windows");
        QCOMPARE(frames.size(), volume.dims[2]);
        for (int i = 0; i < luts; ++i) QVERIFY(volume.windows.at(std::size_t(i)).lut != nullptr);
        const Window& firstWindow = vitask::imaging::defaultWindow(volume, 0);
        if (!firstWindow.lut) QCOMPARE(int(firstWindow.function), function);
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

    // Segmented data that does not describe the descriptor's entries must fail naming the
    // file, not show a wrong image: the indirect case's red channel cut after its first
    // segments expands to fewer than 256 entries.
    void malformedSegmentedPaletteFailsClearly() {
        const QString file = cases_.path() + "/palette_segmented_indirect.dcm";
        const QString cut = truncated_.path() + "/cut.dcm";
        QProcess python;
        python.setProcessChannelMode(QProcess::ForwardedChannels);
        python.start("/usr/bin/python3",
                     {"-c",
                      "import sys, pydicom\n"
                      "ds = pydicom.dcmread(sys.argv[1])\n"
                      "ds.SegmentedRedPaletteColorLookupTableData = ds.SegmentedRedPaletteColorLookupTableData[:12]\n"
                      "ds.save_as(sys.argv[2])\n",
                      file, cut});
        QVERIFY(python.waitForFinished(60000) && python.exitCode() == 0);
        try {
            DicomReader::readFile(cut.toStdString());
            QFAIL("a truncated segmented palette decoded");
        } catch (const vitask::Error& e) {
            const std::string message = e.what();
            QVERIFY2(message.find(cut.toStdString()) != std::string::npos, e.what());
            QVERIFY2(message.find("Segmented Red") != std::string::npos, e.what());
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

    QTemporaryDir cases_, references_, truncated_;
    QStringList files_;
    ReferenceData ref_;
};

QTEST_GUILESS_MAIN(TestDicomLuts)
#include "test_dicom_luts.moc"

// `vitask image convert` outputs read back by references nobody here wrote: nibabel for
// NIfTI (values and affine against the source volume), numpy for .npy (float32, slice-major)
// and a plain zlib PNG decoder whose pixels must equal numpy's own DICOM windowing.
// Inputs: an oblique CT series written with DCMTK at test time (int16 and fractional
// rescale, 12 bits stored, unsigned), nibabel's 4D example. A plain series converts to
// NIfTI as its stored integers (stored_series.h): the same values read back. Also the errors: unknown extension, missing or
// unwritable folder, a path without images; and no temporary files left behind.
#include "vitask/common/error.h"
#include "vitask/imaging/dicom_scanner.h"
#include "vitask/imaging/image_converter.h"
#include "vitask/imaging/image_loader.h"
#include "vitask/imaging/nifti_reader.h"
#include "vitask/imaging/nifti_writer.h"
#include "vitask/imaging/stored_series.h"
#include "vitask/imaging/volume_exporter.h"

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcuid.h>

#include <nlohmann/json.hpp>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <unistd.h>

#include <array>
#include <cmath>
#include <cstring>
#include <filesystem>

using namespace vitask::imaging;
namespace fs = std::filesystem;

namespace {

// Big enough (4160 bytes a slice) for a scan to leave the pixel data on disk, as it does
// for real images: the way stored integers are read.
constexpr int kRows = 40, kColumns = 52, kSlices = 6;

// The stored value of pixel i of slice k: -1024 .. about +820 HU after the default
// rescale: all of a 40/400 window's range and both clamps.
int storedValue(int i, int k) {
    return i * 13 % 1699 + k * 29;
}

// How writeSeries stores its values: by default signed 16-bit, intercept -1024.
struct Storage {
    const char* slope = "1";
    const char* intercept = "-1024";
    int bitsStored = 16;
    bool isSigned = true;
    Uint16 base = 0;            // added to every stored value
    Uint16 aboveBits = 0;       // set in every 7th value above Bits Stored: to be masked away
    bool deflateFirst = false;  // the first file in Deflated Explicit VR (needs decoding)
    int timePoints = 1;         // files per position: kSlices / timePoints positions
};

// An oblique series: rows along (cos 30, sin 30, 0), columns along -z; slices 2.5 mm apart.
void writeSeries(const QString& dir, int seriesTag, const Storage& storage = {}) {
    const double normal[3] = {-0.5, 0.8660254037844386, 0.0};
    for (int k = 0; k < kSlices; ++k) {
        DcmFileFormat file;
        DcmDataset* ds = file.getDataset();
        const std::string root = "1.2.826.0.1.3680043.9.7433.88." + std::to_string(seriesTag);
        ds->putAndInsertString(DCM_SOPClassUID, UID_CTImageStorage);
        ds->putAndInsertString(DCM_SOPInstanceUID, (root + ".3." + std::to_string(k)).c_str());
        ds->putAndInsertString(DCM_StudyInstanceUID, (root + ".1").c_str());
        ds->putAndInsertString(DCM_SeriesInstanceUID, (root + ".2").c_str());
        ds->putAndInsertString(DCM_Modality, "CT");
        ds->putAndInsertString(DCM_InstanceNumber, std::to_string(kSlices - k).c_str());
        const int position = k / storage.timePoints;
        const double p[3] = {-30 + 2.5 * position * normal[0], 12 + 2.5 * position * normal[1], 50};
        ds->putAndInsertString(DCM_ImagePositionPatient,
                               QString("%1\\%2\\%3").arg(p[0], 0, 'f', 6).arg(p[1], 0, 'f', 6).arg(p[2]).toLatin1());
        ds->putAndInsertString(DCM_ImageOrientationPatient, "0.8660254037844386\\0.5\\0\\0\\0\\-1");
        ds->putAndInsertString(DCM_PixelSpacing, "0.7\\0.9");
        ds->putAndInsertString(DCM_RescaleIntercept, storage.intercept);
        ds->putAndInsertString(DCM_RescaleSlope, storage.slope);
        ds->putAndInsertString(DCM_WindowCenter, "40");
        ds->putAndInsertString(DCM_WindowWidth, "400");
        ds->putAndInsertString(DCM_PhotometricInterpretation, "MONOCHROME2");
        ds->putAndInsertUint16(DCM_SamplesPerPixel, 1);
        ds->putAndInsertUint16(DCM_Rows, kRows);
        ds->putAndInsertUint16(DCM_Columns, kColumns);
        ds->putAndInsertUint16(DCM_BitsAllocated, 16);
        ds->putAndInsertUint16(DCM_BitsStored, static_cast<Uint16>(storage.bitsStored));
        ds->putAndInsertUint16(DCM_HighBit, static_cast<Uint16>(storage.bitsStored - 1));
        ds->putAndInsertUint16(DCM_PixelRepresentation, storage.isSigned ? 1 : 0);
        std::vector<Uint16> pixels(kRows * kColumns);
        for (int i = 0; i < kRows * kColumns; ++i)
            pixels[i] = static_cast<Uint16>(storage.base + storedValue(i, k)) | (i % 7 == 0 ? storage.aboveBits : 0);
        ds->putAndInsertUint16Array(DCM_PixelData, pixels.data(), pixels.size());
        const QString name = dir + QString("/slice%1.dcm").arg(k);
        const E_TransferSyntax syntax =
            storage.deflateFirst && k == 0 ? EXS_DeflatedLittleEndianExplicit : EXS_LittleEndianExplicit;
        QVERIFY(file.saveFile(name.toLatin1().constData(), syntax).good());
    }
}

nlohmann::json check(const QString& outDir, const QStringList& args, std::vector<float>* values = nullptr) {
    QProcess process;
    process.setProcessChannelMode(QProcess::ForwardedChannels);
    process.start("/usr/bin/python3", QStringList{qEnvironmentVariable("VITASK_SOURCE_DIR") +
                                                      "/core/imaging/test/convert_check.py",
                                                  outDir} + args);
    if (!process.waitForFinished(120000) || process.exitCode() != 0) return {};
    QFile result(outDir + "/result.json");
    if (!result.open(QIODevice::ReadOnly)) return {};
    if (values) {
        QFile raw(outDir + "/values.raw");
        if (raw.open(QIODevice::ReadOnly)) {
            const QByteArray bytes = raw.readAll();
            values->resize(static_cast<std::size_t>(bytes.size()) / sizeof(float));
            std::memcpy(values->data(), bytes.constData(), values->size() * sizeof(float));
        }
    }
    return nlohmann::json::parse(result.readAll().toStdString());
}

float maxDifference(const std::vector<float>& a, const std::vector<float>& b) {
    if (a.size() != b.size()) return INFINITY;
    float worst = 0;
    for (std::size_t i = 0; i < a.size(); ++i) worst = std::max(worst, std::abs(a[i] - b[i]));
    return worst;
}

void compareGeometry(const nlohmann::json& r, const Volume& v) {
    for (int i = 0; i < 3; ++i) {
        QVERIFY2(std::abs(r["spacing"][i].get<double>() - v.spacing[i]) < 1e-4, r.dump().c_str());
        QVERIFY2(std::abs(r["origin"][i].get<double>() - v.origin[i]) < 1e-3, r.dump().c_str());
    }
    for (int i = 0; i < 9; ++i) {
        QVERIFY2(std::abs(r["direction"][i].get<double>() - v.direction[i]) < 1e-5, r.dump().c_str());
    }
}

bool noTemporaryFiles(const QString& dir) {
    return QDir(dir).entryList(QStringList{".vitask-tmp-*"}, QDir::Files | QDir::Hidden).isEmpty();
}

}  // namespace

class TestConvert : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void dicomSeriesToNiftiKeepsValuesAndGeometry_data() {
        QTest::addColumn<QString>("slope");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("dtype");
        QTest::newRow("int16 .nii.gz") << "1" << "ct.nii.gz" << "int16";
        QTest::newRow("int16 .nii") << "1" << "ct.nii" << "int16";
        QTest::newRow("fractional slope, float32") << "0.25" << "ct.nii.gz" << "float32";
    }
    void dicomSeriesToNiftiKeepsValuesAndGeometry() {
        QFETCH(QString, slope);
        QFETCH(QString, name);
        QFETCH(QString, dtype);
        QTemporaryDir in, out;
        const QByteArray slopeText = slope.toLatin1();
        Storage storage;
        storage.slope = slopeText.constData();
        writeSeries(in.path(), 1, storage);
        const Volume volume = ImageLoader::load(in.path().toStdString());
        QCOMPARE(volume.dims[2], std::size_t(kSlices));
        QVERIFY(std::abs(volume.direction[0] - 0.8660254) < 1e-6);  // really oblique
        const QString file = out.path() + "/" + name;
        QCOMPARE(VolumeExporter::write(volume, file.toStdString()).size(), std::size_t(1));
        std::vector<float> values;
        const auto r = check(out.path(), {"nifti", file}, &values);
        QVERIFY2(!r.is_null(), "convert_check.py failed");
        QCOMPARE(r["shape"], nlohmann::json({kColumns, kRows, kSlices}));
        QCOMPARE(QString::fromStdString(r["dtype"]), dtype);
        QVERIFY(r["sform_code"].get<int>() > 0 || r["qform_code"].get<int>() > 0);
        QVERIFY2(r.value("qform_sform_diff", 1.0) < 1e-4, r.dump().c_str());  // the quaternion agrees with the matrix
        QCOMPARE(maxDifference(values, volume.voxels), 0.0f);
        compareGeometry(r, volume);
        QVERIFY(noTemporaryFiles(out.path()));
        // Our own reader reads it back the same (a .nii.gz is several gzip members, one per block).
        const Volume again = ImageLoader::load(file.toStdString());
        QCOMPARE(maxDifference(again.voxels, volume.voxels), 0.0f);
        for (int i = 0; i < 9; ++i) QVERIFY(std::abs(again.direction[i] - volume.direction[i]) < 1e-5);
    }

    // The short way to NIfTI (stored integers copied from the files, the rescale left to
    // the header, as dcm2niix writes it) reads back through nibabel as the float volume
    // does: values and geometry. Each way of storing takes its own integers.
    void storedSeriesToNiftiEqualsTheVolume_data() {
        QTest::addColumn<QString>("slope");
        QTest::addColumn<QString>("intercept");
        QTest::addColumn<int>("bitsStored");
        QTest::addColumn<bool>("isSigned");
        QTest::addColumn<int>("base");
        QTest::addColumn<int>("aboveBits");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("dtype");
        QTest::addColumn<double>("sclSlope");
        QTest::addColumn<double>("sclInter");
        // Signed 16-bit storage could hold values the intercept would push out of int16:
        // the integers as stored, the intercept in scl_inter.
        QTest::newRow("16 bits, .nii") << "1" << "-1024" << 16 << true << 0 << 0 << "ct.nii" << "int16" << 1.0 << -1024.0;
        QTest::newRow("16 bits, .nii.gz") << "1" << "-1024" << 16 << true << 0 << 0 << "ct.nii.gz" << "int16" << 1.0 << -1024.0;
        // A float volume would need float32; the stored integers and scl_slope keep it exact.
        QTest::newRow("fractional slope") << "0.25" << "-1024" << 16 << true << 0 << 0 << "ct.nii" << "int16" << 0.25 << -1024.0;
        // 12 bits stored (most CT): every storable value stays in int16 after the intercept,
        // so it is applied in integers and the file holds the values themselves. Bits above
        // Bits Stored (an old overlay) are masked, the sign taken from bit 11.
        QTest::newRow("12 bits stored, bits above") << "1" << "-1024" << 12 << true << 0 << 0x4000 << "ct.nii" << "int16" << 1.0 << 0.0;
        // Unsigned values beyond int16 and no intercept: uint16, as stored.
        QTest::newRow("unsigned beyond int16") << "1" << "0" << 16 << false << 40000 << 0 << "ct.nii.gz" << "uint16" << 1.0 << 0.0;
    }
    void storedSeriesToNiftiEqualsTheVolume() {
        QFETCH(QString, slope);
        QFETCH(QString, intercept);
        QFETCH(int, bitsStored);
        QFETCH(bool, isSigned);
        QFETCH(int, base);
        QFETCH(int, aboveBits);
        QFETCH(QString, name);
        QFETCH(QString, dtype);
        QFETCH(double, sclSlope);
        QFETCH(double, sclInter);
        QTemporaryDir in, out;
        const QByteArray slopeText = slope.toLatin1(), interceptText = intercept.toLatin1();
        Storage storage;
        storage.slope = slopeText.constData();
        storage.intercept = interceptText.constData();
        storage.bitsStored = bitsStored;
        storage.isSigned = isSigned;
        storage.base = static_cast<Uint16>(base);
        storage.aboveBits = static_cast<Uint16>(aboveBits);
        writeSeries(in.path(), 11, storage);
        const DicomTree tree = DicomScanner::scan(in.path().toStdString());
        QVERIFY(StoredSeriesReader::open(ImageLoader::selectSeries(tree, "", in.path().toStdString())).has_value());

        const QString file = out.path() + "/" + name;
        const auto result = ImageConverter::convert(in.path().toStdString(), "", file.toStdString());
        QCOMPARE(result.written.size(), std::size_t(1));
        const Volume volume = ImageLoader::load(in.path().toStdString());
        QCOMPARE(result.dims, volume.dims);
        std::vector<float> values;
        const auto r = check(out.path(), {"nifti", file}, &values);
        QVERIFY2(!r.is_null(), "convert_check.py failed");
        QCOMPARE(r["shape"], nlohmann::json({kColumns, kRows, kSlices}));
        QCOMPARE(QString::fromStdString(r["dtype"]), dtype);
        QCOMPARE(r["scl_slope"].get<double>(), sclSlope);
        QCOMPARE(r["scl_inter"].get<double>(), sclInter);
        QVERIFY2(r.value("qform_sform_diff", 1.0) < 1e-4, r.dump().c_str());
        QCOMPARE(maxDifference(values, volume.voxels), 0.0f);
        compareGeometry(r, volume);
        QVERIFY(noTemporaryFiles(out.path()));
        // Our own reader applies the scaling too.
        QCOMPARE(maxDifference(ImageLoader::load(file.toStdString()).voxels, volume.voxels), 0.0f);
    }

    // Several time points per position (a perfusion series): the stored integers go to
    // the 4D file in the order the float volume takes (time-major), read back by nibabel.
    void multiTemporalSeriesKeepsItsTimeOrder() {
        QTemporaryDir in, out;
        Storage storage;
        storage.timePoints = 2;
        writeSeries(in.path(), 14, storage);
        const Volume volume = ImageLoader::load(in.path().toStdString());
        QCOMPARE(volume.dims, (std::array<std::size_t, 4>{kColumns, kRows, kSlices / 2, 2}));
        const DicomTree tree = DicomScanner::scan(in.path().toStdString());
        QVERIFY(StoredSeriesReader::open(ImageLoader::selectSeries(tree, "", in.path().toStdString())).has_value());
        const QString file = out.path() + "/perfusion.nii.gz";
        ImageConverter::convert(in.path().toStdString(), "", file.toStdString());
        std::vector<float> values;
        const auto r = check(out.path(), {"nifti", file}, &values);
        QVERIFY2(!r.is_null(), "convert_check.py failed");
        QCOMPARE(r["shape"], nlohmann::json({kColumns, kRows, kSlices / 2, 2}));
        QCOMPARE(maxDifference(values, volume.voxels), 0.0f);
        compareGeometry(r, volume);
    }

    // A series with a file that needs decoding (deflated) is not read as stored integers,
    // and converts the ordinary way to the same values.
    void seriesNeedingDecodingConvertsThroughTheVolume() {
        QTemporaryDir in, out;
        Storage storage;
        storage.deflateFirst = true;
        writeSeries(in.path(), 12, storage);
        const DicomTree tree = DicomScanner::scan(in.path().toStdString());
        QVERIFY(!StoredSeriesReader::open(ImageLoader::selectSeries(tree, "", in.path().toStdString())).has_value());
        const QString file = out.path() + "/ct.nii";
        ImageConverter::convert(in.path().toStdString(), "", file.toStdString());
        std::vector<float> values;
        const auto r = check(out.path(), {"nifti", file}, &values);
        QVERIFY2(!r.is_null(), "convert_check.py failed");
        QCOMPARE(maxDifference(values, ImageLoader::load(in.path().toStdString()).voxels), 0.0f);
    }

    // A file cut short after the scan: the conversion stops with its name, and neither the
    // output nor a temporary file is left.
    void fileTruncatedAfterTheScanStopsTheConversion() {
        QTemporaryDir in, out;
        writeSeries(in.path(), 13);
        const DicomTree tree = DicomScanner::scan(in.path().toStdString());
        const auto stored = StoredSeriesReader::open(ImageLoader::selectSeries(tree, "", in.path().toStdString()));
        QVERIFY(stored.has_value());
        const std::string victim = stored->slices[3].file.string();
        QVERIFY(::truncate(victim.c_str(), 400) == 0);
        const QString file = out.path() + "/ct.nii.gz";
        try {
            NiftiWriter::write(*stored, file.toStdString());
            QFAIL("no error");
        } catch (const vitask::Error& e) {
            QCOMPARE(e.subject(), victim);
            QVERIFY2(std::string(e.what()).find("changed or became unreadable") != std::string::npos, e.what());
        }
        QVERIFY(!QFile::exists(file));
        QVERIFY(noTemporaryFiles(out.path()));
    }

    // A volume bigger than one compression block (4 MiB): the .nii.gz is several gzip
    // members that say their size, written on several threads; nibabel and our reader
    // (inflating them at once) read every value back.
    void largeVolumeCompressedInBlocksReadsBackWhole() {
        QTemporaryDir out;
        Volume volume;
        volume.dims = {160, 128, 96, 1};
        volume.spacing = {0.7, 0.7, 2.5};
        volume.origin = {-50.0, 20.0, 100.0};
        volume.voxels.resize(volume.voxelCount());
        for (std::size_t i = 0; i < volume.voxels.size(); ++i) volume.voxels[i] = static_cast<float>(i % 9973) * 0.5f - 700.0f;
        const QString file = out.path() + "/large.nii.gz";
        VolumeExporter::write(volume, file.toStdString());
        QVERIFY(QFileInfo(file).size() < static_cast<qint64>(volume.voxels.size() * sizeof(float)));
        std::vector<float> values;
        const auto r = check(out.path(), {"nifti", file}, &values);
        QVERIFY2(!r.is_null(), "convert_check.py failed");
        QCOMPARE(QString::fromStdString(r["dtype"]), QStringLiteral("float32"));
        QCOMPARE(maxDifference(values, volume.voxels), 0.0f);
        compareGeometry(r, volume);
        QCOMPARE(maxDifference(ImageLoader::load(file.toStdString()).voxels, volume.voxels), 0.0f);
        // Another writer's members, without their sizes (Python's gzip, two members): read
        // from the start, one after the other, to the same values.
        const QString plain = out.path() + "/plain-members.nii.gz";
        QProcess python;
        python.start("/usr/bin/python3", {"-c", "import gzip, sys; d = gzip.decompress(open(sys.argv[1], 'rb').read()); "
                                                "h = len(d) // 2; open(sys.argv[2], 'wb').write(gzip.compress(d[:h]) + gzip.compress(d[h:]))",
                                          file, plain});
        QVERIFY(python.waitForFinished(60000) && python.exitCode() == 0);
        QCOMPARE(maxDifference(ImageLoader::load(plain.toStdString()).voxels, volume.voxels), 0.0f);
    }

    void fourDimensionalNiftiRoundTripsAndBecomesTZYX() {
        const QString original = "/usr/lib/python3/dist-packages/nibabel/tests/data/example4d.nii.gz";
        if (!QFile::exists(original)) QFAIL("python3-nibabel's test files are missing: install python3-nibabel (scripts/install-deps.sh installs it)");
        QTemporaryDir out;
        const Volume volume = ImageLoader::load(original.toStdString());
        QVERIFY(volume.dims[3] > 1);
        const QString nii = out.path() + "/4d.nii.gz";
        VolumeExporter::write(volume, nii.toStdString());
        auto r = check(out.path(), {"nifti", nii, original});
        QVERIFY2(!r.is_null(), "convert_check.py failed");
        QCOMPARE(r["shape"], r["original_shape"]);
        QVERIFY2(r["max_value_diff"].get<double>() < 1e-4, r.dump().c_str());
        QVERIFY2(r["max_affine_diff"].get<double>() < 1e-4, r.dump().c_str());

        const QString npy = out.path() + "/4d.npy";
        VolumeExporter::write(volume, npy.toStdString());
        std::vector<float> values;
        r = check(out.path(), {"npy", npy}, &values);
        QCOMPARE(r["shape"], nlohmann::json({volume.dims[3], volume.dims[2], volume.dims[1], volume.dims[0]}));
        QCOMPARE(r["dtype"].get<std::string>(), std::string("float32"));
        QCOMPARE(maxDifference(values, volume.voxels), 0.0f);
    }

    void npyHoldsFloatValuesAfterTheModalityLut() {
        QTemporaryDir in, out;
        Storage quarter;
        quarter.slope = "0.25";
        writeSeries(in.path(), 2, quarter);
        const Volume volume = ImageLoader::load(in.path().toStdString());
        const QString npy = out.path() + "/ct.npy";
        VolumeExporter::write(volume, npy.toStdString());
        std::vector<float> values;
        const auto r = check(out.path(), {"npy", npy}, &values);
        QCOMPARE(r["shape"], nlohmann::json({kSlices, kRows, kColumns}));
        QCOMPARE(r["dtype"].get<std::string>(), std::string("float32"));
        QVERIFY(r["c_contiguous"].get<bool>());
        // Slice-major: element [z][y][x]; the stored value of pixel y * kColumns + x of slice
        // z (slices sorted by position, which here is the file index k) times 0.25 minus 1024.
        QCOMPARE(values.size(), std::size_t(kSlices * kRows * kColumns));
        for (int z = 0; z < kSlices; ++z) {
            for (int i = 0; i < kRows * kColumns; ++i) {
                QCOMPARE(values[z * kRows * kColumns + i], float(storedValue(i, z) * 0.25 - 1024));
            }
        }
    }

    void pngSlicesEqualNumpyWindowing_data() {
        QTest::addColumn<QString>("window");  // empty: the file's 40/400
        QTest::addColumn<double>("center");
        QTest::addColumn<double>("width");
        QTest::newRow("file window") << "" << 40.0 << 400.0;
        QTest::newRow("explicit") << "-300,1201" << -300.0 << 1201.0;
    }
    void pngSlicesEqualNumpyWindowing() {
        QFETCH(QString, window);
        QFETCH(double, center);
        QFETCH(double, width);
        QTemporaryDir in, out;
        writeSeries(in.path(), 3);
        const Volume volume = ImageLoader::load(in.path().toStdString());
        const QString npy = out.path() + "/ct.npy";
        VolumeExporter::write(volume, npy.toStdString());
        std::optional<Window> chosen;
        if (!window.isEmpty()) chosen = Window{center, width, "test"};
        const auto written = VolumeExporter::write(volume, (out.path() + "/ct.png").toStdString(), chosen);
        QCOMPARE(written.size(), std::size_t(kSlices));
        QCOMPARE(QString::fromStdString(written[0].filename().string()), QString("ct_0001.png"));
        QCOMPARE(QString::fromStdString(written[5].filename().string()), QString("ct_0006.png"));
        QStringList args{"png", npy, QString::number(center, 'g', 17), QString::number(width, 'g', 17), "0"};
        for (const auto& f : written) args << QString::fromStdString(f.string());
        const auto r = check(out.path(), args);
        QVERIFY2(!r.is_null(), "convert_check.py failed");
        QCOMPARE(r["files"].get<int>(), kSlices);
        QCOMPARE(r["shapes"][0], nlohmann::json({kRows, kColumns}));
        QCOMPARE(r["max_abs_diff"].get<int>(), 0);
        QVERIFY(r["distinct_values"].get<int>() > 20);  // not a blank or binary image
        QVERIFY(noTemporaryFiles(out.path()));
    }

    void clearErrors() {
        QTemporaryDir in, out;
        writeSeries(in.path(), 4);
        const Volume volume = ImageLoader::load(in.path().toStdString());
        auto expectError = [](auto&& call, const std::string& subject, const std::string& words) {
            try {
                call();
            } catch (const vitask::Error& e) {
                QVERIFY2(e.subject() == subject, e.what());
                QVERIFY2(std::string(e.what()).find(words) != std::string::npos, e.what());
                return;
            }
            QFAIL("no error");
        };
        const std::string jpg = out.path().toStdString() + "/ct.jpg";
        expectError([&] { VolumeExporter::checkTarget(jpg); }, jpg, "unsupported output format '.jpg'");
        expectError([&] { VolumeExporter::write(volume, jpg); }, jpg, "unsupported output format");
        const std::string missing = out.path().toStdString() + "/no/such";
        expectError([&] { VolumeExporter::checkTarget(missing + "/ct.nii.gz"); }, missing,
                    "folder does not exist");
        expectError([&] { VolumeExporter::write(volume, missing + "/ct.npy"); }, missing,
                    "folder does not exist");
        if (::geteuid() != 0) {  // root may write anywhere
            const QString locked = out.path() + "/locked";
            QVERIFY(QDir().mkdir(locked));
            QFile::setPermissions(locked, QFile::ReadOwner | QFile::ExeOwner);
            expectError([&] { VolumeExporter::write(volume, (locked + "/ct.png").toStdString()); },
                        locked.toStdString(), "not writable");
        }
        QTemporaryDir empty;
        QFile(empty.path() + "/notes.txt").open(QIODevice::WriteOnly);
        expectError([&] { ImageLoader::load(empty.path().toStdString()); }, empty.path().toStdString(),
                    "no DICOM images found");
        // Two series: a choice is needed, and both an index and a UID make it.
        QTemporaryDir two;
        writeSeries(two.path(), 6);
        QVERIFY(QDir().mkdir(two.path() + "/b"));
        writeSeries(two.path() + "/b", 7);
        expectError([&] { ImageLoader::load(two.path().toStdString()); }, two.path().toStdString(),
                    "2 series with images found");
        QCOMPARE(ImageLoader::load(two.path().toStdString(), "2").dims[2], std::size_t(kSlices));
        QCOMPARE(ImageLoader::load(two.path().toStdString(), "1.2.826.0.1.3680043.9.7433.88.7.2").dims[2],
                 std::size_t(kSlices));
        expectError([&] { ImageLoader::load(two.path().toStdString(), "3"); }, two.path().toStdString(),
                    "no series with images matches '3'");
        QVERIFY(noTemporaryFiles(out.path()));
    }
};

QTEST_GUILESS_MAIN(TestConvert)
#include "test_convert.moc"

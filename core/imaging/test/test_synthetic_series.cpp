// A CT series written with DCMTK at test time: files in shuffled order, one slice
// missing. The scanner must sort by position, report the gap, and the reader must stack
// the slices with the modality LUT applied. Also: a truncated copy of a real file must be
// an error, never a zero-filled image.
#include "vitask/common/error.h"
#include "vitask/imaging/dicom_reader.h"
#include "vitask/imaging/dicom_scanner.h"

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcuid.h>

#include <QTemporaryDir>
#include <QtTest>

#include <filesystem>
#include <fstream>
#include <vector>

namespace {

constexpr int kSize = 8;

// Stored value of pixel i in the slice at z (mm); the file says HU = stored - 1024.
Sint16 stored(int z, int i) { return static_cast<Sint16>(z * 100 + i); }

void writeSlice(const std::string& path, int z, int instanceNumber) {
    DcmFileFormat file;
    DcmDataset* ds = file.getDataset();
    ds->putAndInsertString(DCM_SOPClassUID, UID_CTImageStorage);
    ds->putAndInsertString(DCM_SOPInstanceUID, ("1.2.826.0.1.3680043.9.7433.77." + std::to_string(z)).c_str());
    ds->putAndInsertString(DCM_StudyInstanceUID, "1.2.826.0.1.3680043.9.7433.77.1");
    ds->putAndInsertString(DCM_SeriesInstanceUID, "1.2.826.0.1.3680043.9.7433.77.2");
    ds->putAndInsertString(DCM_Modality, "CT");
    ds->putAndInsertString(DCM_PatientName, "Synthetic^Phantom");
    ds->putAndInsertString(DCM_InstanceNumber, std::to_string(instanceNumber).c_str());
    ds->putAndInsertString(DCM_ImagePositionPatient, ("-10\\-20\\" + std::to_string(z)).c_str());
    ds->putAndInsertString(DCM_ImageOrientationPatient, "1\\0\\0\\0\\1\\0");
    ds->putAndInsertString(DCM_PixelSpacing, "0.5\\0.75");
    ds->putAndInsertString(DCM_RescaleIntercept, "-1024");
    ds->putAndInsertString(DCM_RescaleSlope, "1");
    ds->putAndInsertString(DCM_WindowCenter, "40\\-600");
    ds->putAndInsertString(DCM_WindowWidth, "80\\1500");
    ds->putAndInsertString(DCM_WindowCenterWidthExplanation, "BRAIN\\LUNG");
    ds->putAndInsertString(DCM_PhotometricInterpretation, "MONOCHROME2");
    ds->putAndInsertUint16(DCM_SamplesPerPixel, 1);
    ds->putAndInsertUint16(DCM_Rows, kSize);
    ds->putAndInsertUint16(DCM_Columns, kSize);
    ds->putAndInsertUint16(DCM_BitsAllocated, 16);
    ds->putAndInsertUint16(DCM_BitsStored, 16);
    ds->putAndInsertUint16(DCM_HighBit, 15);
    ds->putAndInsertUint16(DCM_PixelRepresentation, 1);
    std::vector<Uint16> pixels(kSize * kSize);
    for (int i = 0; i < kSize * kSize; ++i) pixels[i] = static_cast<Uint16>(stored(z, i));
    ds->putAndInsertUint16Array(DCM_PixelData, pixels.data(), pixels.size());
    QVERIFY(file.saveFile(path.c_str(), EXS_LittleEndianExplicit).good());
}

// 64 x 64 MR slices, large enough that the scan leaves their pixel data in the file (the
// reader then takes it straight from there): 12 of 16 bits stored, unsigned, junk in the
// 4 unused bits, rescale 0.5 / 3.25. `seed` varies the values, `description` the size.
constexpr int kLarge = 64;

Uint16 largeRaw(int seed, int i) { return static_cast<Uint16>(0xA000 | ((seed * 37 + i * 11) & 0x0FFF)); }
float largeValue(int seed, int i) { return float((largeRaw(seed, i) & 0x0FFF) * 0.5 + 3.25); }

void writeLargeSlice(const std::string& path, int z, int seed, E_TransferSyntax xfer,
                     const char* description = "") {
    DcmFileFormat file;
    DcmDataset* ds = file.getDataset();
    ds->putAndInsertString(DCM_SOPClassUID, UID_MRImageStorage);
    ds->putAndInsertString(DCM_SOPInstanceUID, ("1.2.826.0.1.3680043.9.7433.78." + std::to_string(z)).c_str());
    ds->putAndInsertString(DCM_StudyInstanceUID, "1.2.826.0.1.3680043.9.7433.78.1");
    ds->putAndInsertString(DCM_SeriesInstanceUID, "1.2.826.0.1.3680043.9.7433.78.2");
    ds->putAndInsertString(DCM_Modality, "MR");
    ds->putAndInsertString(DCM_SeriesDescription, description);
    ds->putAndInsertString(DCM_InstanceNumber, std::to_string(z + 1).c_str());
    ds->putAndInsertString(DCM_ImagePositionPatient, ("0\\0\\" + std::to_string(z)).c_str());
    ds->putAndInsertString(DCM_ImageOrientationPatient, "1\\0\\0\\0\\1\\0");
    ds->putAndInsertString(DCM_PixelSpacing, "1\\1");
    ds->putAndInsertString(DCM_RescaleIntercept, "3.25");
    ds->putAndInsertString(DCM_RescaleSlope, "0.5");
    ds->putAndInsertString(DCM_PhotometricInterpretation, "MONOCHROME2");
    ds->putAndInsertUint16(DCM_SamplesPerPixel, 1);
    ds->putAndInsertUint16(DCM_Rows, kLarge);
    ds->putAndInsertUint16(DCM_Columns, kLarge);
    ds->putAndInsertUint16(DCM_BitsAllocated, 16);
    ds->putAndInsertUint16(DCM_BitsStored, 12);
    ds->putAndInsertUint16(DCM_HighBit, 11);
    ds->putAndInsertUint16(DCM_PixelRepresentation, 0);
    std::vector<Uint16> pixels(kLarge * kLarge);
    for (int i = 0; i < kLarge * kLarge; ++i) pixels[i] = largeRaw(seed, i);
    ds->putAndInsertUint16Array(DCM_PixelData, pixels.data(), pixels.size());
    QVERIFY(file.saveFile(path.c_str(), xfer).good());
}

}  // namespace

class TestSyntheticSeries : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void sortsShuffledFilesAndReportsTheGap() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        // Positions 0..10 mm every 2 mm, 6 mm missing; names and instance numbers shuffled.
        const std::vector<std::pair<int, const char*>> slices = {
            {8, "a.dcm"}, {0, "e.dcm"}, {10, "b.dcm"}, {4, "d.dcm"}, {2, "c.dcm"}};
        QVERIFY(QDir().mkpath(dir.path() + "/sub"));
        int instance = 1;
        for (const auto& [z, name] : slices) {
            writeSlice((dir.path() + "/sub/").toStdString() + name, z, instance++);
        }
        const auto tree = vitask::imaging::DicomScanner::scan(dir.path().toStdString());
        QCOMPARE(tree.seriesCount(), std::size_t(1));
        const auto& series = *tree.allSeries().front();
        QVERIFY(series.sortedByPosition);
        QCOMPARE(series.instances.size(), std::size_t(5));
        const double expectedZ[] = {0, 2, 4, 8, 10};
        for (int i = 0; i < 5; ++i) QCOMPARE(series.instances[i].position[2], expectedZ[i]);
        QCOMPARE(series.warnings.size(), std::size_t(1));
        QVERIFY2(QString::fromStdString(series.warnings[0]).startsWith("gap of 4 mm between slices 3 and 4"),
                 series.warnings[0].c_str());

        const auto volume = vitask::imaging::DicomReader::readSeries(series);
        QCOMPARE(volume.dims[0], std::size_t(kSize));
        QCOMPARE(volume.dims[2], std::size_t(5));
        QCOMPARE(volume.spacing[0], 0.75);  // columns: second Pixel Spacing value
        QCOMPARE(volume.spacing[1], 0.5);
        QCOMPARE(volume.spacing[2], 2.0);
        QCOMPARE(volume.origin[2], 0.0);
        QCOMPARE(volume.direction[8], 1.0);
        for (int k = 0; k < 5; ++k) {
            for (int i = 0; i < kSize * kSize; i += 9) {
                QCOMPARE(volume.at(i % kSize, i / kSize, k),
                         float(stored(int(expectedZ[k]), i)) - 1024.0f);
            }
        }
        QCOMPARE(volume.windows.size(), std::size_t(2));
        QCOMPARE(volume.windows[1].explanation, std::string("LUNG"));
        QCOMPARE(volume.windows[1].center, -600.0);
    }

    // The scan notes where plain 16-bit pixel data lies; the reader takes it from there,
    // and decodes through DCMTK what it cannot (big endian) or what changed since the scan.
    void readsPixelDataWhereTheScanFoundIt() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        auto name = [&](int z) { return (dir.path() + "/s" + QString::number(z) + ".dcm").toStdString(); };
        for (int z = 0; z < 5; ++z) {
            writeLargeSlice(name(z), z, z, z == 3 ? EXS_BigEndianExplicit : z == 1 ? EXS_LittleEndianImplicit
                                                                                   : EXS_LittleEndianExplicit);
        }
        auto tree = vitask::imaging::DicomScanner::scan(dir.path().toStdString());
        QCOMPARE(tree.seriesCount(), std::size_t(1));
        const auto& series = *tree.allSeries().front();
        for (int z = 0; z < 5; ++z) QCOMPARE(series.instances[z].direct.usable, z != 3);

        auto check = [&](const vitask::imaging::Volume& volume, int changed) {
            QCOMPARE(volume.dims[2], std::size_t(5));
            for (int z = 0; z < 5; ++z) {
                const int seed = z == changed ? 100 + z : z;
                for (int i = 0; i < kLarge * kLarge; i += 7) {
                    QCOMPARE(volume.at(i % kLarge, i / kLarge, z), largeValue(seed, i));
                }
            }
        };
        check(vitask::imaging::DicomReader::readSeries(series), -1);

        // Rewritten after the scan, longer: the noted offset is stale, so DCMTK reads it.
        writeLargeSlice(name(2), 2, 102, EXS_LittleEndianExplicit, "rewritten after the scan");
        check(vitask::imaging::DicomReader::readSeries(series), 2);

        // Cut short after the scan: an error naming the file, never zeros.
        std::filesystem::resize_file(name(4), std::filesystem::file_size(name(4)) - 1000);
        try {
            vitask::imaging::DicomReader::readSeries(series);
            QFAIL("a file truncated after the scan was read");
        } catch (const vitask::Error& e) {
            QCOMPARE(e.subject(), name(4));
        }
    }

    void truncatedCopyIsAnErrorNotZeros() {
        const std::string original = "/usr/lib/python3/dist-packages/pydicom/data/test_files/CT_small.dcm";
        if (!std::filesystem::exists(original)) QFAIL("python3-pydicom's test files are missing: install python3-pydicom (scripts/install-deps.sh installs it)");
        QTemporaryDir dir;
        const std::string cut = dir.path().toStdString() + "/cut.dcm";
        std::ifstream in(original, std::ios::binary);
        std::vector<char> bytes((std::istreambuf_iterator<char>(in)), {});
        std::ofstream(cut, std::ios::binary).write(bytes.data(), std::streamsize(bytes.size() - 5000));
        try {
            vitask::imaging::DicomReader::readFile(cut);
            QFAIL("a truncated file decoded");
        } catch (const vitask::Error& e) {
            QCOMPARE(e.subject(), cut);
        }
        const auto tree = vitask::imaging::DicomScanner::scan(dir.path().toStdString());
        QCOMPARE(tree.seriesCount(), std::size_t(0));
        QCOMPARE(tree.skipped.size(), std::size_t(1));
    }
};

QTEST_GUILESS_MAIN(TestSyntheticSeries)
#include "test_synthetic_series.moc"

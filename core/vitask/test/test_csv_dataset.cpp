// CsvDataset on real files written at test time: PNGs by PIL, a DICOM file by pydicom,
// decoded through core/imaging. Pixel values are checked against the known content
// (a halved gradient is the 2x2 block mean), and each kind of bad manifest must be
// rejected with a message that lists every bad row.
#include "vitask_test_support.h"
#include "vitask/vitask/csv_dataset.h"
#include "vitask/vitask/dataset_loader.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace vitask::recipe;
using vitask::recipe::test::errorOf;
using vitask::recipe::test::runNumpy;

namespace {

// Writes into the folder `path`: grey PNGs a0..a9 (gradient 2x + 2y) and b0..b9
// (inverted), a colour PNG, a DICOM (16-bit, 10x + 10y) and a PNG that is not one.
const QString kWriteImages = QStringLiteral(
    "import os\n"
    "from PIL import Image\n"
    "import pydicom\n"
    "from pydicom.dataset import Dataset, FileMetaDataset\n"
    "from pydicom.uid import ExplicitVRLittleEndian, generate_uid\n"
    "y, x = np.mgrid[0:56, 0:56]\n"
    "g = (2 * x + 2 * y).astype(np.uint8)\n"
    "for i in range(10):\n"
    "    Image.fromarray(g).save(os.path.join(path, 'a%d.png' % i))\n"
    "    Image.fromarray(255 - g).save(os.path.join(path, 'b%d.png' % i))\n"
    "rgb = np.zeros((56, 56, 3), np.uint8); rgb[..., 0] = 200; rgb[..., 2] = 50\n"
    "Image.fromarray(rgb).save(os.path.join(path, 'colour.png'))\n"
    "meta = FileMetaDataset()\n"
    "meta.MediaStorageSOPClassUID = '1.2.840.10008.5.1.4.1.1.7'\n"
    "meta.MediaStorageSOPInstanceUID = generate_uid()\n"
    "meta.TransferSyntaxUID = ExplicitVRLittleEndian\n"
    "ds = Dataset(); ds.file_meta = meta\n"
    "ds.SOPClassUID = meta.MediaStorageSOPClassUID; ds.SOPInstanceUID = meta.MediaStorageSOPInstanceUID\n"
    "ds.StudyInstanceUID = generate_uid(); ds.SeriesInstanceUID = generate_uid(); ds.Modality = 'OT'\n"
    "ds.Rows = ds.Columns = 56; ds.SamplesPerPixel = 1; ds.PhotometricInterpretation = 'MONOCHROME2'\n"
    "ds.BitsAllocated = 16; ds.BitsStored = 16; ds.HighBit = 15; ds.PixelRepresentation = 0\n"
    "ds.PixelData = (10 * x + 10 * y).astype(np.uint16).tobytes()\n"
    "ds.is_little_endian = True; ds.is_implicit_VR = False\n"
    "ds.save_as(os.path.join(path, 'scan.dcm'), write_like_original=False)\n"
    "open(os.path.join(path, 'broken.png'), 'wb').write(b'not a png at all')\n");

}  // namespace

class TestCsvDataset : public QObject {
    Q_OBJECT
private:
    QTemporaryDir dir_;
    QString manifest(const QString& name, const QString& text) {
        const QString path = dir_.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly)) return {};
        f.write(text.toUtf8());
        return path;
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        QVERIFY(QDir(dir_.path()).mkpath(QStringLiteral("img")));
        if (!runNumpy(kWriteImages, dir_.filePath(QStringLiteral("img"))))
            QFAIL("/usr/bin/python3 with numpy, PIL and pydicom is needed: install python3-numpy, python3-pil and python3-pydicom (scripts/install-deps.sh installs them)");
    }

    void loadsPngAndDicomWithOwnSplits() {
        const QString path = manifest(QStringLiteral("own.csv"),
                                      QStringLiteral("path,label,split,notes\n"
                                                     "img/a0.png,benign,train,x\n"
                                                     "img/b0.png,malignant,train,\n"
                                                     "\"img/a1.png\",benign,val,\"a, quoted note\"\n"
                                                     "img/b1.png,malignant,VAL,\n"
                                                     "img/scan.dcm,malignant,test,\n"));
        const auto data = loadDataset(path.toStdString());
        QCOMPARE(data.labelNames(), (std::vector<std::string>{"benign", "malignant"}));
        QCOMPARE(data.name(), std::string("own"));
        QVERIFY(!data.multiLabel());
        QCOMPARE(data.train().size(), int64_t(2));
        QCOMPARE(data.val().size(), int64_t(2));
        QCOMPARE(data.test().size(), int64_t(1));
        QCOMPARE(data.train().channels(), 1);  // all grey: one channel
        QCOMPARE(data.train().width(), 28);
        QCOMPARE(data.train().label(0), int64_t(0));
        QCOMPARE(data.train().label(1), int64_t(1));
        // 56 -> 28 px by area: each pixel is the mean of a 2x2 block of 2x + 2y, i.e. 4X + 4Y + 2.
        const ImageView a = data.train().image(0), b = data.train().image(1);
        for (const auto& [x, y] : {std::pair{0, 0}, std::pair{13, 5}, std::pair{27, 27}}) {
            QVERIFY2(std::abs(a.at(x, y) - (4 * x + 4 * y + 2)) <= 1, qPrintable(QString::number(a.at(x, y))));
            QVERIFY(std::abs(b.at(x, y) - (255 - (4 * x + 4 * y + 2))) <= 1);
        }
        // The DICOM file has no window: min/max (0..1100) maps to 0..255.
        const ImageView scan = data.test().image(0);
        for (const auto& [x, y] : {std::pair{0, 0}, std::pair{10, 20}, std::pair{27, 27}}) {
            const double expected = (20.0 * x + 20.0 * y + 10.0) / 1100.0 * 255.0;  // 2x2 means of 10x + 10y
            QVERIFY2(std::abs(scan.at(x, y) - expected) <= 3.0,
                     qPrintable(QStringLiteral("%1 vs %2").arg(scan.at(x, y)).arg(expected)));
        }
    }

    void splitsBySeedStratifiedByClass() {
        QString rows = QStringLiteral("label,path\n");
        for (int i = 0; i < 10; ++i) rows += QStringLiteral("a,img/a%1.png\nb,img/b%1.png\n").arg(i);
        const QString path = manifest(QStringLiteral("auto.csv"), rows);
        CsvDatasetOptions options;
        options.valFraction = 0.2;
        options.testFraction = 0.2;
        options.size = 16;
        const auto one = CsvDataset::load(path.toStdString(), options);
        QCOMPARE(one.train().size(), int64_t(12));
        QCOMPARE(one.val().classCounts(), (std::vector<int64_t>{2, 2}));
        QCOMPARE(one.test().classCounts(), (std::vector<int64_t>{2, 2}));
        QCOMPARE(one.train().width(), 16);
        const auto again = CsvDataset::load(path.toStdString(), options);
        for (int64_t i = 0; i < 4; ++i) QCOMPARE(again.test().imageCopy(i), one.test().imageCopy(i));

        options.valFraction = 0;  // an empty val split, on purpose
        QCOMPARE(CsvDataset::load(path.toStdString(), options).val().size(), int64_t(0));
    }

    void colourAndMultiLabel() {
        const QString path = manifest(QStringLiteral("multi.csv"),
                                      QStringLiteral("path,label,split\n"
                                                     "img/colour.png,effusion|nodule,train\n"
                                                     "img/a2.png,,train\n"
                                                     "img/a3.png,nodule,val\n"
                                                     "img/a4.png,effusion,test\n"));
        const auto data = loadDataset(path.toStdString());
        QVERIFY(data.multiLabel());
        QCOMPARE(data.labelNames(), (std::vector<std::string>{"effusion", "nodule"}));
        QCOMPARE(data.train().targets(0), (std::vector<uint8_t>{1, 1}));
        QCOMPARE(data.train().targets(1), (std::vector<uint8_t>{0, 0}));
        QCOMPARE(data.train().channels(), 3);  // one colour image makes the set RGB
        const ImageView colour = data.train().image(0);
        QCOMPARE(int(colour.at(14, 14, 0)), 200);
        QCOMPARE(int(colour.at(14, 14, 2)), 50);
        const ImageView grey = data.train().image(1);
        QCOMPARE(grey.at(5, 9, 0), grey.at(5, 9, 2));
    }

    void everyBadRowIsListed() {
        const QString path = manifest(QStringLiteral("bad.csv"),
                                      QStringLiteral("path,label,split\n"
                                                     "img/a0.png,benign,train\n"
                                                     "img/missing1.png,benign,train\n"
                                                     "img/b0.png,tumour,val\n"
                                                     "img/missing2.png,malignant,test\n"
                                                     "img/b1.png,malignant,holdout\n"));
        CsvDatasetOptions options;
        options.labels = {"benign", "malignant"};
        const QString message = errorOf([&] { CsvDataset::load(path.toStdString(), options); });
        for (const char* part : {"bad.csv", "2 missing file(s)", "line 3: img/missing1.png", "line 5: img/missing2.png",
                                 "1 unknown label(s)", "line 4: 'tumour'", "line 6: 'holdout'"})
            QVERIFY2(message.contains(QLatin1String(part)), qPrintable(message));
    }

    void emptySplitsAndUnreadableFiles() {
        const QString noTest = manifest(QStringLiteral("notest.csv"),
                                        QStringLiteral("path,label,split\nimg/a0.png,a,train\nimg/b0.png,b,val\n"));
        QString message = errorOf([&] { loadDataset(noTest.toStdString()); });
        QVERIFY2(message.contains(QStringLiteral("the test split(s) would be empty")), qPrintable(message));

        const QString broken = manifest(QStringLiteral("broken.csv"),
                                        QStringLiteral("path,label,split\nimg/a0.png,a,train\nimg/broken.png,b,val\n"
                                                       "img/a1.png,a,test\n"));
        message = errorOf([&] { loadDataset(broken.toStdString()); });
        QVERIFY2(message.contains(QStringLiteral("1 unreadable image(s)")) && message.contains(QStringLiteral("line 3:")) &&
                     message.contains(QStringLiteral("broken.png")),
                 qPrintable(message));

        const QString noHeader = manifest(QStringLiteral("noheader.csv"), QStringLiteral("img/a0.png,a\n"));
        message = errorOf([&] { loadDataset(noHeader.toStdString()); });
        QVERIFY2(message.contains(QStringLiteral("'path' and 'label'")), qPrintable(message));

        message = errorOf([&] { loadDataset(dir_.filePath(QStringLiteral("img/a0.png")).toStdString()); });
        QVERIFY2(message.contains(QStringLiteral(".png")) && message.contains(QStringLiteral("CSV manifest")),
                 qPrintable(message));
    }
};

QTEST_GUILESS_MAIN(TestCsvDataset)
#include "test_csv_dataset.moc"

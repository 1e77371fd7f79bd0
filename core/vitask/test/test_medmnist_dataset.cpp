// MedMnistDataset and DatasetReport on .npz files written by NumPy at test time: a small
// bloodmnist-shaped set (RGB, 8 classes) and a chestmnist-shaped one (grey, 14 labels),
// then broken files, each of which must be rejected with its own message.
#include "vitask/common/error.h"
#include "vitask_test_support.h"
#include "vitask/vitask/dataset_report.h"
#include "vitask/vitask/medmnist_dataset.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace vitask::recipe;

using vitask::recipe::test::errorOf;

namespace {


// Pixel n,y,x,c of the fake sets, the same formula as in kWriter below.
int expectedPixel(int n, int y, int x, int c) { return (n * 7 + y * 3 + x * 5 + c * 11) % 256; }

// Defines make(kind, n, size, rgb) -> (images, labels) and the path, then runs `code`.
const QString kWriter = QStringLiteral(
    "def images(n, size, rgb):\n"
    "    idx = np.indices((n, size, size, 3) if rgb else (n, size, size))\n"
    "    v = idx[0] * 7 + idx[1] * 3 + idx[2] * 5 + (idx[3] * 11 if rgb else 0)\n"
    "    return (v % 256).astype(np.uint8)\n"
    "def blood(n, offset=0):\n"
    "    return images(n, 28, True), ((np.arange(n) + offset) % 8).reshape(n, 1).astype(np.uint8)\n"
    "def chest(n):\n"
    "    labels = np.zeros((n, 14), np.uint8)\n"
    "    for i in range(n):\n"
    "        labels[i, i % 14] = 1\n"
    "        if i % 3 == 0: labels[i, 13] = 1\n"
    "    return images(n, 28, False), labels\n"
    "def splits(make, sizes):\n"
    "    out = {}\n"
    "    for name, n in zip(('train', 'val', 'test'), sizes):\n"
    "        out[name + '_images'], out[name + '_labels'] = make(n)\n"
    "    return out\n");

// Runs `code` after the writer definitions above.
bool python(const QString& code, const QString& path) {
    return vitask::recipe::test::runNumpy(kWriter + code, path);
}

}  // namespace

class TestMedMnistDataset : public QObject {
    Q_OBJECT
private:
    QTemporaryDir dir_;
    QString file(const QString& name) const { return dir_.filePath(name); }
    QString loadError(const QString& name, const QString& code) {
        const QString path = file(name);
        if (!python(code, path)) return QStringLiteral("python failed");
        return errorOf([&] { MedMnistDataset::load(path.toStdString()); });
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        if (!python(QStringLiteral("pass"), QString())) QFAIL("/usr/bin/python3 with numpy is needed: install python3-numpy (scripts/install-deps.sh installs it)");
    }

    void catalogHasTheTwelveDatasets() {
        QCOMPARE(medMnistCatalog().size(), size_t(12));
        const MedMnistInfo* blood = findMedMnistInfo("BloodMNIST");
        QVERIFY(blood);
        QCOMPARE(blood->modality, std::string("blood cell microscope"));
        QCOMPARE(blood->labels.size(), size_t(8));
        QCOMPARE(blood->labels[7], std::string("platelet"));
        QCOMPARE(blood->channels, 3);
        QVERIFY(findMedMnistInfo("chestmnist")->multiLabel);
        QCOMPARE(medMnistInfoForFile("/data/OrganAMNIST_224.npz")->name, std::string("organamnist"));
        QCOMPARE(medMnistInfoForFile("dermamnist.npz")->name, std::string("dermamnist"));
        QVERIFY(!medMnistInfoForFile("/data/mine.npz"));
    }

    void loadsAnRgbMultiClassSet() {
        const QString path = file(QStringLiteral("bloodmnist.npz"));
        QVERIFY(python(QStringLiteral("np.savez_compressed(path, **splits(blood, (16, 8, 8)))"), path));
        const auto data = MedMnistDataset::load(path.toStdString());
        QVERIFY(data.info());
        QCOMPARE(data.name(), std::string("bloodmnist"));
        QCOMPARE(data.modality(), std::string("blood cell microscope"));
        QVERIFY(!data.multiLabel());
        QCOMPARE(data.classCount(), 8);
        QCOMPARE(data.labelNames()[0], std::string("basophil"));

        const MedMnistSplit& train = data.train();
        QCOMPARE(train.size(), int64_t(16));
        QCOMPARE(train.width(), 28);
        QCOMPARE(train.height(), 28);
        QCOMPARE(train.channels(), 3);
        QCOMPARE(data.val().size(), int64_t(8));
        QCOMPARE(data.test().size(), int64_t(8));
        for (const int n : {0, 5, 15}) {
            const ImageView image = train.image(n);
            QCOMPARE(image.byteCount(), size_t(28 * 28 * 3));
            for (const auto& [x, y] : {std::pair{0, 0}, std::pair{27, 3}, std::pair{4, 19}})
                for (int c = 0; c < 3; ++c) QCOMPARE(int(image.at(x, y, c)), expectedPixel(n, y, x, c));
            QCOMPARE(train.label(n), int64_t(n % 8));
        }
        QCOMPARE(int(train.imageCopy(1)[2]), expectedPixel(1, 0, 0, 2));
        const auto targets = train.targets(3);
        QCOMPARE(targets.size(), size_t(8));
        QCOMPARE(int(targets[3]), 1);
        QCOMPARE(std::count(targets.begin(), targets.end(), 1), 1L);
        QCOMPARE(train.classCounts(), std::vector<int64_t>(8, 2));
        QVERIFY(!errorOf([&] { train.image(16); }).isEmpty());

        const auto report = DatasetReport::of(data);
        QCOMPARE(report.splits().size(), size_t(3));
        QCOMPARE(report.splits()[0].imbalanceRatio, 1.0);
        QCOMPARE(report.splits()[0].publishedSize, int64_t(11959));
        // A 16-sample train split is not the published one: the report says so.
        bool subsetWarned = false;
        for (const auto& w : report.warnings()) subsetWarned |= w.find("train split has 16 samples") != std::string::npos;
        QVERIFY(subsetWarned);
    }

    void loadsAMultiLabelSetStored() {
        const QString path = file(QStringLiteral("chestmnist_64.npz"));
        QVERIFY(python(QStringLiteral("np.savez(path, **splits(chest, (28, 14, 0)))"), path));
        const auto data = MedMnistDataset::load(path.toStdString());
        QCOMPARE(data.name(), std::string("chestmnist"));
        QVERIFY(data.multiLabel());
        QCOMPARE(data.classCount(), 14);
        QCOMPARE(data.labelNames()[13], std::string("hernia"));
        const MedMnistSplit& train = data.train();
        QCOMPARE(train.channels(), 1);
        QCOMPARE(int(train.image(2).at(5, 7)), expectedPixel(2, 7, 5, 0));
        QVERIFY(!errorOf([&] { train.label(0); }).isEmpty());
        const auto targets = train.targets(3);  // sample 3: label 3, and hernia (3 % 3 == 0)
        QCOMPARE(int(targets[3]), 1);
        QCOMPARE(int(targets[13]), 1);
        QCOMPARE(std::count(targets.begin(), targets.end(), 1), 2L);
        auto counts = train.classCounts();
        QCOMPARE(counts[0], int64_t(2));
        QCOMPARE(counts[13], int64_t(11));  // i % 14 == 13 (13, 27) or i % 3 == 0 (ten), 27 in both
        QCOMPARE(data.test().size(), int64_t(0));

        const auto report = DatasetReport::of(data);
        bool emptyWarned = false;
        for (const auto& w : report.warnings()) emptyWarned |= w == "test split is empty";
        QVERIFY(emptyWarned);

        // Without pixels: the same shapes and labels, and image() explains why it cannot.
        MedMnistLoadOptions options;
        options.loadPixels = false;
        const auto light = MedMnistDataset::load(path.toStdString(), options);
        QCOMPARE(light.train().width(), 28);
        QCOMPARE(light.train().classCounts(), train.classCounts());
        QVERIFY(errorOf([&] { light.train().image(0); }).contains(QStringLiteral("not loaded")));
    }

    void datasetNameFromOptionOrUnknown() {
        const QString path = file(QStringLiteral("my_cells.npz"));
        QVERIFY(python(QStringLiteral("np.savez(path, **splits(lambda n: blood(n, 1), (6, 2, 2)))"), path));
        const auto unknown = MedMnistDataset::load(path.toStdString());
        QVERIFY(!unknown.info());
        QCOMPARE(unknown.name(), std::string("my_cells"));
        QCOMPARE(unknown.classCount(), 7);  // labels 1..6: the largest label + 1
        QCOMPARE(unknown.labelNames()[2], std::string("class 2"));

        MedMnistLoadOptions options;
        options.dataset = "bloodmnist";
        QCOMPARE(MedMnistDataset::load(path.toStdString(), options).labelNames()[1], std::string("eosinophil"));
        options.dataset = "bloodmnistt";
        const QString message = errorOf([&] { MedMnistDataset::load(path.toStdString(), options); });
        QVERIFY2(message.contains(QStringLiteral("unknown MedMNIST dataset 'bloodmnistt'")) &&
                     message.contains(QStringLiteral("organsmnist")),
                 qPrintable(message));
    }

    void brokenFilesAreRejectedWithTheirOwnMessage() {
        QFile notZip(file(QStringLiteral("pathmnist.npz")));
        QVERIFY(notZip.open(QIODevice::WriteOnly));
        notZip.write("<html>404 Not Found</html>");
        notZip.close();
        QString message = errorOf([&] { MedMnistDataset::load(notZip.fileName().toStdString()); });
        QVERIFY2(message.contains(QStringLiteral("pathmnist.npz")) && message.contains(QStringLiteral("not a zip")),
                 qPrintable(message));

        message = loadError(QStringLiteral("missing_key.npz"),
                            QStringLiteral("s = splits(blood, (4, 2, 2)); del s['test_labels']; np.savez(path, **s)"));
        QVERIFY2(message.contains(QStringLiteral("missing_key.npz: test_labels")) &&
                     message.contains(QStringLiteral("no array")),
                 qPrintable(message));

        message = loadError(QStringLiteral("float_labels.npz"),
                            QStringLiteral("s = splits(blood, (4, 2, 2)); s['val_labels'] = s['val_labels'].astype(np.float32);"
                                           " np.savez(path, **s)"));
        QVERIFY2(message.contains(QStringLiteral("float_labels.npz: val_labels")) &&
                     message.contains(QStringLiteral("float32")),
                 qPrintable(message));

        message = loadError(QStringLiteral("float_images.npz"),
                            QStringLiteral("s = splits(blood, (4, 2, 2)); s['train_images'] = s['train_images'] / 255.0;"
                                           " np.savez(path, **s)"));
        QVERIFY2(message.contains(QStringLiteral("float_images.npz: train_images")) &&
                     message.contains(QStringLiteral("uint8")),
                 qPrintable(message));

        message = loadError(QStringLiteral("count_mismatch.npz"),
                            QStringLiteral("s = splits(blood, (4, 2, 2)); s['train_labels'] = s['train_labels'][:3];"
                                           " np.savez(path, **s)"));
        QVERIFY2(message.contains(QStringLiteral("count_mismatch.npz: train_labels")) &&
                     message.contains(QStringLiteral("3 labels for 4 images")),
                 qPrintable(message));

        message = loadError(QStringLiteral("bloodmnist_128.npz"),
                            QStringLiteral("s = splits(blood, (4, 2, 2)); s['test_labels'][1, 0] = 99; np.savez(path, **s)"));
        QVERIFY2(message.contains(QStringLiteral("bloodmnist_128.npz: test_labels")) &&
                     message.contains(QStringLiteral("sample 1 has label 99")) &&
                     message.contains(QStringLiteral("0..7")),
                 qPrintable(message));

        message = loadError(QStringLiteral("chestmnist.npz"),
                            QStringLiteral("s = splits(blood, (4, 2, 2)); np.savez(path, **s)"));
        QVERIFY2(message.contains(QStringLiteral("1 column(s)")) && message.contains(QStringLiteral("chestmnist")),
                 qPrintable(message));
    }
};

QTEST_GUILESS_MAIN(TestMedMnistDataset)
#include "test_medmnist_dataset.moc"

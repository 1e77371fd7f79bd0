// NpzWriter and MedMnistDataset::save, checked against NumPy itself: NumPy must read
// what we write (values, dtypes, shapes), our reader must read it back, and the bytes
// must not depend on the clock.
#include "vitask/common/error.h"
#include "vitask_test_support.h"
#include "vitask/vitask/medmnist_dataset.h"
#include "vitask/vitask/npz_reader.h"
#include "vitask/vitask/npz_writer.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <thread>

using namespace vitask::recipe;
using vitask::recipe::test::errorOf;
using vitask::recipe::test::runNumpy;

namespace {

std::vector<uint8_t> ramp(size_t n, int step) {
    std::vector<uint8_t> v(n);
    for (size_t i = 0; i < n; ++i) v[i] = static_cast<uint8_t>((i * step) % 256);
    return v;
}

QByteArray bytesOf(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

}  // namespace

class TestNpzWriter : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        if (!runNumpy(QStringLiteral("pass"), QString())) QFAIL("/usr/bin/python3 with numpy is needed: install python3-numpy (scripts/install-deps.sh installs it)");
    }

    void numpyReadsWhatWeWrite_data() {
        QTest::addColumn<bool>("compress");
        QTest::newRow("deflated") << true;
        QTest::newRow("stored") << false;
    }

    void numpyReadsWhatWeWrite() {
        QFETCH(bool, compress);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("a.npz"));
        NpzWriter writer;
        writer.addUint8("grey", {5, 4, 3}, ramp(60, 7));
        writer.addUint8("rgb", {2, 3, 4, 3}, ramp(72, 11));
        writer.addInt64("labels", {3, 1}, {-5, 7, 1LL << 40});
        writer.addUint8("empty", {0, 28, 28}, {});
        writer.write(path.toStdString(), compress);

        // NumPy recomputes every value from the same formula.
        QVERIFY(runNumpy(QStringLiteral(
                             "d = np.load(path)\n"
                             "assert sorted(d.files) == ['empty', 'grey', 'labels', 'rgb'], d.files\n"
                             "g = d['grey']; assert g.dtype == np.uint8 and g.shape == (5, 4, 3)\n"
                             "assert (g.ravel() == (np.arange(60) * 7 % 256)).all()\n"
                             "r = d['rgb']; assert r.shape == (2, 3, 4, 3)\n"
                             "assert (r.ravel() == (np.arange(72) * 11 % 256)).all()\n"
                             "l = d['labels']; assert l.dtype == np.int64 and l.shape == (3, 1)\n"
                             "assert l[:, 0].tolist() == [-5, 7, 1 << 40]\n"
                             "assert d['empty'].shape == (0, 28, 28)\n"),
                         path));

        const NpzReader reader(path.toStdString());
        const NpyArray rgb = reader.read("rgb");
        QCOMPARE(rgb.shape(), (std::vector<int64_t>{2, 3, 4, 3}));
        QCOMPARE(rgb.data(), ramp(72, 11));
        QCOMPARE(reader.read("labels").toInt64("labels"), (std::vector<int64_t>{-5, 7, 1LL << 40}));
    }

    void sameArraysGiveTheSameBytes() {
        QTemporaryDir dir;
        const auto write = [&](const QString& name) {
            NpzWriter writer;
            writer.addUint8("x", {10, 10}, ramp(100, 3));
            writer.write(dir.filePath(name).toStdString());
        };
        write(QStringLiteral("1.npz"));
        std::this_thread::sleep_for(std::chrono::milliseconds(2100));  // past the 2 s resolution of zip times
        write(QStringLiteral("2.npz"));
        QCOMPARE(bytesOf(dir.filePath(QStringLiteral("1.npz"))), bytesOf(dir.filePath(QStringLiteral("2.npz"))));
    }

    void rejectsShapeMismatchAndDuplicates() {
        NpzWriter writer;
        QVERIFY(errorOf([&] { writer.addUint8("x", {2, 3}, ramp(5, 1)); }).contains(QStringLiteral("5 values")));
        writer.addUint8("x", {1}, {1});
        QVERIFY(errorOf([&] { writer.addUint8("x", {1}, {1}); }).contains(QStringLiteral("already")));
        QTemporaryDir dir;
        const QString message = errorOf([&] { writer.write(dir.filePath(QStringLiteral("no/such/a.npz")).toStdString()); });
        QVERIFY2(message.contains(QStringLiteral("no/such")), qPrintable(message));
    }

    // A dataset outside the catalog saves as MedMNIST layout plus its sidecar, and loads
    // back with its names; NumPy sees MedMNIST's dtypes and shapes.
    void datasetRoundTripWithSidecar() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("lesions.npz"));
        std::array<MedMnistSplit, 3> splits = {
            MedMnistSplit(Split::Train, 3, 4, 2, 3, ramp(3 * 4 * 2 * 3, 5), {0, 2, 1}, 1, 3),
            MedMnistSplit(Split::Val, 1, 4, 2, 3, ramp(24, 9), {2}, 1, 3),
            MedMnistSplit(Split::Test, 0, 4, 2, 3, {}, {}, 1, 3)};
        const auto data = MedMnistDataset::fromParts(path.toStdString(), "lesions", "dermatoscope",
                                                     {"nevus", "melanoma", "keratosis"}, false, splits);
        data.save(path.toStdString());
        QVERIFY(runNumpy(QStringLiteral(
                             "import json\n"
                             "d = np.load(path)\n"
                             "assert d['train_images'].shape == (3, 2, 4, 3) and d['train_images'].dtype == np.uint8\n"
                             "assert (d['train_images'].ravel() == np.arange(72) * 5 % 256).all()\n"
                             "assert d['train_labels'].dtype == np.uint8 and d['train_labels'][:, 0].tolist() == [0, 2, 1]\n"
                             "assert d['test_images'].shape == (0, 2, 4, 3)\n"
                             "side = json.load(open(path[:-4] + '.json'))\n"
                             "assert side['labels'] == ['nevus', 'melanoma', 'keratosis'] and side['modality'] == 'dermatoscope'\n"),
                         path));
        const auto back = MedMnistDataset::load(path.toStdString());
        QCOMPARE(back.name(), std::string("lesions"));
        QCOMPARE(back.modality(), std::string("dermatoscope"));
        QCOMPARE(back.labelNames()[2], std::string("keratosis"));
        QCOMPARE(back.train().label(1), int64_t(2));
        const auto all = ramp(72, 5);
        QCOMPARE(back.train().imageCopy(2), std::vector<uint8_t>(all.begin() + 48, all.end()));

        // A label outside the sidecar's list is an error, as for a catalog dataset.
        QVERIFY(runNumpy(QStringLiteral("d = dict(np.load(path)); d['val_labels'][0, 0] = 3; np.savez(path, **d)"), path));
        const QString message = errorOf([&] { MedMnistDataset::load(path.toStdString()); });
        QVERIFY2(message.contains(QStringLiteral("val_labels")) && message.contains(QStringLiteral("0..2")), qPrintable(message));
    }
};

QTEST_GUILESS_MAIN(TestNpzWriter)
#include "test_npz_writer.moc"

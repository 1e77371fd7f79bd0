// NpzReader and NpyArray on archives written by NumPy itself (np.savez stores members,
// np.savez_compressed deflates them), plus the headers this reader must refuse.
#include "vitask/common/error.h"
#include "vitask_test_support.h"
#include "vitask/vitask/npz_reader.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using vitask::recipe::NpyArray;
using vitask::recipe::NpzReader;

using vitask::recipe::test::errorOf;

namespace {

bool python(const QString& code, const QString& path) { return vitask::recipe::test::runNumpy(code, path); }


}  // namespace

class TestNpzReader : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        if (!python(QStringLiteral("pass"), QString())) QFAIL("/usr/bin/python3 with numpy is needed: install python3-numpy (scripts/install-deps.sh installs it)");
    }

    void readsStoredAndDeflatedArrays_data() {
        QTest::addColumn<QString>("writer");
        QTest::newRow("savez") << QStringLiteral("np.savez");
        QTest::newRow("savez_compressed") << QStringLiteral("np.savez_compressed");
    }

    void readsStoredAndDeflatedArrays() {
        QFETCH(QString, writer);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("a.npz"));
        QVERIFY(python(writer + QStringLiteral("(path, u8=np.arange(24, dtype=np.uint8).reshape(2, 3, 4), "
                                               "i8=np.array([[-5], [7]], dtype=np.int64), f4=np.array([0.5, -2.0], "
                                               "dtype=np.float32), i2=np.array([-300, 300], dtype=np.int16))"),
                       path));
        const NpzReader npz(path.toStdString());
        QCOMPARE(npz.keys().size(), size_t(4));
        QVERIFY(npz.contains("u8"));
        QVERIFY(!npz.contains("nothing"));

        const NpyArray u8 = npz.read("u8");
        QCOMPARE(u8.descr(), std::string("|u1"));
        QCOMPARE(u8.shape(), (std::vector<int64_t>{2, 3, 4}));
        QCOMPARE(u8.data().size(), size_t(24));
        QCOMPARE(int(u8.data()[23]), 23);

        const NpyArray i8 = npz.read("i8");
        QCOMPARE(i8.descr(), std::string("<i8"));
        QCOMPARE(i8.toInt64("i8"), (std::vector<int64_t>{-5, 7}));
        QCOMPARE(npz.read("i2").toInt64("i2"), (std::vector<int64_t>{-300, 300}));

        const NpyArray f4 = npz.read("f4");
        QCOMPARE(f4.dtypeName(), std::string("float32"));
        QCOMPARE(f4.shapeText(), std::string("(2,)"));
        float value = 0;
        std::memcpy(&value, f4.data().data() + 4, 4);
        QCOMPARE(value, -2.0f);
        QVERIFY(errorOf([&] { f4.toInt64("a.npz: f4"); }).contains(QStringLiteral("float32")));

        // The header alone gives the shape without the data.
        const NpyArray header = npz.readHeader("u8");
        QCOMPARE(header.shape(), (std::vector<int64_t>{2, 3, 4}));
        QVERIFY(header.data().empty());
    }

    void readsVersion2Headers() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("v2.npz"));
        QVERIFY(python(QStringLiteral(
                           "import io, zipfile\n"
                           "from numpy.lib import format\n"
                           "buf = io.BytesIO()\n"
                           "format.write_array(buf, np.array([1, 2, 3], dtype=np.uint16), version=(2, 0))\n"
                           "zipfile.ZipFile(path, 'w').writestr('x.npy', buf.getvalue())\n"),
                       path));
        QCOMPARE(NpzReader(path.toStdString()).read("x").toInt64("x"), (std::vector<int64_t>{1, 2, 3}));
    }

    void rejectsWhatItCannotRead() {
        QTemporaryDir dir;
        const QString notZip = dir.filePath(QStringLiteral("notzip.npz"));
        QFile file(notZip);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("plain text, not an archive");
        file.close();
        QString message = errorOf([&] { NpzReader reader(notZip.toStdString()); });
        QVERIFY2(message.contains(QStringLiteral("notzip.npz")) && message.contains(QStringLiteral("not a zip")),
                 qPrintable(message));

        message = errorOf([&] { NpzReader reader(dir.filePath(QStringLiteral("absent.npz")).toStdString()); });
        QVERIFY2(message.contains(QStringLiteral("not found")), qPrintable(message));

        const QString path = dir.filePath(QStringLiteral("odd.npz"));
        QVERIFY(python(QStringLiteral("np.savez(path, fortran=np.asfortranarray(np.zeros((3, 2), np.uint8)), "
                                      "big=np.zeros(3, dtype='>i4'), text=np.array(['a', 'b']), "
                                      "rec=np.zeros(2, dtype=[('a', 'u1'), ('b', 'f4')]))"),
                       path));
        const NpzReader npz(path.toStdString());
        message = errorOf([&] { npz.read("fortran"); });
        QVERIFY2(message.contains(QStringLiteral("odd.npz: fortran")) && message.contains(QStringLiteral("Fortran")),
                 qPrintable(message));
        message = errorOf([&] { npz.read("big"); });
        QVERIFY2(message.contains(QStringLiteral("big-endian")), qPrintable(message));
        message = errorOf([&] { npz.read("text"); });
        QVERIFY2(message.contains(QStringLiteral("odd.npz: text")) && message.contains(QStringLiteral("<U1")),
                 qPrintable(message));
        message = errorOf([&] { npz.read("rec"); });
        QVERIFY2(message.contains(QStringLiteral("structured")), qPrintable(message));
        message = errorOf([&] { npz.read("missing"); });
        QVERIFY2(message.contains(QStringLiteral("odd.npz: missing")) && message.contains(QStringLiteral("fortran")),
                 qPrintable(message));
    }
};

QTEST_GUILESS_MAIN(TestNpzReader)
#include "test_npz_reader.moc"

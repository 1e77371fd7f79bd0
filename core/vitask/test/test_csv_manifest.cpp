// readCsvManifest: a manifest's rows without decoding any image (the files need not even
// exist), quoting, a BOM, the split column, multi-label cells, and errors that name the
// manifest and list every bad row.
#include "vitask_test_support.h"
#include "vitask/vitask/csv_manifest.h"

#include <QTemporaryDir>
#include <QtTest>

#include <fstream>

using namespace vitask::recipe;
using vitask::recipe::test::errorOf;

class TestCsvManifest : public QObject {
    Q_OBJECT
private:
    QTemporaryDir dir_;
    std::string write(const std::string& name, const std::string& text) {
        const std::string path = dir_.filePath(QString::fromStdString(name)).toStdString();
        std::ofstream(path, std::ios::binary) << text;
        return path;
    }

private Q_SLOTS:
    void readsRowsWithSplits() {
        const auto path = write("own.csv",
                                "\xEF\xBB\xBFPath,Label,Split,notes\r\n"
                                "img/a0.png,benign,train,x\r\n"
                                "\"img/a, 1.png\",malignant,TEST,\"a, quoted\nnote\"\r\n"
                                "\r\n"
                                "/abs/b.png,benign,test,\r\n");
        const CsvManifest manifest = readCsvManifest(path);
        QVERIFY(manifest.hasSplitColumn);
        QVERIFY(!manifest.multiLabel);
        QCOMPARE(manifest.rows.size(), std::size_t(3));
        QCOMPARE(manifest.rows[0].line, 2);
        QCOMPARE(manifest.rows[0].file, std::filesystem::path(dir_.path().toStdString()) / "img/a0.png");
        QCOMPARE(manifest.rows[1].path, std::string("img/a, 1.png"));
        QCOMPARE(manifest.rows[1].split, std::string("test"));
        QCOMPARE(manifest.rows[1].labels, std::vector<std::string>{"malignant"});
        QCOMPARE(manifest.rows[2].line, 6);  // the quoted note spans a line, then a blank one
        QCOMPARE(manifest.rows[2].file, std::filesystem::path("/abs/b.png"));
        QCOMPARE(manifest.labelNames(), (std::vector<std::string>{"benign", "malignant"}));
    }

    void multiLabelCellsAndNoSplitColumn() {
        const auto path = write("multi.csv",
                                "label,path\n"
                                "effusion|nodule,a.png\n"
                                ",b.png\n"
                                "nodule,c.png\n");
        const CsvManifest manifest = readCsvManifest(path);
        QVERIFY(manifest.multiLabel);
        QVERIFY(!manifest.hasSplitColumn);
        QCOMPARE(manifest.rows.size(), std::size_t(3));
        QCOMPARE(manifest.rows[0].labels, (std::vector<std::string>{"effusion", "nodule"}));
        QVERIFY(manifest.rows[1].labels.empty());  // no finding
        QVERIFY(manifest.rows[2].split.empty());
        QCOMPARE(manifest.labelNames(), (std::vector<std::string>{"effusion", "nodule"}));
    }

    void errorsNameTheManifestAndRows() {
        const auto noColumns = write("no_columns.csv", "file,class\na.png,x\n");
        QString message = errorOf([&] { readCsvManifest(noColumns); });
        QVERIFY2(message.contains(QStringLiteral("no_columns.csv")) && message.contains(QStringLiteral("'path' and 'label'")),
                 qPrintable(message));

        const auto badRows = write("bad_rows.csv", "path,label\n,x\na.png,\nb.png,y\n");
        message = errorOf([&] { readCsvManifest(badRows); });
        QVERIFY2(message.contains(QStringLiteral("bad_rows.csv")) && message.contains(QStringLiteral("line 2: no path")) &&
                     message.contains(QStringLiteral("line 3: no label")),
                 qPrintable(message));

        message = errorOf([&] { readCsvManifest(write("header_only.csv", "path,label\n")); });
        QVERIFY2(message.contains(QStringLiteral("lists no images")), qPrintable(message));
        message = errorOf([&] { readCsvManifest(dir_.filePath(QStringLiteral("missing.csv")).toStdString()); });
        QVERIFY2(message.contains(QStringLiteral("missing.csv")), qPrintable(message));
    }
};

QTEST_GUILESS_MAIN(TestCsvManifest)
#include "test_csv_manifest.moc"

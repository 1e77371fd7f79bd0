// `vitask report` as a user runs it: a real CT image, a VITask model written from the
// fixtures, the ONNX TSM fixture; each format read back by an independent reader
// (Qt's JSON parser, pdftotext, dsrdump, pydicom) and the answer compared with
// `vitask infer` on the same image.
#include "cli_runner.h"
#include "service_test_files.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

namespace test = vitask::service::test;

namespace {

QString python(const QString& script, const QStringList& args) {
    QProcess process;
    process.start(QStringLiteral("/usr/bin/python3"), QStringList{QStringLiteral("-c"), script} + args);
    process.waitForFinished(60000);
    return QString::fromUtf8(process.readAllStandardOutput() + process.readAllStandardError()).trimmed();
}

QByteArray bytesOf(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

}  // namespace

class TestCliReport : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        const std::filesystem::path root = dir_.path().toStdString();
        model_ = QString::fromStdString(test::writeVitaskModel(root / "model", 512).string());
        tsm_ = QString::fromStdString(test::writeTsmManifest(root / "tsm").string());
        ct_ = pydicomCtSmall();
        QVERIFY(QFile::exists(ct_));
        patientName_ = python(QStringLiteral("import pydicom,sys; print(pydicom.dcmread(sys.argv[1]).PatientName)"), {ct_});
        QVERIFY(!patientName_.isEmpty());
    }

    void jsonHoldsTheAnswerInferGives() {
        const QString out = dir_.filePath(QStringLiteral("report.json"));
        const CliResult report = runCli({QStringLiteral("report"), ct_, QStringLiteral("--model"), model_,
                                         QStringLiteral("--tsm"), tsm_, QStringLiteral("--exemplar"),
                                         QStringLiteral("--out"), out});
        QVERIFY2(report.exitCode == 0, qPrintable(report.err));
        QVERIFY(report.text().contains(QStringLiteral("(de-identified)")));
        const QJsonObject json = QJsonDocument::fromJson(bytesOf(out)).object();
        QCOMPARE(json[QLatin1String("format")].toString(), QStringLiteral("vitask-report"));
        QVERIFY(json[QLatin1String("deidentified")].toBool());
        const QJsonObject c = json[QLatin1String("cases")].toArray().first().toObject();

        const CliResult infer = runCli({QStringLiteral("infer"), ct_, QStringLiteral("--model"), model_,
                                        QStringLiteral("--tsm"), tsm_, QStringLiteral("--json")});
        QVERIFY2(infer.exitCode == 0, qPrintable(infer.err));
        const QJsonObject inferred = QJsonDocument::fromJson(infer.out).object();
        QCOMPARE(c[QLatin1String("answer")].toString(), inferred[QLatin1String("answer")].toString());
        QCOMPARE(c[QLatin1String("question")].toString(), inferred[QLatin1String("instruction")].toString());
        QVERIFY(!c[QLatin1String("answerWithExemplar")].toString().isEmpty() ||
                !c[QLatin1String("answer_with_exemplar")].toString().isEmpty());
        QVERIFY(!bytesOf(out).contains(patientName_.toUtf8()));
        QVERIFY(!c.contains(QLatin1String("patient")));
    }

    void dicomSrAndSecondaryCapture() {
        const QString out = dir_.filePath(QStringLiteral("report.dcm"));
        const CliResult report = runCli({QStringLiteral("report"), ct_, QStringLiteral("--model"), model_,
                                         QStringLiteral("--tsm"), tsm_, QStringLiteral("--out"), out});
        QVERIFY2(report.exitCode == 0, qPrintable(report.err));
        const QString keyImage = dir_.filePath(QStringLiteral("report-key-image.dcm"));
        QVERIFY(QFile::exists(keyImage));
        QProcess dump;
        dump.start(QStringLiteral("dsrdump"), {out});
        QVERIFY(dump.waitForFinished(30000));
        QCOMPARE(dump.exitCode(), 0);
        const QString checked = python(
            QStringLiteral("import pydicom,sys\n"
                           "sr, sc, src = (pydicom.dcmread(f) for f in sys.argv[1:4])\n"
                           "print(str(sr.PatientName) != str(src.PatientName), sr.StudyInstanceUID != src.StudyInstanceUID,"
                           " sr.StudyInstanceUID == sc.StudyInstanceUID, sc.BurnedInAnnotation)\n"),
            {out, keyImage, ct_});
        QCOMPARE(checked, QStringLiteral("True True True NO"));

        // Without de-identification the SR joins the source's study.
        const QString plain = dir_.filePath(QStringLiteral("identified.dcm"));
        const CliResult identified = runCli({QStringLiteral("report"), ct_, QStringLiteral("--model"), model_,
                                             QStringLiteral("--out"), plain, QStringLiteral("--no-deidentify")});
        QVERIFY2(identified.exitCode == 0, qPrintable(identified.err));
        QVERIFY(identified.text().contains(QStringLiteral("NOT de-identified")));
        QCOMPARE(python(QStringLiteral("import pydicom,sys\n"
                                       "sr, src = pydicom.dcmread(sys.argv[1]), pydicom.dcmread(sys.argv[2])\n"
                                       "print(sr.StudyInstanceUID == src.StudyInstanceUID, str(sr.PatientName) == str(src.PatientName))"),
                        {plain, ct_}),
                 QStringLiteral("True True"));
    }

    void pdfHoldsTheAnswer() {
        const QString out = dir_.filePath(QStringLiteral("report.pdf"));
        const CliResult report = runCli({QStringLiteral("report"), ct_, QStringLiteral("--model"), model_,
                                         QStringLiteral("--out"), out},
                                        {{QStringLiteral("QT_QPA_PLATFORM"), QString()}, {QStringLiteral("DISPLAY"), QString()}});
        QVERIFY2(report.exitCode == 0, qPrintable(report.err));
        QProcess text;
        text.start(QStringLiteral("pdftotext"), {out, QStringLiteral("-")});
        QVERIFY(text.waitForFinished(30000));
        const QString pdf = QString::fromUtf8(text.readAllStandardOutput());
        QVERIFY2(pdf.contains(QStringLiteral("Research use only"), Qt::CaseInsensitive), qPrintable(pdf.left(1500)));
        QVERIFY(pdf.contains(QStringLiteral("model")));
        QVERIFY(!pdf.contains(patientName_));
    }

    void badOutputsAreRefusedBeforeLoading() {
        CliResult r = runCli({QStringLiteral("report"), ct_, QStringLiteral("--model"), model_, QStringLiteral("--out"),
                              dir_.filePath(QStringLiteral("report.txt"))});
        QVERIFY(r.exitCode != 0);
        QVERIFY2(r.err.contains(QStringLiteral(".pdf, .html, .json or .dcm")), qPrintable(r.err));
        const QString missing = dir_.filePath(QStringLiteral("no/such/folder/report.json"));
        r = runCli({QStringLiteral("report"), ct_, QStringLiteral("--model"), model_, QStringLiteral("--out"), missing});
        QVERIFY(r.exitCode != 0);
        QVERIFY2(r.err.contains(missing) && r.err.contains(QStringLiteral("does not exist")), qPrintable(r.err));
    }

private:
    QTemporaryDir dir_;
    QString model_, tsm_, ct_, patientName_;
};

QTEST_GUILESS_MAIN(TestCliReport)
#include "test_cli_report.moc"

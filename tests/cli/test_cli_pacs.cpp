// `vitask pacs` against a real Orthanc (core/pacs/test/orthanc_server.h): the demo studies stored by C-STORE, found by
// each query key, retrieved by C-GET with the same pixel data and UIDs (read back by
// pydicom); and failures with clear messages: a wrong AE title, nothing listening, a
// server that never answers, a study deleted between find and get.
#include "cli_runner.h"
#include "orthanc_server.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpServer>
#include <QThread>
#include <QtTest>


namespace {


const QString kCtStudy = QStringLiteral("1.2.826.0.1.3680043.8.498.10484563472402704252503568524499003252");

}  // namespace

class TestCliPacs : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    OrthancServer orthanc_;
    int dicomPort_ = 0;

    QStringList node(const QString& calledAe = QStringLiteral("ORTHANC")) const {
        return {QStringLiteral("--host"), QStringLiteral("127.0.0.1"), QStringLiteral("--port"), QString::number(dicomPort_),
                QStringLiteral("--called-ae"), calledAe};
    }
    CliResult pacs(const QString& command, const QStringList& arguments, const QStringList& nodeArguments) const {
        return runCli(QStringList{QStringLiteral("--no-log-file"), QStringLiteral("pacs"), command} + nodeArguments + arguments);
    }
    QStringList studiesFound(const QStringList& keys) const {
        const auto r = pacs(QStringLiteral("find"), keys + QStringList{QStringLiteral("--json")}, node());
        QStringList uids;
        for (const auto& study : QJsonDocument::fromJson(r.out).array())
            uids << study.toObject().value(QStringLiteral("patient_id")).toString();
        uids.sort();
        return uids;
    }

private Q_SLOTS:
    void initTestCase() {
        const auto problem = orthanc_.start(dir_.path());
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        dicomPort_ = orthanc_.dicomPort();
        const auto echo = pacs(QStringLiteral("echo"), {}, node());
        QVERIFY2(echo.exitCode == 0 && echo.text().contains(QStringLiteral("success")), qPrintable(echo.err));
    }

    void sendThenFindByEachKey() {
        const auto sent = pacs(QStringLiteral("send"), {qEnvironmentVariable("VITASK_SOURCE_DIR") + "/resources/demo/studies"}, node());
        QVERIFY2(sent.exitCode == 0, qPrintable(sent.err));
        QVERIFY2(sent.text().contains(QStringLiteral("sent 40 instance(s)")), qPrintable(sent.text()));

        QCOMPARE(studiesFound({}).size(), 17);
        QCOMPARE(studiesFound({QStringLiteral("--patient-id"), QStringLiteral("DEMO-CHEST02")}), QStringList{"DEMO-CHEST02"});
        QCOMPARE(studiesFound({QStringLiteral("--patient-name"), QStringLiteral("DEMO^RETINA*")}),
                 (QStringList{"DEMO-RETINA01", "DEMO-RETINA02", "DEMO-RETINA03", "DEMO-RETINA04"}));
        QCOMPARE(studiesFound({QStringLiteral("--modality"), QStringLiteral("CT")}), QStringList{"DEMO-PHANTOM"});
        QCOMPARE(studiesFound({QStringLiteral("--study"), kCtStudy}), QStringList{"DEMO-PHANTOM"});
        QCOMPARE(studiesFound({QStringLiteral("--date"), QStringLiteral("20261201-20261231")}).size(), 17);
        QCOMPARE(studiesFound({QStringLiteral("--date"), QStringLiteral("-20201231")}).size(), 0);
        QCOMPARE(studiesFound({QStringLiteral("--accession"), QStringLiteral("NO-SUCH-ACCESSION")}).size(), 0);
    }

    void getGivesTheSameInstances() {
        const QString out = dir_.filePath(QStringLiteral("retrieved"));
        const auto got = pacs(QStringLiteral("get"), {QStringLiteral("--study"), kCtStudy, QStringLiteral("--out"), out}, node());
        QVERIFY2(got.exitCode == 0, qPrintable(got.err));
        QVERIFY2(got.text().contains(QStringLiteral("received 24 instance(s)")), qPrintable(got.text()));
        QCOMPARE(QDir(out).entryList({QStringLiteral("*.dcm")}, QDir::Files).size(), 24);
        QVERIFY(QDir(out).entryList({QStringLiteral("*.partial")}, QDir::Files).isEmpty());
        // pydicom, not us, says the pixel data and UIDs are those sent.
        const auto check = runProgram(QStringLiteral("/usr/bin/python3"), {QStringLiteral("-c"), QStringLiteral(R"(
import glob, sys, pydicom
sent = {}
for f in glob.glob(sys.argv[1] + '/*.dcm'):
    d = pydicom.dcmread(f)
    sent[d.SOPInstanceUID] = d
n = 0
for f in glob.glob(sys.argv[2] + '/*.dcm'):
    d = pydicom.dcmread(f)
    o = sent[d.SOPInstanceUID]
    assert f.endswith(d.SOPInstanceUID + '.dcm')
    assert d.PixelData == o.PixelData, f
    assert (d.StudyInstanceUID, d.SeriesInstanceUID, d.SOPClassUID) == (o.StudyInstanceUID, o.SeriesInstanceUID, o.SOPClassUID)
    n += 1
print(n)
)"), qEnvironmentVariable("VITASK_SOURCE_DIR") + "/resources/demo/studies/ct_phantom", out});
        QVERIFY2(check.exitCode == 0, qPrintable(check.err));
        QCOMPARE(check.text().trimmed(), QStringLiteral("24"));
    }

    void failuresSayWhatToCheck() {
        const auto wrongAe = pacs(QStringLiteral("echo"), {}, node(QStringLiteral("NOT-ORTHANC")));
        QCOMPARE(wrongAe.exitCode, 1);
        QVERIFY2(wrongAe.err.contains(QStringLiteral("rejected the association")) && wrongAe.err.contains(QStringLiteral("NOT-ORTHANC")),
                 qPrintable(wrongAe.err));

        QStringList down = node();
        down[3] = QString::number(vitask::freeLocalPort());
        const auto nobody = pacs(QStringLiteral("echo"), {}, down);
        QCOMPARE(nobody.exitCode, 1);
        QVERIFY2(nobody.err.contains(QStringLiteral("nothing answers at 127.0.0.1:") + down[3]), qPrintable(nobody.err));

        // A server that accepts the connection and then says nothing.
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost));
        QStringList mute = node();
        mute[3] = QString::number(silent.serverPort());
        QProcess child;
        QTemporaryDir data;
        startCli(child, QStringList{QStringLiteral("pacs"), QStringLiteral("echo")} + mute +
                            QStringList{QStringLiteral("--timeout"), QStringLiteral("2")}, data);
        QElapsedTimer timer;
        timer.start();
        while (child.state() != QProcess::NotRunning && timer.elapsed() < 30000) {
            QCoreApplication::processEvents();  // accepts the connection
            child.waitForFinished(50);
        }
        QCOMPARE(child.exitCode(), 1);
        const auto timeoutError = QString::fromUtf8(child.readAllStandardError());
        QVERIFY2(timeoutError.contains(QStringLiteral("no answer within 2 s")), qPrintable(timeoutError));

        const auto missing = pacs(QStringLiteral("get"), {QStringLiteral("--study"), QStringLiteral("1.2.3.4.5"), QStringLiteral("--out"),
                                                         dir_.filePath(QStringLiteral("nothing"))}, node());
        QCOMPARE(missing.exitCode, 1);
        QVERIFY2(missing.err.contains(QStringLiteral("no instance of this study")), qPrintable(missing.err));
    }
};

QTEST_GUILESS_MAIN(TestCliPacs)
#include "test_cli_pacs.moc"

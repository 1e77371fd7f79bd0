// `vitask pacs` against a real Orthanc (core/pacs/test/orthanc_server.h): the demo studies stored by C-STORE, found by
// each query key, retrieved by C-GET with the same pixel data and UIDs (read back by
// pydicom); and failures with clear messages: a wrong AE title, nothing listening, a
// server that never answers, a study deleted between find and get.
#include "cli_runner.h"
#include "orthanc_server.h"
#include "same_instances.h"

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
    const int receivePort_ = vitask::freeLocalPort();

    QStringList web(const QString& user = QString::fromLatin1(OrthancServer::kUser)) const {
        return {QStringLiteral("--url"), QString::fromStdString(orthanc_.webNode().url), QStringLiteral("--user"), user};
    }
    CliResult webPacs(const QString& command, const QStringList& arguments, const QString& password) const {
        return runCli(QStringList{QStringLiteral("--no-log-file"), QStringLiteral("pacs"), command} + web() + arguments,
                      {{QStringLiteral("VITASK_PACS_PASSWORD"), password}});
    }

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
        const auto problem = orthanc_.start(dir_.path(), OrthancServer::Options::everyService(receivePort_));
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
        QString problem;
        const int same = pydicomConfirmsSameInstances(qEnvironmentVariable("VITASK_SOURCE_DIR") + "/resources/demo/studies/ct_phantom",
                                                      out, &problem);
        QVERIFY2(same >= 0, qPrintable(problem));
        QCOMPARE(same, 24);
    }

    // The same study by C-MOVE to the command's own storage SCP, and over DICOMweb (QIDO-RS,
    // WADO-RS) with the password from the environment; a second get resumes (nothing to fetch).
    void moveAndDicomWebGiveTheSameInstances() {
        const QString source = qEnvironmentVariable("VITASK_SOURCE_DIR") + "/resources/demo/studies/ct_phantom";
        const QString moved = dir_.filePath(QStringLiteral("moved"));
        const auto move = pacs(QStringLiteral("get"), {QStringLiteral("--study"), kCtStudy, QStringLiteral("--out"), moved,
                                                      QStringLiteral("--move"), QStringLiteral("--receive-port"),
                                                      QString::number(receivePort_)}, node());
        QVERIFY2(move.exitCode == 0 && move.text().contains(QStringLiteral("received 24 instance(s)")), qPrintable(move.err + move.text()));
        QString problem;
        QCOMPARE(pydicomConfirmsSameInstances(source, moved, &problem), 24);

        const auto found = webPacs(QStringLiteral("find"), {QStringLiteral("--modality"), QStringLiteral("CT"), QStringLiteral("--json")},
                                   QString::fromLatin1(OrthancServer::kPassword));
        QVERIFY2(found.exitCode == 0, qPrintable(found.err));
        QCOMPARE(QJsonDocument::fromJson(found.out).array().first().toObject().value(QStringLiteral("study_uid")).toString(), kCtStudy);
        const auto series = webPacs(QStringLiteral("series"), {QStringLiteral("--study"), kCtStudy, QStringLiteral("--json")},
                                    QString::fromLatin1(OrthancServer::kPassword));
        QVERIFY2(series.exitCode == 0, qPrintable(series.err));
        const auto listed = QJsonDocument::fromJson(series.out).array();
        QCOMPARE(listed.size(), 1);
        QCOMPARE(listed.first().toObject().value(QStringLiteral("instances")).toInt(), 24);
        QCOMPARE(listed.first().toObject().value(QStringLiteral("modality")).toString(), QStringLiteral("CT"));
        const QString fetched = dir_.filePath(QStringLiteral("wado"));
        const QStringList get{QStringLiteral("--study"), kCtStudy, QStringLiteral("--out"), fetched};
        const auto wado = webPacs(QStringLiteral("get"), get, QString::fromLatin1(OrthancServer::kPassword));
        QVERIFY2(wado.exitCode == 0 && wado.text().contains(QStringLiteral("received 24 instance(s)")), qPrintable(wado.err + wado.text()));
        QCOMPARE(pydicomConfirmsSameInstances(source, fetched, &problem), 24);
        const auto again = webPacs(QStringLiteral("get"), get, QString::fromLatin1(OrthancServer::kPassword));
        QVERIFY2(again.text().contains(QStringLiteral("received 0 instance(s)")) &&
                     again.text().contains(QStringLiteral("24 instance(s) were already there")), qPrintable(again.text()));

        const QString wrong = QStringLiteral("not-the-password-8213");
        const auto refused = webPacs(QStringLiteral("echo"), {}, wrong);
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains(QStringLiteral("refused our credentials (HTTP 401")), qPrintable(refused.err));
        QVERIFY(!refused.err.contains(wrong) && !refused.text().contains(wrong));  // never shown
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

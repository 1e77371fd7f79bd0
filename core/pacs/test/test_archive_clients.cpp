// The archive clients against a real Orthanc (orthanc_server.h) with its DICOMweb plugin:
// the demo studies stored by STOW-RS and found by QIDO-RS with each key; the CT study
// retrieved by C-GET, C-MOVE and WADO-RS with the pixel data and UIDs sent (pydicom
// says so); a retrieve cut short (files lost, a half-written one, a cancel) resumed by
// fetching only what is missing; a study deleted between find and retrieve; C-MOVE to a
// port the archive does not know; DICOM TLS and HTTPS with a certificate made by openssl; the
// secrets file; the multipart reader fed one byte at a time.
#include "multipart_reader.h"
#include "orthanc_server.h"
#include "same_instances.h"
#include "vitask/pacs/credential_store.h"
#include "vitask/pacs/dicomweb_client.h"

#include <QDir>
#include <QFile>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QtTest>

#include <sys/stat.h>

namespace {

using vitask::pacs::PacsNode;
using vitask::pacs::RetrieveMethod;

const std::string kCtStudy = "1.2.826.0.1.3680043.8.498.10484563472402704252503568524499003252";

QString demoStudies() { return qEnvironmentVariable("VITASK_SOURCE_DIR") + QStringLiteral("/resources/demo/studies"); }

QStringList dicomFilesIn(const QString& folder) { return QDir(folder).entryList({QStringLiteral("*.dcm")}, QDir::Files); }

// The message of the vitask::Error `call` throws ("" when it does not).
template <typename Call>
QString errorOf(Call&& call) {
    try {
        call();
    } catch (const std::exception& e) {
        return QString::fromUtf8(e.what());
    }
    return {};
}

}  // namespace

class TestArchiveClients : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    OrthancServer orthanc_;
    const int receivePort_ = vitask::freeLocalPort();

    PacsNode moveNode() const {
        auto node = orthanc_.node();
        node.retrieveMethod = RetrieveMethod::Move;
        return node;
    }
    // Every way to retrieve: C-GET, C-MOVE, WADO-RS.
    std::vector<std::pair<QString, PacsNode>> retrieveWays() const {
        return {{QStringLiteral("C-GET"), orthanc_.node()}, {QStringLiteral("C-MOVE"), moveNode()},
                {QStringLiteral("WADO-RS"), orthanc_.webNode()}};
    }
    void confirmCtStudy(const QString& folder) {
        QString problem;
        const int same = pydicomConfirmsSameInstances(demoStudies() + QStringLiteral("/ct_phantom"), folder, &problem);
        QVERIFY2(same >= 0, qPrintable(problem));
        QCOMPARE(same, 24);
    }

private Q_SLOTS:
    void initTestCase() {
        const auto problem = orthanc_.start(dir_.path(), OrthancServer::Options::everyService(receivePort_));
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }

    void stowThenQidoByEachKey() {
        const auto web = vitask::pacs::openArchive(orthanc_.webNode());
        web->echo();
        const auto files = vitask::pacs::dicomFilesUnder({demoStudies().toStdString()});
        int lastProgress = 0;
        const auto stored = web->send(files, [&](int done, int total) {
            lastProgress = done;
            return total == 40;
        });
        QCOMPARE(stored.completed, 40);
        QCOMPARE(stored.failed, 0);
        QCOMPARE(lastProgress, 40);
        // Orthanc's DIMSE side sees what STOW-RS stored.
        QCOMPARE(vitask::pacs::openArchive(orthanc_.node())->findStudies({}).size(), size_t{17});

        const auto patients = [&](const vitask::pacs::StudyQuery& query) {
            QStringList ids;
            for (const auto& match : web->findStudies(query)) ids << QString::fromStdString(match.patientId);
            ids.sort();
            return ids;
        };
        QCOMPARE(patients({}).size(), 17);
        vitask::pacs::StudyQuery query;
        query.patientId = "DEMO-CHEST02";
        QCOMPARE(patients(query), QStringList{"DEMO-CHEST02"});
        query = {};
        query.patientName = "DEMO^RETINA*";
        QCOMPARE(patients(query), (QStringList{"DEMO-RETINA01", "DEMO-RETINA02", "DEMO-RETINA03", "DEMO-RETINA04"}));
        query = {};
        query.modality = "CT";
        QCOMPARE(patients(query), QStringList{"DEMO-PHANTOM"});
        query = {};
        query.studyUid = kCtStudy;
        const auto ct = web->findStudies(query);
        QCOMPARE(ct.size(), size_t{1});
        QCOMPARE(ct[0].instanceCount, 24);
        QCOMPARE(ct[0].modalities, std::string("CT"));
        query = {};
        query.dateFrom = "20261201";
        query.dateTo = "20261231";
        QCOMPARE(patients(query).size(), 17);
        query.dateFrom = "";
        query.dateTo = "20201231";
        QCOMPARE(patients(query).size(), 0);
        query = {};
        query.accession = "NO-SUCH-ACCESSION";
        QCOMPARE(patients(query).size(), 0);
    }

    void everyWayRetrievesTheSameInstances() {
        for (const auto& [way, node] : retrieveWays()) {
            const QString folder = dir_.filePath(QStringLiteral("whole-") + way);
            int lastDone = 0, lastTotal = 0;
            const auto result = vitask::pacs::openArchive(node)->retrieve(kCtStudy, {}, folder.toStdString(),
                                                                          [&](int done, int total) {
                                                                              lastDone = done;
                                                                              lastTotal = total;
                                                                              return true;
                                                                          });
            QVERIFY2(result.completed == 24 && result.failed == 0 && result.alreadyPresent == 0, qPrintable(way));
            QVERIFY2(lastDone == 24 && lastTotal == 24, qPrintable(way + QStringLiteral(" progress ") + QString::number(lastDone)));
            QCOMPARE(dicomFilesIn(folder).size(), 24);
            confirmCtStudy(folder);
        }
    }

    // The CT study's one series, alike over DIMSE and DICOMweb, and retrieved alone.
    void seriesOfAStudy() {
        std::vector<std::string> uids;
        for (const auto& [way, node] : retrieveWays()) {
            const auto archive = vitask::pacs::openArchive(node);
            const auto series = archive->findSeries(kCtStudy);
            QVERIFY2(series.size() == 1, qPrintable(way));
            QCOMPARE(series[0].modality, std::string("CT"));
            QCOMPARE(series[0].instanceCount, 24);
            uids.push_back(series[0].seriesUid);
            const QString folder = dir_.filePath(QStringLiteral("series-") + way);
            QCOMPARE(archive->retrieve(kCtStudy, series[0].seriesUid, folder.toStdString()).completed, 24);
            confirmCtStudy(folder);
        }
        QVERIFY(uids[0] == uids[1] && uids[1] == uids[2]);
        QVERIFY(vitask::pacs::openArchive(orthanc_.webNode())->findSeries("1.2.3.4.5.6").empty());
    }

    // A retrieve cut off: ten instances lost and one half-written (.partial). The next
    // retrieve fetches those ten only.
    void aPartialRetrieveResumes() {
        for (const auto& [way, node] : retrieveWays()) {
            const QString folder = dir_.filePath(QStringLiteral("resume-") + way);
            const auto archive = vitask::pacs::openArchive(node);
            archive->retrieve(kCtStudy, {}, folder.toStdString());
            const auto files = dicomFilesIn(folder);
            for (int i = 0; i < 10; ++i) QVERIFY(QFile::remove(QDir(folder).filePath(files[i])));
            QFile half(QDir(folder).filePath(files[0] + QStringLiteral(".partial")));
            QVERIFY(half.open(QIODevice::WriteOnly));
            half.write("DICM, cut off");
            half.close();

            int lastDone = 0;
            const auto result = archive->retrieve(kCtStudy, {}, folder.toStdString(), [&](int done, int total) {
                lastDone = done;
                return total == 24;
            });
            QVERIFY2(result.completed == 10 && result.alreadyPresent == 14 && result.failed == 0,
                     qPrintable(way + QStringLiteral(": %1 new, %2 there").arg(result.completed).arg(result.alreadyPresent)));
            QCOMPARE(lastDone, 24);
            QCOMPARE(dicomFilesIn(folder).size(), 24);
            QVERIFY(QDir(folder).entryList({QStringLiteral("*.partial")}, QDir::Files | QDir::Hidden).isEmpty());
            confirmCtStudy(folder);
        }
    }

    // Cancelled after the fifth instance: a "cancelled" error, what arrived kept, and
    // the next retrieve completes the study.
    void aCancelledRetrieveResumes() {
        for (const auto& [way, node] : retrieveWays()) {
            const QString folder = dir_.filePath(QStringLiteral("cancel-") + way);
            const auto archive = vitask::pacs::openArchive(node);
            const auto error = errorOf([&] {
                archive->retrieve(kCtStudy, {}, folder.toStdString(), [](int done, int) { return done < 5; });
            });
            QVERIFY2(error.contains(QStringLiteral(": cancelled.")) && error.contains(QStringLiteral("retrieve again to resume")),
                     qPrintable(way + QStringLiteral(": ") + error));
            const int kept = dicomFilesIn(folder).size();
            QVERIFY2(kept >= 5, qPrintable(way + QStringLiteral(": %1 kept").arg(kept)));
            if (way == QStringLiteral("WADO-RS")) QCOMPARE(kept, 5);  // we stop reading: nothing more arrives
            const auto result = archive->retrieve(kCtStudy, {}, folder.toStdString());
            QCOMPARE(result.alreadyPresent, kept);
            QCOMPARE(result.completed + result.alreadyPresent, 24);
            confirmCtStudy(folder);
        }
    }

    void failuresSayWhatToCheck() {
        // C-MOVE to a port the archive does not know: nothing arrives, and the message says why.
        auto elsewhere = moveNode();
        elsewhere.receivePort = vitask::freeLocalPort();
        const auto undelivered = errorOf([&] {
            vitask::pacs::openArchive(elsewhere)->retrieve(kCtStudy, {}, dir_.filePath(QStringLiteral("undelivered")).toStdString());
        });
        QVERIFY2(undelivered.contains(QStringLiteral("nothing arrived at our storage SCP")) && undelivered.contains(QStringLiteral("VITASK")),
                 qPrintable(undelivered));

        // The receive port taken by another program.
        QTcpServer taken;
        QVERIFY(taken.listen(QHostAddress::Any));
        auto busy = moveNode();
        busy.receivePort = taken.serverPort();
        const auto inUse = errorOf([&] {
            vitask::pacs::openArchive(busy)->retrieve(kCtStudy, {}, dir_.filePath(QStringLiteral("busy")).toStdString());
        });
        QVERIFY2(inUse.contains(QStringLiteral("cannot listen for the archive's C-MOVE on port ") + QString::number(taken.serverPort())),
                 qPrintable(inUse));

        // DICOMweb: no login, a wrong password, nothing listening, a URL that is not one.
        auto anonymous = orthanc_.webNode();
        anonymous.auth = vitask::pacs::WebAuth::None;
        const auto noLogin = errorOf([&] { vitask::pacs::openArchive(anonymous)->echo(); });
        QVERIFY2(noLogin.contains(QStringLiteral("HTTP 401")) && noLogin.contains(QStringLiteral("give a user and password")),
                 qPrintable(noLogin));
        auto wrong = orthanc_.webNode();
        wrong.secret = "not-the-password-5521";
        const auto refused = errorOf([&] { vitask::pacs::openArchive(wrong)->findStudies({}); });
        QVERIFY2(refused.contains(QStringLiteral("refused our credentials")) && !refused.contains(QString::fromStdString(wrong.secret)),
                 qPrintable(refused));
        auto down = orthanc_.webNode();
        down.url = "http://127.0.0.1:" + std::to_string(vitask::freeLocalPort()) + "/dicom-web";
        const auto nobody = errorOf([&] { vitask::pacs::openArchive(down)->echo(); });
        QVERIFY2(nobody.contains(QStringLiteral("nothing answers at")), qPrintable(nobody));
        auto notUrl = orthanc_.webNode();
        notUrl.url = "pacs.example.org";
        const auto badUrl = errorOf([&] { vitask::pacs::openArchive(notUrl); });
        QVERIFY2(badUrl.contains(QStringLiteral("needs an http:// or https:// URL")), qPrintable(badUrl));

        // STOW-RS of a file that is not DICOM: named before anything is sent.
        const QString text = dir_.filePath(QStringLiteral("notes.dcm"));
        QFile notes(text);
        QVERIFY(notes.open(QIODevice::WriteOnly));
        notes.write("not a DICOM file");
        notes.close();
        const auto notDicom = errorOf([&] { vitask::pacs::openArchive(orthanc_.webNode())->send({text.toStdString()}); });
        QVERIFY2(notDicom.contains(QStringLiteral("is not a DICOM Part 10 file")) && notDicom.contains(text), qPrintable(notDicom));
    }

    // Another user deletes the study after our find: each way says so, also when resuming.
    void aStudyDeletedBetweenFindAndRetrieve() {
        vitask::pacs::StudyQuery query;
        query.patientId = "DEMO-CHEST02";
        const auto found = vitask::pacs::openArchive(orthanc_.node())->findStudies(query);
        QCOMPARE(found.size(), size_t{1});
        const auto uid = found[0].studyUid;
        const QString resumed = dir_.filePath(QStringLiteral("deleted-resume"));
        vitask::pacs::openArchive(orthanc_.node())->retrieve(uid, {}, resumed.toStdString());
        QVERIFY(!dicomFilesIn(resumed).isEmpty());
        QFile::remove(QDir(resumed).filePath(dicomFilesIn(resumed).first()));
        const auto deleted = orthanc_.deleteStudy(QString::fromStdString(uid));
        QVERIFY2(deleted.isEmpty(), qPrintable(deleted));

        for (const auto& [way, node] : retrieveWays()) {
            const auto error = errorOf([&, node = node] {
                vitask::pacs::openArchive(node)->retrieve(uid, {}, dir_.filePath(QStringLiteral("deleted-") + way).toStdString());
            });
            QVERIFY2(error.contains(QStringLiteral("the archive has no instance of this study")) &&
                         error.contains(QStringLiteral("deleted or moved")),
                     qPrintable(way + QStringLiteral(": ") + error));
        }
        const auto resuming = errorOf([&] { vitask::pacs::openArchive(orthanc_.webNode())->retrieve(uid, {}, resumed.toStdString()); });
        QVERIFY2(resuming.contains(QStringLiteral("no instance of this study")), qPrintable(resuming));
    }

    // DICOM TLS and HTTPS: an archive with a certificate made here; ours trusts it through
    // the CA file, and refuses it without.
    void dicomTlsAndHttps() {
        const QString certificate = dir_.filePath(QStringLiteral("orthanc.crt"));
        const QString key = dir_.filePath(QStringLiteral("orthanc.key"));
        QProcess openssl;
        openssl.start(QStringLiteral("openssl"),
                      {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"),
                       QStringLiteral("-nodes"), QStringLiteral("-keyout"), key, QStringLiteral("-out"), certificate,
                       QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1"),
                       QStringLiteral("-addext"), QStringLiteral("subjectAltName=IP:127.0.0.1")});
        QVERIFY2(openssl.waitForFinished(60000) && openssl.exitCode() == 0, qPrintable(openssl.readAllStandardError()));

        QTemporaryDir tlsDir;
        OrthancServer secure;
        OrthancServer::Options options;
        options.tlsCertificate = certificate;
        options.tlsKey = key;
        options.dicomWeb = true;
        options.httpsCertificate = certificate;
        options.httpsKey = key;
        const auto problem = secure.start(tlsDir.path(), options);  // its C-ECHO went over TLS
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        const auto archive = vitask::pacs::openArchive(secure.node());
        const auto sent = archive->send(vitask::pacs::dicomFilesUnder({(demoStudies() + QStringLiteral("/ct_phantom")).toStdString()}));
        QCOMPARE(sent.completed, 24);
        const QString folder = dir_.filePath(QStringLiteral("tls"));
        QCOMPARE(archive->retrieve(kCtStudy, {}, folder.toStdString()).completed, 24);
        confirmCtStudy(folder);

        auto plain = secure.node();
        plain.tls = false;
        plain.timeoutSeconds = 5;
        const auto noTls = errorOf([&] { vitask::pacs::openArchive(plain)->echo(); });
        QVERIFY2(!noTls.isEmpty(), "a plain association to a TLS port must fail");
        auto untrusted = secure.node();
        untrusted.caFile.clear();
        const auto handshake = errorOf([&] { vitask::pacs::openArchive(untrusted)->echo(); });
        QVERIFY2(handshake.contains(QStringLiteral("TLS handshake failed")) && handshake.contains(QStringLiteral("CA file")),
                 qPrintable(handshake));

        // DICOMweb over HTTPS: the same study by QIDO-RS and WADO-RS; without the CA file, refused.
        const auto web = vitask::pacs::openArchive(secure.webNode());
        QCOMPARE(web->findStudies({}).size(), size_t{1});
        const QString overHttps = dir_.filePath(QStringLiteral("https"));
        QCOMPARE(web->retrieve(kCtStudy, {}, overHttps.toStdString()).completed, 24);
        confirmCtStudy(overHttps);
        auto unknownCa = secure.webNode();
        unknownCa.caFile.clear();
        const auto https = errorOf([&] { vitask::pacs::openArchive(unknownCa)->echo(); });
        QVERIFY2(https.contains(QStringLiteral("HTTPS handshake failed")) && https.contains(QStringLiteral("CA file")), qPrintable(https));
    }

    void secretsStayInAUserOnlyFile() {
        const auto file = dir_.filePath(QStringLiteral("config/pacs-credentials.json")).toStdString();
        const vitask::pacs::CredentialStore store(file);
        QCOMPARE(store.load("Hospital PACS"), std::string());
        store.save("Hospital PACS", "pa55word");
        store.save("Research archive", "token-abc");
        QCOMPARE(store.load("Hospital PACS"), std::string("pa55word"));
        QCOMPARE(vitask::pacs::CredentialStore(file).load("Research archive"), std::string("token-abc"));
        struct stat status {};
        QCOMPARE(::stat(file.c_str(), &status), 0);
        QCOMPARE(status.st_mode & 0777, 0600u);
        store.save("Hospital PACS", "");
        QCOMPARE(store.load("Hospital PACS"), std::string());
        QCOMPARE(store.load("Research archive"), std::string("token-abc"));
        // Readable by others: refused, and the message says what to do.
        QCOMPARE(::chmod(file.c_str(), 0644), 0);
        const auto leaked = errorOf([&] { store.load("Research archive"); });
        QVERIFY2(leaked.contains(QStringLiteral("others may read")) && leaked.contains(QStringLiteral("chmod 600")), qPrintable(leaked));
    }

    void multipartFedOneByteAtATime() {
        const std::string body =
            "preamble\r\n--b0undary\r\nContent-Type: application/dicom\r\n\r\nfirst\r\n--b0und part\r\n"
            "--b0undary \r\nContent-Type: application/dicom\r\n\r\n\r\nsecond\r\n--b0undary--\r\nepilogue";
        std::vector<std::string> parts;
        std::vector<std::string> headers;
        vitask::pacs::detail::MultipartReader reader(
            vitask::pacs::detail::MultipartReader::boundaryOf(R"(multipart/related; type="application/dicom"; boundary="b0undary")"),
            [&](const std::string& h) {
                headers.push_back(h);
                parts.emplace_back();
            },
            [&](const char* data, size_t size) { parts.back().append(data, size); }, [] { return true; });
        for (char c : body) QVERIFY(reader.feed(&c, 1));
        QVERIFY(reader.complete());
        QCOMPARE(parts.size(), size_t{2});
        QCOMPARE(parts[0], std::string("first\r\n--b0und part"));
        QCOMPARE(parts[1], std::string("\r\nsecond"));
        QCOMPARE(headers[0], std::string("Content-Type: application/dicom"));
        QCOMPARE(vitask::pacs::detail::MultipartReader::boundaryOf("multipart/related; boundary=abc; type=x"), std::string("abc"));
        QCOMPARE(vitask::pacs::detail::MultipartReader::boundaryOf("application/dicom"), std::string());
    }
};

QTEST_GUILESS_MAIN(TestArchiveClients)
#include "test_archive_clients.moc"

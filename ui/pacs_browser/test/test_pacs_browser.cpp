// The PACS tab on real widgets, offscreen, against a real Orthanc holding the demo
// studies: a query typed and Find clicked lists the matching studies; Retrieve brings
// a study into the cache with every image and asks the main window to open it; a wrong
// AE title is shown as the archive's refusal; the UI thread never waits on the network.
// The archives dialog adds a DICOMweb archive with a password (kept out of studio.ini, in
// a file only the user reads) that then answers the same query, and switches an archive
// to C-MOVE.
#include "orthanc_server.h"
#include "vitask/ui/bridge/pacs_bridge.h"
#include "vitask/ui/pacs_browser/archives_dialog.h"
#include "vitask/ui/pacs_browser/pacs_browser.h"
#include "vitask/ui/settings/studio_settings.h"
#include "vitask/ui/test_support/screenshot_main.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

using namespace vitask::ui;

class TestPacsBrowser : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    OrthancServer orthanc_;

    template <typename T>
    static T* child(QWidget& browser, const char* name) {
        auto* found = browser.findChild<T*>(QLatin1String(name));
        if (!found) qFatal("no widget %s", name);
        return found;
    }
    // The archive in the settings, as the archives dialog would save it.
    void pointAtOrthanc(PacsBrowser& browser, const QString& calledAe = QStringLiteral("ORTHANC")) {
        auto node = orthanc_.node(calledAe.toStdString());
        node.name = "Orthanc " + calledAe.toStdString();
        StudioSettings::setPacsNode(node);
        browser.reloadArchives();
        QCOMPARE(child<QComboBox>(browser, "pacsArchive")->currentText(), QString::fromStdString(node.name));
    }
    static QByteArray fileBytes(const QString& path) {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

private Q_SLOTS:
    void initTestCase() {
        qputenv("VITASK_CACHE_DIR", dir_.filePath(QStringLiteral("cache")).toUtf8());
        qputenv("VITASK_CONFIG_DIR", dir_.filePath(QStringLiteral("config")).toUtf8());  // studio.ini's pacs/ keys
        const auto problem = orthanc_.start(dir_.path(), OrthancServer::Options::everyService(vitask::freeLocalPort()));
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        const auto demo = vitask::pacs::dicomFilesUnder({qEnvironmentVariable("VITASK_SOURCE_DIR").toStdString() +
                                                         "/resources/demo/studies"});
        QCOMPARE(vitask::pacs::openArchive(orthanc_.node())->send(demo).completed, 40);
    }

    void findListsTheMatchingStudies() {
        PacsBridge bridge;
        PacsBrowser browser(&bridge);
        browser.resize(900, 600);
        browser.show();
        pointAtOrthanc(browser);
        QTest::keyClicks(child<QLineEdit>(browser, "pacsPatientName"), QStringLiteral("DEMO^RETINA*"));
        QTest::mouseClick(child<QPushButton>(browser, "pacsFind"), Qt::LeftButton);
        QVERIFY(!child<QPushButton>(browser, "pacsFind")->isEnabled());  // asked, not waited for
        QTRY_COMPARE_WITH_TIMEOUT(browser.matchCount(), 4, 20000);
        auto* table = child<QTableWidget>(browser, "pacsMatches");
        QStringList ids;
        for (int row = 0; row < table->rowCount(); ++row) ids << table->item(row, 1)->text();
        ids.sort();
        QCOMPARE(ids, (QStringList{"DEMO-RETINA01", "DEMO-RETINA02", "DEMO-RETINA03", "DEMO-RETINA04"}));
        QVERIFY(child<QLabel>(browser, "pacsStatus")->text().contains(QStringLiteral("4")));
    }

    void retrieveOpensTheStudyFromTheCache() {
        PacsBridge bridge;
        PacsBrowser browser(&bridge);
        browser.show();
        pointAtOrthanc(browser);
        child<QLineEdit>(browser, "pacsModality")->setText(QStringLiteral("ct"));  // upper-cased when asked
        QTest::keyClick(child<QLineEdit>(browser, "pacsModality"), Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(browser.matchCount(), 1, 20000);
        // The selected study's series are listed; none selected, Retrieve takes the study.
        auto* series = child<QTableWidget>(browser, "pacsSeries");
        QTRY_COMPARE_WITH_TIMEOUT(series->rowCount(), 1, 20000);
        QCOMPARE(series->item(0, 1)->text(), QStringLiteral("CT"));
        QCOMPARE(series->item(0, 3)->text(), QStringLiteral("24"));
        QVERIFY(child<QPushButton>(browser, "pacsRetrieve")->text().contains(QStringLiteral("study")));
        QSignalSpy open(&browser, &PacsBrowser::openRequested);
        QTest::mouseClick(child<QPushButton>(browser, "pacsRetrieve"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(open.size(), 1, 60000);
        const QDir folder(open.first().first().toString());
        QVERIFY2(folder.absolutePath().startsWith(dir_.filePath(QStringLiteral("cache"))), qPrintable(folder.absolutePath()));
        QCOMPARE(folder.entryList({QStringLiteral("*.dcm")}, QDir::Files).size(), 24);
        QVERIFY(child<QLabel>(browser, "pacsStatus")->text().contains(QStringLiteral("24")));
    }

    void aRefusalIsShown() {
        PacsBridge bridge;
        PacsBrowser browser(&bridge);
        browser.show();
        pointAtOrthanc(browser, QStringLiteral("NOBODY"));
        QTest::mouseClick(child<QPushButton>(browser, "pacsEcho"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(child<QLabel>(browser, "pacsStatus")->text().contains(QStringLiteral("rejected")), 20000);
        QVERIFY(child<QPushButton>(browser, "pacsFind")->isEnabled());  // ready for the next try
    }

    // Archives..., Add, DICOMweb with a login, Test connection, OK: the tab then finds the
    // retina studies over QIDO-RS. The password is in the secrets file (0600), not studio.ini.
    void anArchiveAddedInTheDialogAnswers() {
        PacsBridge bridge;
        PacsBrowser browser(&bridge);
        browser.show();
        QTest::mouseClick(child<QPushButton>(browser, "pacsEditArchives"), Qt::LeftButton);
        auto* dialog = browser.findChild<ArchivesDialog*>();
        QVERIFY(dialog && dialog->isVisible());
        const int before = static_cast<int>(dialog->archives().size());
        QTest::mouseClick(child<QPushButton>(*dialog, "pacsAddArchive"), Qt::LeftButton);
        QCOMPARE(static_cast<int>(dialog->archives().size()), before + 1);
        auto* name = child<QLineEdit>(*dialog, "pacsArchiveName");
        name->selectAll();
        QTest::keyClicks(name, QStringLiteral("Research DICOMweb"));
        child<QComboBox>(*dialog, "pacsProtocol")->setCurrentIndex(1);
        QVERIFY(child<QLineEdit>(*dialog, "pacsUrl")->isVisible());
        QVERIFY(!child<QLineEdit>(*dialog, "pacsHost")->isVisible());
        const auto web = orthanc_.webNode();
        child<QLineEdit>(*dialog, "pacsUrl")->setText(QString::fromStdString(web.url));
        child<QComboBox>(*dialog, "pacsAuth")->setCurrentIndex(1);
        child<QLineEdit>(*dialog, "pacsUser")->setText(QString::fromStdString(web.user));
        // Without the password: OK refuses and says what is missing.
        QTest::mouseClick(dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok), Qt::LeftButton);
        QVERIFY(dialog->isVisible());
        QVERIFY(child<QLabel>(*dialog, "pacsArchiveStatus")->text().contains(QStringLiteral("password or token")));
        QTest::keyClicks(child<QLineEdit>(*dialog, "pacsSecret"), QString::fromStdString(web.secret));
        QTest::mouseClick(child<QPushButton>(*dialog, "pacsTestArchive"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(child<QLabel>(*dialog, "pacsArchiveStatus")->text().contains(QStringLiteral("answers and accepts us")),
                                 20000);
        QTest::mouseClick(dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok), Qt::LeftButton);
        QTRY_VERIFY(!browser.findChild<ArchivesDialog*>());  // closed and deleted

        auto* archive = child<QComboBox>(browser, "pacsArchive");
        QCOMPARE(archive->currentText(), QStringLiteral("Research DICOMweb"));
        QCOMPARE(archive->count(), before + 1);
        QTest::keyClicks(child<QLineEdit>(browser, "pacsPatientName"), QStringLiteral("DEMO^RETINA*"));
        QTest::mouseClick(child<QPushButton>(browser, "pacsFind"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(browser.matchCount(), 4, 20000);

        const auto config = qEnvironmentVariable("VITASK_CONFIG_DIR");
        QVERIFY(fileBytes(config + QStringLiteral("/studio.ini")).contains("Research DICOMweb"));
        QVERIFY(!fileBytes(config + QStringLiteral("/studio.ini")).contains(QByteArray::fromStdString(web.secret)));
        const QString secrets = config + QStringLiteral("/pacs-credentials.json");
        QVERIFY(fileBytes(secrets).contains(QByteArray::fromStdString(web.secret)));
        QCOMPARE(QFile::permissions(secrets) & (QFile::ReadGroup | QFile::ReadOther), QFile::Permissions());
    }

    // The dialog switches an archive to C-MOVE; Retrieve then goes through our storage SCP.
    void retrieveByCMove() {
        PacsBridge bridge;
        PacsBrowser browser(&bridge);
        browser.show();
        pointAtOrthanc(browser);
        QTest::mouseClick(child<QPushButton>(browser, "pacsEditArchives"), Qt::LeftButton);
        auto* dialog = browser.findChild<ArchivesDialog*>();
        QVERIFY(dialog);
        QCOMPARE(child<QLineEdit>(*dialog, "pacsArchiveName")->text(), QStringLiteral("Orthanc ORTHANC"));
        QVERIFY(!child<QSpinBox>(*dialog, "pacsReceivePort")->isEnabled());
        child<QComboBox>(*dialog, "pacsRetrieveMethod")->setCurrentIndex(1);
        QVERIFY(child<QSpinBox>(*dialog, "pacsReceivePort")->isEnabled());
        QCOMPARE(child<QSpinBox>(*dialog, "pacsReceivePort")->value(), orthanc_.node().receivePort);
        QTest::mouseClick(dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok), Qt::LeftButton);
        QTRY_VERIFY(!browser.findChild<ArchivesDialog*>());
        QVERIFY(StudioSettings::currentPacsArchive().retrieveMethod == vitask::pacs::RetrieveMethod::Move);

        QDir(qEnvironmentVariable("VITASK_CACHE_DIR")).removeRecursively();
        child<QLineEdit>(browser, "pacsModality")->setText(QStringLiteral("CT"));
        QTest::mouseClick(child<QPushButton>(browser, "pacsFind"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(browser.matchCount(), 1, 20000);
        // This time the series, chosen in the series table.
        auto* series = child<QTableWidget>(browser, "pacsSeries");
        QTRY_COMPARE_WITH_TIMEOUT(series->rowCount(), 1, 20000);
        series->selectRow(0);
        QVERIFY(child<QPushButton>(browser, "pacsRetrieve")->text().contains(QStringLiteral("series")));
        QSignalSpy open(&browser, &PacsBrowser::openRequested);
        QTest::mouseClick(child<QPushButton>(browser, "pacsRetrieve"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(open.size(), 1, 60000);
        QCOMPARE(QDir(open.first().first().toString()).entryList({QStringLiteral("*.dcm")}, QDir::Files).size(), 24);
    }

    // docs/images/studio-pacs.png (scripts/make_screenshots.sh): every demo study listed;
    // docs/images/studio-pacs-archives.png: the archives dialog on a DICOMweb archive.
    void screenshot() {
        const QString folder = qEnvironmentVariable("VITASK_SCREENSHOT_DIR");
        QVERIFY2(!folder.isEmpty(), "set VITASK_SCREENSHOT_DIR");
        auto web = orthanc_.webNode();
        web.name = "Research DICOMweb";
        StudioSettings::setPacsNode(web);
        PacsBridge bridge;
        PacsBrowser browser(&bridge);
        browser.resize(980, 560);
        browser.show();
        pointAtOrthanc(browser);
        QTest::mouseClick(child<QPushButton>(browser, "pacsFind"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(browser.matchCount(), 17, 20000);
        auto* table = child<QTableWidget>(browser, "pacsMatches");
        const auto phantom = table->findItems(QStringLiteral("DEMO-PHANTOM"), Qt::MatchExactly);
        QVERIFY(!phantom.isEmpty());
        table->selectRow(phantom.first()->row());
        QTRY_COMPARE_WITH_TIMEOUT(child<QTableWidget>(browser, "pacsSeries")->rowCount(), 1, 20000);
        QVERIFY(browser.grab().save(folder + QStringLiteral("/studio-pacs.png")));

        StudioSettings::setCurrentPacsArchive(QStringLiteral("Research DICOMweb"));
        QTest::mouseClick(child<QPushButton>(browser, "pacsEditArchives"), Qt::LeftButton);
        auto* dialog = browser.findChild<ArchivesDialog*>();
        QVERIFY(dialog);
        QTest::mouseClick(child<QPushButton>(*dialog, "pacsTestArchive"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(child<QLabel>(*dialog, "pacsArchiveStatus")->text().contains(QStringLiteral("answers")), 20000);
        QVERIFY(dialog->grab().save(folder + QStringLiteral("/studio-pacs-archives.png")));
    }
};

VITASK_QTEST_MAIN_WITH_SCREENSHOTS(TestPacsBrowser, "VITASK_SCREENSHOT_DIR")
#include "test_pacs_browser.moc"

// The PACS tab on real widgets, offscreen, against a real Orthanc holding the demo
// studies: a query typed and Find clicked lists the matching studies; Retrieve brings
// a study into the cache with every image and asks the main window to open it; a wrong
// AE title is shown as the archive's refusal; the UI thread never waits on the network.
#include "orthanc_server.h"
#include "vitask/ui/bridge/pacs_bridge.h"
#include "vitask/ui/pacs_browser/pacs_browser.h"
#include "vitask/ui/test_support/screenshot_main.h"

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
    void pointAtOrthanc(PacsBrowser& browser, const QString& calledAe = QStringLiteral("ORTHANC")) {
        child<QLineEdit>(browser, "pacsHost")->setText(QStringLiteral("127.0.0.1"));
        child<QSpinBox>(browser, "pacsPort")->setValue(orthanc_.dicomPort());
        child<QLineEdit>(browser, "pacsCalledAe")->setText(calledAe);
    }

private Q_SLOTS:
    void initTestCase() {
        qputenv("VITASK_CACHE_DIR", dir_.filePath(QStringLiteral("cache")).toUtf8());
        qputenv("VITASK_CONFIG_DIR", dir_.filePath(QStringLiteral("config")).toUtf8());  // studio.ini's pacs/ keys
        const auto problem = orthanc_.start(dir_.path());
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        const auto demo = vitask::pacs::dicomFilesUnder({qEnvironmentVariable("VITASK_SOURCE_DIR").toStdString() +
                                                         "/resources/demo/studies"});
        QCOMPARE(vitask::pacs::DimseClient(orthanc_.node()).send(demo).completed, 40);
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

    // docs/images/studio-pacs.png (scripts/make_screenshots.sh): every demo study listed.
    void screenshot() {
        const QString file = qEnvironmentVariable("VITASK_SCREENSHOT");
        QVERIFY2(!file.isEmpty(), "set VITASK_SCREENSHOT");
        PacsBridge bridge;
        PacsBrowser browser(&bridge);
        browser.resize(980, 560);
        browser.show();
        pointAtOrthanc(browser);
        QTest::mouseClick(child<QPushButton>(browser, "pacsFind"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(browser.matchCount(), 17, 20000);
        QVERIFY(browser.grab().save(file));
    }
};

VITASK_QTEST_MAIN_WITH_SCREENSHOTS(TestPacsBrowser, "VITASK_SCREENSHOT")
#include "test_pacs_browser.moc"

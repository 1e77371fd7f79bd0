// The studio's main window: real widgets, offscreen.
#include "vitask/common/logging.h"
#include "vitask/runtime/system_info.h"
#include "vitask/ui/log_panel.h"
#include "vitask/ui/main_window.h"
#include "vitask/ui/start_page.h"
#include "vitask/ui/translations.h"

#include <QAction>
#include <QDockWidget>
#include <QMenuBar>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QtTest>

#include <thread>

class TestMainWindow : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QVERIFY(configDir_.isValid());
        qputenv("VITASK_CONFIG_DIR", configDir_.path().toUtf8());
        vitask::LogOptions log;
        log.toConsole = false;
        log.toFile = false;
        vitask::initLogging(log);
    }

    void showsSystemSummary() {
        vitask::ui::MainWindow window(QStringLiteral("/tmp/x.log"));
        QCOMPARE(window.windowTitle(), QStringLiteral("VITask Studio"));
        const QString torch = QString::fromStdString(vitask::runtime::systemInfo().torchVersion);
        QVERIFY(window.startPage()->systemSummary().contains(torch));
        QCOMPARE(window.statusBar()->currentMessage(), window.startPage()->systemSummary());
    }

    void quitHasStandardShortcut() {
        vitask::ui::MainWindow window(QString{});
        auto* quit = window.findChild<QAction*>(QStringLiteral("actionQuit"));
        QVERIFY(quit);
        QCOMPARE(quit->shortcut(), QKeySequence(QKeySequence::Quit));
    }

    void logPanelShowsMessagesFromAnyThread() {
        vitask::ui::MainWindow window(QString{});
        std::thread worker([] { spdlog::info("inference finished on worker"); });
        worker.join();
        spdlog::debug("hidden at the default filter");
        spdlog::warn("low memory");
        window.logPanel()->drain();
        const QString text = window.logPanel()->plainText();
        QVERIFY2(text.contains(QStringLiteral("inference finished on worker")), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("low memory")));
        QVERIFY(!text.contains(QStringLiteral("hidden at the default filter")));
    }

    void layoutPersistsAcrossSessions() {
        {
            vitask::ui::MainWindow window(QString{});
            window.show();
            window.logDock()->hide();
            window.close();  // saves the layout
        }
        vitask::ui::MainWindow reopened(QString{});
        reopened.show();
        QVERIFY(reopened.logDock()->isHidden());
        QVERIFY(QFile::exists(configDir_.path() + QStringLiteral("/studio.ini")));
    }

    // The German translation is embedded and used for a German locale.
    void translatesToGerman() {
        QVERIFY(!vitask::ui::installTranslations(*QCoreApplication::instance(), QLocale(QLocale::English)));
        QVERIFY(vitask::ui::installTranslations(*QCoreApplication::instance(), QLocale(QLocale::German, QLocale::Germany)));
        vitask::ui::MainWindow window(QString{});
        QStringList menus;
        for (QAction* action : window.menuBar()->actions()) menus << action->text();
        QCOMPARE(menus, (QStringList{QStringLiteral("&Datei"), QStringLiteral("&Ansicht"), QStringLiteral("&Modell"),
                                     QStringLiteral("&Hilfe")}));
        QVERIFY(window.startPage()->systemSummary().startsWith(QStringLiteral("LibTorch ")));
    }

private:
    QTemporaryDir configDir_;
};

QTEST_MAIN(TestMainWindow)
#include "test_main_window.moc"

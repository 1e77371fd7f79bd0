// The studio's main window: real widgets, offscreen.
#include "vitask/common/logging.h"
#include "vitask/common/version.h"
#include "vitask/ui/log_panel.h"
#include "vitask/ui/main_window.h"
#include "vitask/ui/worklist_controller.h"
#include "vitask/ui/start_page.h"
#include "vitask/ui/settings/studio_settings.h"
#include "vitask/ui/settings/translations.h"
#include "vitask/ui/test_support/shown_texts.h"

#include "vitask/ui/ai_panel/ai_panel.h"
#include "vitask/ui/bridge/engine_bridge.h"
#include "vitask/ui/study_browser/study_browser.h"
#include "vitask/ui/tag_browser/tag_browser.h"
#include "vitask/ui/viewer/slice_viewer.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialog>
#include <QDockWidget>
#include <QDropEvent>
#include <QFileDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QMenuBar>
#include <QStatusBar>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

#include <thread>

namespace {

// Answers the next modal file dialog with `path` and accepts it, as a user typing the
// path and pressing Open would; retries until the dialog is up.
void answerFileDialogWith(const QString& path, int triesLeft = 200) {
    QTimer::singleShot(25, [path, triesLeft] {
        auto* dialog = qobject_cast<QFileDialog*>(QApplication::activeModalWidget());
        if (!dialog) {
            if (triesLeft > 0) answerFileDialogWith(path, triesLeft - 1);
            return;
        }
        // Typed into the file name box (selectFile() leaves a focused box alone), then Open.
        auto* fileName = dialog->findChild<QLineEdit*>(QStringLiteral("fileNameEdit"));
        QVERIFY(fileName);
        fileName->setText(path);
        QMetaObject::invokeMethod(dialog, "accept");
    });
}

// Whether a shared library whose file name contains `name` is mapped into this process.
bool mapped(const char* name) {
    QFile maps(QStringLiteral("/proc/self/maps"));
    return maps.open(QIODevice::ReadOnly) && maps.readAll().contains(name);
}

}  // namespace

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

    // The studio links no LibTorch: the engine's worker loads it once the window is
    // painted, and the start page and status bar then say what it runs on.
    void engineLoadsAfterTheWindowAndReportsWhatItRunsOn() {
        QVERIFY2(!mapped("libtorch"), "LibTorch is loaded before any engine was made: something in ui/ links it");
        vitask::ui::MainWindow window(QStringLiteral("/tmp/x.log"));
        QCOMPARE(window.windowTitle(), QStringLiteral("VITask Studio"));
        QVERIFY(window.startPage()->systemSummary().contains(QStringLiteral("loading the engine")));
        QVERIFY2(!mapped("libtorch"), "the engine loaded before the window was shown");
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTRY_VERIFY_WITH_TIMEOUT(window.startPage()->systemSummary().contains(QStringLiteral("BLAS")), 60000);
        QVERIFY(mapped("libtorch"));
        const QString summary = window.startPage()->systemSummary();
        QVERIFY2(summary.contains(QString::fromStdString(vitask::buildInfo().torchVersion)), qPrintable(summary));
        QVERIFY2(summary.contains(QStringLiteral("CPU")) || summary.contains(QStringLiteral("CUDA")), qPrintable(summary));
        QCOMPARE(window.statusBar()->currentMessage(), summary);
    }

    // A window that is never painted (started minimized) still gets its engine.
    void engineLoadsForAWindowNeverPainted() {
        vitask::ui::MainWindow window(QString{});
        QTRY_VERIFY_WITH_TIMEOUT(window.startPage()->systemSummary().contains(QStringLiteral("BLAS")), 60000);
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

    // A study opened through the window: scanned and decoded on the worker threads, shown
    // in the browser, the viewer (patient name formatted, orientation from the geometry)
    // and the tag browser.
    void opensADicomFolderAndShowsTheFirstSeries() {
        if (!QFile::exists(kPydicom + QStringLiteral("CT_small.dcm"))) QFAIL("python3-pydicom's test files are missing: install python3-pydicom (scripts/install-deps.sh installs it)");
        QTemporaryDir study;
        QVERIFY(QFile::copy(kPydicom + QStringLiteral("CT_small.dcm"), study.filePath(QStringLiteral("ct.dcm"))));
        vitask::ui::MainWindow window(QString{});
        window.show();
        QSignalSpy shown(&window, &vitask::ui::MainWindow::seriesShown);
        window.openPath(study.path());
        QVERIFY(shown.wait(30000));
        QCOMPARE(window.studyBrowser()->seriesCount(), std::size_t{1});
        auto* viewer = window.viewer();
        QVERIFY(viewer->hasImage());
        QVERIFY(viewer->isVisible());
        QCOMPARE(viewer->info().patientName, QStringLiteral("CompressedSamples, CT1"));
        QCOMPARE(viewer->info().studyDate, QStringLiteral("2004-01-19"));
        const auto labels = viewer->orientationLabels();
        QCOMPARE(labels.left + labels.right + labels.top + labels.bottom, QStringLiteral("RLAP"));
        QTRY_VERIFY_WITH_TIMEOUT(window.tagBrowser()->visibleRowCount() > 100, 10000);
        QVERIFY(window.bannerText().isEmpty());

        // The study is now a recent one, on the start page too; its link opens it again.
        vitask::ui::MainWindow next(QString{});
        QLabel* link = nullptr;
        for (auto* label : next.startPage()->findChildren<QLabel*>())
            if (label->text().contains(study.path())) link = label;
        QVERIFY(link);
        QSignalSpy reopened(&next, &vitask::ui::MainWindow::seriesShown);
        Q_EMIT link->linkActivated(study.path());
        QVERIFY(reopened.wait(30000));
    }

    void opensANiftiVolumeAndScrollsIt() {
        const QString nifti = QStringLiteral("/usr/lib/python3/dist-packages/nibabel/tests/data/anatomical.nii");
        if (!QFile::exists(nifti)) QFAIL("python3-nibabel's test files are missing: install python3-nibabel (scripts/install-deps.sh installs it)");
        vitask::ui::MainWindow window(QString{});
        window.show();
        QSignalSpy shown(&window, &vitask::ui::MainWindow::seriesShown);
        window.openPath(nifti);
        QVERIFY(shown.wait(30000));
        auto* viewer = window.viewer();
        QVERIFY(viewer->sliceCount() > 1);
        const int slice = viewer->slice();
        const QImage before = viewer->renderedSlice();
        QTest::keyClick(viewer, Qt::Key_Up);
        QVERIFY(viewer->slice() != slice);
        QVERIFY(viewer->renderedSlice() != before);
        QCOMPARE(window.tagBrowser()->visibleRowCount(), 0);  // NIfTI has no DICOM elements
    }

    // A file that cannot be read: a message over the viewer, the open study stays.
    void anUnreadableFileIsAMessage() {
        if (!QFile::exists(kPydicom + QStringLiteral("CT_small.dcm"))) QFAIL("python3-pydicom's test files are missing: install python3-pydicom (scripts/install-deps.sh installs it)");
        QTemporaryDir folder;
        const QString broken = folder.filePath(QStringLiteral("broken.dcm"));
        QFile file(broken);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(128, '\0') + "DICM" + QByteArray(64, '\x7f'));
        file.close();
        vitask::ui::MainWindow window(QString{});
        window.show();
        QSignalSpy shown(&window, &vitask::ui::MainWindow::seriesShown);
        window.openPath(kPydicom + QStringLiteral("CT_small.dcm"));
        QVERIFY(shown.wait(30000));
        QSignalSpy failed(&window, &vitask::ui::MainWindow::studyFailed);
        window.openPath(broken);
        QVERIFY(failed.wait(30000));
        QVERIFY2(window.bannerText().contains(QStringLiteral("broken.dcm")), qPrintable(window.bannerText()));
        QVERIFY(window.viewer()->hasImage());
    }

    // Bad files picked in the real Open File / Open Folder dialogs, or dropped on the
    // window: each is a banner naming it, the window stays, and a good study opens after.
    void badFilesFromTheOpenDialogsAreNamed_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("how");
        QFile anatomical(QStringLiteral("/usr/lib/python3/dist-packages/nibabel/tests/data/anatomical.nii"));
        QFile ct(kPydicom + QStringLiteral("CT_small.dcm"));
        if (!anatomical.open(QIODevice::ReadOnly) || !ct.open(QIODevice::ReadOnly))
            QFAIL("python3-nibabel's or python3-pydicom's test files are missing (scripts/install-deps.sh installs them)");
        const QByteArray nifti = anatomical.readAll();  // big-endian
        const QByteArray dicom = ct.readAll();
        QTest::newRow("empty DICOM") << "empty.dcm" << QByteArray() << "file dialog";
        QTest::newRow("empty NIfTI") << "empty.nii.gz" << QByteArray() << "file dialog";
        QTest::newRow("DICOM cut in half") << "half.dcm" << dicom.left(dicom.size() / 2) << "file dialog";
        QTest::newRow("NIfTI declaring 27e12 voxels")
            << "huge.nii" << QByteArray(nifti).replace(40, 8, QByteArray::fromHex("0003753075307530")) << "file dialog";
        QTest::newRow("NIfTI with NaN geometry")
            << "nan.nii" << QByteArray(nifti).replace(280, 4, QByteArray::fromHex("7fc00000")) << "file dialog";
        QTest::newRow("PNG cut short") << "cut.png" << QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16) << "dropped";
        QTest::newRow("folder without DICOM") << "no-dicom" << QByteArray() << "folder dialog";
    }
    void badFilesFromTheOpenDialogsAreNamed() {
        QFETCH(QString, name);
        QFETCH(QByteArray, bytes);
        QFETCH(QString, how);
        QTemporaryDir folder;
        const QString bad = folder.filePath(name);
        if (how == QLatin1String("folder dialog")) {
            QVERIFY(QDir().mkpath(bad));
            QFile notDicom(bad + QStringLiteral("/notes.txt"));
            QVERIFY(notDicom.open(QIODevice::WriteOnly) && notDicom.write("not an image") > 0);
        } else {
            QFile file(bad);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(bytes);
        }
        vitask::ui::MainWindow window(QString{});
        window.show();
        QSignalSpy failed(&window, &vitask::ui::MainWindow::studyFailed);
        if (how == QLatin1String("dropped")) {
            QMimeData mime;
            mime.setUrls({QUrl::fromLocalFile(bad)});
            // As a drag from a file manager arrives: enter (accepted for local files), then drop.
            QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
            QApplication::sendEvent(&window, &enter);
            QVERIFY(enter.isAccepted());
            QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
            QApplication::sendEvent(&window, &drop);
        } else {
            answerFileDialogWith(bad);
            auto* action = window.findChild<QAction*>(
                how == QLatin1String("file dialog") ? QStringLiteral("actionOpenFile") : QStringLiteral("actionOpenFolder"));
            QVERIFY(action);
            action->trigger();  // the dialog runs modally until answerFileDialogWith accepts it
        }
        QVERIFY(failed.wait(30000));
        QVERIFY2(window.bannerText().contains(name), qPrintable(window.bannerText()));
        QVERIFY2(!window.bannerText().contains(QStringLiteral("std::")), qPrintable(window.bannerText()));
        QVERIFY(window.isVisible());

        // The window carries on: a good file from the same dialog opens and replaces the banner.
        QSignalSpy shown(&window, &vitask::ui::MainWindow::seriesShown);
        answerFileDialogWith(kPydicom + QStringLiteral("CT_small.dcm"));
        window.findChild<QAction*>(QStringLiteral("actionOpenFile"))->trigger();
        QVERIFY(shown.wait(30000));
        QVERIFY(window.viewer()->hasImage());
        QVERIFY2(window.bannerText().isEmpty(), qPrintable(window.bannerText()));
    }

    // The AI panel asks about the slice the viewer shows; without a study it says so.
    void theModelIsAskedAboutTheSliceShown() {
        if (!QFile::exists(kPydicom + QStringLiteral("CT_small.dcm"))) QFAIL("python3-pydicom's test files are missing: install python3-pydicom (scripts/install-deps.sh installs it)");
        vitask::ui::MainWindow window(QString{});
        window.show();
        auto* ai = window.aiPanel();
        QSignalSpy ready(ai, &vitask::ui::AiPanel::modelReady);
        ai->loadModel(qEnvironmentVariable("VITASK_SHARED_DIR") + QStringLiteral("/fixtures/tiny-llava"));
        QVERIFY(ready.wait(30000));
        ai->ask();
        QVERIFY(ai->errorText().contains(QStringLiteral("Open a study")));

        QSignalSpy shown(&window, &vitask::ui::MainWindow::seriesShown);
        window.openPath(kPydicom + QStringLiteral("CT_small.dcm"));
        QVERIFY(shown.wait(30000));
        QSignalSpy finished(ai, &vitask::ui::AiPanel::answerFinished);
        ai->setQuestion(QStringLiteral("Describe the image."));
        ai->ask();
        QVERIFY(finished.wait(30000));
        QVERIFY(ai->errorText().isEmpty());
        QVERIFY(!ai->lastResult()->generatedIds.empty());
    }

    // The German translation is embedded and used for a German locale. Last: it stays
    // installed for the rest of the process.
    // A damaged review database is named on the banner and left as it was.
    void damagedReviewDatabaseIsReportedAndKept() {
        QTemporaryDir data;
        qputenv("VITASK_DATA_DIR", data.path().toUtf8());
        const QString file = data.filePath(QStringLiteral("reviews.sqlite"));
        QByteArray garbage(4096, '\x5a');
        {
            QFile out(file);
            QVERIFY(out.open(QIODevice::WriteOnly));
            out.write(garbage);
        }
        vitask::ui::MainWindow window(QString{});
        QVERIFY(window.worklists()->store() == nullptr);
        QVERIFY2(window.bannerText().contains(file) && window.bannerText().contains(QStringLiteral("not an SQLite")),
                 qPrintable(window.bannerText()));
        QFile in(file);
        QVERIFY(in.open(QIODevice::ReadOnly));
        QCOMPARE(in.readAll(), garbage);
        qunsetenv("VITASK_DATA_DIR");
    }

    void translatesToGerman() {
        QVERIFY(!vitask::ui::installTranslations(*QCoreApplication::instance(), QLocale(QLocale::English)));
        QVERIFY(vitask::ui::installTranslations(*QCoreApplication::instance(), QLocale(QLocale::German, QLocale::Germany)));
        vitask::ui::MainWindow window(QString{});
        QStringList menus;
        for (QAction* action : window.menuBar()->actions()) menus << action->text();
        QCOMPARE(menus, (QStringList{QStringLiteral("&Datei"), QStringLiteral("&Ansicht"), QStringLiteral("&Modell"),
                                     QStringLiteral("Arbeits&liste"), QStringLiteral("&Forschung"), QStringLiteral("&Hilfe")}));
        QVERIFY(window.startPage()->systemSummary().startsWith(QStringLiteral("LibTorch ")));
    }

    // After German (translators are global, so this comes last): the settings' "zh_CN", as
    // main() makes it a locale, replaces the German translators instead of falling back to them.
    void translatesToChinese() {
        QVERIFY(vitask::ui::installTranslations(*QCoreApplication::instance(), QLocale(QStringLiteral("zh_CN"))));
        {
            vitask::ui::MainWindow window(QString{});
            QStringList menus;
            for (QAction* action : window.menuBar()->actions()) menus << action->text();
            QCOMPARE(menus, (QStringList{QStringLiteral("文件(&F)"), QStringLiteral("视图(&V)"), QStringLiteral("模型(&M)"),
                                         QStringLiteral("工作列表(&W)"), QStringLiteral("研究(&R)"),
                                         QStringLiteral("帮助(&H)")}));
            QVERIFY(window.startPage()->systemSummary().startsWith(QStringLiteral("LibTorch ")));
        }
        QCOMPARE(QCoreApplication::translate("vitask::ui::SliceViewer", "Reset window\tR"), QStringLiteral("重置窗宽/窗位\tR"));
        QCOMPARE(QCoreApplication::translate("vitask::ui::StartPage", "CPU, %n thread(s)", nullptr, 4),
                 QStringLiteral("CPU，4 个线程"));

        // English removes every translator installed before (German's included).
        QVERIFY(!vitask::ui::installTranslations(*QCoreApplication::instance(), QLocale(QLocale::English)));
        QCOMPARE(QCoreApplication::translate("vitask::ui::MainWindow", "&File"), QStringLiteral("&File"));
        QVERIFY(vitask::ui::installTranslations(*QCoreApplication::instance(), QLocale(QLocale::Chinese, QLocale::China)));
        QCOMPARE(QCoreApplication::translate("vitask::ui::MainWindow", "&File"), QStringLiteral("文件(&F)"));
    }

    // The settings' language applies at once: a window switched to a language shows what a
    // window opened in it shows, on every page, menu and panel, and English comes back.
    void switchesLanguageWithoutRestart() {
        using vitask::ui::test::shownTexts;
        // A new window lists the TSMs in the background (for the AI panel and the Plug-ins
        // page) and its engine says what it runs on: compared once all three are in.
        const auto listed = [](vitask::ui::MainWindow& window) {
            QSignalSpy tsms(window.engine(), &vitask::ui::EngineBridge::tsmsListed);
            QSignalSpy system(window.engine(), &vitask::ui::EngineBridge::systemInfoReady);
            return QTest::qWaitFor([&] { return tsms.count() >= 2 && system.count() >= 1; }, 30000);
        };
        vitask::ui::test::switchLanguage(QStringLiteral("en"));
        vitask::ui::MainWindow window(QString{});
        window.show();
        QVERIFY(listed(window));
        const QStringList english = shownTexts(window);
        QVERIFY(vitask::ui::test::switchesLikeAFreshStart([&] { return shownTexts(window); }, [&] {
            vitask::ui::MainWindow fresh(QString{});
            fresh.show();
            return listed(fresh) ? shownTexts(fresh) : QStringList{};
        }));

        // Chosen in the settings dialog, German applies when it is accepted, and is kept.
        QTimer::singleShot(0, [] {
            auto* dialog = qobject_cast<QDialog*>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            for (auto* combo : dialog->findChildren<QComboBox*>())
                if (combo->findData(QStringLiteral("de")) >= 0) combo->setCurrentIndex(combo->findData(QStringLiteral("de")));
            QMetaObject::invokeMethod(dialog, "accept");  // the Open button
        });
        window.showSettings();
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LanguageChange);
        QCOMPARE(window.menuBar()->actions().front()->text(), QStringLiteral("&Datei"));
        QCOMPARE(vitask::ui::StudioSettings::language(), QStringLiteral("de"));
        vitask::ui::test::switchLanguage(QStringLiteral("en"));
        QCOMPARE(shownTexts(window), english);
    }

private:
    const QString kPydicom = QStringLiteral("/usr/lib/python3/dist-packages/pydicom/data/test_files/");
    QTemporaryDir configDir_;
};

QTEST_MAIN(TestMainWindow)
#include "test_main_window.moc"

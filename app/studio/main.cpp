// vitask-studio: the desktop application.

#include "vitask/common/logging.h"
#include "vitask/runtime/system_info.h"
#include "vitask/ui/log_panel.h"
#include "vitask/ui/main_window.h"
#include "vitask/ui/translations.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QTimer>

#include <iostream>

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("vitask-studio"));
    QApplication::setApplicationDisplayName(QStringLiteral("VITask Studio"));
    QApplication::setApplicationVersion(QString::fromStdString(vitask::runtime::systemInfo().version));

    vitask::ui::installTranslations(app, QLocale());

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("VITask Studio"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption screenshot(
        QStringLiteral("screenshot"),
        QStringLiteral("Save a PNG of the main window to <file> once it is shown, then quit."),
        QStringLiteral("file"));
    parser.addOption(screenshot);
    parser.process(app);

    vitask::runtime::setCpuThreads(0);
    vitask::LogOptions log;
    log.programName = "vitask-studio";
    const auto logFile = vitask::initLogging(log);

    vitask::ui::MainWindow window(QString::fromStdString(logFile.string()));
    window.show();
    spdlog::info("VITask Studio {} started", vitask::runtime::systemInfo().version);

    if (parser.isSet(screenshot)) {
        const QString path = parser.value(screenshot);
        // Let the window manager map the window and the log panel drain once.
        QTimer::singleShot(1000, &window, [&window, path] {
            window.logPanel()->drain();
            const bool saved = window.grab().save(path, "PNG");
            if (!saved) std::cerr << "error: cannot write the screenshot " << path.toStdString() << "\n";
            QApplication::exit(saved ? 0 : 1);
        });
    }
    return QApplication::exec();
}

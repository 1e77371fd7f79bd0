// vitask-studio: the desktop application.

#include "studio_script.h"
#include "vitask/common/logging.h"
#include "vitask/runtime/system_info.h"
#include "vitask/ui/log_panel.h"
#include "vitask/ui/main_window.h"
#include "vitask/ui/settings/studio_settings.h"
#include "vitask/ui/translations.h"

#include <QApplication>
#include <QCommandLineParser>

#include <iostream>

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("vitask-studio"));
    QApplication::setApplicationDisplayName(QStringLiteral("VITask Studio"));
    QApplication::setApplicationVersion(QString::fromStdString(vitask::runtime::systemInfo().version));

    const QString language = vitask::ui::StudioSettings::language();
    vitask::ui::installTranslations(app, language.isEmpty() ? QLocale() : QLocale(language));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "VITask Studio: look at a study, ask a VITask model about it, compare with the TSM.\n"
        "The options drive it without clicks (tests, screenshots): with --screenshot or --json\n"
        "it quits once the requested work has finished, with status 1 if a step failed."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption open(QStringLiteral("open"), QStringLiteral("Open a file, folder or DICOMDIR."), QStringLiteral("path"));
    const QCommandLineOption model(QStringLiteral("model"), QStringLiteral("Load a model folder (a run's final/ or a LLaVA folder)."),
                                   QStringLiteral("dir"));
    const QCommandLineOption tsm(QStringLiteral("tsm"), QStringLiteral("Load a TSM (registry name or manifest)."), QStringLiteral("name"));
    const QCommandLineOption question(QStringLiteral("question"),
                                      QStringLiteral("Ask this about the slice shown once the study and model are loaded."),
                                      QStringLiteral("text"));
    const QCommandLineOption panel(QStringLiteral("panel"), QStringLiteral("Raise a panel: studies, ai, tags or log."),
                                   QStringLiteral("name"));
    const QCommandLineOption screenshot(QStringLiteral("screenshot"),
                                        QStringLiteral("Save a PNG of the main window once the work is done, then quit."),
                                        QStringLiteral("file"));
    const QCommandLineOption json(QStringLiteral("json"),
                                  QStringLiteral("Write what the AI panel shows as JSON once the work is done, then quit."),
                                  QStringLiteral("file"));
    parser.addOptions({open, model, tsm, question, panel, screenshot, json});
    parser.process(app);

    vitask::runtime::setCpuThreads(0);
    vitask::LogOptions log;
    log.programName = "vitask-studio";
    const auto logFile = vitask::initLogging(log);

    vitask::ui::MainWindow window(QString::fromStdString(logFile.string()));
    window.show();
    spdlog::info("VITask Studio {} started", vitask::runtime::systemInfo().version);

    vitask::studio::StudioScript script(window, {parser.value(open), parser.value(model), parser.value(tsm),
                                                 parser.value(question), parser.value(panel), parser.value(screenshot),
                                                 parser.value(json)});
    if (!script.start()) return 2;
    return QApplication::exec();
}

// vitask-studio: the desktop application.

#include "studio_script.h"
#include "vitask/common/logging.h"
#include "vitask/common/version.h"
#include "vitask/ui/log_panel.h"
#include "vitask/ui/main_window.h"
#include "vitask/ui/settings/studio_settings.h"
#include "vitask/ui/settings/translations.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QPointer>

#include <iostream>

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("vitask-studio"));
    QApplication::setApplicationDisplayName(QStringLiteral("VITask Studio"));
    QApplication::setApplicationVersion(QString::fromStdString(vitask::buildInfo().version));

    vitask::ui::applyLanguage(vitask::ui::StudioSettings::language());

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
    const QCommandLineOption worklist(QStringLiteral("worklist"),
                                      QStringLiteral("Make a worklist of a folder, DICOMDIR, .npz or .csv with the loaded "
                                                     "model and open it once its answers are in."),
                                      QStringLiteral("source"));
    const QCommandLineOption reviewer(QStringLiteral("reviewer"), QStringLiteral("The reviewer's name for --worklist."),
                                      QStringLiteral("name"));
    const QCommandLineOption blinded(QStringLiteral("blinded"), QStringLiteral("Make the --worklist a blinded reader study."));
    const QCommandLineOption accept(QStringLiteral("accept"),
                                    QStringLiteral("Accept the AI's answer of the first N cases of the --worklist (a demo)."),
                                    QStringLiteral("N"));
    const QCommandLineOption exportTo(QStringLiteral("export"),
                                      QStringLiteral("Export the --worklist (PDF, HTML, JSON, DICOM SR, de-identified) to a folder."),
                                      QStringLiteral("folder"));
    const QCommandLineOption demo(QStringLiteral("demo"),
                                  QStringLiteral("Open the built-in demo: a synthetic chest X-ray, asked with the demo's "
                                                 "VITask model beside its TSM (the first start does this too)."));
    parser.addOptions({open, model, tsm, question, panel, screenshot, json, worklist, reviewer, blinded, accept, exportTo, demo});
    parser.process(app);

    vitask::LogOptions log;
    log.programName = "vitask-studio";
    const auto logFile = vitask::initLogging(log);

    vitask::ui::MainWindow window(QString::fromStdString(logFile.string()));
    window.show();
    spdlog::info("VITask Studio {} started", vitask::buildInfo().version);

    vitask::studio::ScriptOptions options;
    options.open = parser.value(open);
    options.model = parser.value(model);
    options.tsm = parser.value(tsm);
    options.question = parser.value(question);
    options.panel = parser.value(panel);
    options.screenshot = parser.value(screenshot);
    options.json = parser.value(json);
    options.worklist = parser.value(worklist);
    options.reviewer = parser.value(reviewer);
    options.blinded = parser.isSet(blinded);
    options.exportTo = parser.value(exportTo);
    bool acceptIsNumber = true;
    options.accept = parser.isSet(accept) ? parser.value(accept).toInt(&acceptIsNumber) : 0;
    if (!acceptIsNumber || options.accept < 0) {
        std::cerr << "error: --accept takes a number of cases\n";
        return 2;
    }
    // The first start of an interactive studio shows what it does: the demo (once).
    const bool firstStart = options.empty() && !vitask::ui::StudioSettings::demoShown();
    if (parser.isSet(demo) || firstStart) {
        QString why;
        if (vitask::studio::applyDemo(options, &why)) {
            vitask::ui::StudioSettings::setDemoShown(true);
        } else if (parser.isSet(demo)) {
            std::cerr << "error: --demo: " << why.toStdString() << "\n";
            return 2;
        } else {
            spdlog::warn("no demo on the first start: {}", why.toStdString());
        }
    }
    // The start page's and the Help menu's "Open the Demo".
    QPointer<vitask::studio::StudioScript> demoScript;
    QObject::connect(&window, &vitask::ui::MainWindow::demoRequested, &window, [&window, &demoScript] {
        vitask::studio::ScriptOptions demoOptions;
        QString why;
        if (!vitask::studio::applyDemo(demoOptions, &why)) return window.showDemoUnavailable(why);
        delete demoScript;  // a second click starts over
        demoScript = new vitask::studio::StudioScript(window, demoOptions, &window);
        demoScript->start();
    });
    vitask::studio::StudioScript script(window, options);
    if (!script.start()) return 2;
    return QApplication::exec();
}

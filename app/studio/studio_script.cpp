#include "studio_script.h"

#include "vitask/common/atomic_file.h"
#include "vitask/common/error.h"
#include "vitask/service/demo.h"
#include "vitask/ui/ai_panel/ai_panel.h"
#include "vitask/ui/ai_panel/ask_result_json.h"
#include "vitask/ui/log_panel.h"
#include "vitask/ui/main_window.h"
#include "vitask/ui/review_panel/export_dialog.h"
#include "vitask/ui/review_panel/new_worklist_dialog.h"
#include "vitask/ui/review_panel/review_panel.h"
#include "vitask/ui/settings/studio_settings.h"
#include "vitask/ui/worklist_controller.h"

#include <QApplication>
#include <QJsonDocument>
#include <QTimer>

#include <iostream>

namespace vitask::studio {

QStringList demoCandidates() {
    QStringList candidates;
    if (qEnvironmentVariableIsSet("VITASK_DEMO_DIR")) candidates << qEnvironmentVariable("VITASK_DEMO_DIR");
    candidates << QCoreApplication::applicationDirPath() + QStringLiteral("/../share/vitask/demo");
    candidates << QStringLiteral(VITASK_SOURCE_DEMO_DIR);
    return candidates;
}

bool applyDemo(ScriptOptions& options, QString* error) {
    std::vector<std::filesystem::path> paths;
    for (const QString& candidate : demoCandidates()) paths.emplace_back(candidate.toStdString());
    const auto folder = service::findDemoFolder(paths);
    if (!folder) {
        *error = QStringLiteral("the built-in demo is not installed (looked in %1)").arg(demoCandidates().join(QStringLiteral(", ")));
        return false;
    }
    try {
        const service::Demo demo = service::readDemo(*folder);
        const auto text = [](const std::filesystem::path& path) { return QString::fromStdString(path.string()); };
        // The folder of all its studies, so the browser lists every modality; the chest
        // radiographs (the first study, asked about) sort first.
        if (options.open.isEmpty()) options.open = text(demo.firstStudy().folder.parent_path());
        if (options.model.isEmpty()) options.model = text(demo.model);
        if (options.tsm.isEmpty()) options.tsm = text(demo.tsm);
        if (options.question.isEmpty()) options.question = QString::fromStdString(demo.firstStudy().question);
    } catch (const Error& e) {
        *error = QString::fromUtf8(e.what());
        return false;
    }
    return true;
}

StudioScript::StudioScript(ui::MainWindow& window, ScriptOptions options, QObject* parent)
    : QObject(parent), window_(window), options_(std::move(options)) {}

bool StudioScript::start() {
    if (!options_.panel.isEmpty() && !window_.showPanel(options_.panel)) {
        std::cerr << "error: --panel " << options_.panel.toStdString() << ": no such panel (use studies, ai, tags or log)\n";
        return false;
    }
    if ((!options_.question.isEmpty() || !options_.worklist.isEmpty()) && options_.model.isEmpty()) {
        std::cerr << "error: --question and --worklist need --model (the model to ask)\n";
        return false;
    }
    if ((options_.accept > 0 || !options_.exportTo.isEmpty()) && options_.worklist.isEmpty()) {
        std::cerr << "error: --accept and --export need --worklist\n";
        return false;
    }
    auto* ai = window_.aiPanel();
    if (!options_.open.isEmpty()) {
        pending_ << QStringLiteral("open");
        connect(&window_, &ui::MainWindow::seriesShown, this, [this] { stepDone(QStringLiteral("open")); });
        connect(&window_, &ui::MainWindow::studyFailed, this,
                [this](const QString& message) { stepFailed(QStringLiteral("open"), message); });
    }
    if (!options_.model.isEmpty()) {
        pending_ << QStringLiteral("model");
        connect(ai, &ui::AiPanel::modelReady, this, [this] { stepDone(QStringLiteral("model")); });
        connect(ai, &ui::AiPanel::modelFailed, this,
                [this](const QString& message) { stepFailed(QStringLiteral("model"), message); });
    }
    if (!options_.tsm.isEmpty()) {
        pending_ << QStringLiteral("tsm");
        connect(ai, &ui::AiPanel::tsmReady, this, [this] { stepDone(QStringLiteral("tsm")); });
        connect(ai, &ui::AiPanel::tsmFailed, this,
                [this](const QString& message) { stepFailed(QStringLiteral("tsm"), message); });
    }
    connect(ai, &ui::AiPanel::failed, this, [this](const QString& message) {
        if (asked_) stepFailed(QStringLiteral("ask"), message);  // the answer's own failure
    });
    connect(ai, &ui::AiPanel::answerFinished, this, [this] { finish(); });

    if (!options_.open.isEmpty()) window_.openPath(options_.open);
    if (!options_.model.isEmpty()) ai->loadModel(options_.model);
    if (!options_.tsm.isEmpty()) ai->loadTsm(options_.tsm);
    if (pending_.isEmpty()) QTimer::singleShot(0, this, [this] { ask(); });
    return true;
}

void StudioScript::stepDone(const QString& step) {
    if (!pending_.removeOne(step)) return;
    if (pending_.isEmpty()) ask();
}

void StudioScript::stepFailed(const QString& step, const QString& message) {
    std::cerr << "error: " << step.toStdString() << ": " << message.toStdString() << "\n";
    failed_ = true;
    pending_.removeOne(step);
    if (asked_) {
        finish();
    } else if (pending_.isEmpty()) {
        ask();
    }
}

void StudioScript::ask() {
    if (asked_) return;
    asked_ = true;
    if (!options_.worklist.isEmpty()) {
        if (failed_) return finish();
        startWorklist();
        return;
    }
    if (options_.question.isEmpty() || failed_) {
        finish();
        return;
    }
    window_.aiPanel()->setQuestion(options_.question);
    window_.aiPanel()->ask();
    if (!window_.aiPanel()->asking()) finish();  // refused at once (its message is shown)
}

void StudioScript::startWorklist() {
    ui::WorklistController* worklists = window_.worklists();
    ui::ReviewStore* store = worklists->store();
    if (!store) return stepFailed(QStringLiteral("worklist"), window_.bannerText());
    if (!options_.reviewer.isEmpty()) ui::StudioSettings::setReviewer(options_.reviewer);
    auto* dialog = new ui::NewWorklistDialog(*store, window_.engine(), &window_);
    dialog->setSource(options_.worklist);
    dialog->setBlinded(options_.blinded);
    dialog->setQuestion(options_.question);  // a task's template also chooses that task
    dialog->setReviewer(ui::StudioSettings::reviewer());
    connect(dialog, &ui::NewWorklistDialog::created, this, [this, dialog, worklists](qint64 id) {
        dialog->deleteLater();
        if (!worklists->openWorklist(id)) return stepFailed(QStringLiteral("worklist"), window_.bannerText());
        ui::WorklistSession* session = worklists->panel()->session();
        if (!session->answering()) return reviewAndExport();
        connect(session, &ui::WorklistSession::answeringFinished, this, [this] { reviewAndExport(); });
    });
    connect(dialog, &ui::NewWorklistDialog::failed, this,
            [this](const QString& message) { stepFailed(QStringLiteral("worklist"), message); });
    dialog->create();
}

void StudioScript::reviewAndExport() {
    ui::ReviewPanel* panel = window_.worklists()->panel();
    for (int i = 0; i < options_.accept && panel->session(); ++i) panel->acceptAndNext();
    if (options_.exportTo.isEmpty()) return finish();
    auto* dialog = new ui::ExportDialog(*panel->session(), &window_);
    ui::ExportOptions o = dialog->options();
    o.folder = options_.exportTo;
    o.pdf = o.json = o.html = o.dicom = o.reviewsCsv = true;
    dialog->setOptions(o);
    connect(dialog, &ui::ExportDialog::finished, this, [this, dialog](bool ok) {
        for (const QString& file : dialog->result().files) std::cout << "wrote " << file.toStdString() << "\n";
        for (const QString& problem : dialog->result().problems) std::cerr << "warning: " << problem.toStdString() << "\n";
        if (!ok) failed_ = true;
        dialog->deleteLater();
        finish();
    });
    dialog->startExport();
}

void StudioScript::finish() {
    if (finished_ || !options_.quitWhenDone()) return;
    finished_ = true;
    int status = failed_ ? 1 : 0;
    if (!options_.json.isEmpty()) {
        QJsonObject json;
        const auto* ai = window_.aiPanel();
        if (ai->lastResult() && ai->model()) json = ui::askResultJson(*ai->lastResult(), *ai->model());
        if (!ai->errorText().isEmpty()) json[QStringLiteral("error")] = ai->errorText();
        if (!window_.bannerText().isEmpty()) json[QStringLiteral("study_error")] = window_.bannerText();
        try {
            writeTextFileAtomically(options_.json.toStdString(), QJsonDocument(json).toJson().toStdString());
        } catch (const std::exception& e) {
            std::cerr << "error: " << e.what() << "\n";
            status = 1;
        }
    }
    if (!options_.screenshot.isEmpty()) {
        window_.logPanel()->drain();
        QApplication::processEvents();  // paint what the last signals changed
        if (!window_.grab().save(options_.screenshot, "PNG")) {
            std::cerr << "error: cannot write the screenshot " << options_.screenshot.toStdString() << "\n";
            status = 1;
        }
    }
    QTimer::singleShot(0, qApp, [status] { QApplication::exit(status); });
}

}  // namespace vitask::studio

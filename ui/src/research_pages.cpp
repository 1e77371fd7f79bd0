#include "vitask/ui/research_pages.h"

#include "vitask/ui/ai_panel/ai_panel.h"
#include "vitask/ui/compare_panel/compare_panel.h"
#include "vitask/ui/compare_panel/robustness_panel.h"
#include "vitask/ui/mode_bar.h"
#include "vitask/ui/plugins_panel/plugins_panel.h"
#include "vitask/ui/runs_panel/runs_panel.h"
#include "vitask/ui/runs_panel/vitask_cli.h"
#include "vitask/ui/tuning_wizard/tuning_wizard.h"

#include <QAction>
#include <QMenu>
#include <QProcess>

namespace vitask::ui {

ResearchPages::ResearchPages(QWidget* window, ModeBar* modes, QMenu* menu, EngineBridge* engine, AiPanel* ai)
    : QObject(window),
      window_(window),
      modes_(modes),
      ai_(ai),
      runs_(new RunsPanel(window)),
      compare_(new ComparePanel(engine, window)),
      robustness_(new RobustnessPanel(engine, window)),
      plugins_(new PluginsPanel(engine, window)) {
    const struct {
        QString name, title, tip;
        QWidget* page;
    } pages[] = {
        {QStringLiteral("runs"), tr("Runs"), tr("Training runs: launch, follow, cancel, resume, compare"), runs_},
        {QStringLiteral("compare"), tr("Compare"), tr("The model against its TSM on a dataset split"), compare_},
        {QStringLiteral("robustness"), tr("Robustness"), tr("Macro-F1 under incomplete or altered instructions"),
         robustness_},
        {QStringLiteral("plugins"), tr("Plug-ins"), tr("The TSMs the registry finds; add an ONNX TSM"), plugins_},
    };
    menu->addAction(tr("&New Tuning Run…"), this, &ResearchPages::newTuningRun)
        ->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T));
    menu->addSeparator();
    for (const auto& page : pages) {
        QAction* mode = modes_->addPage(page.name, page.title, page.page, page.tip);
        menu->addAction(mode);
    }
    connect(runs_, &RunsPanel::openModelRequested, this, [this](const QString& folder) {
        ai_->loadModel(folder);
        modes_->show(QStringLiteral("viewer"));
        Q_EMIT status(tr("Loading %1 in the AI panel").arg(folder));
    });
}

void ResearchPages::newTuningRun() {
    auto* wizard = new TuningWizard(window_);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    connect(wizard, &TuningWizard::launchRequested, this, &ResearchPages::launch);
    wizard->show();
}

void ResearchPages::launch(const QString& configPath, const QString& runFolder, const QStringList& tsmTrainArgs) {
    if (tsmTrainArgs.isEmpty()) {
        if (runs_->launch(configPath, runFolder)) modes_->show(QStringLiteral("runs"));
        return;
    }
    if (tsmTraining_) {
        Q_EMIT failed(tr("A TSM is being trained for another run; launch this one when it has finished."));
        return;
    }
    // The TSM first, as its own child process (its output goes to the run's folder's side),
    // then the run that needs it.
    tsmTraining_ = new QProcess(this);
    tsmTraining_->setProcessChannelMode(QProcess::MergedChannels);
    tsmTraining_->setStandardOutputFile(runFolder + QStringLiteral("-tsm-train.log"));
    connect(tsmTraining_, &QProcess::finished, this,
            [this, configPath, runFolder](int code, QProcess::ExitStatus exit) {
                tsmTraining_->deleteLater();
                tsmTraining_ = nullptr;
                if (exit != QProcess::NormalExit || code != 0) {
                    Q_EMIT failed(tr("Training the TSM failed (exit %1); its output is in %2. The run was not started.")
                                      .arg(code)
                                      .arg(runFolder + QStringLiteral("-tsm-train.log")));
                    return;
                }
                plugins_->refresh();
                if (runs_->launch(configPath, runFolder)) modes_->show(QStringLiteral("runs"));
            });
    connect(tsmTraining_, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error != QProcess::FailedToStart) return;
        Q_EMIT failed(tr("Cannot start %1 to train the TSM: %2").arg(vitaskCliPath(), tsmTraining_->errorString()));
        tsmTraining_->deleteLater();
        tsmTraining_ = nullptr;
    });
    tsmTraining_->start(vitaskCliPath(), tsmTrainArgs);
    Q_EMIT status(tr("Training the TSM first (vitask %1)…").arg(tsmTrainArgs.join(QLatin1Char(' '))));
}

}  // namespace vitask::ui

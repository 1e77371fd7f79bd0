#include "vitask/ui/research_pages.h"

#include "vitask/ui/ai_panel/ai_panel.h"
#include "vitask/ui/compare_panel/compare_panel.h"
#include "vitask/ui/compare_panel/robustness_panel.h"
#include "vitask/ui/mode_bar.h"
#include "vitask/ui/plugins_panel/plugins_panel.h"
#include "vitask/ui/runs_panel/runs_panel.h"
#include "vitask/ui/tuning_wizard/tuning_wizard.h"

#include <QAction>
#include <QMenu>

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
    newRun_ = menu->addAction(QString(), this, &ResearchPages::newTuningRun);
    newRun_->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T));
    menu->addSeparator();
    for (const auto& [name, page] : {std::pair<QString, QWidget*>{QStringLiteral("runs"), runs_},
                                     {QStringLiteral("compare"), compare_},
                                     {QStringLiteral("robustness"), robustness_},
                                     {QStringLiteral("plugins"), plugins_}})
        menu->addAction(modes_->addPage(name, page));
    retranslate();
    connect(runs_, &RunsPanel::openModelRequested, this, [this](const QString& folder) {
        ai_->loadModel(folder);
        modes_->show(QStringLiteral("viewer"));
        Q_EMIT status(tr("Loading %1 in the AI panel").arg(folder));
    });
}

void ResearchPages::retranslate() {
    newRun_->setText(tr("&New Tuning Run…"));
    modes_->setTexts(QStringLiteral("runs"), tr("Runs"), tr("Training runs: launch, follow, cancel, resume, compare"));
    modes_->setTexts(QStringLiteral("compare"), tr("Compare"), tr("The model against its TSM on a dataset split"));
    modes_->setTexts(QStringLiteral("robustness"), tr("Robustness"), tr("Macro-F1 under incomplete or altered instructions"));
    modes_->setTexts(QStringLiteral("plugins"), tr("Plug-ins"), tr("The TSMs the registry finds; add an ONNX TSM"));
}

void ResearchPages::newTuningRun() {
    auto* wizard = new TuningWizard(window_);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    // Modal to the window: the settings (and their language) do not change under it.
    wizard->setWindowModality(Qt::WindowModal);
    connect(wizard, &TuningWizard::launchRequested, this, &ResearchPages::launch);
    wizard->show();
}

void ResearchPages::launch(const QString& configPath, const QString& runFolder, const QStringList& tsmTrainArgs) {
    // The runs page trains the TSM (when asked) and then runs the trainer in one detached
    // process, so neither step dies with the studio.
    if (runs_->launch(configPath, runFolder, tsmTrainArgs)) modes_->show(QStringLiteral("runs"));
}

}  // namespace vitask::ui

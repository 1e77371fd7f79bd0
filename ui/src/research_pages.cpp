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
    // The runs page trains the TSM (when asked) and then runs the trainer in one detached
    // process, so neither step dies with the studio.
    if (runs_->launch(configPath, runFolder, tsmTrainArgs)) modes_->show(QStringLiteral("runs"));
}

}  // namespace vitask::ui

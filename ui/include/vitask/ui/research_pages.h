#pragma once
// The researcher's pages of the main window and their Research menu: training runs,
// the model against its TSM on a dataset, robustness to instruction variants, and the
// TSM plug-ins; the tuning wizard that launches a run (after training its TSM when the
// wizard asks for one). Owned by the main window; the pages join its mode bar.

#include <QObject>
#include <QStringList>

class QAction;
class QMenu;
class QWidget;

namespace vitask::ui {

class AiPanel;
class ComparePanel;
class EngineBridge;
class ModeBar;
class PluginsPanel;
class RobustnessPanel;
class RunsPanel;

class ResearchPages : public QObject {
    Q_OBJECT
public:
    ResearchPages(QWidget* window, ModeBar* modes, QMenu* menu, EngineBridge* engine, AiPanel* ai);

    RunsPanel* runs() const { return runs_; }
    ComparePanel* compare() const { return compare_; }
    RobustnessPanel* robustness() const { return robustness_; }
    PluginsPanel* plugins() const { return plugins_; }

    // The menu's and the mode buttons' texts in the current language (the window calls it
    // on a language change).
    void retranslate();

public Q_SLOTS:
    void newTuningRun();
    // What the wizard's Launch asks: the run on the runs page, after `vitask tsm train ARGS`
    // when `tsmTrainArgs` is not empty (the run needs that TSM).
    void launch(const QString& configPath, const QString& runFolder, const QStringList& tsmTrainArgs);

Q_SIGNALS:
    void status(const QString& message);

private:
    QWidget* window_;
    ModeBar* modes_;
    AiPanel* ai_;
    QAction* newRun_;
    RunsPanel* runs_;
    ComparePanel* compare_;
    RobustnessPanel* robustness_;
    PluginsPanel* plugins_;
};

}  // namespace vitask::ui

#pragma once
// The Robustness panel: how one or several models cope with altered instructions (the
// paper's robustness grid, `vitask eval --variant all`): each model folder is loaded in
// turn through the EngineBridge and evaluated on a dataset split with every chosen
// instruction variant, and a text of the user's own; the macro-F1 of the VLM without and
// with the exemplar, and of the TSM, per variant and model, in a table and a grouped bar
// chart. The model loaded before the run is loaded again after it.

#include "vitask/service/dataset_evaluation.h"

#include <QString>
#include <QStringList>
#include <QWidget>

#include <functional>
#include <optional>
#include <vector>

QT_BEGIN_NAMESPACE
class QChartView;
class QGroupBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QTableWidget;
QT_END_NAMESPACE

namespace vitask::ui {

class EngineBridge;
class EvaluationForm;
class RunProgress;

class RobustnessPanel : public QWidget {
    Q_OBJECT
public:
    enum System { Vlm, VlmWithExemplar, Tsm, SystemCount };

    explicit RobustnessPanel(EngineBridge* engine, QWidget* parent = nullptr);
    ~RobustnessPanel() override;

    void setModels(const QStringList& folders);
    QStringList models() const;
    void setDataset(const QString& path);
    void setSplit(const QString& split);
    void setMaxSamples(int samples);  // 0: all
    // The variants asked (names of service::instructionVariantNames(); all by default).
    void setVariants(const std::vector<std::string>& variants);
    // A free-text instruction asked beside them; empty: none.
    void setCustomInstruction(const QString& text);

    bool running() const { return running_; }
    // The grid's rows: the instructions of the last run, in order.
    const std::vector<service::InstructionChoice>& instructions() const { return instructions_; }
    // Per model of the last run (in order), its evaluation, or none when it failed.
    const std::vector<std::optional<service::DatasetEvaluation>>& results() const { return results_; }
    // The macro-F1 in the grid; nullopt for an empty cell.
    std::optional<double> macroF1(int instruction, int model, System system) const;

public Q_SLOTS:
    void run();
    void cancel();
    void addModelInteractively();

Q_SIGNALS:
    void runFinished(bool cancelled);

protected:
    void changeEvent(QEvent* event) override;

private:
    // A text that depends on state, kept as how to make it (TextSource in the sources), so
    // that a language switched at run time makes it again.
    using Text = std::function<QString()>;

    void buildLayout();
    void connectEngine();
    void retranslateUi();
    void startModel();
    void evaluateModel();
    void modelDone(std::optional<service::DatasetEvaluation> result, const Text& error);
    void finishRun();
    void buildGrid();
    void fillGrid(int model);
    void updateChart();
    void showError(Text message);
    service::DatasetEvaluationRequest request() const;

    EngineBridge* engine_;
    QGroupBox* modelsBox_ = nullptr;
    QGroupBox* datasetBox_ = nullptr;
    QGroupBox* variantsBox_ = nullptr;
    QListWidget* modelList_ = nullptr;
    QPushButton* addModel_ = nullptr;
    QPushButton* removeModel_ = nullptr;
    EvaluationForm* form_ = nullptr;
    QListWidget* variants_ = nullptr;
    QLineEdit* custom_ = nullptr;
    QPushButton* runButton_ = nullptr;
    QPushButton* cancelButton_ = nullptr;
    RunProgress* progress_ = nullptr;
    QLabel* error_ = nullptr;
    Text errorText_;
    QTableWidget* grid_ = nullptr;
    QChartView* chart_ = nullptr;

    // The run: its models, instructions and results so far.
    bool running_ = false;
    bool cancelled_ = false;
    bool waitingForModel_ = false;
    QStringList runModels_;
    QStringList modelNames_;
    std::vector<service::InstructionChoice> instructions_;
    std::vector<std::optional<service::DatasetEvaluation>> results_;
    int current_ = 0;
    int evaluation_ = 0;
    QString restoreModel_;  // the folder loaded before the run
};

}  // namespace vitask::ui

#pragma once
// The Compare panel: the loaded model (without and with the TSM's exemplar) and the loaded
// TSM over a dataset split, in the engine's background (EngineBridge::evaluateDataset):
// a per-sample table (truth, VLM, VLM + EP, TSM, agreement; sortable, filtered to the
// disagreements on demand, exported as CSV), the figures side by side (accuracy,
// macro-F1, macro AUC, as `vitask eval` and `vitask tsm eval` give them) and a confusion
// matrix per system. A row shows its sample with the TSM's saliency in a small viewer.

#include "vitask/service/dataset_evaluation.h"

#include <QString>
#include <QWidget>

#include <functional>
#include <optional>

class QCheckBox;
class QComboBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace vitask::ui {

class AgreementBadge;
class ConfusionMatrixView;
class DisagreementFilter;
class EngineBridge;
class EvaluationForm;
class MetricsTable;
class RunProgress;
class SampleTableModel;
class SliceViewer;

class ComparePanel : public QWidget {
    Q_OBJECT
public:
    explicit ComparePanel(EngineBridge* engine, QWidget* parent = nullptr);
    ~ComparePanel() override;

    // The choices a run uses (the main window may preset them; tests drive them).
    void setDataset(const QString& path);
    void setSplit(const QString& split);
    void setMaxSamples(int samples);  // 0: all
    void setGenerate(bool generate);  // generation instead of label-set scoring
    // A variant name of service::instructionVariantNames(), or kCustomInstruction with `text`.
    void setInstruction(const std::string& variant, const QString& text = {});

    bool running() const { return evaluation_ != 0; }
    // The last evaluation that finished (also a cancelled one), if any.
    const std::optional<service::DatasetEvaluation>& result() const { return result_; }
    // The rows the table shows, in its order (filter and sorting applied).
    std::vector<const service::SampleRow*> shownRows() const;
    bool onlyDisagreements() const;
    // Writes the rows shown as CSV (atomically); false with the reason in `error`.
    bool exportCsv(const QString& path, QString* error = nullptr) const;
    // The sample shown in the small viewer, once read.
    const std::optional<service::DatasetSample>& sample() const { return sample_; }
    // Shows an evaluation as if this panel had just run it: its rows, figures and notes
    // (one run before, e.g. by a panel built in another language).
    void showResult(const service::DatasetEvaluation& result);

public Q_SLOTS:
    void run();
    void cancel();
    void setOnlyDisagreements(bool only);
    // Asks where to save, then exports.
    void exportCsvInteractively();
    // Shows the table's row `row` (as shown) and emits sampleActivated.
    void activateRow(int row);
    // Emits openInViewerRequested with the sample shown, once it is read (Open in Viewer,
    // Ctrl+Shift+V, a double-click on a row).
    void openSampleInViewer();

Q_SIGNALS:
    // A row was chosen: the main window opens this sample in its viewer and asks the AI
    // panel about it. `split` and `index` are as in service::WorklistCase (a .npz file is
    // read with loadCaseImage; sampleReady() brings the image as the evaluation read it,
    // which for a CSV manifest is the resized one).
    void sampleActivated(const QString& datasetPath, const QString& split, qint64 index);
    // The activated sample's image, task (ask about it with this), truth and TSM saliency.
    void sampleReady(const vitask::service::DatasetSample& sample);
    // Open in Viewer: the main window shows the sample in its viewer with the TSM's
    // heatmap, and sets the AI panel's question to the sample's task.
    void openInViewerRequested(const vitask::service::DatasetSample& sample);
    void evaluationFinished(const vitask::service::DatasetEvaluation& result);
    void evaluationFailed(const QString& message);

protected:
    void changeEvent(QEvent* event) override;

private:
    // Texts that depend on state are kept as how to make them (TextSource in the
    // sources), so that a language switched at run time makes them again.
    using Text = std::function<QString()>;

    void buildLayout();
    void connectEngine();
    void retranslateUi();
    void setRunning(bool running);
    void showSample(const service::DatasetSample& sample);
    QString sampleText() const;
    void showCaption(Text caption);
    void showError(Text message);
    void showNotes();
    void updateCounts();
    void updateSystemColumns(bool withExemplar, bool withTsm);
    void describeEngine();
    service::DatasetEvaluationRequest request() const;

    EngineBridge* engine_;
    QGroupBox* setupBox_ = nullptr;
    QGroupBox* sampleBox_ = nullptr;
    QGroupBox* metricsBox_ = nullptr;
    QGroupBox* confusionBox_ = nullptr;
    EvaluationForm* form_ = nullptr;
    QLabel* instructionLabel_ = nullptr;
    QLabel* modelsLabel_ = nullptr;
    QComboBox* instruction_ = nullptr;
    QLineEdit* customInstruction_ = nullptr;
    QPushButton* runButton_ = nullptr;
    QPushButton* cancelButton_ = nullptr;
    RunProgress* progress_ = nullptr;
    QLabel* engineLine_ = nullptr;
    QLabel* error_ = nullptr;
    Text errorText_;

    SampleTableModel* rows_ = nullptr;
    DisagreementFilter* filter_ = nullptr;
    QTableView* table_ = nullptr;
    QCheckBox* onlyDisagreements_ = nullptr;
    QLabel* counts_ = nullptr;
    QPushButton* exportButton_ = nullptr;
    QPushButton* openButton_ = nullptr;

    SliceViewer* viewer_ = nullptr;
    QLabel* sampleCaption_ = nullptr;
    Text captionText_;
    AgreementBadge* badge_ = nullptr;

    MetricsTable* metrics_ = nullptr;
    ConfusionMatrixView* confusionVlm_ = nullptr;
    ConfusionMatrixView* confusionEp_ = nullptr;
    ConfusionMatrixView* confusionTsm_ = nullptr;
    QLabel* notes_ = nullptr;

    int evaluation_ = 0;     // the running evaluation's id; 0: none
    int sampleRequest_ = 0;  // the sample being read
    std::optional<service::DatasetEvaluation> result_;
    std::optional<service::DatasetSample> sample_;
    // Of the running evaluation (the form may change while it runs).
    QString runDataset_, runSplit_;
};

}  // namespace vitask::ui

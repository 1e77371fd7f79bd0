#pragma once
// The AI panel: pick a model and an optional TSM, ask a question about the image in the
// viewer (a template of the model's task or free text), watch the answer stream in, and
// compare the VLM's label probabilities (without and with the exemplar) with the TSM's,
// under an agreement badge. All engine work goes through the EngineBridge; the panel
// never waits for it.

#include "vitask/service/ask.h"
#include "vitask/service/model_image.h"

#include <QWidget>

#include <functional>
#include <map>
#include <optional>
#include <vector>

class QCheckBox;
class QComboBox;
class QGroupBox;
class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QSlider;
class QTextEdit;

namespace vitask::ui {

class AgreementBadge;
class EngineBridge;
class ProbabilityTable;

class AiPanel : public QWidget {
    Q_OBJECT
public:
    // The image to ask about (the viewer's slice), or nullopt with the reason in `why`.
    using ImageProvider = std::function<std::optional<service::ModelImage>(QString* why)>;

    AiPanel(EngineBridge* engine, QWidget* parent = nullptr);

    void setImageProvider(ImageProvider provider) { imageProvider_ = std::move(provider); }

    // What the panel shows (tests, --json, the main window).
    bool hasModel() const { return model_.has_value(); }
    const std::optional<service::ModelInfo>& model() const { return model_; }
    const std::optional<service::AskResult>& lastResult() const { return result_; }
    QString answerText() const;
    QString errorText() const;
    bool asking() const { return currentAsk_ != 0; }
    ProbabilityTable* probabilityTable() const { return table_; }
    AgreementBadge* agreementBadge() const { return badge_; }

public Q_SLOTS:
    void loadModel(const QString& folder);
    void chooseModelFolder();
    // A registry name or manifest; empty unloads the TSM.
    void loadTsm(const QString& nameOrPath);
    void refreshTsms();
    // The question to ask; a template of one of the model's tasks also chooses that task.
    void setQuestion(const QString& question);
    void ask();
    void cancel();
    void showError(const QString& message);

Q_SIGNALS:
    void modelReady(const vitask::service::ModelInfo& model);
    void tsmReady(const vitask::service::TsmEntry& tsm);
    void answerFinished(const vitask::service::AskResult& result);
    // A model, TSM or answer failed; the message is on the panel too. Model and TSM
    // failures also come as their own signal, after this one.
    void failed(const QString& message);
    void modelFailed(const QString& message);
    void tsmFailed(const QString& message);
    // The saliency of the last answer (nullopt: none) and how to show it on the viewer.
    void saliencyChanged(const std::optional<vitask::service::SaliencyMap>& saliency);
    void heatmapVisibleChanged(bool visible);
    void heatmapOpacityChanged(double opacity);

protected:
    void changeEvent(QEvent* event) override;

private:
    // A text made from the panel's state in the current language.
    using Text = std::function<QString()>;

    void buildLayout();
    void retranslateUi();
    void connectEngine();
    // Shows `text` on `label` and again, in the new language, after a language change.
    void setLabelText(QLabel* label, Text text);
    void reportError(Text message);
    void showTsms(const std::vector<service::TsmEntry>& tsms);
    void showModel(const service::ModelInfo& model);
    void showLoadedTsm();  // selects tsm_ in the list
    void fillTemplates();
    void setAsking(bool asking);
    void clearAnswer();

    EngineBridge* engine_;
    ImageProvider imageProvider_;
    std::optional<service::ModelInfo> model_;
    std::optional<service::TsmEntry> tsm_;
    std::optional<service::AskResult> result_;
    std::vector<service::TsmEntry> tsms_;  // as listed in tsmCombo_, after "(none)"
    int currentAsk_ = 0;  // the answer shown; 0 when none is running
    std::map<QLabel*, Text> labelTexts_;

    QGroupBox* modelBox_;
    QGroupBox* questionBox_;
    QGroupBox* answerBox_;
    QGroupBox* saliencyBox_;
    QLabel* tsmLabel_;
    QLabel* taskLabel_;
    QLabel* templateLabel_;
    QComboBox* modelCombo_;
    QPushButton* modelButton_;
    QLabel* modelStatus_;
    QComboBox* tsmCombo_;
    QLabel* tsmStatus_;
    QComboBox* taskCombo_;
    QComboBox* templateCombo_;
    QPlainTextEdit* question_;
    QCheckBox* withExemplar_;
    QPushButton* askButton_;
    QPushButton* cancelButton_;
    QProgressBar* progress_;
    QTextEdit* answer_;
    QLabel* answerStatus_;
    AgreementBadge* badge_;
    ProbabilityTable* table_;
    QCheckBox* heatmapVisible_;
    QSlider* heatmapOpacity_;
    QLabel* saliencyStatus_;
    QLabel* error_;
};

}  // namespace vitask::ui

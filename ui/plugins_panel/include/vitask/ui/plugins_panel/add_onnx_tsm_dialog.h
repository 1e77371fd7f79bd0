#pragma once
// "Add ONNX TSM": a form for an .onnx classifier that writes its manifest (docs/formats.md,
// "TSM manifests"; core/tsm's writer, atomically) into the user's TSM folder, then checks
// it at once: the engine lists the TSMs again, which loads the new one and runs a probe
// batch on its worker thread. A TSM that fails the check is not kept: the manifest is
// deleted and the error stays on the form to fix. The .onnx file is referred to where it
// is, never copied or moved.

#include "vitask/service/ask.h"
#include "vitask/ui/plugins_panel/input_normalization.h"

#include <QDialog>
#include <QStringList>

#include <vector>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QSpinBox;

namespace vitask::ui {

class EngineBridge;

class AddOnnxTsmDialog : public QDialog {
    Q_OBJECT
public:
    // `taken`: the TSMs listed now; the new one may not share a name with any of them.
    AddOnnxTsmDialog(EngineBridge* engine, std::vector<service::TsmEntry> taken, QWidget* parent = nullptr);

    // Also proposes the name (the file's stem) while none is given.
    void setOnnxFile(const QString& path);
    void setName(const QString& name);
    void setVersion(const QString& version);
    void setDescription(const QString& description);
    void setInputName(const QString& name);
    void setInputSize(int height, int width);
    // 1 or 3; a preset's values follow the channel count.
    void setChannels(int channels);
    void setNormalization(NormalizationPreset preset);
    // Comma-separated values; the preset shown becomes the one they are, else "custom".
    void setMeanStd(const QString& mean, const QString& std);
    void setLabels(const QStringList& labels);
    // One label per line (blank lines and "#" comments skipped), or a JSON array of
    // strings (.json). False, with the error on the form, when the file cannot be read.
    bool loadLabels(const QString& file);
    void setOutputs(const QString& logits, const QString& features);
    void setMultiLabel(bool multiLabel);

    QStringList labels() const;
    // Where the manifest goes: <user TSM folder>/<name>.tsm.json.
    QString manifestPath() const;
    // The error shown on the form; empty when there is none.
    QString errorText() const;
    bool checking() const { return !checking_.isEmpty(); }

public Q_SLOTS:
    // The Add button: checks the form, writes the manifest and has the engine load it.
    void submit();
    void chooseOnnxFile();
    void chooseLabelFile();
    // Ignored while checking: the check decides whether the manifest stays.
    void reject() override;

Q_SIGNALS:
    // The manifest was written and the TSM loaded (the dialog then closes).
    void added(const vitask::service::TsmEntry& tsm);
    // The form was refused or the check failed; the message is on the form too.
    void failed(const QString& message);

private:
    void buildLayout();
    QWidget* buildModelBox();
    QWidget* buildInputBox();
    QWidget* buildLabelsBox();
    QWidget* buildOutputsBox();
    void applyPreset();
    void updateLabelCount();
    void updateDestination();
    // The form's problem, or empty when it may be written.
    QString formProblem() const;
    void listed(const std::vector<service::TsmEntry>& tsms);
    void showError(const QString& message);
    void setChecking(const QString& manifest);

    EngineBridge* engine_;
    std::vector<service::TsmEntry> taken_;
    QString checking_;  // the manifest being checked; empty when none
    bool nameEdited_ = false;

    QLineEdit* onnx_;
    QLineEdit* name_;
    QLineEdit* version_;
    QLineEdit* description_;
    QLineEdit* inputName_;
    QSpinBox* height_;
    QSpinBox* width_;
    QComboBox* channels_;
    QComboBox* preset_;
    QLineEdit* mean_;
    QLineEdit* std_;
    QPlainTextEdit* labels_;
    QLabel* labelCount_;
    QCheckBox* multiLabel_;
    QLineEdit* logits_;
    QLineEdit* features_;
    QLabel* destination_;
    QLabel* error_;
    QProgressBar* progress_;
    QDialogButtonBox* buttons_;
};

}  // namespace vitask::ui

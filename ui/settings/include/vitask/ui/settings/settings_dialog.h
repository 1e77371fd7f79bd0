#pragma once
// Preferences (Ctrl+,): compute device, CPU threads, default folders, answer length and
// language. Accepting writes StudioSettings; the main window then applies what changed.

#include <QDialog>

class QComboBox;
class QLineEdit;
class QSpinBox;

namespace vitask::ui {

class SettingsDialog : public QDialog {
    Q_OBJECT
public:
    explicit SettingsDialog(QWidget* parent = nullptr);

    void accept() override;

private:
    QLineEdit* folderField(const QString& value, const QString& title);

    QComboBox* device_;
    QSpinBox* threads_;
    QSpinBox* maxTokens_;
    QLineEdit* studyFolder_;
    QLineEdit* modelFolder_;
    QComboBox* language_;
};

}  // namespace vitask::ui

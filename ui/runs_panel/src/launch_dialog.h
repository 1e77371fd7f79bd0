#pragma once
// "New run…": a run configuration (YAML, as `vitask train` takes it) and the folder the
// run is written to (by default runs/<configuration name> beside the configuration).

#include <QDialog>

class QLineEdit;
class QLabel;

namespace vitask::ui {

class LaunchDialog : public QDialog {
    Q_OBJECT
public:
    explicit LaunchDialog(const QString& startFolder, QWidget* parent = nullptr);
    QString configFile() const;
    QString runFolder() const;

private:
    void chooseConfig();
    void chooseFolder();
    void suggestFolder();
    void validate();

    QLineEdit* config_;
    QLineEdit* folder_;
    QLabel* problem_;
    QString startFolder_;
    bool folderEdited_ = false;
};

}  // namespace vitask::ui

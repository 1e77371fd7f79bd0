#pragma once
// The review page: the YAML the fields make, editable (and checked again on every edit),
// Save to write it anywhere, and the run folder Launch trains into.

#include "wizard_page.h"

class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace vitask::ui {

class ReviewPage : public WizardPage {
    Q_OBJECT
public:
    explicit ReviewPage(QWidget* parent = nullptr);

    void fill(RunDraft&) const override {}  // this page edits the text itself
    // The fields' YAML. The editor takes it unless the user edited the text and the
    // fields still make the same YAML (going back to look changes nothing).
    void setGeneratedYaml(const QString& yaml);
    QString yaml() const;
    QString runFolder() const;
    void setRunFolder(const QString& folder);
    // The default run name (the folder under the runs folder) until the user picks one.
    void suggestRunName(const QString& name);
    void setLaunchNote(const QString& note);

Q_SIGNALS:
    void saveRequested();

protected:
    bool ready() const override;

private:
    QString folderProblem() const;
    void updateFolderState();

    QPlainTextEdit* editor_;
    QLineEdit* runFolder_;
    QLabel* folderStatus_;
    QLabel* launchNote_;
    QString generated_;
    bool folderChosen_ = false;
};

}  // namespace vitask::ui

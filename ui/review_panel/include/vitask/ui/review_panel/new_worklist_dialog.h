#pragma once
// Make a worklist: a study folder, DICOMDIR, MedMNIST .npz or CSV manifest, answered by
// the model (and TSM) the engine has loaded, with a question, an optional blinded reader
// study, and the reviewer's name. The source is listed on a background thread (progress,
// cancel); the dialog then stores the worklist and its cases.

#include "vitask/service/worklist.h"
#include "vitask/ui/review_store/review_types.h"

#include <QDialog>

#include <atomic>
#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;

namespace vitask::ui {

class EngineBridge;
class ReviewStore;

class NewWorklistDialog : public QDialog {
    Q_OBJECT
public:
    NewWorklistDialog(ReviewStore& store, EngineBridge* engine, QWidget* parent = nullptr);
    ~NewWorklistDialog() override;

    void setSource(const QString& path);
    void setBlinded(bool blinded);
    // Empty: the task's complete instruction.
    void setQuestion(const QString& question);
    void setReviewer(const QString& name);
    QString reviewer() const;
    // The worklist made (valid after `created`).
    const Worklist& worklist() const { return worklist_; }
    QString errorText() const;

public Q_SLOTS:
    // Lists the source and creates the worklist (the Create button).
    void create();

Q_SIGNALS:
    void created(qint64 worklistId);
    // Creating failed (the message is on the dialog too).
    void failed(const QString& message);

private:
    void listed(const service::WorklistSource& source);
    void showError(const QString& message);
    void setBusy(bool busy);

    ReviewStore& store_;
    EngineBridge* engine_;
    QLineEdit* source_;
    QComboBox* split_;
    QLineEdit* name_;
    QComboBox* task_;
    QComboBox* question_;
    QCheckBox* blinded_;
    QLineEdit* reviewer_;
    QLabel* modelNote_;
    QLabel* error_;
    QProgressBar* progress_;
    QPushButton* createButton_;
    std::shared_ptr<std::atomic<bool>> cancel_;
    bool busy_ = false;
    Worklist worklist_;
};

}  // namespace vitask::ui

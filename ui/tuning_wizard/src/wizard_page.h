#pragma once
// WizardPage: a page of the tuning wizard whose fields are judged by `vitask train`'s
// parser. The wizard checks the whole YAML after every edit and hands each page the
// parser's problem: a page shows it beside the field it names, and a problem of this
// page's keys, or an earlier page's, keeps Next (or Launch) disabled.

#include <QRegularExpression>
#include <QWizardPage>

class QLabel;

namespace vitask::ui {

struct RunDraft;

// The wizard's pages in order; a config key belongs to the page that edits it.
enum class WizardStep { Dataset, BaseModel, Method, Hyperparameters, Review };
WizardStep stepOfField(const QString& field);

class WizardPage : public QWizardPage {
    Q_OBJECT
public:
    WizardPage(WizardStep step, QWidget* parent = nullptr);

    // This page's part of the run configuration.
    virtual void fill(RunDraft& draft) const = 0;
    // The parser's problem with the whole YAML (empty text: none).
    void showProblem(const QString& field, const QString& text);
    bool isComplete() const override;

Q_SIGNALS:
    void edited();  // a field changed: the wizard checks the YAML again

protected:
    // Page-specific readiness besides the parser (a dataset still loading, a folder missing).
    virtual bool ready() const { return true; }
    // A red label that shows the parser's message for keys matching `key` (the key
    // itself, or under it: "training" watches "training.batch_size"); the first
    // registered match wins, so register specific keys first.
    QLabel* watch(const QString& key, QWidget* parent);
    QLabel* watchPattern(const QRegularExpression& pattern, QWidget* parent);
    // Where problems of this page's keys that no field watches appear.
    QLabel* generalProblemLabel() const { return general_; }
    void notifyEdited();

private:
    WizardStep step_;
    QString blocking_;
    QLabel* general_;
    QList<QPair<QRegularExpression, QLabel*>> watched_;
};

// A red, wrapping, selectable label for a problem; hidden while empty.
QLabel* makeProblemLabel(QWidget* parent);
void setProblemText(QLabel* label, const QString& text);

}  // namespace vitask::ui

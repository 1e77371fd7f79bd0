#pragma once
// The review panel: a worklist's cases one at a time — the image with the saliency
// heatmap, the VLM's answers without and with the exemplar, the TSM's prediction, and the
// reviewer's decision — keyboard-driven (A accept and next, C correct, R reject, 1-5
// confidence, Ctrl+Enter save and next, Page Down / Page Up next and previous case). In
// blinded mode the reviewer records an unaided read before the AI is shown. The AI's
// answers are computed in the background while the reviewer works; the panel never
// waits for the engine or the disk beyond one SQLite commit per saved review.

#include "vitask/ui/review_panel/worklist_session.h"

#include <QWidget>

#include <functional>
#include <memory>
#include <optional>

class QGroupBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QSplitter;
class QTableWidget;
class QTextEdit;
class QToolButton;
class QCheckBox;

namespace vitask::imaging {
struct Volume;
}

namespace vitask::ui {

class AgreementBadge;
class CaseImageLoader;
class DecisionForm;
class ProbabilityTable;
class SliceViewer;

class ReviewPanel : public QWidget {
    Q_OBJECT
public:
    explicit ReviewPanel(QWidget* parent = nullptr);
    ~ReviewPanel() override;

    // Shows `session` (the panel takes it over), at its first unreviewed case; starts
    // answering its cases in the background when `answer` is true.
    void setSession(std::unique_ptr<WorklistSession> session, bool answer = true);
    WorklistSession* session() const { return session_.get(); }
    void closeSession();

    int currentCase() const { return current_; }
    // Whether the AI is hidden because the unaided read comes first.
    bool aiHidden() const;
    SliceViewer* viewer() const { return viewer_; }
    DecisionForm* decisionForm() const { return form_; }
    ProbabilityTable* probabilityTable() const { return table_; }
    QTableWidget* caseList() const { return list_; }
    QString answerText() const;
    QString statusText() const;

public Q_SLOTS:
    void showCase(int position);
    void nextCase();
    void previousCase();
    // Saves what the form holds (the unaided read first in blinded mode) and moves on.
    void saveAndNext();
    // Accepts the AI's answer of the current case (key A) and moves on; refused while the
    // AI is hidden or has not answered.
    void acceptAndNext();
    void showSummary();

Q_SIGNALS:
    void caseShown(int position);
    // The case's image is on screen (after showCase: at once when it was cached).
    void imageShown(int position);
    void reviewSaved(int position);
    void exportRequested();
    void closeRequested();
    // A message for the user (a refused save, an image that cannot be read).
    void failed(const QString& message);

protected:
    void changeEvent(QEvent* event) override;

private:
    void buildLayout();
    void retranslateUi();
    void fillCaseList();
    void updateCaseRow(int position);
    void showAnswer();
    void showImage(int position, std::shared_ptr<const imaging::Volume> volume);
    void applyHeatmap();
    void updateProgress(int answered, int total, double secondsLeft);
    void showPosition();
    void showAnsweringState();
    void showEta();
    // `text` makes the status line from the panel's state, again after a language change.
    void setStatus(std::function<QString()> text);

    std::unique_ptr<WorklistSession> session_;
    CaseImageLoader* loader_;
    class ActiveTime* clock_;
    int current_ = -1;
    int imageShownFor_ = -1;
    // Blinded mode: the unaided read of the current case once recorded (in the database
    // from then on; the review takes it over when the decision is saved).
    std::optional<Read> unaided_;
    std::function<QString()> statusText_;
    double secondsLeft_ = -1;        // of answering, as last estimated; -1: none to show
    bool answeringStopped_ = false;  // the user stopped the answering

    QLabel* title_;
    QLabel* position_;
    QToolButton* previous_;
    QToolButton* next_;
    QProgressBar* progress_;
    QLabel* eta_;
    QPushButton* answerButton_;
    QPushButton* summaryButton_;
    QPushButton* exportButton_;
    QPushButton* closeButton_;
    QLabel* blindedBadge_;
    QTableWidget* list_;
    SliceViewer* viewer_;
    QLabel* caseTitle_;
    QGroupBox* aiBox_;
    QLabel* aiHiddenNote_;
    QLabel* answerLabel_;
    QTextEdit* answer_;
    QLabel* answerWithExemplarLabel_;
    QTextEdit* answerWithExemplar_;
    AgreementBadge* badge_;
    ProbabilityTable* table_;
    QCheckBox* heatmap_;
    DecisionForm* form_;
    QLabel* status_;
};

}  // namespace vitask::ui

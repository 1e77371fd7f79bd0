#pragma once
// The reviewer's side of a case: the decision (accept, correct, reject), the right label
// or finding, a reason code, free text and a confidence — or, in a blinded reader study
// before the AI is shown, the reviewer's own unaided read (label, finding, confidence).
// Keys (while no text field has the focus): A accept, C correct, R reject, 1-5
// confidence; Ctrl+Enter saves. The panel owns moving between cases.

#include "vitask/ui/review_store/review_types.h"

#include <QWidget>

#include <optional>

class QButtonGroup;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace vitask::ui {

class DecisionForm : public QWidget {
    Q_OBJECT
public:
    enum class Mode { Unaided, Decision };
    explicit DecisionForm(QWidget* parent = nullptr);

    // The labels offered (the task's); the form keeps the current choice if it is one.
    void setLabels(const QStringList& labels);
    void setMode(Mode mode);
    Mode mode() const { return mode_; }
    // Fills the form from a saved review (or empties it).
    void showReview(const std::optional<Review>& review);
    void showUnaidedRead(const std::optional<Read>& read);
    void clear();

    std::optional<Decision> decision() const;
    void setDecision(Decision decision);
    Reason reason() const;
    void setReason(Reason reason);
    QString label() const;
    void setLabel(const QString& label);
    QString finding() const;
    QString text() const;
    int confidence() const;          // 0: none
    void setConfidence(int confidence);
    // What is missing before the form can be saved, in words; empty when complete.
    QString missing() const;

Q_SIGNALS:
    // The reviewer asked to save (the button or Ctrl+Enter) or pressed A (accept and go on).
    void saveRequested();
    void acceptRequested();
    void changed();

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void showModeTexts();
    void updateEnabled();

    Mode mode_ = Mode::Decision;
    QLabel* title_;
    QWidget* decisionRow_;
    QButtonGroup* decisions_;
    QLabel* labelLabel_;
    QComboBox* label_;
    QLabel* findingLabel_;
    QLineEdit* finding_;
    QLabel* reasonLabel_;
    QComboBox* reason_;
    QLabel* textLabel_;
    QPlainTextEdit* text_;
    QLabel* confidenceLabel_;
    QButtonGroup* confidence_;
    QLabel* missing_;
    QPushButton* save_;
};

}  // namespace vitask::ui

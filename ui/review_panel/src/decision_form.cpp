#include "decision_form.h"

#include <QAbstractButton>
#include <QButtonGroup>
#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QVBoxLayout>

namespace vitask::ui {
namespace {

struct ReasonText {
    Reason reason;
    const char* text;
};

const ReasonText kReasons[] = {
    {Reason::None, QT_TRANSLATE_NOOP("vitask::ui::DecisionForm", "(choose a reason)")},
    {Reason::FalseFinding, QT_TRANSLATE_NOOP("vitask::ui::DecisionForm", "False finding")},
    {Reason::MissedFinding, QT_TRANSLATE_NOOP("vitask::ui::DecisionForm", "Missed finding")},
    {Reason::WrongLabel, QT_TRANSLATE_NOOP("vitask::ui::DecisionForm", "Wrong label")},
    {Reason::PoorImageQuality, QT_TRANSLATE_NOOP("vitask::ui::DecisionForm", "Poor image quality")},
    {Reason::NotAssessable, QT_TRANSLATE_NOOP("vitask::ui::DecisionForm", "Not assessable")},
    {Reason::Other, QT_TRANSLATE_NOOP("vitask::ui::DecisionForm", "Other")},
};

const struct {
    Decision decision;
    const char* text;
    const char* key;
    const char* colour;
} kDecisions[] = {
    {Decision::Accept, QT_TRANSLATE_NOOP("vitask::ui::DecisionForm", "&Accept"), "A", "#2e7d32"},
    {Decision::Correct, QT_TRANSLATE_NOOP("vitask::ui::DecisionForm", "&Correct"), "C", "#ef6c00"},
    {Decision::Reject, QT_TRANSLATE_NOOP("vitask::ui::DecisionForm", "&Reject"), "R", "#c62828"},
};

// The confidence buttons 1 to 5, in words.
const char* const kConfidences[] = {
    QT_TRANSLATE_NOOP("vitask::ui::DecisionForm", "very unsure"),
    QT_TRANSLATE_NOOP("vitask::ui::DecisionForm", "unsure"),
    QT_TRANSLATE_NOOP("vitask::ui::DecisionForm", "moderately sure"),
    QT_TRANSLATE_NOOP("vitask::ui::DecisionForm", "sure"),
    QT_TRANSLATE_NOOP("vitask::ui::DecisionForm", "certain"),
};

}  // namespace

DecisionForm::DecisionForm(QWidget* parent) : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    title_ = new QLabel(this);
    title_->setStyleSheet(QStringLiteral("font-weight: bold;"));
    layout->addWidget(title_);

    decisionRow_ = new QWidget(this);
    auto* row = new QHBoxLayout(decisionRow_);
    row->setContentsMargins(0, 0, 0, 0);
    decisions_ = new QButtonGroup(this);
    for (const auto& b : kDecisions) {
        auto* button = new QPushButton(decisionRow_);
        button->setCheckable(true);
        button->setObjectName(QStringLiteral("decision_") + decisionName(b.decision));
        button->setStyleSheet(QStringLiteral("QPushButton:checked { background: %1; color: white; font-weight: bold; }")
                                  .arg(QLatin1String(b.colour)));
        decisions_->addButton(button, int(b.decision));
        row->addWidget(button);
    }
    layout->addWidget(decisionRow_);

    auto* form = new QFormLayout;
    label_ = new QComboBox(this);
    label_->setObjectName(QStringLiteral("label"));
    labelLabel_ = new QLabel(this);
    labelLabel_->setBuddy(label_);
    form->addRow(labelLabel_, label_);
    finding_ = new QLineEdit(this);
    finding_->setObjectName(QStringLiteral("finding"));
    findingLabel_ = new QLabel(this);
    findingLabel_->setBuddy(finding_);
    form->addRow(findingLabel_, finding_);
    reason_ = new QComboBox(this);
    reason_->setObjectName(QStringLiteral("reason"));
    for (const auto& r : kReasons) reason_->addItem(QString(), int(r.reason));
    reasonLabel_ = new QLabel(this);
    reasonLabel_->setBuddy(reason_);
    form->addRow(reasonLabel_, reason_);
    text_ = new QPlainTextEdit(this);
    text_->setObjectName(QStringLiteral("comment"));
    text_->setMaximumHeight(70);
    textLabel_ = new QLabel(this);
    textLabel_->setBuddy(text_);
    form->addRow(textLabel_, text_);

    auto* confidenceRow = new QHBoxLayout;
    confidence_ = new QButtonGroup(this);
    confidence_->setExclusive(false);  // a second click clears it
    for (int i = 1; i <= 5; ++i) {
        auto* button = new QPushButton(QString::number(i), this);
        button->setCheckable(true);
        button->setFixedWidth(32);
        confidence_->addButton(button, i);
        confidenceRow->addWidget(button);
    }
    confidenceRow->addStretch();
    confidenceLabel_ = new QLabel(this);
    form->addRow(confidenceLabel_, confidenceRow);
    layout->addLayout(form);

    missing_ = new QLabel(this);
    // What is still to do, not an error: quiet until a save is refused (the panel says so).
    missing_->setStyleSheet(QStringLiteral("color: #5d4037; font-style: italic;"));
    missing_->setWordWrap(true);
    layout->addWidget(missing_);
    save_ = new QPushButton(this);
    save_->setObjectName(QStringLiteral("save"));
    layout->addWidget(save_);

    connect(decisions_, &QButtonGroup::idClicked, this, [this](int id) {
        if (Decision(id) == Decision::Correct) label_->setFocus();
        if (Decision(id) == Decision::Reject) reason_->setFocus();
        updateEnabled();
        Q_EMIT changed();
    });
    connect(confidence_, &QButtonGroup::idClicked, this, [this](int id) {
        setConfidence(confidence_->button(id)->isChecked() ? id : 0);
        Q_EMIT changed();
    });
    for (auto* combo : {label_, reason_})
        connect(combo, qOverload<int>(&QComboBox::currentIndexChanged), this, [this] {
            updateEnabled();
            Q_EMIT changed();
        });
    connect(finding_, &QLineEdit::textChanged, this, [this] {
        updateEnabled();
        Q_EMIT changed();
    });
    connect(save_, &QPushButton::clicked, this, &DecisionForm::saveRequested);

    // Single keys: a text field takes its own letters first (Qt's shortcut override), so
    // these fire only while none has the focus.
    const auto shortcut = [this](const QKeySequence& key, auto&& action) {
        auto* s = new QShortcut(key, this, std::forward<decltype(action)>(action));
        s->setContext(Qt::WindowShortcut);
    };
    shortcut(QKeySequence(Qt::Key_A), [this] {
        if (mode_ != Mode::Decision) return;
        setDecision(Decision::Accept);
        Q_EMIT acceptRequested();
    });
    shortcut(QKeySequence(Qt::Key_C), [this] {
        if (mode_ != Mode::Decision) return;
        setDecision(Decision::Correct);
        label_->setFocus();
    });
    shortcut(QKeySequence(Qt::Key_R), [this] {
        if (mode_ != Mode::Decision) return;
        setDecision(Decision::Reject);
        reason_->setFocus();
    });
    for (int i = 1; i <= 5; ++i) shortcut(QKeySequence(Qt::Key_0 + i), [this, i] { setConfidence(i); });
    for (auto key : {Qt::CTRL | Qt::Key_Return, Qt::CTRL | Qt::Key_Enter})
        shortcut(QKeySequence(key), [this] { Q_EMIT saveRequested(); });

    setMode(Mode::Decision);
    retranslateUi();
}

void DecisionForm::retranslateUi() {
    for (const auto& b : kDecisions) {
        QAbstractButton* button = decisions_->button(int(b.decision));
        button->setText(tr(b.text));
        button->setToolTip(tr("Key: %1").arg(QLatin1String(b.key)));
    }
    labelLabel_->setText(tr("&Label:"));
    if (label_->count() > 0) label_->setItemText(0, tr("(no label)"));
    findingLabel_->setText(tr("&Finding:"));
    finding_->setPlaceholderText(tr("The finding in your words (optional)"));
    reasonLabel_->setText(tr("R&eason:"));
    for (int i = 0; i < reason_->count(); ++i) reason_->setItemText(i, tr(kReasons[i].text));
    textLabel_->setText(tr("Co&mment:"));
    text_->setPlaceholderText(tr("Comment (optional)"));
    confidenceLabel_->setText(tr("Confidence:"));
    for (int i = 1; i <= 5; ++i) confidence_->button(i)->setToolTip(tr("%1 — key %2").arg(tr(kConfidences[i - 1])).arg(i));
    save_->setToolTip(tr("Ctrl+Enter"));
    showModeTexts();
    missing_->setText(missing());
}

void DecisionForm::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslateUi();
    QWidget::changeEvent(event);
}

void DecisionForm::setLabels(const QStringList& labels) {
    const QString current = label();
    label_->blockSignals(true);
    label_->clear();
    label_->addItem(tr("(no label)"), QString());
    for (const QString& l : labels) label_->addItem(l, l);
    label_->blockSignals(false);
    setLabel(current);
}

void DecisionForm::setMode(Mode mode) {
    mode_ = mode;
    const bool unaided = mode == Mode::Unaided;
    decisionRow_->setVisible(!unaided);
    reasonLabel_->setVisible(!unaided);
    reason_->setVisible(!unaided);
    textLabel_->setVisible(!unaided);
    text_->setVisible(!unaided);
    showModeTexts();
    updateEnabled();
}

void DecisionForm::showModeTexts() {
    const bool unaided = mode_ == Mode::Unaided;
    title_->setText(unaided ? tr("Your read, before the AI is shown") : tr("Your decision on the AI's answer"));
    save_->setText(unaided ? tr("Record my read and show the AI") : tr("Save and next"));
}

void DecisionForm::clear() {
    decisions_->setExclusive(false);
    for (auto* b : decisions_->buttons()) b->setChecked(false);
    decisions_->setExclusive(true);
    label_->setCurrentIndex(0);
    finding_->clear();
    reason_->setCurrentIndex(0);
    text_->clear();
    setConfidence(0);
    updateEnabled();
}

void DecisionForm::showReview(const std::optional<Review>& review) {
    clear();
    if (!review) return;
    setDecision(review->decision);
    setReason(review->reason);
    setLabel(review->read.label);
    finding_->setText(review->read.finding);
    text_->setPlainText(review->text);
    setConfidence(review->read.confidence);
    updateEnabled();
}

void DecisionForm::showUnaidedRead(const std::optional<Read>& read) {
    clear();
    if (!read) return;
    setLabel(read->label);
    finding_->setText(read->finding);
    setConfidence(read->confidence);
}

std::optional<Decision> DecisionForm::decision() const {
    const int id = decisions_->checkedId();
    return id < 0 ? std::nullopt : std::optional<Decision>(Decision(id));
}

void DecisionForm::setDecision(Decision decision) {
    decisions_->button(int(decision))->setChecked(true);
    updateEnabled();
    Q_EMIT changed();
}

Reason DecisionForm::reason() const { return Reason(reason_->currentData().toInt()); }

void DecisionForm::setReason(Reason reason) { reason_->setCurrentIndex(std::max(0, reason_->findData(int(reason)))); }

QString DecisionForm::label() const { return label_->currentData().toString(); }

void DecisionForm::setLabel(const QString& label) {
    const int index = label_->findData(label);
    if (index >= 0) {
        label_->setCurrentIndex(index);
    } else if (!label.isEmpty()) {  // a label outside the task (an older review): keep it
        label_->addItem(label, label);
        label_->setCurrentIndex(label_->count() - 1);
    } else {
        label_->setCurrentIndex(0);
    }
}

QString DecisionForm::finding() const { return finding_->text().trimmed(); }
QString DecisionForm::text() const { return text_->toPlainText().trimmed(); }
int DecisionForm::confidence() const { return std::max(0, confidence_->checkedId()); }

void DecisionForm::setConfidence(int confidence) {
    for (auto* b : confidence_->buttons()) b->setChecked(confidence_->id(b) == confidence);
}

QString DecisionForm::missing() const {
    if (mode_ == Mode::Unaided)
        return label().isEmpty() && finding().isEmpty() ? tr("Choose a label or write your finding.") : QString();
    const auto d = decision();
    if (!d) return tr("Accept (A), correct (C) or reject (R) the AI's answer.");
    if (*d == Decision::Correct && label().isEmpty() && finding().isEmpty())
        return tr("Choose the right label or write the finding.");
    if (*d != Decision::Accept && reason() == Reason::None) return tr("Choose a reason.");
    return {};
}

void DecisionForm::updateEnabled() {
    const auto d = decision();
    const bool accepting = mode_ == Mode::Decision && d == Decision::Accept;
    label_->setEnabled(!accepting);
    finding_->setEnabled(!accepting);
    reason_->setEnabled(mode_ == Mode::Decision && d && *d != Decision::Accept);
    if (accepting) reason_->setCurrentIndex(0);
    missing_->setText(missing());
    save_->setEnabled(missing().isEmpty());
}

}  // namespace vitask::ui

#include "wizard_page.h"

#include "vitask/ui/widgets/message_label.h"

#include <QLabel>

namespace vitask::ui {

WizardStep stepOfField(const QString& field) {
    const QString top = field.section(QRegularExpression(QStringLiteral("[.\\[]")), 0, 0);
    if (top == QLatin1String("data")) return WizardStep::Dataset;
    if (top == QLatin1String("model")) return WizardStep::BaseModel;
    // A missing TSM is a problem of the method (exemplar prompting needs one; vanilla
    // tuning does not), so it blocks the method page, where the user can choose either.
    if (top == QLatin1String("tsm") || top == QLatin1String("preset") || top == QLatin1String("rda") ||
        top == QLatin1String("crt") || top == QLatin1String("lora") || top == QLatin1String("stages"))
        return WizardStep::Method;
    if (top == QLatin1String("seed") || top == QLatin1String("threads") || top == QLatin1String("max_train_samples") ||
        top == QLatin1String("prompts") || top == QLatin1String("training"))
        return WizardStep::Hyperparameters;
    return WizardStep::Review;  // the whole text, or a key only the YAML editor can write
}

QLabel* makeProblemLabel(QWidget* parent) {
    auto* label = new QLabel(parent);
    label->setObjectName(QStringLiteral("problemLabel"));
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setStyleSheet(QStringLiteral("QLabel { color: #b71c1c; }"));
    label->hide();
    return label;
}

void setProblemText(QLabel* label, const QString& text) {
    label->setText(text);
    label->setVisible(!text.isEmpty());
}

WizardPage::WizardPage(WizardStep step, QWidget* parent) : QWizardPage(parent), step_(step) {
    general_ = makeProblemLabel(this);
    general_->setObjectName(QStringLiteral("pageProblem"));
    general_->setStyleSheet(messageStyle(MessageKind::Error));
}

QLabel* WizardPage::watch(const QString& key, QWidget* parent) {
    return watchPattern(QRegularExpression(QStringLiteral("^") + QRegularExpression::escape(key) +
                                           QStringLiteral("([.\\[].*)?$")),
                        parent);
}

QLabel* WizardPage::watchPattern(const QRegularExpression& pattern, QWidget* parent) {
    auto* label = makeProblemLabel(parent);
    watched_.append({pattern, label});
    return label;
}

void WizardPage::showProblem(const QString& field, const QString& text) {
    for (const auto& [pattern, label] : watched_) setProblemText(label, {});
    setProblemText(general_, {});
    const bool blocks = !text.isEmpty() && stepOfField(field) <= step_;
    blocking_ = blocks ? text : QString();
    if (!text.isEmpty()) {
        bool shown = false;
        for (const auto& [pattern, label] : watched_) {
            if (!pattern.match(field).hasMatch()) continue;
            setProblemText(label, text);
            shown = true;
            break;
        }
        if (!shown && blocks) setProblemText(general_, text);
    }
    Q_EMIT completeChanged();
}

bool WizardPage::isComplete() const { return blocking_.isEmpty() && ready(); }

void WizardPage::notifyEdited() { Q_EMIT edited(); }

}  // namespace vitask::ui

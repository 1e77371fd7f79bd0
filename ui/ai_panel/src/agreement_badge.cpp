#include "vitask/ui/ai_panel/agreement_badge.h"

#include <QEvent>

namespace vitask::ui {

AgreementBadge::AgreementBadge(QWidget* parent) : QLabel(parent) {
    setObjectName(QStringLiteral("agreementBadge"));
    setAlignment(Qt::AlignCenter);
    setWordWrap(true);  // long label names must not be cut off in a narrow panel
    setToolTip(QString::fromStdString(service::agreementRule()));
    showAgreement(service::Agreement::Unknown, {}, {});
}

void AgreementBadge::showAgreement(service::Agreement agreement, const QString& vlmLabel, const QString& tsmLabel) {
    agreement_ = agreement;
    vlmLabel_ = vlmLabel;
    tsmLabel_ = tsmLabel;
    QString text, background;
    switch (agreement) {
    case service::Agreement::Agree:
        text = tr("Agree: %1").arg(vlmLabel);
        background = QStringLiteral("#2e7d32");
        break;
    case service::Agreement::Disagree:
        text = tr("Disagree: VLM %1, TSM %2").arg(vlmLabel, tsmLabel);
        background = QStringLiteral("#c62828");
        break;
    case service::Agreement::VlmUnsure:
        text = tr("VLM unsure (TSM: %1)").arg(tsmLabel);
        background = QStringLiteral("#ef6c00");
        break;
    case service::Agreement::Unknown:
        text = tr("No comparison");
        background = QStringLiteral("#757575");
        break;
    }
    setText(text);
    setStyleSheet(QStringLiteral("QLabel { color: white; background: %1; border-radius: 4px; padding: 3px 8px; "
                                 "font-weight: bold; }")
                      .arg(background));
}

void AgreementBadge::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) showAgreement(agreement_, vlmLabel_, tsmLabel_);
    QLabel::changeEvent(event);
}

}  // namespace vitask::ui

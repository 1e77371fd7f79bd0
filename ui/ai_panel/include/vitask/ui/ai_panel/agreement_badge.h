#pragma once
// Whether the VLM and the TSM agree, as a coloured badge; the rule in its tooltip.

#include "vitask/service/ask.h"

#include <QLabel>

namespace vitask::ui {

class AgreementBadge : public QLabel {
    Q_OBJECT
public:
    explicit AgreementBadge(QWidget* parent = nullptr);
    void showAgreement(service::Agreement agreement, const QString& vlmLabel, const QString& tsmLabel);
    service::Agreement agreement() const { return agreement_; }

protected:
    void changeEvent(QEvent* event) override;

private:
    service::Agreement agreement_ = service::Agreement::Unknown;
    // Kept to say the same in another language.
    QString vlmLabel_, tsmLabel_;
};

}  // namespace vitask::ui

#include "vitask/ui/widgets/message_label.h"

#include <QLabel>

namespace vitask::ui {

QString messageStyle(MessageKind kind) {
    return kind == MessageKind::Error
               ? QStringLiteral("QLabel { color: #b71c1c; background: #ffebee; border: 1px solid #e57373; "
                                "border-radius: 4px; padding: 6px; }")
               : QStringLiteral("QLabel { color: #1b5e20; background: #e8f5e9; border: 1px solid #81c784; "
                                "border-radius: 4px; padding: 6px; }");
}

QLabel* messageLabel(MessageKind kind, const QString& objectName, QWidget* parent) {
    auto* label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setStyleSheet(messageStyle(kind));
    label->hide();
    return label;
}

}  // namespace vitask::ui

#pragma once
// The banner a panel shows over its content: an error (red) or a success (green) message,
// word-wrapped and selectable so it can be copied, hidden until a message is set.

#include <QString>

class QLabel;
class QWidget;

namespace vitask::ui {

enum class MessageKind { Error, Success };

// The banner's style sheet (for a label made elsewhere, e.g. a wizard's problem label).
QString messageStyle(MessageKind kind);

// A hidden banner named `objectName` (tests find it by that name).
QLabel* messageLabel(MessageKind kind, const QString& objectName, QWidget* parent);

}  // namespace vitask::ui

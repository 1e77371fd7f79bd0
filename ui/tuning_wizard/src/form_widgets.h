#pragma once
// Small builders the wizard's forms share: a text field for a value the parser judges,
// a path field with a browse button, and a field with its problem label below it.

#include <QString>

class QLabel;
class QLineEdit;
class QWidget;

namespace vitask::ui {

// A field whose text goes into the YAML as typed; its placeholder shows the default.
QLineEdit* valueField(const QString& objectName, const QString& value, const QString& toolTip, QWidget* parent);
// `edit` with a "…" button that opens a folder (or file, with `filter`) dialog.
QWidget* withBrowse(QLineEdit* edit, const QString& title, QWidget* parent, const QString& filter = {});
// `field` with `problem` under it, for one QFormLayout row.
QWidget* withProblem(QWidget* field, QLabel* problem, QWidget* parent);
// A number as the presets and defaults are written (shortest form: 0.0002, 32, 1e-05).
QString number(double value);

}  // namespace vitask::ui

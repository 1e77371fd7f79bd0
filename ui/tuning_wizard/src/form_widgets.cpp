#include "form_widgets.h"

#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace vitask::ui {

QLineEdit* valueField(const QString& objectName, const QString& value, const QString& toolTip, QWidget* parent) {
    auto* edit = new QLineEdit(value, parent);
    edit->setObjectName(objectName);
    edit->setToolTip(toolTip);
    edit->setPlaceholderText(value);
    return edit;
}

QWidget* withBrowse(QLineEdit* edit, const QString& title, QWidget* parent, const QString& filter) {
    auto* row = new QWidget(parent);
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    edit->setParent(row);
    auto* browse = new QPushButton(QObject::tr("…"), row);
    browse->setToolTip(title);
    browse->setMaximumWidth(browse->fontMetrics().horizontalAdvance(QStringLiteral("……")) + 16);
    layout->addWidget(edit, 1);
    layout->addWidget(browse);
    QObject::connect(browse, &QPushButton::clicked, edit, [edit, title, filter] {
        const QString chosen = filter.isEmpty()
                                   ? QFileDialog::getExistingDirectory(edit, title, edit->text())
                                   : QFileDialog::getOpenFileName(edit, title, edit->text(), filter);
        if (!chosen.isEmpty()) edit->setText(chosen);
    });
    // The label's mnemonic focuses the edit, not the row.
    row->setFocusProxy(edit);
    return row;
}

QWidget* withProblem(QWidget* field, QLabel* problem, QWidget* parent) {
    auto* box = new QWidget(parent);
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    field->setParent(box);
    problem->setParent(box);
    layout->addWidget(field);
    layout->addWidget(problem);
    box->setFocusProxy(field);
    return box;
}

QString number(double value) { return QString::number(value, 'g', 6); }

}  // namespace vitask::ui

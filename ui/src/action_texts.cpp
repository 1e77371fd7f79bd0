#include "action_texts.h"

#include <QAction>
#include <QCoreApplication>
#include <QMenu>

namespace vitask::ui {

QAction* ActionTexts::add(QAction* action, const char* text, const char* toolTip) {
    entries_.push_back({action, text, toolTip});
    apply(entries_.back());
    return action;
}

QMenu* ActionTexts::add(QMenu* menu, const char* title) {
    add(menu->menuAction(), title);
    return menu;
}

void ActionTexts::retranslate() const {
    for (const Entry& entry : entries_) apply(entry);
}

void ActionTexts::apply(const Entry& entry) const {
    if (!entry.action) return;  // a menu cleared and refilled since
    entry.action->setText(QCoreApplication::translate(context_, entry.text));
    if (entry.toolTip) entry.action->setToolTip(QCoreApplication::translate(context_, entry.toolTip));
}

}  // namespace vitask::ui

#pragma once
// The texts of a window's menus and actions, set again when the language changes. Each
// entry keeps its untranslated source (marked with QT_TR_NOOP where the menu is made, so
// lupdate finds it under the maker's class) and translates it in that class's context:
// a menu bar of thirty actions needs no member per action to be retranslated.

#include <QPointer>
#include <QString>

#include <vector>

class QAction;
class QMenu;

namespace vitask::ui {

class ActionTexts {
public:
    // `context`: the translation context, the class making the menus (Foo::staticMetaObject.className()).
    explicit ActionTexts(const char* context) : context_(context) {}

    // Sets the translated text (and tool tip) now and on every retranslate(); returns `action`.
    QAction* add(QAction* action, const char* text, const char* toolTip = nullptr);
    // The same for a menu's title.
    QMenu* add(QMenu* menu, const char* title);

    void retranslate() const;

private:
    struct Entry {
        QPointer<QAction> action;  // a menu's title is its menuAction()'s text
        const char* text;
        const char* toolTip;
    };
    void apply(const Entry& entry) const;

    const char* context_;
    std::vector<Entry> entries_;
};

}  // namespace vitask::ui

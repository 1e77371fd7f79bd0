#pragma once
// Every text a widget tree shows, for tests of run-time language switching: a panel built
// in English and switched to German must show what a panel built in German shows. Texts
// that are painted (QPainter::drawText) are not read; they are translated when painted.

#include <QString>
#include <QStringList>

#include <functional>

class QWidget;

namespace vitask::ui::test {

// One line per text: "<path> <property>: <text>", where the path names each widget by its
// objectName, or by its class and its index among siblings of that class. Covers window
// titles, tool tips, status tips, placeholders, labels, buttons, group boxes, combo box
// items, tabs, spin box affixes, actions and their menus (recursively), item views' headers
// and first rows, and Qt Charts' titles, axes and series names.
QStringList shownTexts(const QWidget& root);

// Applies a language as the settings do (applyLanguage) and delivers the LanguageChange
// events it posts.
void switchLanguage(const QString& language);

// The lines only in `a` ("- ") and only in `b` ("+ "), at most `limit` of them; empty when
// equal.
QString textDifferences(const QStringList& a, const QStringList& b, int limit = 40);

// Whether `switched` (a widget switched to a language) equals `expected` (one built in it);
// if not, the differences go to the test's log under `what` (QVERIFY2 would cut them short).
bool sameTexts(const QStringList& switched, const QStringList& expected, const QString& what);

// The whole check of a widget that retranslates itself: `shown` reads the widget under
// test, built in English; `fresh` builds another in the same state, in the current
// language, and reads it. For German, Chinese and English in turn the language is switched
// and the two must be equal; German and Chinese must differ from English, and English
// must bring back what was shown at first. Differences are logged.
bool switchesLikeAFreshStart(const std::function<QStringList()>& shown, const std::function<QStringList()>& fresh);

}  // namespace vitask::ui::test

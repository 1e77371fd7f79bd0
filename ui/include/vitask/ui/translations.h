#pragma once
// The studio's translations (translations/*.ts, compiled into the ui library) and Qt's
// own, for a locale.

#include <QLocale>

class QCoreApplication;

namespace vitask::ui {

// Installs the studio's and Qt's translators for `locale` into `app` (de, zh_CN; the
// system's locale picks one too), replacing those a previous call installed: a language
// installed after another does not fall back to the other's strings, and English removes
// them. Returns whether a studio translation exists for it (English needs none and
// returns false).
bool installTranslations(QCoreApplication& app, const QLocale& locale);

}  // namespace vitask::ui

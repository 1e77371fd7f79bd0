#pragma once
// The studio's translations (translations/*.ts, compiled into this library) and Qt's own,
// for a locale. Installing them sends QEvent::LanguageChange to every widget: the studio's
// widgets retranslate themselves (changeEvent), so a language applies without a restart.

#include <QLocale>
#include <QString>

class QCoreApplication;

namespace vitask::ui {

// Installs the studio's and Qt's translators for `locale` into `app` (de, zh_CN; the
// system's locale picks one too), replacing those a previous call installed: a language
// installed after another does not fall back to the other's strings, and English removes
// them. Returns whether a studio translation exists for it (English needs none and
// returns false).
bool installTranslations(QCoreApplication& app, const QLocale& locale);

// The language the settings name ("" the system's, "en", "de", "zh_CN"), installed into
// the running application. Widgets receive LanguageChange once the event loop runs.
bool applyLanguage(const QString& language);

}  // namespace vitask::ui

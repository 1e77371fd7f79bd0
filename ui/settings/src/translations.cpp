#include "vitask/ui/settings/translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QList>
#include <QPointer>
#include <QTranslator>

namespace vitask::ui {

namespace {

// The translators the last installTranslations() put in place. QCoreApplication asks the
// most recently installed translator first and falls back to the earlier ones, so a
// second language installed over a first would show the first one's strings wherever the
// second lacks a translation: the next call removes these first. QPointer: the app owns
// them and may be gone (a test's second QApplication).
QList<QPointer<QTranslator>>& installedTranslators() {
    static QList<QPointer<QTranslator>> installed;
    return installed;
}

void removeInstalledTranslators() {
    for (const QPointer<QTranslator>& translator : std::as_const(installedTranslators())) {
        if (!translator) continue;
        QCoreApplication::removeTranslator(translator);
        delete translator;
    }
    installedTranslators().clear();
}

bool installTranslator(QCoreApplication& app, const QLocale& locale, const QString& name, const QString& folder) {
    auto* translator = new QTranslator(&app);
    if (!translator->load(locale, name, QStringLiteral("_"), folder)) {
        delete translator;
        return false;
    }
    QCoreApplication::installTranslator(translator);
    installedTranslators().append(translator);
    return true;
}

}  // namespace

bool installTranslations(QCoreApplication& app, const QLocale& locale) {
    removeInstalledTranslators();
    // Qt's own strings (standard dialogs, "About Qt"): qtbase_de.qm, qtbase_zh_CN.qm, ...
    // where the system ships them (Debian: qt6-translations-l10n).
    installTranslator(app, locale, QStringLiteral("qtbase"), QLibraryInfo::path(QLibraryInfo::TranslationsPath));
    // Ours (translations/vitask-studio_<lang>.ts), embedded by qt_add_translations under :/i18n.
    return installTranslator(app, locale, QStringLiteral("vitask-studio"), QStringLiteral(":/i18n"));
}

bool applyLanguage(const QString& language) {
    return installTranslations(*QCoreApplication::instance(), language.isEmpty() ? QLocale() : QLocale(language));
}

}  // namespace vitask::ui

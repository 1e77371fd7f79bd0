#include "vitask/ui/translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

namespace vitask::ui {

bool installTranslations(QCoreApplication& app, const QLocale& locale) {
    // Qt's own strings (standard dialogs, "About Qt"), where Debian ships them.
    auto* qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;

    // Ours, embedded by qt_add_translations under :/i18n.
    auto* studio = new QTranslator(&app);
    if (studio->load(locale, QStringLiteral("vitask-studio"), QStringLiteral("_"), QStringLiteral(":/i18n"))) {
        QCoreApplication::installTranslator(studio);
        return true;
    }
    delete studio;
    return false;
}

}  // namespace vitask::ui

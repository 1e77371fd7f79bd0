#include "vitask/ui/study_browser/dicom_display.h"

#include <QDate>
#include <QStringList>

namespace vitask::ui {

QString displayText(const std::string& text) { return QString::fromStdString(text).simplified(); }

QString displayPersonName(const std::string& stored) {
    QString alphabetic;
    for (const QString& group : displayText(stored).split(QLatin1Char('='))) {
        if (!group.trimmed().isEmpty()) {
            alphabetic = group;
            break;
        }
    }
    QStringList parts = alphabetic.split(QLatin1Char('^'));
    while (parts.size() < 5) parts.append(QString());
    QStringList given;
    for (const int i : {3, 1, 2}) {
        if (!parts[i].trimmed().isEmpty()) given.append(parts[i].trimmed());
    }
    QString name = parts[0].trimmed();
    if (!given.isEmpty()) name += (name.isEmpty() ? QString() : QStringLiteral(", ")) + given.join(QLatin1Char(' '));
    if (!parts[4].trimmed().isEmpty()) name += QStringLiteral(", ") + parts[4].trimmed();
    return name;
}

QString displayDate(const std::string& stored) {
    const QDate date = QDate::fromString(displayText(stored), QStringLiteral("yyyyMMdd"));
    return date.isValid() ? date.toString(Qt::ISODate) : displayText(stored);
}

}  // namespace vitask::ui

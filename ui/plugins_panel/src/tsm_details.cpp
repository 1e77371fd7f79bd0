#include "tsm_details.h"

#include "tsm_removal.h"
#include "tsm_table_model.h"
#include "vitask/ui/plugins_panel/input_normalization.h"

#include <QStringList>

namespace vitask::ui {
namespace {

QString escaped(const std::string& text) { return QString::fromStdString(text).toHtmlEscaped(); }

QString row(const QString& key, const QString& valueHtml) {
    return QStringLiteral("<tr><td style='padding-right:12px; color:#555'>%1</td><td>%2</td></tr>").arg(key, valueHtml);
}

QString labels(const service::TsmEntry& tsm) {
    QStringList names;
    for (const auto& label : tsm.labels) names << QString::fromStdString(label).toHtmlEscaped();
    return names.join(QStringLiteral(", "));
}

}  // namespace

QString TsmDetails::html(const service::TsmEntry& tsm) {
    QString out = QStringLiteral("<p style='font-size:large'><b>%1</b> %2</p>").arg(escaped(tsm.name), escaped(tsm.version));
    if (!tsm.description.empty()) out += QStringLiteral("<p>%1</p>").arg(escaped(tsm.description));
    if (!tsm.ready)
        out += QStringLiteral("<p style='color:#c62828'><b>%1</b><br>%2</p>")
                   .arg(tr("Broken: it cannot be used until this is fixed."),
                        TsmTableModel::abbreviateHome(QString::fromStdString(tsm.error))
                            .toHtmlEscaped()
                            .replace(QLatin1Char('\n'), QStringLiteral("<br>")));

    QString table = QStringLiteral("<table>");
    table += row(tr("Kind"), TsmTableModel::kindName(tsm.kind).toHtmlEscaped());
    table += row(tr("Status"), tsm.ready ? QStringLiteral("<span style='color:#2e7d32'>%1</span>").arg(tr("ready"))
                                         : QStringLiteral("<span style='color:#c62828'>%1</span>").arg(tr("broken")));
    table += row(tr("Source"), TsmTableModel::abbreviateHome(QString::fromStdString(tsm.source.string())).toHtmlEscaped());
    if (tsm.ready) {
        table += row(tr("Input"), tr("%1 × %2 pixels; channels: %3")
                                      .arg(tsm.inputHeight)
                                      .arg(tsm.inputWidth)
                                      .arg(tsm.inputChannels));
        table += row(tr("Normalisation"),
                     tr("%1 (mean [%2], std [%3])")
                         .arg(InputNormalization::describe(tsm.inputMean, tsm.inputStd),
                              InputNormalization::join(tsm.inputMean), InputNormalization::join(tsm.inputStd))
                         .toHtmlEscaped());
        table += row(tr("Labels"), tr("%1, %2: %3")
                                       .arg(tsm.labels.size())
                                       .arg(tsm.multiLabel ? tr("multi-label (sigmoid)") : tr("one per image (softmax)"),
                                            labels(tsm)));
        table += row(tr("Feature width"), QString::number(tsm.featureWidth));
    }
    QString why;
    table += row(tr("Removable"), TsmRemoval::allowed(tsm, &why) ? tr("yes: it is in your folder") : why.toHtmlEscaped());
    table += QStringLiteral("</table>");
    return out + table;
}

}  // namespace vitask::ui

#include "sample_csv.h"

#include <QCoreApplication>
#include <QSaveFile>

#include <cmath>

namespace vitask::ui {
namespace {

QByteArray field(const std::string& text) {
    QByteArray value = QByteArray::fromStdString(text);
    if (!value.contains(',') && !value.contains('"') && !value.contains('\n') && !value.contains('\r')) return value;
    return '"' + value.replace('"', "\"\"") + '"';
}

QByteArray probability(double p) { return std::isnan(p) ? QByteArray() : QByteArray::number(p, 'g', 17); }

void answerFields(QByteArrayList& fields, const std::optional<service::SampleAnswer>& answer, bool withText) {
    fields << (answer ? field(answer->label) : QByteArray()) << (answer ? probability(answer->probability) : QByteArray());
    if (withText) fields << (answer ? field(answer->answer) : QByteArray());
}

}  // namespace

QByteArray sampleCsv(const std::vector<const service::SampleRow*>& rows) {
    QByteArray out = "index,truth,vlm,vlm_probability,vlm_answer,vlm_ep,vlm_ep_probability,vlm_ep_answer,tsm,"
                     "tsm_probability,agreement\r\n";
    for (const auto* row : rows) {
        QByteArrayList fields{QByteArray::number(static_cast<qlonglong>(row->index)), field(row->truth)};
        answerFields(fields, row->vlm, true);
        answerFields(fields, row->vlmWithExemplar, true);
        answerFields(fields, row->tsm, false);
        fields << service::agreementName(row->agreement);
        out += fields.join(',') + "\r\n";
    }
    return out;
}

bool writeSampleCsv(const QString& path, const std::vector<const service::SampleRow*>& rows, QString* error) {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(sampleCsv(rows)) < 0 || !file.commit()) {
        if (error)
            *error = QCoreApplication::translate("vitask::ui::SampleCsv", "%1 could not be written (%2). Choose a "
                                                                          "folder you can write to.")
                         .arg(path, file.errorString());
        return false;
    }
    return true;
}

}  // namespace vitask::ui

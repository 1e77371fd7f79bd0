#include "vitask/ui/review_store/review_export.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QLocale>

namespace vitask::ui {
namespace {

QString timeText(const QDateTime& time) {
    return time.isValid() ? time.toUTC().toString(Qt::ISODateWithMs) : QString();
}
QJsonValue timeJson(const QDateTime& time) {
    return time.isValid() ? QJsonValue(timeText(time)) : QJsonValue(QJsonValue::Null);
}
// Shortest text that reads back as the same double.
QString numberText(double value) { return QString::number(value, 'g', QLocale::FloatingPointShortest); }

QJsonObject identityJson(const ModelIdentity& identity) {
    return QJsonObject{{QStringLiteral("name"), identity.name},
                       {QStringLiteral("version"), identity.version},
                       {QStringLiteral("weights_hash"), identity.weightsHash}};
}

QJsonObject readJson(const Read& read) {
    return QJsonObject{
        {QStringLiteral("label"), read.label},
        {QStringLiteral("finding"), read.finding},
        {QStringLiteral("confidence"), read.confidence > 0 ? QJsonValue(read.confidence) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("seconds_spent"), read.secondsSpent},
        {QStringLiteral("started_at"), timeJson(read.startedAt)},
        {QStringLiteral("finished_at"), timeJson(read.finishedAt)}};
}

// The snapshot as JSON (it was checked when saved); null when there is none.
QJsonValue snapshotJson(const QString& snapshot) {
    if (snapshot.isEmpty()) return QJsonValue(QJsonValue::Null);
    const QJsonDocument document = QJsonDocument::fromJson(snapshot.toUtf8());
    if (document.isObject()) return document.object();
    if (document.isArray()) return document.array();
    return QJsonValue(snapshot);  // not reached for a stored review; keep the text anyway
}

void appendRead(QStringList& row, const Read& read) {
    row << read.label << read.finding << (read.confidence > 0 ? QString::number(read.confidence) : QString())
        << numberText(read.secondsSpent) << timeText(read.startedAt) << timeText(read.finishedAt);
}

}  // namespace

QStringList reviewCsvColumns() {
    return {QStringLiteral("worklist_id"),
            QStringLiteral("worklist_name"),
            QStringLiteral("study_instance_uid"),
            QStringLiteral("series_instance_uid"),
            QStringLiteral("sop_instance_uid"),
            QStringLiteral("dataset_path"),
            QStringLiteral("dataset_split"),
            QStringLiteral("dataset_index"),
            QStringLiteral("reviewer"),
            QStringLiteral("model_name"),
            QStringLiteral("model_version"),
            QStringLiteral("model_weights_hash"),
            QStringLiteral("tsm_name"),
            QStringLiteral("tsm_version"),
            QStringLiteral("tsm_weights_hash"),
            QStringLiteral("decision"),
            QStringLiteral("reason"),
            QStringLiteral("text"),
            QStringLiteral("label"),
            QStringLiteral("finding"),
            QStringLiteral("confidence"),
            QStringLiteral("seconds_spent"),
            QStringLiteral("started_at"),
            QStringLiteral("finished_at"),
            QStringLiteral("blinded"),
            QStringLiteral("unaided_label"),
            QStringLiteral("unaided_finding"),
            QStringLiteral("unaided_confidence"),
            QStringLiteral("unaided_seconds_spent"),
            QStringLiteral("unaided_started_at"),
            QStringLiteral("unaided_finished_at"),
            QStringLiteral("ai_snapshot"),
            QStringLiteral("saved_at"),
            QStringLiteral("revision")};
}

QString csvField(const QString& value) {
    const bool quote = value.contains(QLatin1Char(',')) || value.contains(QLatin1Char('"')) ||
                       value.contains(QLatin1Char('\r')) || value.contains(QLatin1Char('\n'));
    if (!quote) return value;
    QString quoted = value;
    quoted.replace(QLatin1String("\""), QLatin1String("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

QByteArray reviewsToCsv(const Worklist& worklist, const QList<Review>& reviews) {
    const auto line = [](const QStringList& fields) {
        QStringList quoted;
        quoted.reserve(fields.size());
        for (const QString& field : fields) quoted << csvField(field);
        return quoted.join(QLatin1Char(',')) + QLatin1String("\r\n");
    };
    QString csv = line(reviewCsvColumns());
    for (const Review& review : reviews) {
        const CaseKey& key = review.caseKey;
        QStringList row;
        row << QString::number(key.worklistId) << worklist.name << key.studyInstanceUid << key.seriesInstanceUid
            << key.sopInstanceUid << key.datasetPath << key.datasetSplit
            << (key.isDicom() ? QString() : QString::number(key.datasetIndex)) << review.reviewer
            << review.model.name << review.model.version << review.model.weightsHash << review.tsm.name
            << review.tsm.version << review.tsm.weightsHash << decisionName(review.decision)
            << reasonName(review.reason) << review.text;
        appendRead(row, review.read);
        row << (review.unaidedRead ? QStringLiteral("true") : QStringLiteral("false"));
        if (review.unaidedRead) {
            appendRead(row, *review.unaidedRead);
        } else {
            for (int i = 0; i < 6; ++i) row << QString();
        }
        row << review.aiSnapshot << timeText(review.savedAt) << QString::number(review.revision);
        csv += line(row);
    }
    return csv.toUtf8();
}

QByteArray reviewsToJson(const Worklist& worklist, const QList<Review>& reviews) {
    QJsonArray array;
    for (const Review& review : reviews) {
        const CaseKey& key = review.caseKey;
        const QJsonObject caseObject{
            {QStringLiteral("study_instance_uid"), key.studyInstanceUid},
            {QStringLiteral("series_instance_uid"), key.seriesInstanceUid},
            {QStringLiteral("sop_instance_uid"), key.sopInstanceUid},
            {QStringLiteral("dataset_path"), key.datasetPath},
            {QStringLiteral("dataset_split"), key.datasetSplit},
            {QStringLiteral("dataset_index"),
             key.isDicom() ? QJsonValue(QJsonValue::Null) : QJsonValue(double(key.datasetIndex))}};
        array.append(QJsonObject{
            {QStringLiteral("worklist_id"), double(key.worklistId)},
            {QStringLiteral("worklist_name"), worklist.name},
            {QStringLiteral("case"), caseObject},
            {QStringLiteral("reviewer"), review.reviewer},
            {QStringLiteral("model"), identityJson(review.model)},
            {QStringLiteral("tsm"), identityJson(review.tsm)},
            {QStringLiteral("ai"), snapshotJson(review.aiSnapshot)},
            {QStringLiteral("decision"), decisionName(review.decision)},
            {QStringLiteral("reason"), reasonName(review.reason)},
            {QStringLiteral("text"), review.text},
            {QStringLiteral("read"), readJson(review.read)},
            {QStringLiteral("unaided_read"),
             review.unaidedRead ? QJsonValue(readJson(*review.unaidedRead)) : QJsonValue(QJsonValue::Null)},
            {QStringLiteral("saved_at"), timeJson(review.savedAt)},
            {QStringLiteral("revision"), review.revision}});
    }
    return QJsonDocument(array).toJson(QJsonDocument::Indented);
}

}  // namespace vitask::ui

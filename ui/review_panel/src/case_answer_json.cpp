#include "vitask/ui/review_panel/case_answer_json.h"

#include "vitask/common/error.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

namespace vitask::ui {
namespace {

QString q(const std::string& text) { return QString::fromStdString(text); }
std::string s(const QJsonValue& value) { return value.toString().toStdString(); }

QJsonArray probabilitiesJson(const std::vector<service::LabelProbability>& labels) {
    QJsonArray out;
    for (const auto& l : labels)
        out.append(QJsonObject{{QStringLiteral("label"), q(l.label)}, {QStringLiteral("probability"), l.probability}});
    return out;
}

std::vector<service::LabelProbability> probabilitiesFrom(const QJsonValue& value) {
    std::vector<service::LabelProbability> out;
    for (const QJsonValue& item : value.toArray())
        out.push_back({s(item[QLatin1String("label")]), item[QLatin1String("probability")].toDouble()});
    return out;
}

// Saliency values rounded to 1/1000: the map is drawn with 8-bit colours, and a 64 x 64
// map stays ~20 KB of text per case.
QJsonArray roundedValues(const std::vector<float>& values) {
    QJsonArray out;
    for (float v : values) out.append(std::round(double(v) * 1000.0) / 1000.0);
    return out;
}

QJsonObject resultJson(const service::AskResult& r) {
    QJsonObject json{
        {QStringLiteral("instruction"), q(r.instruction)},
        {QStringLiteral("answer"), q(r.answer)},
        {QStringLiteral("finish_reason"), q(r.finish)},
        {QStringLiteral("exemplar"), r.answeredWithExemplar},
        {QStringLiteral("label_probabilities"), probabilitiesJson(r.labels)},
        {QStringLiteral("label_probabilities_with_exemplar"), probabilitiesJson(r.labelsWithExemplar)},
        {QStringLiteral("vlm_label"), q(r.vlmLabel)},
        {QStringLiteral("agreement"), QString::fromUtf8(service::agreementName(r.agreement))},
        {QStringLiteral("seconds"), r.seconds},
    };
    if (r.tsm)
        json[QStringLiteral("tsm")] = QJsonObject{{QStringLiteral("name"), q(r.tsm->name)},
                                                  {QStringLiteral("top"), qint64(r.tsm->top)},
                                                  {QStringLiteral("probabilities"), probabilitiesJson(r.tsm->probabilities)}};
    if (r.saliency)
        json[QStringLiteral("saliency")] = QJsonObject{{QStringLiteral("method"), q(r.saliency->method)},
                                                       {QStringLiteral("label"), q(r.saliency->label)},
                                                       {QStringLiteral("width"), r.saliency->width},
                                                       {QStringLiteral("height"), r.saliency->height},
                                                       {QStringLiteral("values"), roundedValues(r.saliency->values)}};
    return json;
}

service::Agreement agreementFrom(const QString& name) {
    for (auto a : {service::Agreement::Agree, service::Agreement::Disagree, service::Agreement::VlmUnsure})
        if (name == QLatin1String(service::agreementName(a))) return a;
    return service::Agreement::Unknown;
}

service::AskResult resultFrom(const QJsonObject& json) {
    service::AskResult r;
    r.instruction = s(json[QLatin1String("instruction")]);
    r.answer = s(json[QLatin1String("answer")]);
    r.finish = s(json[QLatin1String("finish_reason")]);
    r.answeredWithExemplar = json[QLatin1String("exemplar")].toBool();
    r.labels = probabilitiesFrom(json[QLatin1String("label_probabilities")]);
    r.labelsWithExemplar = probabilitiesFrom(json[QLatin1String("label_probabilities_with_exemplar")]);
    r.vlmLabel = s(json[QLatin1String("vlm_label")]);
    r.agreement = agreementFrom(json[QLatin1String("agreement")].toString());
    r.seconds = json[QLatin1String("seconds")].toDouble();
    if (const QJsonObject tsm = json[QLatin1String("tsm")].toObject(); !tsm.isEmpty()) {
        service::TsmPrediction p;
        p.name = s(tsm[QLatin1String("name")]);
        p.probabilities = probabilitiesFrom(tsm[QLatin1String("probabilities")]);
        p.top = std::size_t(tsm[QLatin1String("top")].toInteger());
        if (p.top < p.probabilities.size()) r.tsm = std::move(p);
    }
    if (const QJsonObject map = json[QLatin1String("saliency")].toObject(); !map.isEmpty()) {
        service::SaliencyMap m;
        m.method = s(map[QLatin1String("method")]);
        m.label = s(map[QLatin1String("label")]);
        m.width = map[QLatin1String("width")].toInt();
        m.height = map[QLatin1String("height")].toInt();
        for (const QJsonValue& v : map[QLatin1String("values")].toArray()) m.values.push_back(float(v.toDouble()));
        if (m.width > 0 && m.height > 0 && m.values.size() == std::size_t(m.width) * std::size_t(m.height))
            r.saliency = std::move(m);
    }
    return r;
}

QString tsmLabel(const service::AskResult& r) {
    return r.tsm ? q(r.tsm->probabilities[r.tsm->top].label) : QString();
}

}  // namespace

QString caseAnswerJson(const service::CaseAnswer& answer) {
    QJsonObject json{
        {QStringLiteral("format"), QStringLiteral("vitask-ai-answer")},
        {QStringLiteral("version"), 1},
        {QStringLiteral("vlm_label"), q(answer.answer.vlmLabel)},
        {QStringLiteral("tsm_label"), tsmLabel(answer.answer)},
        {QStringLiteral("agreement"), QString::fromUtf8(service::agreementName(answer.answer.agreement))},
        {QStringLiteral("answer"), resultJson(answer.answer)},
    };
    if (answer.answerWithExemplar) json[QStringLiteral("answer_with_exemplar")] = resultJson(*answer.answerWithExemplar);
    return QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact));
}

service::CaseAnswer caseAnswerFromJson(const QString& text) {
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8(), &error);
    const QJsonObject json = document.object();
    if (error.error != QJsonParseError::NoError || json[QLatin1String("format")] != QLatin1String("vitask-ai-answer"))
        throw Error("the stored AI answer is not a \"vitask-ai-answer\" JSON object", "review database",
                    "Let the studio answer the case again.");
    service::CaseAnswer answer;
    answer.answer = resultFrom(json[QLatin1String("answer")].toObject());
    if (json.contains(QLatin1String("answer_with_exemplar")))
        answer.answerWithExemplar = resultFrom(json[QLatin1String("answer_with_exemplar")].toObject());
    return answer;
}

}  // namespace vitask::ui

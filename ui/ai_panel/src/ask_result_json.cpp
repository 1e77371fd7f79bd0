#include "vitask/ui/ai_panel/ask_result_json.h"

#include <QJsonArray>

namespace vitask::ui {
namespace {

QJsonArray probabilities(const std::vector<service::LabelProbability>& labels) {
    QJsonArray out;
    for (const auto& l : labels)
        out.append(QJsonObject{{QStringLiteral("label"), QString::fromStdString(l.label)},
                               {QStringLiteral("probability"), l.probability}});
    return out;
}

QJsonArray ids(const std::vector<int64_t>& values) {
    QJsonArray out;
    for (auto v : values) out.append(static_cast<qint64>(v));
    return out;
}

}  // namespace

QJsonObject askResultJson(const service::AskResult& result, const service::ModelInfo& model) {
    QJsonObject json{
        {QStringLiteral("model"), QString::fromStdString(model.folder.string())},
        {QStringLiteral("device"), QString::fromStdString(model.device)},
        {QStringLiteral("instruction"), QString::fromStdString(result.instruction)},
        {QStringLiteral("exemplar"), result.answeredWithExemplar},
        {QStringLiteral("answer"), QString::fromStdString(result.answer)},
        {QStringLiteral("prompt_ids"), ids(result.promptIds)},
        {QStringLiteral("generated_ids"), ids(result.generatedIds)},
        {QStringLiteral("finish_reason"), QString::fromStdString(result.finish)},
        {QStringLiteral("label_probabilities"), probabilities(result.labels)},
        {QStringLiteral("label_probabilities_with_exemplar"), probabilities(result.labelsWithExemplar)},
        {QStringLiteral("agreement"), QString::fromUtf8(service::agreementName(result.agreement))},
        {QStringLiteral("vlm_label"), QString::fromStdString(result.vlmLabel)},
        {QStringLiteral("seconds"), result.seconds},
    };
    if (result.tsm) {
        const auto& top = result.tsm->probabilities[result.tsm->top];
        json[QStringLiteral("tsm")] = QJsonObject{{QStringLiteral("name"), QString::fromStdString(result.tsm->name)},
                                                  {QStringLiteral("label"), QString::fromStdString(top.label)},
                                                  {QStringLiteral("probability"), top.probability},
                                                  {QStringLiteral("probabilities"), probabilities(result.tsm->probabilities)}};
    }
    if (result.saliency)
        json[QStringLiteral("saliency")] = QJsonObject{{QStringLiteral("method"), QString::fromStdString(result.saliency->method)},
                                                       {QStringLiteral("label"), QString::fromStdString(result.saliency->label)},
                                                       {QStringLiteral("width"), result.saliency->width},
                                                       {QStringLiteral("height"), result.saliency->height}};
    return json;
}

}  // namespace vitask::ui

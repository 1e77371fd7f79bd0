#pragma once
// What the AI panel shows, as JSON (`vitask-studio --json FILE`): the answer text, its
// ids, the label probabilities without and with the exemplar, the TSM's and the
// agreement, with the same keys as `vitask infer --json` where they mean the same.

#include "vitask/service/ask.h"

#include <QJsonObject>

namespace vitask::ui {

QJsonObject askResultJson(const service::AskResult& result, const service::ModelInfo& model);

}  // namespace vitask::ui

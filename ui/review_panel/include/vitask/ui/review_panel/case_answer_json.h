#pragma once
// A case's AI answers as the review database keeps them (the case's ai_answer, a
// review's ai_snapshot: docs/formats.md, "AI answer JSON"): both answers with their
// label probabilities, the TSM's prediction and the saliency map, and the top-level
// "vlm_label" and "tsm_label" the worklist summary reads. Written and read back here, so
// the review panel and the reports show exactly what was computed.

#include "vitask/service/worklist.h"

#include <QString>

namespace vitask::ui {

QString caseAnswerJson(const service::CaseAnswer& answer);
// The answers of caseAnswerJson() (the image stays empty). Throws vitask::Error for
// text that is not such an object.
service::CaseAnswer caseAnswerFromJson(const QString& json);

}  // namespace vitask::ui

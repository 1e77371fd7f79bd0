#pragma once
// The per-sample table as CSV (RFC 4180: a header row, fields quoted when they hold a
// comma, quote or line break), written atomically: a crash or a full disk never leaves a
// half file where an earlier export was. Probabilities at full precision, empty where a
// system gives none; labels as the dataset names them; agreement as agreementName().

#include "vitask/service/dataset_evaluation.h"

#include <QString>

#include <vector>

namespace vitask::ui {

// The columns: index, truth, vlm, vlm_probability, vlm_answer, vlm_ep, vlm_ep_probability,
// vlm_ep_answer, tsm, tsm_probability, agreement.
QByteArray sampleCsv(const std::vector<const service::SampleRow*>& rows);
// False with `error` naming the file and the reason.
bool writeSampleCsv(const QString& path, const std::vector<const service::SampleRow*>& rows, QString* error);

}  // namespace vitask::ui

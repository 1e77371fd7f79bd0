#pragma once
// The label probabilities side by side: one row per label, columns VLM (without the
// exemplar), VLM + EP and TSM, each cell a bar with its percentage; each column's top
// label in bold. Labels the VLM's task and the TSM share are one row.

#include "vitask/service/ask.h"

#include <QTableWidget>

#include <optional>
#include <vector>

namespace vitask::ui {

class ProbabilityTable : public QTableWidget {
    Q_OBJECT
public:
    enum Column { Label, Vlm, VlmWithExemplar, Tsm };
    explicit ProbabilityTable(QWidget* parent = nullptr);

    void showProbabilities(const std::vector<service::LabelProbability>& vlm,
                           const std::vector<service::LabelProbability>& vlmWithExemplar,
                           const std::optional<service::TsmPrediction>& tsm);
    void clearProbabilities();
    // The probability shown for a label in a column; nullopt for an empty cell (tests).
    std::optional<double> probability(const QString& label, Column column) const;

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
};

}  // namespace vitask::ui

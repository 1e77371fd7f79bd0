#pragma once
// The figures of the systems side by side: accuracy, macro-F1, macro AUC (one-vs-rest,
// scoring only), answers that named no label, and samples; a system that did not run
// says why. Each cell keeps its exact value under Qt::UserRole (tests, copying).

#include "text_source.h"
#include "vitask/service/dataset_evaluation.h"

#include <QTableWidget>

#include <optional>

namespace vitask::ui {

class MetricsTable : public QTableWidget {
    Q_OBJECT
public:
    enum System { Vlm, VlmWithExemplar, Tsm, SystemCount };
    enum Figure { Accuracy, MacroF1, MacroAuc, Unparseable, Samples, FigureCount };

    explicit MetricsTable(QWidget* parent = nullptr);

    // `why` is shown for a system without figures.
    void showMetrics(System system, std::optional<service::SystemMetrics> metrics, TextSource why);
    void clearMetrics();
    // The exact value shown; nullopt for an empty or "n/a" cell.
    std::optional<double> value(System system, Figure figure) const;

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void fillRow(System system);

    // What each row shows: its figures, or why there are none (neither: an empty row).
    struct Shown {
        std::optional<service::SystemMetrics> metrics;
        TextSource why;
    };
    Shown shown_[SystemCount];
};

}  // namespace vitask::ui

#pragma once
// StagesTable: the run's stages, one row each: name, epochs, learning rate, which losses
// it adds (L_van, L_ep, alpha*L_rda, beta*L_crt) and which parameter groups it trains.
// Text cells go into the YAML as typed; losses and groups are check boxes (Space toggles);
// the last column spells out each stage's objective.

#include "run_draft.h"

#include "vitask/service/run_config.h"

#include <QTableWidget>

namespace vitask::ui {

class StagesTable : public QTableWidget {
    Q_OBJECT
public:
    explicit StagesTable(QWidget* parent = nullptr);

    void setStages(const QList<StageDraft>& stages);
    QList<StageDraft> stages() const;
    // Vanilla tuning: the exemplar losses are off and cannot be checked.
    void setExemplarLossesEnabled(bool enabled);
    void addStage();
    void removeCurrentStage();
    // alpha and beta as typed, for the objective column.
    void setWeights(const QString& alpha, const QString& beta);

Q_SIGNALS:
    // The user changed a cell (not setStages()).
    void editedByUser();

private:
    void setRow(int row, const StageDraft& stage);
    QTableWidgetItem* checkItem(bool checked, bool enabled = true) const;
    void updateObjectives();
    int objectiveColumn() const;

    QStringList groups_;
    bool exemplarLosses_ = true;
    QString alpha_, beta_;
    bool filling_ = false;
};

}  // namespace vitask::ui

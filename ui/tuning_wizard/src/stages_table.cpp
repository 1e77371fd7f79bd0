#include "stages_table.h"

#include <QHeaderView>

namespace vitask::ui {
namespace {

enum Column { Name, Epochs, Lr, Van, Ep, Rda, Crt, FirstGroup };

}  // namespace

StagesTable::StagesTable(QWidget* parent) : QTableWidget(parent) {
    setObjectName(QStringLiteral("stagesTable"));
    for (const auto& group : service::parameterGroupNames()) groups_ << QString::fromStdString(group);
    QStringList headers{tr("Stage"), tr("Epochs"), tr("LR"), tr("L_van"), tr("L_ep"), tr("α·L_rda"), tr("β·L_crt")};
    headers << groups_ << tr("Objective");
    setColumnCount(int(headers.size()));
    setHorizontalHeaderLabels(headers);
    const QStringList tips{
        tr("The stage's name (logged with every metrics record)"),
        tr("Passes over the training data; fractions allowed. Paper: one epoch per stage."),
        tr("Peak learning rate (AdamW; warm-up, then cosine decay to 0 within the stage)"),
        tr("L_van: the plain answer's cross-entropy, <image> instruction → answer (always logged)"),
        tr("L_ep: cross-entropy with the TSM's exemplar token after the image tokens (exemplar prompting)"),
        tr("L_rda with weight α: the plain answer's distribution aligned with the exemplar-prompted one (KL, teacher "
           "detached): what lets the model answer without the TSM"),
        tr("L_crt with weight β: contrastive response tuning, the answer must be likelier for the image than for an image "
           "of another class"),
    };
    for (int c = 0; c < int(tips.size()); ++c) horizontalHeaderItem(c)->setToolTip(tips[c]);
    const QStringList groupTips{tr("The vision tower (CLIP ViT). Paper: frozen."), tr("The VLM's projector (MLP). Paper: frozen."),
                                tr("The language model, fully (small models)"),
                                tr("LoRA adapters on the language model (large models); needs the LoRA section"),
                                tr("The EP connector: the 2-layer MLP from the TSM's feature to the exemplar token")};
    for (int g = 0; g < int(groups_.size()) && g < int(groupTips.size()); ++g)
        horizontalHeaderItem(FirstGroup + g)->setToolTip(groupTips[g]);
    horizontalHeaderItem(objectiveColumn())->setToolTip(tr("What the stage minimises"));
    verticalHeader()->hide();
    horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    horizontalHeader()->setSectionResizeMode(objectiveColumn(), QHeaderView::Stretch);
    setSelectionBehavior(QAbstractItemView::SelectItems);
    setTabKeyNavigation(false);  // Tab leaves the table; the arrow keys move between cells, Space toggles
    connect(this, &QTableWidget::itemChanged, this, [this] {
        if (filling_) return;
        updateObjectives();
        Q_EMIT editedByUser();
    });
}

int StagesTable::objectiveColumn() const { return FirstGroup + int(groups_.size()); }

QTableWidgetItem* StagesTable::checkItem(bool checked, bool enabled) const {
    auto* item = new QTableWidgetItem;
    item->setFlags(Qt::ItemIsUserCheckable | Qt::ItemIsSelectable | (enabled ? Qt::ItemIsEnabled : Qt::NoItemFlags));
    item->setCheckState(checked ? Qt::Checked : Qt::Unchecked);
    return item;
}

void StagesTable::setRow(int row, const StageDraft& stage) {
    setItem(row, Name, new QTableWidgetItem(stage.name));
    for (const auto& [column, text] : {std::pair{Epochs, stage.epochs}, std::pair{Lr, stage.learningRate}}) {
        auto* item = new QTableWidgetItem(text);
        item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        setItem(row, column, item);
    }
    setItem(row, Van, checkItem(stage.van));
    setItem(row, Ep, checkItem(stage.ep && exemplarLosses_, exemplarLosses_));
    setItem(row, Rda, checkItem(stage.rda && exemplarLosses_, exemplarLosses_));
    setItem(row, Crt, checkItem(stage.crt && exemplarLosses_, exemplarLosses_));
    for (int g = 0; g < int(groups_.size()); ++g) setItem(row, FirstGroup + g, checkItem(stage.trainable.contains(groups_[g])));
}

void StagesTable::setStages(const QList<StageDraft>& stages) {
    filling_ = true;
    setRowCount(int(stages.size()));
    for (int row = 0; row < int(stages.size()); ++row) setRow(row, stages[row]);
    filling_ = false;
    updateObjectives();
}

void StagesTable::setWeights(const QString& alpha, const QString& beta) {
    alpha_ = alpha.trimmed();
    beta_ = beta.trimmed();
    updateObjectives();
}

void StagesTable::updateObjectives() {
    const auto all = stages();
    filling_ = true;  // not the user's edit
    for (int row = 0; row < int(all.size()); ++row) {
        const auto& s = all[row];
        QStringList terms;
        if (s.van) terms << QStringLiteral("L_van");
        if (s.ep) terms << QStringLiteral("L_ep");
        if (s.rda) terms << alpha_ + QStringLiteral("·L_rda");
        if (s.crt) terms << beta_ + QStringLiteral("·L_crt");
        auto* item = new QTableWidgetItem(terms.isEmpty() ? tr("(no loss)") : terms.join(QStringLiteral(" + ")));
        item->setFlags(Qt::ItemIsEnabled);
        item->setForeground(palette().brush(QPalette::PlaceholderText));
        setItem(row, objectiveColumn(), item);
    }
    filling_ = false;
}

QList<StageDraft> StagesTable::stages() const {
    QList<StageDraft> out;
    const auto text = [this](int row, int column) { return item(row, column) ? item(row, column)->text().trimmed() : QString(); };
    const auto checked = [this](int row, int column) { return item(row, column) && item(row, column)->checkState() == Qt::Checked; };
    for (int row = 0; row < rowCount(); ++row) {
        StageDraft stage;
        stage.name = text(row, Name);
        stage.epochs = text(row, Epochs);
        stage.learningRate = text(row, Lr);
        stage.van = checked(row, Van);
        stage.ep = exemplarLosses_ && checked(row, Ep);
        stage.rda = exemplarLosses_ && checked(row, Rda);
        stage.crt = exemplarLosses_ && checked(row, Crt);
        for (int g = 0; g < int(groups_.size()); ++g)
            if (checked(row, FirstGroup + g)) stage.trainable << groups_[g];
        out << stage;
    }
    return out;
}

void StagesTable::setExemplarLossesEnabled(bool enabled) {
    const auto current = stages();
    exemplarLosses_ = enabled;
    setStages(current);
}

void StagesTable::addStage() {
    auto all = stages();
    StageDraft stage = all.isEmpty() ? StageDraft{} : all.back();
    stage.name = QStringLiteral("stage%1").arg(all.size() + 1);  // a key in metrics.jsonl: not translated
    if (stage.epochs.isEmpty()) stage.epochs = QStringLiteral("1");
    if (stage.learningRate.isEmpty()) stage.learningRate = QStringLiteral("0.001");
    all << stage;
    setStages(all);
    setCurrentCell(int(all.size()) - 1, Name);
    Q_EMIT editedByUser();
}

void StagesTable::removeCurrentStage() {
    if (currentRow() < 0) return;
    removeRow(currentRow());
    Q_EMIT editedByUser();
}

}  // namespace vitask::ui

#include "vitask/ui/review_panel/review_panel.h"

#include "active_time.h"
#include "case_image_loader.h"
#include "decision_form.h"
#include "summary_dialog.h"

#include "vitask/common/error.h"
#include "vitask/ui/ai_panel/agreement_badge.h"
#include "vitask/ui/ai_panel/probability_table.h"
#include "vitask/ui/viewer/slice_viewer.h"

#include <QCheckBox>
#include <QEvent>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeySequence>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QShortcut>
#include <QSplitter>
#include <QTableWidget>
#include <QTextEdit>
#include <QToolButton>
#include <QVBoxLayout>

namespace vitask::ui {
namespace {

enum CaseColumn { Number, Title, Ai, Tsm, Status, ColumnCount };

QString q(const std::string& text) { return QString::fromStdString(text); }

QString tsmLabel(const service::AskResult& r) {
    return r.tsm ? q(r.tsm->probabilities[r.tsm->top].label) : QString();
}

QString minutesAndSeconds(double seconds) {
    const int s = int(seconds + 0.5);
    return s >= 60 ? QStringLiteral("%1 min %2 s").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'))
                   : QStringLiteral("%1 s").arg(s);
}

QTextEdit* answerView(QWidget* parent, const QString& name) {
    auto* view = new QTextEdit(parent);
    view->setObjectName(name);
    view->setReadOnly(true);
    view->setMaximumHeight(64);
    return view;
}

}  // namespace

ReviewPanel::ReviewPanel(QWidget* parent)
    : QWidget(parent), loader_(new CaseImageLoader(this)), clock_(new ActiveTime(this)) {
    buildLayout();
    retranslateUi();
    connect(loader_, &CaseImageLoader::loaded, this, [this](int position, std::shared_ptr<const imaging::Volume> volume) {
        if (position == current_) showImage(position, std::move(volume));
    });
    connect(loader_, &CaseImageLoader::failed, this, [this](int position, const QString& message) {
        if (position != current_) return;
        viewer_->clear();
        setStatus([message] { return tr("The image of this case cannot be read: %1").arg(message); });
        Q_EMIT failed(message);
    });
    connect(form_, &DecisionForm::saveRequested, this, &ReviewPanel::saveAndNext);
    connect(form_, &DecisionForm::acceptRequested, this, &ReviewPanel::acceptAndNext);
    const auto shortcut = [this](const QKeySequence& key, void (ReviewPanel::*slot)()) {
        auto* s = new QShortcut(key, this);
        s->setContext(Qt::WindowShortcut);
        connect(s, &QShortcut::activated, this, slot);
    };
    for (auto key : {QKeySequence(Qt::Key_PageDown), QKeySequence(Qt::ALT | Qt::Key_Right), QKeySequence(Qt::Key_N)})
        shortcut(key, &ReviewPanel::nextCase);
    for (auto key : {QKeySequence(Qt::Key_PageUp), QKeySequence(Qt::ALT | Qt::Key_Left), QKeySequence(Qt::Key_P)})
        shortcut(key, &ReviewPanel::previousCase);
}

ReviewPanel::~ReviewPanel() = default;

void ReviewPanel::buildLayout() {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);

    auto* bar = new QHBoxLayout;
    title_ = new QLabel(this);
    title_->setStyleSheet(QStringLiteral("font-weight: bold; font-size: 14px;"));
    bar->addWidget(title_);
    blindedBadge_ = new QLabel(this);
    blindedBadge_->setStyleSheet(
        QStringLiteral("background: #4527a0; color: white; border-radius: 3px; padding: 1px 6px;"));
    bar->addWidget(blindedBadge_);
    bar->addStretch();
    previous_ = new QToolButton(this);
    next_ = new QToolButton(this);
    position_ = new QLabel(this);
    position_->setObjectName(QStringLiteral("casePosition"));
    bar->addWidget(previous_);
    bar->addWidget(position_);
    bar->addWidget(next_);
    bar->addSpacing(16);
    progress_ = new QProgressBar(this);
    progress_->setObjectName(QStringLiteral("answeringProgress"));
    progress_->setMaximumWidth(220);
    bar->addWidget(progress_);
    eta_ = new QLabel(this);
    bar->addWidget(eta_);
    answerButton_ = new QPushButton(this);
    answerButton_->setObjectName(QStringLiteral("answerButton"));
    bar->addWidget(answerButton_);
    summaryButton_ = new QPushButton(this);
    exportButton_ = new QPushButton(this);
    closeButton_ = new QPushButton(this);
    bar->addWidget(summaryButton_);
    bar->addWidget(exportButton_);
    bar->addWidget(closeButton_);
    layout->addLayout(bar);

    auto* splitter = new QSplitter(Qt::Horizontal, this);
    list_ = new QTableWidget(0, ColumnCount, splitter);
    list_->setObjectName(QStringLiteral("caseList"));
    list_->verticalHeader()->hide();
    list_->setSelectionBehavior(QAbstractItemView::SelectRows);
    list_->setSelectionMode(QAbstractItemView::SingleSelection);
    list_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    // The review column matters most (how far the reviewer got): the title gives way.
    list_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    list_->horizontalHeader()->setSectionResizeMode(Title, QHeaderView::Stretch);
    list_->setWordWrap(false);
    list_->setTextElideMode(Qt::ElideMiddle);
    list_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    list_->setMinimumWidth(360);

    auto* centre = new QWidget(splitter);
    auto* centreLayout = new QVBoxLayout(centre);
    centreLayout->setContentsMargins(0, 0, 0, 0);
    caseTitle_ = new QLabel(centre);
    caseTitle_->setStyleSheet(QStringLiteral("font-weight: bold;"));
    centreLayout->addWidget(caseTitle_);
    viewer_ = new SliceViewer(centre);
    centreLayout->addWidget(viewer_, 1);
    status_ = new QLabel(centre);
    status_->setObjectName(QStringLiteral("reviewStatus"));
    status_->setWordWrap(true);
    centreLayout->addWidget(status_);

    auto* right = new QWidget;
    auto* rightLayout = new QVBoxLayout(right);
    aiHiddenNote_ = new QLabel(right);
    aiHiddenNote_->setWordWrap(true);
    aiHiddenNote_->setStyleSheet(QStringLiteral("color: #4527a0; font-style: italic;"));
    rightLayout->addWidget(aiHiddenNote_);
    aiBox_ = new QGroupBox(right);
    auto* aiLayout = new QVBoxLayout(aiBox_);
    answerLabel_ = new QLabel(aiBox_);
    aiLayout->addWidget(answerLabel_);
    answer_ = answerView(aiBox_, QStringLiteral("answer"));
    aiLayout->addWidget(answer_);
    answerWithExemplarLabel_ = new QLabel(aiBox_);
    aiLayout->addWidget(answerWithExemplarLabel_);
    answerWithExemplar_ = answerView(aiBox_, QStringLiteral("answerWithExemplar"));
    aiLayout->addWidget(answerWithExemplar_);
    badge_ = new AgreementBadge(aiBox_);
    aiLayout->addWidget(badge_);
    table_ = new ProbabilityTable(aiBox_);
    table_->setMinimumHeight(120);
    aiLayout->addWidget(table_);
    heatmap_ = new QCheckBox(aiBox_);
    heatmap_->setChecked(true);
    aiLayout->addWidget(heatmap_);
    rightLayout->addWidget(aiBox_);
    form_ = new DecisionForm(right);
    rightLayout->addWidget(form_);
    rightLayout->addStretch();
    auto* scroll = new QScrollArea(splitter);
    scroll->setWidget(right);
    scroll->setWidgetResizable(true);
    scroll->setMinimumWidth(340);

    splitter->addWidget(list_);
    splitter->addWidget(centre);
    splitter->addWidget(scroll);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({380, 640, 380});
    layout->addWidget(splitter, 1);

    connect(previous_, &QToolButton::clicked, this, &ReviewPanel::previousCase);
    connect(next_, &QToolButton::clicked, this, &ReviewPanel::nextCase);
    connect(list_, &QTableWidget::currentCellChanged, this, [this](int row) {
        if (row >= 0 && row != current_) showCase(row);
    });
    connect(heatmap_, &QCheckBox::toggled, viewer_, &SliceViewer::setHeatmapVisible);
    auto* heatmapKey = new QShortcut(QKeySequence(Qt::Key_H), this);
    connect(heatmapKey, &QShortcut::activated, heatmap_, &QCheckBox::toggle);
    connect(answerButton_, &QPushButton::clicked, this, [this] {
        if (!session_) return;
        if (session_->answering())
            session_->cancelAnswering();
        else
            session_->startAnswering();
        showAnsweringState();
    });
    connect(summaryButton_, &QPushButton::clicked, this, &ReviewPanel::showSummary);
    connect(exportButton_, &QPushButton::clicked, this, &ReviewPanel::exportRequested);
    connect(closeButton_, &QPushButton::clicked, this, &ReviewPanel::closeRequested);
}

void ReviewPanel::retranslateUi() {
    blindedBadge_->setText(tr("Blinded reader study"));
    blindedBadge_->setToolTip(tr("Record your own read of each case before the AI's answer is shown."));
    previous_->setText(tr("◀ Previous"));
    previous_->setToolTip(tr("Previous case (Page Up, P)"));
    next_->setText(tr("Next ▶"));
    next_->setToolTip(tr("Next case (Page Down, N)"));
    progress_->setFormat(tr("AI answers %v / %m"));
    summaryButton_->setText(tr("&Summary"));
    exportButton_->setText(tr("&Export…"));
    closeButton_->setText(tr("Close worklist"));
    list_->setHorizontalHeaderLabels({tr("#"), tr("Case"), tr("VLM"), tr("TSM"), tr("Review")});
    aiHiddenNote_->setText(tr("The AI's answer is hidden until you have recorded your own read."));
    aiBox_->setTitle(tr("AI"));
    answerLabel_->setText(tr("VLM answer:"));
    answerWithExemplarLabel_->setText(tr("VLM answer with the TSM's exemplar (EP):"));
    heatmap_->setText(tr("Show the TSM's saliency map (H)"));

    showPosition();
    showAnsweringState();
    showEta();
    for (int row = 0; row < list_->rowCount(); ++row) updateCaseRow(row);
    if (session_ && current_ >= 0) showAnswer();
    status_->setText(statusText_ ? statusText_() : QString());
}

void ReviewPanel::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslateUi();
    QWidget::changeEvent(event);
}

void ReviewPanel::setSession(std::unique_ptr<WorklistSession> session, bool answer) {
    closeSession();
    session_ = std::move(session);
    if (!session_) return;
    WorklistSession* s = session_.get();
    title_->setText(s->worklist().name);
    blindedBadge_->setVisible(s->worklist().blinded);
    QStringList labels;
    for (const auto& label : s->task().labels) labels << q(label);
    form_->setLabels(labels);
    fillCaseList();
    connect(s, &WorklistSession::caseAnswered, this, [this](int position) {
        updateCaseRow(position);
        if (position == current_ && !aiHidden()) showAnswer();
    });
    connect(s, &WorklistSession::answeringProgress, this, &ReviewPanel::updateProgress);
    connect(s, &WorklistSession::answeringFinished, this, [this](bool cancelled) {
        showAnsweringState();
        answerButton_->setVisible(session_->answeredCount() < session_->caseCount());
        secondsLeft_ = -1;
        answeringStopped_ = cancelled;
        showEta();
    });
    connect(s, &WorklistSession::failed, this, [this](const QString& message) {
        setStatus([message] { return message; });
        Q_EMIT failed(message);
    });
    updateProgress(s->answeredCount(), s->caseCount(), -1);
    answerButton_->setVisible(s->answeredCount() < s->caseCount());
    showCase(std::min(s->firstUnreviewed(), s->caseCount() - 1));
    if (answer && s->answeredCount() < s->caseCount()) s->startAnswering();
    showAnsweringState();
}

void ReviewPanel::closeSession() {
    loader_->clear();
    session_.reset();
    current_ = -1;
    imageShownFor_ = -1;
    unaided_.reset();
    list_->setRowCount(0);
    viewer_->clear();
    form_->clear();
}

void ReviewPanel::fillCaseList() {
    list_->blockSignals(true);
    list_->setRowCount(session_->caseCount());
    for (int i = 0; i < session_->caseCount(); ++i) {
        list_->setItem(i, Number, new QTableWidgetItem(QString::number(i + 1)));
        auto* title = new QTableWidgetItem(session_->caseAt(i).title);
        title->setToolTip(session_->caseAt(i).title);
        list_->setItem(i, Title, title);
        for (int column : {Ai, Tsm, Status}) list_->setItem(i, column, new QTableWidgetItem);
        updateCaseRow(i);
    }
    list_->resizeColumnToContents(Number);
    list_->blockSignals(false);
}

void ReviewPanel::updateCaseRow(int position) {
    if (!session_ || position < 0 || position >= list_->rowCount()) return;
    const auto answer = session_->answer(position);
    const auto review = session_->review(position);
    const WorklistCase& c = session_->caseAt(position);
    // Blinded: the AI's labels stay out of the list until the case is reviewed.
    const bool hide = session_->worklist().blinded && !review;
    QString vlm = answer ? q(answer->answer.vlmLabel) : (c.aiError.isEmpty() ? tr("…") : tr("error"));
    QString tsm = answer ? tsmLabel(answer->answer) : QString();
    if (hide && answer) vlm = tsm = tr("(hidden)");
    list_->item(position, Ai)->setText(vlm);
    list_->item(position, Ai)->setToolTip(c.aiError);
    list_->item(position, Tsm)->setText(tsm);
    QString status;
    if (review) {
        switch (review->decision) {
        case Decision::Accept: status = tr("✓ accepted"); break;
        case Decision::Correct: status = tr("✎ corrected"); break;
        case Decision::Reject: status = tr("✗ rejected"); break;
        }
    }
    list_->item(position, Status)->setText(status);
}

bool ReviewPanel::aiHidden() const {
    return session_ && session_->worklist().blinded && current_ >= 0 && !session_->review(current_) && !unaided_;
}

void ReviewPanel::showCase(int position) {
    if (!session_ || position < 0 || position >= session_->caseCount()) return;
    current_ = position;
    unaided_.reset();
    const WorklistCase& c = session_->caseAt(position);
    showPosition();
    previous_->setEnabled(position > 0);
    next_->setEnabled(position + 1 < session_->caseCount());
    caseTitle_->setText(c.title);
    list_->blockSignals(true);
    list_->setCurrentCell(position, Title);
    list_->blockSignals(false);
    setStatus({});

    const auto review = session_->review(position);
    // A blinded read recorded earlier (before a restart, say) stays recorded: the AI shows.
    unaided_ = review ? review->unaidedRead : session_->unaidedRead(position);
    form_->setMode(aiHidden() ? DecisionForm::Mode::Unaided : DecisionForm::Mode::Decision);
    form_->showReview(review);
    showAnswer();
    clock_->restart();

    if (auto volume = loader_->cached(position)) {
        showImage(position, std::move(volume));
    } else {
        viewer_->clear();
        setStatus([] { return tr("Reading the image…"); });
        loader_->request(c);
    }
    // The next case (and the previous, for going back) are read while this one is reviewed.
    for (int neighbour : {position + 1, position - 1})
        if (neighbour >= 0 && neighbour < session_->caseCount()) loader_->request(session_->caseAt(neighbour));
    Q_EMIT caseShown(position);
}

void ReviewPanel::showImage(int position, std::shared_ptr<const imaging::Volume> volume) {
    viewer_->setVolume(std::move(volume));
    const WorklistCase& c = session_->caseAt(position);
    if (c.slice > 0 && c.slice < viewer_->sliceCount()) viewer_->setSlice(c.slice);
    imageShownFor_ = position;
    if (status_->text() == tr("Reading the image…")) setStatus({});
    applyHeatmap();
    Q_EMIT imageShown(position);
}

void ReviewPanel::applyHeatmap() {
    viewer_->clearHeatmap();
    if (!session_ || aiHidden() || imageShownFor_ != current_) return;
    const auto answer = session_->answer(current_);
    if (!answer || !answer->answer.saliency) return;
    const auto& map = *answer->answer.saliency;
    viewer_->setHeatmap(map.width, map.height, map.values, q(map.label));
    viewer_->setHeatmapVisible(heatmap_->isChecked());
}

void ReviewPanel::showAnswer() {
    const bool hidden = aiHidden();
    aiHiddenNote_->setVisible(hidden);
    aiBox_->setVisible(!hidden);
    answer_->clear();
    answerWithExemplar_->clear();
    table_->clearProbabilities();
    badge_->showAgreement(service::Agreement::Unknown, {}, {});
    if (hidden || !session_) return;
    const WorklistCase& c = session_->caseAt(current_);
    const auto answer = session_->answer(current_);
    if (!answer) {
        answer_->setPlainText(c.aiError.isEmpty()
                                  ? tr("The AI has not answered this case yet (%1 of %2 answered).")
                                        .arg(session_->answeredCount())
                                        .arg(session_->caseCount())
                                  : tr("The AI could not answer this case: %1").arg(c.aiError));
        return;
    }
    const service::AskResult& r = answer->answer;
    answer_->setPlainText(q(r.answer));
    std::vector<service::LabelProbability> withExemplar;
    if (answer->answerWithExemplar) {
        answerWithExemplar_->setPlainText(q(answer->answerWithExemplar->answer));
        withExemplar = answer->answerWithExemplar->labelsWithExemplar.empty() ? answer->answerWithExemplar->labels
                                                                               : answer->answerWithExemplar->labelsWithExemplar;
    } else {
        answerWithExemplar_->setPlainText(tr("(not asked: no TSM, or the model takes no exemplar)"));
    }
    if (withExemplar.empty()) withExemplar = r.labelsWithExemplar;
    table_->showProbabilities(r.labels, withExemplar, r.tsm);
    badge_->showAgreement(r.agreement, q(r.vlmLabel), tsmLabel(r));
    applyHeatmap();
}

void ReviewPanel::nextCase() {
    if (session_ && current_ + 1 < session_->caseCount()) showCase(current_ + 1);
}

void ReviewPanel::previousCase() {
    if (session_ && current_ > 0) showCase(current_ - 1);
}

void ReviewPanel::acceptAndNext() {
    if (!session_ || aiHidden()) return;
    form_->setDecision(Decision::Accept);
    if (!session_->answer(current_)) {
        setStatus([] { return tr("There is no AI answer to accept yet: wait for it, or correct or reject the case."); });
        return;
    }
    saveAndNext();
}

void ReviewPanel::saveAndNext() {
    if (!session_ || current_ < 0) return;
    if (!form_->missing().isEmpty()) {
        setStatus([this] { return form_->missing(); });  // what is still missing, in words
        return;
    }
    if (form_->mode() == DecisionForm::Mode::Unaided) {
        Read read;
        read.label = form_->label();
        read.finding = form_->finding();
        read.confidence = form_->confidence();
        read.secondsSpent = clock_->seconds();
        read.startedAt = clock_->startedAt();
        read.finishedAt = QDateTime::currentDateTimeUtc();
        try {
            session_->recordUnaidedRead(current_, read);  // committed before the AI is shown
        } catch (const Error& e) {
            setStatus([why = QString::fromStdString(e.what())] { return tr("Your read was not saved: %1").arg(why); });
            Q_EMIT failed(QString::fromStdString(e.what()));
            return;
        }
        unaided_ = read;
        form_->setMode(DecisionForm::Mode::Decision);
        form_->clear();
        showAnswer();
        clock_->restart();  // the aided read starts when the AI is shown
        return;
    }
    Review review;
    review.decision = *form_->decision();
    review.reason = review.decision == Decision::Accept ? Reason::None : form_->reason();
    review.text = form_->text();
    const auto answer = session_->answer(current_);
    review.read.label = review.decision == Decision::Accept && answer ? q(answer->answer.vlmLabel) : form_->label();
    review.read.finding = review.decision == Decision::Accept ? QString() : form_->finding();
    review.read.confidence = form_->confidence();
    const auto earlier = session_->review(current_);
    // Editing a saved review adds to its time rather than replacing it.
    review.read.secondsSpent = clock_->seconds() + (earlier ? earlier->read.secondsSpent : 0.0);
    review.read.startedAt = earlier ? earlier->read.startedAt : clock_->startedAt();
    review.read.finishedAt = QDateTime::currentDateTimeUtc();
    review.unaidedRead = unaided_;
    try {
        session_->saveReview(current_, review);
    } catch (const Error& e) {
        setStatus([why = QString::fromStdString(e.what())] { return tr("The review was not saved: %1").arg(why); });
        Q_EMIT failed(QString::fromStdString(e.what()));
        return;
    }
    updateCaseRow(current_);
    Q_EMIT reviewSaved(current_);
    if (current_ + 1 < session_->caseCount())
        showCase(current_ + 1);
    else
        setStatus([reviewed = session_->reviewedCount()] {
            return tr("All %1 cases have a review. Open the summary (Summary) or export the worklist.").arg(reviewed);
        });
}

void ReviewPanel::showSummary() {
    if (!session_) return;
    SummaryDialog dialog(*session_, this);
    dialog.exec();
}

void ReviewPanel::updateProgress(int answered, int total, double secondsLeft) {
    progress_->setMaximum(std::max(total, 1));
    progress_->setValue(answered);
    progress_->setVisible(answered < total || (session_ && session_->answering()));
    secondsLeft_ = answered < total ? secondsLeft : -1;
    answeringStopped_ = false;
    showEta();
}

void ReviewPanel::showPosition() {
    position_->setText(session_ && current_ >= 0 ? tr("Case %1 of %2").arg(current_ + 1).arg(session_->caseCount())
                                                 : QString());
}

void ReviewPanel::showAnsweringState() {
    if (session_) answerButton_->setText(session_->answering() ? tr("Stop answering") : tr("Answer the rest"));
}

void ReviewPanel::showEta() {
    if (answeringStopped_)
        eta_->setText(tr("stopped"));
    else
        eta_->setText(secondsLeft_ >= 0 ? tr("about %1 left").arg(minutesAndSeconds(secondsLeft_)) : QString());
}

void ReviewPanel::setStatus(std::function<QString()> text) {
    statusText_ = std::move(text);
    status_->setText(statusText_ ? statusText_() : QString());
}

QString ReviewPanel::answerText() const { return answer_->toPlainText(); }
QString ReviewPanel::statusText() const { return status_->text(); }

}  // namespace vitask::ui

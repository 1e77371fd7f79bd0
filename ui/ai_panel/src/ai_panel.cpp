#include "vitask/ui/ai_panel/ai_panel.h"

#include "vitask/ui/ai_panel/agreement_badge.h"
#include "vitask/ui/ai_panel/probability_table.h"
#include "vitask/ui/bridge/engine_bridge.h"
#include "vitask/ui/settings/studio_settings.h"
#include "vitask/ui/widgets/message_label.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSlider>
#include <QStandardItemModel>
#include <QTextEdit>
#include <QVBoxLayout>

#include <spdlog/spdlog.h>

#include <algorithm>

namespace vitask::ui {
namespace {

QString describe(const service::ModelInfo& model) {
    QString text = model.vitask ? AiPanel::tr("VITask model") : AiPanel::tr("LLaVA checkpoint");
    text += AiPanel::tr(" · %1 · %2 M parameters").arg(QString::fromStdString(model.device)).arg(model.parameters / 1e6, 0, 'f', 1);
    if (model.exemplarWidth > 0) text += AiPanel::tr(" · EP (TSM width %1)").arg(model.exemplarWidth);
    return text;
}

QString tsmLabel(const service::TsmEntry& tsm) {
    return QStringLiteral("%1 %2").arg(QString::fromStdString(tsm.name), QString::fromStdString(tsm.version)).trimmed();
}

QString tsmItemText(const service::TsmEntry& tsm) {
    return tsm.ready ? tsmLabel(tsm) : AiPanel::tr("%1 (broken)").arg(tsmLabel(tsm));
}

QString taskItemText(const service::TaskInfo& task) {
    return AiPanel::tr("%1 (%2, %3 labels)")
        .arg(QString::fromStdString(task.name), QString::fromStdString(task.modality))
        .arg(task.labels.size());
}

}  // namespace

AiPanel::AiPanel(EngineBridge* engine, QWidget* parent) : QWidget(parent), engine_(engine) {
    setObjectName(QStringLiteral("aiPanel"));
    buildLayout();
    retranslateUi();
    connectEngine();
    for (const auto& folder : StudioSettings::recentModels()) modelCombo_->addItem(folder, folder);
    modelCombo_->setCurrentIndex(-1);
    refreshTsms();
}

void AiPanel::buildLayout() {
    auto* layout = new QVBoxLayout(this);

    error_ = messageLabel(MessageKind::Error, QStringLiteral("aiError"), this);
    layout->addWidget(error_);

    modelBox_ = new QGroupBox(this);
    auto* modelForm = new QVBoxLayout(modelBox_);
    auto* modelRow = new QHBoxLayout;
    modelCombo_ = new QComboBox(modelBox_);
    modelCombo_->setObjectName(QStringLiteral("modelCombo"));
    modelCombo_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    modelButton_ = new QPushButton(modelBox_);
    modelRow->addWidget(modelCombo_, 1);
    modelRow->addWidget(modelButton_);
    modelForm->addLayout(modelRow);
    modelStatus_ = new QLabel(modelBox_);
    modelStatus_->setObjectName(QStringLiteral("modelStatus"));
    modelStatus_->setWordWrap(true);
    setLabelText(modelStatus_, [] { return tr("Not loaded"); });
    modelForm->addWidget(modelStatus_);
    tsmCombo_ = new QComboBox(modelBox_);
    tsmCombo_->setObjectName(QStringLiteral("tsmCombo"));
    // "(none)" until the engine has listed the TSMs (it loads after the window shows).
    tsmCombo_->addItem(QString(), QString());
    tsmStatus_ = new QLabel(modelBox_);
    tsmStatus_->setWordWrap(true);
    auto* tsmForm = new QFormLayout;
    tsmLabel_ = new QLabel(modelBox_);
    tsmForm->addRow(tsmLabel_, tsmCombo_);
    modelForm->addLayout(tsmForm);
    modelForm->addWidget(tsmStatus_);
    layout->addWidget(modelBox_);

    questionBox_ = new QGroupBox(this);
    auto* questionLayout = new QVBoxLayout(questionBox_);
    auto* questionForm = new QFormLayout;
    taskCombo_ = new QComboBox(questionBox_);
    taskCombo_->setObjectName(QStringLiteral("taskCombo"));
    templateCombo_ = new QComboBox(questionBox_);
    templateCombo_->setObjectName(QStringLiteral("templateCombo"));
    taskLabel_ = new QLabel(questionBox_);
    templateLabel_ = new QLabel(questionBox_);
    questionForm->addRow(taskLabel_, taskCombo_);
    questionForm->addRow(templateLabel_, templateCombo_);
    questionLayout->addLayout(questionForm);
    question_ = new QPlainTextEdit(questionBox_);
    question_->setObjectName(QStringLiteral("questionEdit"));
    question_->setFixedHeight(question_->fontMetrics().lineSpacing() * 4 + 12);
    questionLayout->addWidget(question_);
    withExemplar_ = new QCheckBox(questionBox_);
    withExemplar_->setObjectName(QStringLiteral("withExemplar"));
    questionLayout->addWidget(withExemplar_);
    auto* buttons = new QHBoxLayout;
    askButton_ = new QPushButton(questionBox_);
    askButton_->setObjectName(QStringLiteral("askButton"));
    askButton_->setDefault(true);
    cancelButton_ = new QPushButton(questionBox_);
    cancelButton_->setObjectName(QStringLiteral("cancelButton"));
    cancelButton_->setEnabled(false);
    buttons->addWidget(askButton_);
    buttons->addWidget(cancelButton_);
    questionLayout->addLayout(buttons);
    progress_ = new QProgressBar(questionBox_);
    progress_->setObjectName(QStringLiteral("answerProgress"));
    progress_->setTextVisible(true);
    progress_->setMaximum(static_cast<int>(StudioSettings::maxNewTokens()));
    progress_->setValue(0);
    questionLayout->addWidget(progress_);
    layout->addWidget(questionBox_);

    answerBox_ = new QGroupBox(this);
    auto* answerLayout = new QVBoxLayout(answerBox_);
    badge_ = new AgreementBadge(answerBox_);
    answerLayout->addWidget(badge_);
    answer_ = new QTextEdit(answerBox_);
    answer_->setObjectName(QStringLiteral("answerText"));
    answer_->setReadOnly(true);
    answer_->setFixedHeight(answer_->fontMetrics().lineSpacing() * 4 + 12);
    answerLayout->addWidget(answer_);
    answerStatus_ = new QLabel(answerBox_);
    answerStatus_->setObjectName(QStringLiteral("answerStatus"));
    answerStatus_->setWordWrap(true);
    answerLayout->addWidget(answerStatus_);
    table_ = new ProbabilityTable(answerBox_);
    table_->setMinimumHeight(table_->verticalHeader()->defaultSectionSize() * 8);
    answerLayout->addWidget(table_, 1);
    layout->addWidget(answerBox_, 1);

    saliencyBox_ = new QGroupBox(this);
    auto* saliencyLayout = new QHBoxLayout(saliencyBox_);
    heatmapVisible_ = new QCheckBox(saliencyBox_);
    heatmapVisible_->setObjectName(QStringLiteral("heatmapVisible"));
    heatmapVisible_->setChecked(true);
    heatmapOpacity_ = new QSlider(Qt::Horizontal, saliencyBox_);
    heatmapOpacity_->setObjectName(QStringLiteral("heatmapOpacity"));
    heatmapOpacity_->setRange(0, 100);
    heatmapOpacity_->setValue(45);
    saliencyStatus_ = new QLabel(saliencyBox_);
    setLabelText(saliencyStatus_, [] { return tr("none"); });
    saliencyLayout->addWidget(heatmapVisible_);
    saliencyLayout->addWidget(heatmapOpacity_, 1);
    saliencyLayout->addWidget(saliencyStatus_);
    layout->addWidget(saliencyBox_);

    connect(modelButton_, &QPushButton::clicked, this, &AiPanel::chooseModelFolder);
    connect(modelCombo_, qOverload<int>(&QComboBox::activated), this,
            [this](int index) { loadModel(modelCombo_->itemData(index).toString()); });
    connect(tsmCombo_, qOverload<int>(&QComboBox::activated), this,
            [this](int index) { loadTsm(tsmCombo_->itemData(index).toString()); });
    connect(taskCombo_, qOverload<int>(&QComboBox::currentIndexChanged), this, &AiPanel::fillTemplates);
    connect(templateCombo_, qOverload<int>(&QComboBox::activated), this,
            [this](int index) { question_->setPlainText(templateCombo_->itemData(index).toString()); });
    connect(askButton_, &QPushButton::clicked, this, &AiPanel::ask);
    connect(cancelButton_, &QPushButton::clicked, this, &AiPanel::cancel);
    connect(heatmapVisible_, &QCheckBox::toggled, this, &AiPanel::heatmapVisibleChanged);
    connect(heatmapOpacity_, &QSlider::valueChanged, this, [this](int v) { Q_EMIT heatmapOpacityChanged(v / 100.0); });
}

void AiPanel::retranslateUi() {
    modelBox_->setTitle(tr("Model"));
    modelCombo_->setPlaceholderText(tr("No model loaded"));
    modelCombo_->setToolTip(tr("Recent models: a VITask run's final/ folder or a Hugging Face LLaVA folder."));
    modelButton_->setText(tr("Open…"));
    modelButton_->setToolTip(tr("Load a model folder (Ctrl+M)"));
    tsmCombo_->setToolTip(tr("The task-specific model (image classifier) to compare with, and whose exemplar EP feeds."));
    tsmLabel_->setText(tr("TSM:"));

    questionBox_->setTitle(tr("Question"));
    taskCombo_->setToolTip(tr("The task whose label set is scored; its modality and labels fill the templates."));
    templateCombo_->setToolTip(tr("The paper's instruction and its robustness variants (incomplete, paraphrased, ...)."));
    taskLabel_->setText(tr("Task:"));
    templateLabel_->setText(tr("Template:"));
    question_->setPlaceholderText(tr("Ask about the image shown…"));
    withExemplar_->setText(tr("Answer with the TSM's exemplar (EP)"));
    withExemplar_->setToolTip(tr("VITask w/ EP: the TSM's feature is fed to the model. Without it the model answers "
                                 "alone, as it would be deployed."));
    askButton_->setText(tr("Ask"));
    askButton_->setToolTip(tr("Ask about the slice shown (Ctrl+Return)"));
    cancelButton_->setText(tr("Cancel"));
    cancelButton_->setToolTip(tr("Stop the answer (Esc)"));
    progress_->setFormat(tr("%v / %m tokens"));

    answerBox_->setTitle(tr("Answer"));
    saliencyBox_->setTitle(tr("TSM saliency"));
    heatmapVisible_->setText(tr("Show (H)"));
    heatmapOpacity_->setToolTip(tr("Opacity of the heatmap over the image"));

    if (tsmCombo_->count() > 0) tsmCombo_->setItemText(0, tr("(none)"));
    for (std::size_t i = 0; i < tsms_.size(); ++i) tsmCombo_->setItemText(static_cast<int>(i) + 1, tsmItemText(tsms_[i]));
    if (model_) {
        taskCombo_->setItemText(0, tr("(none: free question)"));
        for (std::size_t i = 0; i < model_->tasks.size(); ++i)
            taskCombo_->setItemText(static_cast<int>(i) + 1, taskItemText(model_->tasks[i]));
    }
    for (const auto& [label, text] : labelTexts_) label->setText(text());
}

void AiPanel::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslateUi();
    QWidget::changeEvent(event);
}

void AiPanel::setLabelText(QLabel* label, Text text) {
    label->setText(text());
    labelTexts_[label] = std::move(text);
}

void AiPanel::connectEngine() {
    connect(engine_, &EngineBridge::modelLoaded, this, [this](const service::ModelInfo& model) {
        showModel(model);
        Q_EMIT modelReady(model);
    });
    connect(engine_, &EngineBridge::modelFailed, this, [this](const QString& message) {
        setLabelText(modelStatus_, [this] { return model_ ? describe(*model_) : tr("Not loaded"); });
        reportError([message] { return tr("The model could not be loaded: %1").arg(message); });
        Q_EMIT modelFailed(message);
    });
    connect(engine_, &EngineBridge::tsmsListed, this, &AiPanel::showTsms);
    connect(engine_, &EngineBridge::tsmLoaded, this, [this](const service::TsmEntry& tsm) {
        tsm_ = tsm;
        setLabelText(tsmStatus_, [labels = tsm.labels.size(), width = tsm.featureWidth] {
            return tr("Ready · %1 labels · feature width %2").arg(labels).arg(width);
        });
        showLoadedTsm();
        Q_EMIT tsmReady(tsm);
    });
    connect(engine_, &EngineBridge::tsmFailed, this, [this](const QString& message) {
        tsm_.reset();
        tsmCombo_->setCurrentIndex(0);
        setLabelText(tsmStatus_, [] { return tr("No TSM"); });
        reportError([message] { return tr("The TSM could not be loaded: %1").arg(message); });
        Q_EMIT tsmFailed(message);
    });
    connect(engine_, &EngineBridge::tsmUnloaded, this, [this] {
        tsm_.reset();
        setLabelText(tsmStatus_, [] { return tr("No TSM: the model answers alone."); });
    });

    connect(engine_, &EngineBridge::answerText, this, [this](int ask, const QString& added) {
        if (ask != currentAsk_) return;  // an answer that was replaced
        answer_->moveCursor(QTextCursor::End);
        answer_->insertPlainText(added);
    });
    connect(engine_, &EngineBridge::answerProgress, this, [this](int ask, int tokens, int maxTokens) {
        if (ask != currentAsk_) return;
        progress_->setMaximum(maxTokens);
        progress_->setValue(tokens);
    });
    connect(engine_, &EngineBridge::tsmPredicted, this, [this](int ask, const service::TsmPrediction& prediction) {
        if (ask != currentAsk_) return;
        table_->showProbabilities({}, {}, prediction);
    });
    connect(engine_, &EngineBridge::answerFinished, this, [this](int ask, const service::AskResult& result) {
        if (ask != currentAsk_) return;
        result_ = result;
        setAsking(false);
        progress_->setMaximum(std::max<int>(1, static_cast<int>(result.generatedIds.size())));
        progress_->setValue(static_cast<int>(result.generatedIds.size()));
        answer_->setPlainText(QString::fromStdString(result.answer));
        table_->showProbabilities(result.labels, result.labelsWithExemplar, result.tsm);
        const QString tsmTop = result.tsm ? QString::fromStdString(result.tsm->probabilities[result.tsm->top].label) : QString();
        badge_->showAgreement(result.agreement, QString::fromStdString(result.vlmLabel), tsmTop);
        setLabelText(answerStatus_, [cancelled = result.finish == "cancelled", tokens = result.generatedIds.size(),
                                     seconds = result.seconds, withExemplar = result.answeredWithExemplar] {
            return cancelled ? tr("Cancelled after %1 tokens.").arg(tokens)
                             : tr("%1 tokens in %2 s%3.")
                                   .arg(tokens)
                                   .arg(seconds, 0, 'f', 2)
                                   .arg(withExemplar ? tr(", with the exemplar") : QString());
        });
        const QString method = result.saliency ? QString::fromStdString(result.saliency->method) : QString();
        const QString label = result.saliency ? QString::fromStdString(result.saliency->label) : QString();
        setLabelText(saliencyStatus_, [method, label] {
            return method.isEmpty() ? tr("none") : tr("%1 of “%2”").arg(method, label);
        });
        Q_EMIT saliencyChanged(result.saliency);
        Q_EMIT answerFinished(result);
    });
    connect(engine_, &EngineBridge::answerFailed, this, [this](int ask, const QString& message) {
        if (ask != currentAsk_) return;
        setAsking(false);
        setLabelText(answerStatus_, [] { return tr("No answer."); });
        showError(message);
    });
}

void AiPanel::showTsms(const std::vector<service::TsmEntry>& tsms) {
    tsms_ = tsms;
    tsmCombo_->clear();
    tsmCombo_->addItem(tr("(none)"), QString());
    for (const auto& tsm : tsms) {
        tsmCombo_->addItem(tsmItemText(tsm), tsm.ready ? QString::fromStdString(tsm.source.string()) : QString());
        const int row = tsmCombo_->count() - 1;
        tsmCombo_->setItemData(row, QString::fromStdString(tsm.ready ? tsm.description : tsm.error), Qt::ToolTipRole);
        // A broken TSM stays listed (its tooltip says why) but cannot be chosen.
        if (auto* items = qobject_cast<QStandardItemModel*>(tsmCombo_->model()); items && !tsm.ready)
            items->item(row)->setEnabled(false);
    }
    if (tsm_) showLoadedTsm();
}

void AiPanel::showLoadedTsm() {
    // A TSM opened by its path need not be in the registry's folders: list it too.
    const QString source = QString::fromStdString(tsm_->source.string());
    if (tsmCombo_->findData(source) < 0) tsmCombo_->addItem(tsmLabel(*tsm_), source);
    tsmCombo_->setCurrentIndex(tsmCombo_->findData(source));
}

void AiPanel::chooseModelFolder() {
    const QString folder = QFileDialog::getExistingDirectory(
        this, tr("Load a model folder (a VITask run's final/ or a LLaVA folder)"), StudioSettings::modelFolder());
    if (!folder.isEmpty()) loadModel(folder);
}

void AiPanel::loadModel(const QString& folder) {
    if (folder.isEmpty()) return;
    error_->hide();
    setLabelText(modelStatus_, [folder] { return tr("Loading %1…").arg(folder); });
    engine_->loadModel(folder);
}

void AiPanel::showModel(const service::ModelInfo& model) {
    model_ = model;
    const QString folder = QString::fromStdString(model.folder.string());
    StudioSettings::addRecentModel(folder);
    int row = modelCombo_->findData(folder);
    if (row < 0) {
        modelCombo_->insertItem(0, QString::fromStdString(model.name), folder);
        row = 0;
    }
    modelCombo_->setItemText(row, QString::fromStdString(model.name));
    modelCombo_->setItemData(row, folder, Qt::ToolTipRole);
    modelCombo_->setCurrentIndex(row);
    setLabelText(modelStatus_, [this] { return describe(*model_); });
    withExemplar_->setEnabled(model.exemplarWidth > 0);
    if (model.exemplarWidth == 0) withExemplar_->setChecked(false);

    taskCombo_->blockSignals(true);
    taskCombo_->clear();
    taskCombo_->addItem(tr("(none: free question)"));
    for (const auto& task : model.tasks) taskCombo_->addItem(taskItemText(task));
    taskCombo_->setCurrentIndex(model.tasks.empty() ? 0 : 1);
    taskCombo_->blockSignals(false);
    fillTemplates();
    // A VITask model names the TSM it was trained with: offer it when none is chosen.
    if (!tsm_ && !model.trainedTsm.empty())
        setLabelText(tsmStatus_, [name = QString::fromStdString(model.trainedTsm)] {
            return tr("Trained with the TSM “%1”.").arg(name);
        });
}

void AiPanel::fillTemplates() {
    templateCombo_->clear();
    const int task = taskCombo_->currentIndex() - 1;
    if (!model_ || task < 0 || task >= static_cast<int>(model_->tasks.size())) {
        templateCombo_->setEnabled(false);
        if (question_->toPlainText().isEmpty()) question_->setPlainText(tr("Describe the image."));
        return;
    }
    templateCombo_->setEnabled(true);
    for (const auto& t : service::questionTemplates(model_->tasks[static_cast<size_t>(task)]))
        templateCombo_->addItem(QString::fromStdString(t.variant), QString::fromStdString(t.text));
    question_->setPlainText(templateCombo_->itemData(0).toString());
}

void AiPanel::refreshTsms() { engine_->listTsms(); }

void AiPanel::loadTsm(const QString& nameOrPath) {
    error_->hide();
    if (nameOrPath.isEmpty()) {
        engine_->unloadTsm();
        return;
    }
    setLabelText(tsmStatus_, [nameOrPath] { return tr("Loading %1…").arg(nameOrPath); });
    engine_->loadTsm(nameOrPath);
}

void AiPanel::setQuestion(const QString& question) {
    // One of the model's templates chooses its task (and variant), so the labels scored
    // are those the question names.
    if (model_) {
        for (std::size_t task = 0; task < model_->tasks.size(); ++task) {
            const auto templates = service::questionTemplates(model_->tasks[task]);
            for (std::size_t variant = 0; variant < templates.size(); ++variant) {
                if (QString::fromStdString(templates[variant].text) != question) continue;
                taskCombo_->setCurrentIndex(static_cast<int>(task) + 1);
                templateCombo_->setCurrentIndex(static_cast<int>(variant));
            }
        }
    }
    question_->setPlainText(question);
}

void AiPanel::ask() {
    error_->hide();
    if (!model_) {
        reportError([] { return tr("Load a model first (Model › Open…)."); });
        return;
    }
    QString why;
    auto image = imageProvider_ ? imageProvider_(&why) : std::nullopt;
    if (!image) {
        reportError([why] { return why.isEmpty() ? tr("Open an image first.") : why; });
        return;
    }
    if (currentAsk_ != 0) engine_->cancel();  // a new question replaces the running one
    service::AskRequest request;
    request.question = question_->toPlainText().trimmed().toStdString();
    const int task = taskCombo_->currentIndex() - 1;
    if (task >= 0 && task < static_cast<int>(model_->tasks.size())) request.task = model_->tasks[static_cast<size_t>(task)];
    request.answerWithExemplar = withExemplar_->isChecked();
    request.maxNewTokens = StudioSettings::maxNewTokens();
    clearAnswer();
    progress_->setMaximum(static_cast<int>(request.maxNewTokens));
    currentAsk_ = engine_->ask(std::move(*image), std::move(request));
    setAsking(true);
}

void AiPanel::cancel() {
    if (currentAsk_ == 0) return;
    engine_->cancel();
    setLabelText(answerStatus_, [] { return tr("Cancelling…"); });
}

void AiPanel::clearAnswer() {
    result_.reset();
    answer_->clear();
    table_->clearProbabilities();
    badge_->showAgreement(service::Agreement::Unknown, {}, {});
    setLabelText(answerStatus_, [] { return QString(); });
    progress_->setValue(0);
    Q_EMIT saliencyChanged(std::nullopt);
}

void AiPanel::setAsking(bool asking) {
    if (!asking) currentAsk_ = 0;
    cancelButton_->setEnabled(asking);
    if (asking) setLabelText(answerStatus_, [] { return tr("Answering…"); });
}

void AiPanel::showError(const QString& message) {
    reportError([message] { return message; });
}

void AiPanel::reportError(Text message) {
    setLabelText(error_, std::move(message));
    error_->show();
    // The details go to the log (no patient data: engine messages name files and fields).
    spdlog::error("AI panel: {}", error_->text().toStdString());
    Q_EMIT failed(error_->text());
}

QString AiPanel::answerText() const { return answer_->toPlainText(); }

QString AiPanel::errorText() const { return error_->isHidden() ? QString() : error_->text(); }

}  // namespace vitask::ui

#include "vitask/ui/review_panel/new_worklist_dialog.h"

#include "vitask/common/error.h"
#include "vitask/ui/bridge/engine_bridge.h"
#include "vitask/ui/bridge/post_to.h"
#include "vitask/ui/review_panel/worklist_creation.h"
#include "vitask/ui/settings/studio_settings.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QThread>
#include <QVBoxLayout>

namespace vitask::ui {
namespace {

QString q(const std::string& text) { return QString::fromStdString(text); }

bool isDataset(const QString& path) {
    return path.endsWith(QLatin1String(".npz"), Qt::CaseInsensitive) ||
           path.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive);
}

}  // namespace

NewWorklistDialog::NewWorklistDialog(ReviewStore& store, EngineBridge* engine, QWidget* parent)
    : QDialog(parent), store_(store), engine_(engine), cancel_(std::make_shared<std::atomic<bool>>(false)) {
    setWindowTitle(tr("New worklist"));
    auto* layout = new QVBoxLayout(this);
    modelNote_ = new QLabel(this);
    modelNote_->setWordWrap(true);
    layout->addWidget(modelNote_);
    auto* form = new QFormLayout;
    auto* sourceRow = new QHBoxLayout;
    source_ = new QLineEdit(this);
    source_->setObjectName(QStringLiteral("source"));
    source_->setPlaceholderText(tr("A study folder, a DICOMDIR, a MedMNIST .npz or a CSV manifest"));
    auto* file = new QPushButton(tr("File…"), this);
    auto* folder = new QPushButton(tr("Folder…"), this);
    sourceRow->addWidget(source_);
    sourceRow->addWidget(file);
    sourceRow->addWidget(folder);
    form->addRow(tr("&Cases from:"), sourceRow);
    split_ = new QComboBox(this);
    split_->addItems({QStringLiteral("test"), QStringLiteral("val"), QStringLiteral("train")});
    split_->setToolTip(tr("The split of a dataset to review (datasets only)."));
    form->addRow(tr("&Split:"), split_);
    name_ = new QLineEdit(this);
    name_->setPlaceholderText(tr("(the source's name)"));
    form->addRow(tr("&Name:"), name_);
    task_ = new QComboBox(this);
    task_->setToolTip(tr("The model's task whose labels are scored (a dataset brings its own)."));
    form->addRow(tr("&Task:"), task_);
    question_ = new QComboBox(this);
    question_->setEditable(true);
    question_->setToolTip(tr("What the model is asked about every case; empty: the task's complete instruction."));
    form->addRow(tr("&Question:"), question_);
    blinded_ = new QCheckBox(tr("Blinded reader study: record my own read before the AI is shown"), this);
    form->addRow(QString(), blinded_);
    reviewer_ = new QLineEdit(StudioSettings::reviewer(), this);
    reviewer_->setObjectName(QStringLiteral("reviewer"));
    form->addRow(tr("&Reviewer:"), reviewer_);
    layout->addLayout(form);
    progress_ = new QProgressBar(this);
    progress_->hide();
    layout->addWidget(progress_);
    error_ = new QLabel(this);
    error_->setWordWrap(true);
    error_->setStyleSheet(QStringLiteral("color: #b71c1c;"));
    layout->addWidget(error_);
    auto* buttons = new QDialogButtonBox(this);
    createButton_ = buttons->addButton(tr("C&reate"), QDialogButtonBox::AcceptRole);
    auto* cancel = buttons->addButton(QDialogButtonBox::Cancel);
    layout->addWidget(buttons);

    const auto& model = engine_->model();
    if (model) {
        QString text = tr("Answered by <b>%1</b>").arg(q(model->name).toHtmlEscaped());
        if (const auto& tsm = engine_->tsm()) text += tr(" with the TSM <b>%1</b>").arg(q(tsm->name).toHtmlEscaped());
        modelNote_->setText(text + QStringLiteral("."));
        for (const auto& task : model->tasks) task_->addItem(q(task.name));
    } else {
        modelNote_->setText(tr("Load a model in the AI panel first: the worklist's cases are answered by it."));
        createButton_->setEnabled(false);
    }
    const auto fillQuestions = [this] {
        question_->clear();
        question_->addItem(QString());
        const auto& m = engine_->model();
        if (!m) return;
        for (const auto& task : m->tasks)
            if (q(task.name) == task_->currentText())
                for (const auto& t : service::questionTemplates(task)) question_->addItem(q(t.text));
    };
    connect(task_, &QComboBox::currentTextChanged, this, fillQuestions);
    fillQuestions();
    connect(source_, &QLineEdit::textChanged, this, [this](const QString& path) { split_->setEnabled(isDataset(path)); });
    split_->setEnabled(false);
    connect(file, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(
            this, tr("Cases from"), StudioSettings::studyFolder(),
            tr("Worklist sources (DICOMDIR *.npz *.csv);;All files (*)"));
        if (!path.isEmpty()) source_->setText(path);
    });
    connect(folder, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getExistingDirectory(this, tr("Cases from"), StudioSettings::studyFolder());
        if (!path.isEmpty()) source_->setText(path);
    });
    connect(createButton_, &QPushButton::clicked, this, &NewWorklistDialog::create);
    connect(cancel, &QPushButton::clicked, this, [this] {
        if (busy_)
            cancel_->store(true);
        else
            reject();
    });
}

NewWorklistDialog::~NewWorklistDialog() { cancel_->store(true); }

void NewWorklistDialog::setSource(const QString& path) { source_->setText(path); }
void NewWorklistDialog::setBlinded(bool blinded) { blinded_->setChecked(blinded); }
void NewWorklistDialog::setQuestion(const QString& question) { question_->setCurrentText(question); }
void NewWorklistDialog::setReviewer(const QString& name) { reviewer_->setText(name); }
QString NewWorklistDialog::reviewer() const { return reviewer_->text().trimmed(); }
QString NewWorklistDialog::errorText() const { return error_->text(); }

void NewWorklistDialog::showError(const QString& message) {
    error_->setText(message);
    if (!message.isEmpty()) Q_EMIT failed(message);
}

void NewWorklistDialog::setBusy(bool busy) {
    busy_ = busy;
    createButton_->setEnabled(!busy);
    progress_->setVisible(busy);
    progress_->setRange(0, 0);
}

void NewWorklistDialog::create() {
    if (busy_ || !engine_->model()) return;
    const QString path = source_->text().trimmed();
    if (path.isEmpty()) return showError(tr("Choose where the cases come from."));
    if (reviewer().isEmpty()) return showError(tr("Enter the reviewer's name: reviews are saved under it."));
    showError({});
    setBusy(true);
    cancel_->store(false);
    QPointer<NewWorklistDialog> self(this);
    auto cancel = cancel_;
    const std::string split = split_->currentText().toStdString();
    QThread* thread = QThread::create([self, cancel, path, split] {
        service::WorklistSource source;
        QString error;
        try {
            source = service::listWorklist(path.toStdString(), split, [self, cancel](std::size_t done, std::size_t total) {
                if (self) postTo(self.data(), [self, done, total] {
                    if (!self || total == 0) return;
                    self->progress_->setRange(0, int(total));
                    self->progress_->setValue(int(done));
                });
                return !cancel->load();
            });
        } catch (const std::exception& e) {
            error = QString::fromStdString(e.what());
        }
        if (self) postTo(self.data(), [self, source, error] {
            if (!self) return;
            self->setBusy(false);
            if (!error.isEmpty()) return self->showError(error);
            self->listed(source);
        });
    });
    connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    thread->start();
}

void NewWorklistDialog::listed(const service::WorklistSource& source) {
    WorklistSettings settings;
    settings.name = name_->text();
    settings.question = question_->currentText();
    settings.blinded = blinded_->isChecked();
    settings.taskName = task_->currentText();
    const auto& tsm = engine_->tsm();
    if (tsm) settings.tsmSource = q(tsm->source.empty() ? tsm->name : tsm->source.string());
    try {
        worklist_ = createWorklist(store_, settings, source, *engine_->model(), tsm);
    } catch (const Error& e) {
        return showError(QString::fromStdString(e.what()));
    }
    StudioSettings::setReviewer(reviewer());
    Q_EMIT created(worklist_.id);
    accept();
}

}  // namespace vitask::ui

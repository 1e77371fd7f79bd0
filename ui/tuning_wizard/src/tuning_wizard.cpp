#include "vitask/ui/tuning_wizard/tuning_wizard.h"

#include "base_model_page.h"
#include "dataset_page.h"
#include "hyperparameters_page.h"
#include "method_page.h"
#include "review_page.h"
#include "run_draft.h"
#include "wizard_paths.h"

#include "vitask/service/run_config.h"

#include <QDateTime>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QSaveFile>

namespace vitask::ui {

TuningWizard::TuningWizard(QWidget* parent) : QWizard(parent) {
    setObjectName(QStringLiteral("tuningWizard"));
    setWindowTitle(tr("New tuning run"));
    setWizardStyle(QWizard::ModernStyle);
    setOption(QWizard::NoBackButtonOnStartPage);
    setOption(QWizard::HaveHelpButton, false);
    setButtonText(QWizard::FinishButton, tr("&Launch"));
    setButtonText(QWizard::NextButton, tr("&Next >"));
    setButtonText(QWizard::BackButton, tr("< &Back"));

    datasets_ = new DatasetPage(this);
    model_ = new BaseModelPage(datasets_, this);
    method_ = new MethodPage(model_, this);
    hyper_ = new HyperparametersPage(this);
    review_ = new ReviewPage(this);
    setPage(DatasetPageId, datasets_);
    setPage(BaseModelPageId, model_);
    setPage(MethodPageId, method_);
    setPage(HyperparametersPageId, hyper_);
    setPage(ReviewPageId, review_);
    pages_ = {datasets_, model_, method_, hyper_, review_};
    for (auto* page : pages_) connect(page, &WizardPage::edited, this, &TuningWizard::revalidate);

    connect(datasets_, &DatasetPage::previewed, this, &TuningWizard::datasetPreviewed);
    connect(datasets_, &DatasetPage::synthFinished, this, &TuningWizard::synthFinished);
    connect(review_, &ReviewPage::saveRequested, this, &TuningWizard::saveWithDialog);
    // yaml() is the editor's text on the review page and the fields' elsewhere: check
    // again whenever the page changes.
    connect(this, &QWizard::currentIdChanged, this, [this](int id) {
        if (id == ReviewPageId) prepareReview();
        revalidate();
    });
    resize(1080, 760);
    revalidate();
}

void TuningWizard::prepareReview() {
    review_->setGeneratedYaml(fieldsYaml());
    const auto paths = datasets_->datasets();
    const auto* first = paths.isEmpty() ? nullptr : datasets_->preview(paths.front());
    const QString stem = first && !first->name.empty() ? QString::fromStdString(first->name) : QStringLiteral("run");
    review_->suggestRunName(QStringLiteral("%1-%2-%3")
                                .arg(stem, method_->vitask() ? QStringLiteral("vitask") : QStringLiteral("vanilla"),
                                     QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmm"))));
    review_->setLaunchNote(tsmTrainArguments().isEmpty()
                               ? tr("Launch saves the configuration beside the run folder and starts `vitask train` on "
                                    "the Runs page.")
                               : tr("Launch saves the configuration beside the run folder, trains the TSM with `vitask "
                                    "tsm train`, then starts `vitask train` on the Runs page."));
}

QString TuningWizard::fieldsYaml() const {
    RunDraft draft;
    for (const auto* page : pages_) page->fill(draft);
    return draft.toYaml();
}

QString TuningWizard::yaml() const { return currentId() == ReviewPageId ? review_->yaml() : fieldsYaml(); }

QString TuningWizard::problem() const { return problem_; }

QString TuningWizard::runFolder() const { return review_->runFolder(); }

QString TuningWizard::configPath() const {
    const QString folder = runFolder();
    // Before a folder is chosen, paths are checked as if saved in the runs folder.
    return folder.isEmpty() ? QDir(runsFolder()).filePath(QStringLiteral("run.yaml")) : folder + QStringLiteral(".yaml");
}

QStringList TuningWizard::tsmTrainArguments() const { return model_->tsm()->trainArguments(); }

void TuningWizard::revalidate() {
    // Filling a page re-enters through its edited() signal; one check covers it.
    if (validating_) return;
    validating_ = true;
    const auto problems = service::checkRunConfig(yaml().toStdString(), configPath().toStdString());
    problem_ = problems.empty() ? QString() : QString::fromStdString(problems.front().message);
    const QString field = problems.empty() ? QString() : QString::fromStdString(problems.front().field);
    const QString text = problems.empty() ? QString() : QString::fromStdString(problems.front().text);
    for (auto* page : pages_) page->showProblem(field, text);
    validating_ = false;
}

bool TuningWizard::saveYaml(const QString& path, QString* error) const {
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSaveFile file(path);  // written beside, renamed over: a reader never sees half a file
    const QByteArray bytes = yaml().toUtf8();
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        if (error) *error = tr("Cannot write %1: %2. Choose another folder or free disk space.").arg(path, file.errorString());
        return false;
    }
    return true;
}

void TuningWizard::saveWithDialog() {
    const QString path = QFileDialog::getSaveFileName(this, tr("Save the run configuration"), configPath(),
                                                      tr("Run configurations (*.yaml *.yml)"));
    if (path.isEmpty()) return;
    QString error;
    if (!saveYaml(path, &error)) QMessageBox::warning(this, tr("Save the run configuration"), error);
}

void TuningWizard::setVitaskProgram(const QString& program) { datasets_->setVitaskProgram(program); }

void TuningWizard::addDataset(const QString& path) { datasets_->addDataset(path); }

void TuningWizard::setRunFolder(const QString& folder) { review_->setRunFolder(folder); }

void TuningWizard::accept() {
    if (currentId() != ReviewPageId || !review_->isComplete()) return;
    QString error;
    if (!saveYaml(configPath(), &error)) {
        QMessageBox::warning(this, tr("Launch"), error);
        return;
    }
    setRunsFolder(QFileInfo(runFolder()).absolutePath());
    Q_EMIT launchRequested(configPath(), runFolder(), tsmTrainArguments());
    QWizard::accept();
}

}  // namespace vitask::ui

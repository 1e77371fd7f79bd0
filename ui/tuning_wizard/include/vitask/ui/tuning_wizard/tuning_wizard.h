#pragma once
// The tuning wizard: writes a run configuration that `vitask train` accepts, page by page
// (dataset, base model and TSM, method, hyperparameters, review), every field judged by
// the trainer's own parser as it is typed. Launch runs nothing itself: it saves the YAML
// beside the run folder and asks the studio (the Runs page) to start the run, after
// `vitask tsm train` when the TSM is to be trained first.

#include <QWizard>

namespace vitask::ui {

class BaseModelPage;
class DatasetPage;
class HyperparametersPage;
class MethodPage;
class ReviewPage;
class WizardPage;

class TuningWizard : public QWizard {
    Q_OBJECT
public:
    enum PageId { DatasetPageId, BaseModelPageId, MethodPageId, HyperparametersPageId, ReviewPageId };

    explicit TuningWizard(QWidget* parent = nullptr);

    // The run configuration Launch writes: the review page's text once it is shown,
    // else the YAML of the fields.
    QString yaml() const;
    // The parser's message about yaml() as `vitask train` prints it after "error: ";
    // empty when the trainer accepts it.
    QString problem() const;
    QString runFolder() const;
    // Where Launch saves yaml(): beside the run folder, <run folder>.yaml (the trainer
    // refuses a run folder that already holds a config.yaml).
    QString configPath() const;
    // `vitask tsm train ...` (without the program) when the TSM is trained first; else empty.
    QStringList tsmTrainArguments() const;
    // Writes yaml() to `path` atomically. False with the reason in `error`.
    bool saveYaml(const QString& path, QString* error = nullptr) const;

    // What a user would do, for the studio (pre-filled runs) and tests.
    void setVitaskProgram(const QString& program);  // runs `vitask data synth`; default: defaultVitaskProgram()
    void addDataset(const QString& path);
    void setRunFolder(const QString& folder);
    DatasetPage* datasetPage() const { return datasets_; }
    BaseModelPage* baseModelPage() const { return model_; }
    MethodPage* methodPage() const { return method_; }
    HyperparametersPage* hyperparametersPage() const { return hyper_; }
    ReviewPage* reviewPage() const { return review_; }

public Q_SLOTS:
    // Launch: saves the configuration, emits launchRequested() and closes. Stays open
    // with a message when the page is incomplete or the file cannot be written.
    void accept() override;

Q_SIGNALS:
    // The run to start: `vitask train configPath --out runFolder`, after `vitask
    // <tsmTrainArgs>` when that list is not empty.
    void launchRequested(const QString& configPath, const QString& runFolder, const QStringList& tsmTrainArgs);
    // A dataset's preview finished (the dataset page shows it).
    void datasetPreviewed(const QString& path);
    // `vitask data synth` finished; `message` says why when it failed.
    void synthFinished(bool ok, const QString& message);

private:
    QString fieldsYaml() const;
    void prepareReview();
    void revalidate();
    void saveWithDialog();

    DatasetPage* datasets_;
    BaseModelPage* model_;
    MethodPage* method_;
    HyperparametersPage* hyper_;
    ReviewPage* review_;
    QList<WizardPage*> pages_;
    QString problem_;
    bool validating_ = false;
};

}  // namespace vitask::ui

#pragma once
// The dataset page: the datasets the run trains on (MedMNIST .npz files, CSV manifests,
// or the synthetic benchmark generated here by `vitask data synth`), each previewed off
// the UI thread as the trainer will read it. A dataset the trainer would refuse keeps
// Next disabled, with the loader's message; the report's warnings do not.

#include "wizard_page.h"

#include "vitask/service/run_config.h"

#include <QHash>
#include <QSet>
#include <QThreadPool>

class QComboBox;
class QLineEdit;
class QListWidget;
class QProgressBar;
class QPushButton;
class QSpinBox;

namespace vitask::ui {

class DatasetPreviewView;
class SynthRunner;

class DatasetPage : public WizardPage {
    Q_OBJECT
public:
    explicit DatasetPage(QWidget* parent = nullptr);
    ~DatasetPage() override;

    void fill(RunDraft& draft) const override;
    void setVitaskProgram(const QString& program);

    void addDataset(const QString& path);
    QStringList datasets() const;
    // The finished preview of a listed dataset, or nullptr while it loads.
    const service::DatasetPreview* preview(const QString& path) const;
    // The first dataset's image side (what a scratch model and a TSM are sized to); 28 until known.
    int imageSize() const;
    bool hasCsvManifest() const;

public Q_SLOTS:
    void generateSynthetic();

Q_SIGNALS:
    void previewed(const QString& path);
    void synthFinished(bool ok, const QString& message);

protected:
    bool ready() const override;

private:
    QWidget* buildSynthBox();
    void chooseFiles(const QString& filter);
    void removeSelected();
    void showSelected();
    void startPreview(const QString& path);

    QListWidget* list_;
    DatasetPreviewView* view_;
    QLineEdit* synthFolder_;
    QComboBox* synthModality_;
    QSpinBox* synthTrain_;
    QSpinBox* synthVal_;
    QSpinBox* synthTest_;
    QComboBox* synthSize_;
    QPushButton* synthButton_;
    QPushButton* synthCancel_;
    QProgressBar* synthProgress_;
    QLabel* synthStatus_;
    SynthRunner* synth_;
    QHash<QString, service::DatasetPreview> previews_;
    QSet<QString> loading_;
    // Declared last, destroyed first: waits for previews still running, which post to this page.
    QThreadPool pool_;
};

}  // namespace vitask::ui

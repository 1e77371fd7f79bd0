#include "launch_dialog.h"

#include "vitask/ui/runs_panel/runs_panel.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace vitask::ui {
namespace {

QWidget* withBrowse(QLineEdit* edit, QPushButton* browse) {
    auto* row = new QWidget;
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(edit, 1);
    layout->addWidget(browse);
    return row;
}

}  // namespace

LaunchDialog::LaunchDialog(const QString& startFolder, QWidget* parent) : QDialog(parent), startFolder_(startFolder) {
    setWindowTitle(RunsPanel::tr("New training run"));
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(RunsPanel::tr("Runs <code>vitask train CONFIG --out FOLDER</code> in the background. The "
                                           "run goes on if the studio is closed; the Runs page finds it again."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto* form = new QFormLayout;
    config_ = new QLineEdit(this);
    config_->setObjectName(QStringLiteral("launchConfig"));
    config_->setPlaceholderText(RunsPanel::tr("run.yaml (docs/training.md)"));
    auto* browseConfig = new QPushButton(RunsPanel::tr("Browse…"), this);
    form->addRow(RunsPanel::tr("Configuration:"), withBrowse(config_, browseConfig));
    folder_ = new QLineEdit(this);
    folder_->setObjectName(QStringLiteral("launchFolder"));
    folder_->setPlaceholderText(RunsPanel::tr("a new folder for the run"));
    auto* browseFolder = new QPushButton(RunsPanel::tr("Browse…"), this);
    form->addRow(RunsPanel::tr("Run folder:"), withBrowse(folder_, browseFolder));
    layout->addLayout(form);
    problem_ = new QLabel(this);
    problem_->setWordWrap(true);
    problem_->setStyleSheet(QStringLiteral("color: #b71c1c;"));
    layout->addWidget(problem_);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(RunsPanel::tr("Start training"));
    layout->addWidget(buttons);
    resize(640, sizeHint().height());

    connect(browseConfig, &QPushButton::clicked, this, &LaunchDialog::chooseConfig);
    connect(browseFolder, &QPushButton::clicked, this, &LaunchDialog::chooseFolder);
    connect(config_, &QLineEdit::textChanged, this, [this] {
        if (!folderEdited_) suggestFolder();
        validate();
    });
    connect(folder_, &QLineEdit::textEdited, this, [this] { folderEdited_ = true; });
    connect(folder_, &QLineEdit::textChanged, this, &LaunchDialog::validate);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    validate();
}

QString LaunchDialog::configFile() const { return config_->text().trimmed(); }
QString LaunchDialog::runFolder() const { return folder_->text().trimmed(); }

void LaunchDialog::chooseConfig() {
    const QString file = QFileDialog::getOpenFileName(this, RunsPanel::tr("Run configuration"), startFolder_,
                                                      RunsPanel::tr("Run configurations (*.yaml *.yml)"));
    if (!file.isEmpty()) config_->setText(file);
}

void LaunchDialog::chooseFolder() {
    const QString folder = QFileDialog::getExistingDirectory(this, RunsPanel::tr("Folder for the run"), startFolder_);
    if (folder.isEmpty()) return;
    folderEdited_ = true;
    folder_->setText(folder);
}

void LaunchDialog::suggestFolder() {
    const QFileInfo config(configFile());
    if (configFile().isEmpty()) return;
    const QString base = config.absoluteDir().filePath(QStringLiteral("runs/") + config.completeBaseName());
    QString folder = base;
    for (int n = 2; QFileInfo::exists(folder + QStringLiteral("/config.yaml")); ++n) folder = base + QStringLiteral("-%1").arg(n);
    folder_->setText(folder);
}

void LaunchDialog::validate() {
    QString problem;
    if (!configFile().isEmpty() && !QFileInfo(configFile()).isFile())
        problem = RunsPanel::tr("%1 does not exist.").arg(configFile());
    else if (!runFolder().isEmpty() && QFileInfo::exists(runFolder() + QStringLiteral("/config.yaml")))
        problem = RunsPanel::tr("%1 already holds a run: choose another folder.").arg(runFolder());
    problem_->setText(problem);
    auto* ok = findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
    ok->setEnabled(problem.isEmpty() && !configFile().isEmpty() && !runFolder().isEmpty());
}

}  // namespace vitask::ui

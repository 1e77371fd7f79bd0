#include "review_page.h"

#include "form_widgets.h"
#include "wizard_paths.h"

#include <QDir>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace vitask::ui {

ReviewPage::ReviewPage(QWidget* parent) : WizardPage(WizardStep::Review, parent) {
    setTitle(tr("Review and launch"));
    setSubTitle(tr("The run configuration as `vitask train` will read it. Edit it freely: every edit is checked "
                   "again."));
    auto* layout = new QVBoxLayout(this);
    editor_ = new QPlainTextEdit(this);
    editor_->setObjectName(QStringLiteral("yamlEdit"));
    editor_->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    editor_->setLineWrapMode(QPlainTextEdit::NoWrap);
    editor_->setTabChangesFocus(true);  // Tab leaves the editor: YAML is indented with spaces
    editor_->setToolTip(tr("docs/training.md describes every key."));
    layout->addWidget(editor_, 1);
    layout->addWidget(generalProblemLabel());

    auto* form = new QFormLayout;
    runFolder_ = new QLineEdit(this);
    runFolder_->setObjectName(QStringLiteral("runFolder"));
    runFolder_->setToolTip(tr("The run directory: status, metrics, checkpoints and the final model. The configuration "
                              "is saved beside it as <folder>.yaml."));
    auto* folderRowBox = new QWidget(this);
    auto* folderRow = new QHBoxLayout(folderRowBox);
    folderRow->setContentsMargins(0, 0, 0, 0);
    folderRowBox->setFocusProxy(runFolder_);
    folderRow->addWidget(withBrowse(runFolder_, tr("Run folder"), folderRowBox), 1);
    auto* save = new QPushButton(tr("&Save YAML…"), folderRowBox);
    save->setObjectName(QStringLiteral("saveYaml"));
    save->setToolTip(tr("Write the configuration to a file of your choice (to run `vitask train` yourself)."));
    folderRow->addWidget(save);
    form->addRow(tr("&Run folder:"), folderRowBox);
    folderStatus_ = makeProblemLabel(this);
    folderStatus_->setObjectName(QStringLiteral("runFolderProblem"));
    form->addRow(QString(), folderStatus_);
    launchNote_ = new QLabel(this);
    launchNote_->setObjectName(QStringLiteral("launchNote"));
    launchNote_->setWordWrap(true);
    form->addRow(QString(), launchNote_);
    layout->addLayout(form);

    connect(editor_, &QPlainTextEdit::textChanged, this, &ReviewPage::notifyEdited);
    connect(runFolder_, &QLineEdit::textEdited, this, [this] { folderChosen_ = true; });
    connect(runFolder_, &QLineEdit::textChanged, this, &ReviewPage::updateFolderState);
    connect(save, &QPushButton::clicked, this, &ReviewPage::saveRequested);
}

void ReviewPage::setGeneratedYaml(const QString& yaml) {
    if (yaml == generated_ && !editor_->toPlainText().isEmpty()) return;
    generated_ = yaml;
    editor_->setPlainText(yaml);
}

QString ReviewPage::yaml() const { return editor_->toPlainText(); }

QString ReviewPage::runFolder() const {
    const QString text = runFolder_->text().trimmed();
    return text.isEmpty() ? QString() : QDir::cleanPath(QFileInfo(text).absoluteFilePath());
}

void ReviewPage::setRunFolder(const QString& folder) {
    folderChosen_ = true;
    runFolder_->setText(folder);
}

void ReviewPage::suggestRunName(const QString& name) {
    if (folderChosen_) return;
    QString folder = QDir(runsFolder()).filePath(name);
    for (int n = 2; QFileInfo::exists(folder) || QFileInfo::exists(folder + QStringLiteral(".yaml")); ++n)
        folder = QDir(runsFolder()).filePath(QStringLiteral("%1-%2").arg(name).arg(n));
    runFolder_->setText(QDir::cleanPath(folder));
}

void ReviewPage::setLaunchNote(const QString& note) { launchNote_->setText(note); }

QString ReviewPage::folderProblem() const {
    const QString folder = runFolder();
    if (folder.isEmpty()) return tr("Choose the run folder.");
    if (QFileInfo::exists(folder + QStringLiteral("/config.yaml")))
        return tr("%1 already holds a run: choose another folder (or resume that run from the Runs page).").arg(folder);
    if (QFileInfo(folder).exists() && !QFileInfo(folder).isDir()) return tr("%1 is a file: choose a folder.").arg(folder);
    return {};
}

void ReviewPage::updateFolderState() {
    setProblemText(folderStatus_, folderProblem());
    Q_EMIT completeChanged();
}

bool ReviewPage::ready() const { return folderProblem().isEmpty(); }

}  // namespace vitask::ui

#include "vitask/ui/settings/settings_dialog.h"

#include "vitask/ui/settings/studio_settings.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QThread>

namespace vitask::ui {

SettingsDialog::SettingsDialog(QWidget* parent) : QDialog(parent) {
    setWindowTitle(tr("Settings"));
    setObjectName(QStringLiteral("settingsDialog"));
    auto* form = new QFormLayout;

    device_ = new QComboBox(this);
    device_->setObjectName(QStringLiteral("deviceCombo"));
    device_->addItem(tr("Automatic (CUDA when present)"), QStringLiteral("auto"));
    device_->addItem(tr("CPU"), QStringLiteral("cpu"));
    device_->addItem(tr("CUDA GPU"), QStringLiteral("cuda"));
    if (!service::cudaAvailable()) {
        // Shown but not selectable, so the user learns why it is not there.
        if (auto* model = qobject_cast<QStandardItemModel*>(device_->model())) model->item(2)->setEnabled(false);
        device_->setItemData(2, tr("No CUDA GPU in this build or on this machine."), Qt::ToolTipRole);
    }
    device_->setCurrentIndex(device_->findData(QString::fromUtf8(service::deviceChoiceName(StudioSettings::device()))));
    form->addRow(tr("Compute device:"), device_);

    threads_ = new QSpinBox(this);
    threads_->setObjectName(QStringLiteral("threadsSpin"));
    threads_->setRange(0, 256);
    threads_->setSpecialValueText(tr("one per core (%1)").arg(QThread::idealThreadCount()));
    threads_->setValue(StudioSettings::cpuThreads());
    form->addRow(tr("CPU threads:"), threads_);

    maxTokens_ = new QSpinBox(this);
    maxTokens_->setRange(1, 4096);
    maxTokens_->setValue(static_cast<int>(StudioSettings::maxNewTokens()));
    form->addRow(tr("Longest answer (tokens):"), maxTokens_);

    studyFolder_ = folderField(StudioSettings::studyFolder(), tr("Default study folder"));
    form->addRow(tr("Studies:"), studyFolder_->parentWidget());
    modelFolder_ = folderField(StudioSettings::modelFolder(), tr("Default model folder"));
    form->addRow(tr("Models:"), modelFolder_->parentWidget());

    language_ = new QComboBox(this);
    language_->addItem(tr("System language"), QString());
    language_->addItem(QStringLiteral("English"), QStringLiteral("en"));
    language_->addItem(QStringLiteral("Deutsch"), QStringLiteral("de"));
    language_->addItem(QStringLiteral("中文 (简体)"), QStringLiteral("zh_CN"));
    language_->setCurrentIndex(std::max(0, language_->findData(StudioSettings::language())));
    form->addRow(tr("Language:"), language_);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);
}

QLineEdit* SettingsDialog::folderField(const QString& value, const QString& title) {
    auto* row = new QWidget(this);
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* edit = new QLineEdit(value, row);
    auto* browse = new QPushButton(tr("Browse…"), row);
    layout->addWidget(edit, 1);
    layout->addWidget(browse);
    connect(browse, &QPushButton::clicked, this, [this, edit, title] {
        const QString folder = QFileDialog::getExistingDirectory(this, title, edit->text());
        if (!folder.isEmpty()) edit->setText(folder);
    });
    return edit;
}

void SettingsDialog::accept() {
    StudioSettings::setDevice(service::parseDeviceChoice(device_->currentData().toString().toStdString(), "device"));
    StudioSettings::setCpuThreads(threads_->value());
    StudioSettings::setMaxNewTokens(maxTokens_->value());
    StudioSettings::setStudyFolder(studyFolder_->text());
    StudioSettings::setModelFolder(modelFolder_->text());
    StudioSettings::setLanguage(language_->currentData().toString());
    QDialog::accept();
}

}  // namespace vitask::ui

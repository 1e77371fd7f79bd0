#include "vitask/ui/review_panel/export_dialog.h"

#include "vitask/common/error.h"
#include "vitask/ui/bridge/pacs_bridge.h"
#include "vitask/ui/bridge/post_to.h"
#include "vitask/ui/settings/studio_settings.h"
#include "vitask/ui/review_panel/worklist_session.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QThread>
#include <QVBoxLayout>

namespace vitask::ui {

ExportDialog::ExportDialog(const WorklistSession& session, QWidget* parent)
    : QDialog(parent), session_(session), cancel_(std::make_shared<std::atomic<bool>>(false)) {
    setWindowTitle(tr("Export %1").arg(session.worklist().name));
    auto* layout = new QVBoxLayout(this);
    auto* form = new QFormLayout;
    auto* folderRow = new QHBoxLayout;
    folder_ = new QLineEdit(QDir::homePath(), this);
    auto* browse = new QPushButton(tr("Browse…"), this);
    folderRow->addWidget(folder_);
    folderRow->addWidget(browse);
    form->addRow(tr("&Folder:"), folderRow);
    const auto box = [this](const QString& text, bool checked) {
        auto* b = new QCheckBox(text, this);
        b->setChecked(checked);
        return b;
    };
    pdf_ = box(tr("PDF report (a page per case)"), true);
    html_ = box(tr("HTML report"), false);
    json_ = box(tr("JSON report"), false);
    dicom_ = box(tr("DICOM Structured Report + key image (Secondary Capture) per case"), false);
    sources_ = box(tr("Copies of the DICOM source images"), false);
    csv_ = box(tr("Reviews as CSV"), true);
    reviewsJson_ = box(tr("Reviews as JSON"), false);
    reviewedOnly_ = box(tr("Only reviewed cases"), true);
    deidentify_ = box(tr("De-identify (DICOM PS3.15 Basic Profile: no patient names, IDs or dates; new UIDs)"), true);
    const auto archive = StudioSettings::currentPacsArchive();
    const bool hasArchive = !archive.name.empty();
    sendToPacs_ = box(!hasArchive ? tr("Send the DICOM files to the PACS (set the archive in the PACS tab)")
                                           : tr("Send the DICOM files to the PACS (%1)").arg(QString::fromStdString(archive.describe())),
                      false);
    sendToPacs_->setObjectName(QStringLiteral("sendToPacs"));
    pacs_ = new PacsBridge(this);
    auto* formats = new QVBoxLayout;
    for (auto* b : {pdf_, html_, json_, dicom_, sources_, csv_, reviewsJson_}) formats->addWidget(b);
    form->addRow(tr("Write:"), formats);
    form->addRow(QString(), reviewedOnly_);
    form->addRow(QString(), deidentify_);
    form->addRow(QString(), sendToPacs_);
    const auto updateSend = [this, hasArchive] {
        sendToPacs_->setEnabled(hasArchive && (dicom_->isChecked() || sources_->isChecked()));
    };
    updateSend();
    connect(dicom_, &QCheckBox::toggled, this, updateSend);
    connect(sources_, &QCheckBox::toggled, this, updateSend);
    layout->addLayout(form);
    warning_ = new QLabel(tr("Without de-identification the files carry patients' names, IDs and dates. "
                             "Keep them inside your institution."),
                          this);
    warning_->setWordWrap(true);
    warning_->setStyleSheet(QStringLiteral("color: #b71c1c; font-weight: bold;"));
    warning_->hide();
    layout->addWidget(warning_);
    progress_ = new QProgressBar(this);
    progress_->hide();
    layout->addWidget(progress_);
    log_ = new QPlainTextEdit(this);
    log_->setReadOnly(true);
    log_->setMaximumHeight(120);
    log_->hide();
    layout->addWidget(log_);
    auto* buttons = new QDialogButtonBox(this);
    exportButton_ = buttons->addButton(tr("&Export"), QDialogButtonBox::AcceptRole);
    cancelButton_ = buttons->addButton(QDialogButtonBox::Cancel);
    layout->addWidget(buttons);

    connect(browse, &QPushButton::clicked, this, [this] {
        const QString folder = QFileDialog::getExistingDirectory(this, tr("Export to"), folder_->text());
        if (!folder.isEmpty()) folder_->setText(folder);
    });
    connect(deidentify_, &QCheckBox::toggled, warning_, [this](bool on) { warning_->setVisible(!on); });
    connect(exportButton_, &QPushButton::clicked, this, &ExportDialog::startExport);
    connect(pacs_, &PacsBridge::sent, this, [this](int completed, int failed) {
        exportButton_->setEnabled(true);
        log_->appendPlainText(failed ? tr("The PACS took %1 file(s) and refused %2.").arg(completed).arg(failed)
                                     : tr("The PACS took all %1 file(s).").arg(completed));
        Q_EMIT sent(completed, failed);
    });
    connect(pacs_, &PacsBridge::failed, this, [this](const QString& what, const QString& message) {
        exportButton_->setEnabled(true);
        log_->appendPlainText(tr("%1: %2").arg(what, message));
        Q_EMIT sent(0, -1);
    });
    connect(cancelButton_, &QPushButton::clicked, this, [this] {
        if (running_)
            cancelExport();
        else
            reject();
    });
}

ExportDialog::~ExportDialog() { cancel_->store(true); }

ExportOptions ExportDialog::options() const {
    ExportOptions o;
    o.folder = folder_->text();
    o.pdf = pdf_->isChecked();
    o.html = html_->isChecked();
    o.json = json_->isChecked();
    o.dicom = dicom_->isChecked();
    o.sourceCopies = sources_->isChecked();
    o.deidentify = deidentify_->isChecked();
    o.reviewedOnly = reviewedOnly_->isChecked();
    o.reviewsCsv = csv_->isChecked();
    o.reviewsJson = reviewsJson_->isChecked();
    return o;
}

void ExportDialog::setFolder(const QString& folder) { folder_->setText(folder); }

void ExportDialog::setOptions(const ExportOptions& o) {
    folder_->setText(o.folder);
    pdf_->setChecked(o.pdf);
    html_->setChecked(o.html);
    json_->setChecked(o.json);
    dicom_->setChecked(o.dicom);
    sources_->setChecked(o.sourceCopies);
    deidentify_->setChecked(o.deidentify);
    reviewedOnly_->setChecked(o.reviewedOnly);
    csv_->setChecked(o.reviewsCsv);
    reviewsJson_->setChecked(o.reviewsJson);
}

void ExportDialog::setRunning(bool running) {
    running_ = running;
    exportButton_->setEnabled(!running);
    progress_->setVisible(running);
    cancelButton_->setText(running ? tr("Stop") : tr("Close"));
}

void ExportDialog::startExport() {
    if (running_) return;
    const ExportOptions o = options();
    result_ = {};
    log_->clear();
    log_->show();
    if (!o.pdf && !o.html && !o.json && !o.dicom && !o.sourceCopies && !o.reviewsCsv && !o.reviewsJson) {
        log_->appendPlainText(tr("Choose at least one thing to write."));
        return;
    }
    QList<ExportCase> cases;
    for (int i = 0; i < session_.caseCount(); ++i) cases << ExportCase{session_.caseAt(i), session_.answer(i), session_.review(i)};
    cancel_->store(false);
    setRunning(true);
    QPointer<ExportDialog> self(this);
    auto cancel = cancel_;
    const Worklist worklist = session_.worklist();
    QThread* thread = QThread::create([self, cancel, worklist, cases, o] {
        ExportResult result;
        QString error;
        try {
            result = exportWorklist(worklist, cases, o, [self, cancel](int done, int total) {
                if (self) postTo(self.data(), [self, done, total] {
                    if (!self) return;
                    self->progress_->setMaximum(total);
                    self->progress_->setValue(done);
                });
                return !cancel->load();
            });
        } catch (const std::exception& e) {
            error = QString::fromStdString(e.what());
        }
        if (self) postTo(self.data(), [self, result, error] {
            if (!self) return;
            self->setRunning(false);
            self->result_.files << result.files;
            self->result_.problems << result.problems;
            self->result_.cancelled = result.cancelled;
            for (const QString& file : self->result_.files) self->log_->appendPlainText(tr("Wrote %1").arg(file));
            for (const QString& problem : result.problems) self->log_->appendPlainText(problem);
            if (result.cancelled) self->log_->appendPlainText(tr("Stopped: the report files were not written."));
            if (!error.isEmpty()) self->log_->appendPlainText(error);
            const bool ok = error.isEmpty() && !result.cancelled;
            Q_EMIT self->finished(ok);
            if (ok && self->sendToPacs_->isEnabled() && self->sendToPacs_->isChecked()) self->sendToPacs();
        });
    });
    connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    thread->start();
}

void ExportDialog::cancelExport() { cancel_->store(true); }

void ExportDialog::sendToPacs() {
    QStringList dicomFiles;
    for (const QString& file : result_.files)
        if (file.endsWith(QLatin1String(".dcm"), Qt::CaseInsensitive)) dicomFiles << file;
    if (dicomFiles.isEmpty()) return;
    pacs::PacsNode archive;
    try {
        archive = StudioSettings::withSecret(StudioSettings::currentPacsArchive());
    } catch (const std::exception& e) {
        log_->appendPlainText(QString::fromUtf8(e.what()));
        return;
    }
    log_->appendPlainText(tr("Sending %n DICOM file(s) to %1 ...", nullptr, static_cast<int>(dicomFiles.size()))
                              .arg(QString::fromStdString(archive.describe())));
    exportButton_->setEnabled(false);
    pacs_->send(archive, dicomFiles);
}

}  // namespace vitask::ui

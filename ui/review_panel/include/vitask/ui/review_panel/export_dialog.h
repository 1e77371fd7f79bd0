#pragma once
// Export a worklist: choose the formats (PDF, HTML, JSON report, DICOM SR + Secondary
// Capture, de-identified source copies, the reviews as CSV and JSON) and a folder;
// de-identification is on and must be switched off on purpose. The export runs on a
// background thread with progress and cancel; the dialog lists what was written. The
// DICOM files written can then be sent to the PACS tab's archive (C-STORE, on the PACS
// service's worker thread), as written: de-identified unless that was switched off.

#include "vitask/ui/review_panel/worklist_export.h"

#include <QDialog>

#include <atomic>
#include <memory>

class QCheckBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QPlainTextEdit;

namespace vitask::ui {

class PacsBridge;
class WorklistSession;

class ExportDialog : public QDialog {
    Q_OBJECT
public:
    ExportDialog(const WorklistSession& session, QWidget* parent = nullptr);
    ~ExportDialog() override;

    ExportOptions options() const;
    void setFolder(const QString& folder);
    void setOptions(const ExportOptions& options);
    bool running() const { return running_; }
    // What the last export wrote and left out, as the dialog shows it.
    const ExportResult& result() const { return result_; }

public Q_SLOTS:
    void startExport();
    void cancelExport();

Q_SIGNALS:
    void finished(bool ok);
    // After finished(true) with "send to the PACS" checked: what the archive took and
    // refused (-1 refused: the send failed as a whole; the log says why).
    void sent(int completed, int failed);

private:
    void setRunning(bool running);

    const WorklistSession& session_;
    QLineEdit* folder_;
    void sendToPacs();

    QCheckBox *pdf_, *html_, *json_, *dicom_, *sources_, *csv_, *reviewsJson_, *deidentify_, *reviewedOnly_, *sendToPacs_;
    PacsBridge* pacs_;
    QLabel* warning_;
    QProgressBar* progress_;
    QPlainTextEdit* log_;
    QPushButton* exportButton_;
    QPushButton* cancelButton_;
    bool running_ = false;
    std::shared_ptr<std::atomic<bool>> cancel_;
    ExportResult result_;
};

}  // namespace vitask::ui

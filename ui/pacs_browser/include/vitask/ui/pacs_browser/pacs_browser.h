#pragma once
// The study browser's PACS tab: an archive (host, port, AE titles, kept in studio.ini
// under pacs/), a "Test connection" (C-ECHO), a query (patient ID and name, modality,
// dates, accession) and its matching studies, and Retrieve (C-GET into the user's cache,
// with progress and Cancel). A widget only: the work runs in the PacsBridge's service
// on a worker thread. Patient names and IDs are shown here, never logged.

#include "vitask/pacs/pacs_node.h"

#include <QWidget>

#include <vector>

class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace vitask::ui {

class PacsBridge;

class PacsBrowser : public QWidget {
    Q_OBJECT
public:
    explicit PacsBrowser(PacsBridge* bridge, QWidget* parent = nullptr);

    pacs::PacsNode node() const;
    pacs::StudyQuery query() const;
    int matchCount() const;

public Q_SLOTS:
    void testConnection();
    void find();
    // The selected study (or the first, when none is selected).
    void retrieveSelected();

Q_SIGNALS:
    // A retrieved study's folder, for the main window to open like any folder.
    void openRequested(const QString& folder);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void showMatches(const std::vector<pacs::StudyMatch>& matches);
    void showStatus(const QString& text, bool error);
    void setBusy(bool busy);
    void saveNode() const;

    PacsBridge* bridge_;
    QLineEdit *host_, *calledAe_, *callingAe_;
    QSpinBox* port_;
    QLineEdit *patientId_, *patientName_, *modality_, *dateFrom_, *dateTo_, *accession_;
    QPushButton *echo_, *find_, *retrieve_, *cancel_;
    QTableWidget* matches_;
    QProgressBar* progress_;
    QLabel* status_;
    QLabel *archiveLabel_, *titlesLabel_, *patientLabel_, *studyLabel_, *datesLabel_;
};

}  // namespace vitask::ui

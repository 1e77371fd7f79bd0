#pragma once
// The study browser's PACS tab: the archive to ask (chosen among those of the settings,
// edited with ArchivesDialog), a "Test connection", a query (patient ID and name,
// modality, dates, accession) and its matching studies with the selected one's series,
// and Retrieve of the selected series or the whole study (C-GET, C-MOVE or
// WADO-RS into the user's cache, with progress and Cancel; a study retrieved in part
// before is completed). A widget only: the work runs in the PacsBridge's service on a
// worker thread. Patient names and IDs are shown here, never logged.

#include "vitask/pacs/pacs_node.h"

#include <QWidget>

#include <optional>
#include <vector>

class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTableWidget;

namespace vitask::ui {

class PacsBridge;

class PacsBrowser : public QWidget {
    Q_OBJECT
public:
    explicit PacsBrowser(PacsBridge* bridge, QWidget* parent = nullptr);

    pacs::StudyQuery query() const;
    int matchCount() const;

public Q_SLOTS:
    void testConnection();
    // The archives dialog; the list is reloaded when it is accepted.
    void editArchives();
    void reloadArchives();
    void find();
    // The selected series of the selected study, else that whole study (the first study
    // when none is selected).
    void retrieveSelected();

Q_SIGNALS:
    // A retrieved study's folder, for the main window to open like any folder.
    void openRequested(const QString& folder);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void showMatches(const std::vector<pacs::StudyMatch>& matches);
    QString selectedStudy() const;
    void listSeries();  // asks the archive for the selected study's series
    void updateRetrieveText();  // "Retrieve study" or "Retrieve series", by what is selected
    void showSeries(const std::vector<pacs::SeriesMatch>& series);
    void showStatus(const QString& text, bool error);
    void setBusy(bool busy);
    // The archive chosen, with its secret; none (and the reason shown) when unusable.
    std::optional<pacs::PacsNode> chosenArchive();

    PacsBridge* bridge_;
    pacs::PacsNode asked_;  // the archive of the request in flight, for its messages
    QComboBox* archive_;
    QPushButton* editArchives_;
    QLineEdit *patientId_, *patientName_, *modality_, *dateFrom_, *dateTo_, *accession_;
    QPushButton *echo_, *find_, *retrieve_, *cancel_;
    QTableWidget* matches_;
    QTableWidget* series_;
    QProgressBar* progress_;
    QLabel* status_;
    QLabel *archiveLabel_, *patientLabel_, *studyLabel_, *datesLabel_;
};

}  // namespace vitask::ui

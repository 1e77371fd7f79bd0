#pragma once
// The PACS archives the studio knows, edited together: a list (add, remove) and, for the
// one selected, its name and how to reach it — DIMSE (host, port, AE titles, C-GET or
// C-MOVE with our receive port, DICOM TLS) or DICOMweb (URL, Basic or Bearer login) —
// with a "Test connection" that asks the archive on a worker thread. OK writes them to
// the settings; passwords and tokens go to the secrets file, never to studio.ini.

#include "vitask/pacs/pacs_node.h"

#include <QDialog>

#include <utility>
#include <vector>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QSpinBox;

namespace vitask::ui {

class PacsBridge;

class ArchivesDialog : public QDialog {
    Q_OBJECT
public:
    explicit ArchivesDialog(QWidget* parent = nullptr);

    // As edited so far, secrets included.
    const std::vector<pacs::PacsNode>& archives() const { return archives_; }
    // The archive selected when OK was pressed ("" when there is none).
    QString selectedName() const;

public Q_SLOTS:
    void addArchive();
    void removeArchive();
    void testConnection();
    // Checks and saves; stays open with the reason when something is missing.
    void accept() override;

private:
    void showArchive(int row);  // the form shows archives_[row]
    void storeForm();           // the form into archives_[row_]
    void updateForm();          // which fields apply
    void showStatus(const QString& text, bool error);
    QString problemWith(const pacs::PacsNode& archive) const;

    std::vector<pacs::PacsNode> archives_;
    int row_ = -1;
    bool loading_ = false;
    PacsBridge* bridge_;
    QListWidget* list_;
    QPushButton *add_, *remove_, *test_;
    QLineEdit* name_;
    QComboBox* protocol_;
    QFormLayout* form_;
    std::pair<int, int> dimseRows_, webRows_;  // [first, end) of each protocol's rows in form_
    QLineEdit *host_, *calledAe_, *callingAe_, *certificate_, *key_;
    QSpinBox *port_, *receivePort_, *timeout_;
    QComboBox* retrieveMethod_;
    QCheckBox* tls_;
    QLineEdit *url_, *user_, *secret_;
    QComboBox* auth_;
    QLineEdit* caFile_;
    QLabel* status_;
};

}  // namespace vitask::ui

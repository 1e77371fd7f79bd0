#pragma once
// The Plug-ins page: every TSM the registry finds (built-in checkpoints, ONNX manifests,
// compiled plug-ins), ready or broken with its error, the folders searched, and the
// actions on them: refresh (F5), add an ONNX TSM, remove one the user added, open a
// folder. Listing goes through the EngineBridge (the registry loads every TSM to learn its
// status, on the engine's thread); a broken TSM never hides the others.

#include "vitask/service/ask.h"
#include "vitask/ui/plugins_panel/add_onnx_tsm_dialog.h"  // QPointer<AddOnnxTsmDialog> below needs the type

#include <QPointer>
#include <QWidget>

#include <vector>

class QAction;
class QGroupBox;
class QLabel;
class QPushButton;
class QTableView;
class QTextBrowser;
class QToolButton;
class QTreeWidget;

namespace vitask::ui {

class EngineBridge;
class TsmTableModel;

class PluginsPanel : public QWidget {
    Q_OBJECT
public:
    // Lists the TSMs at once.
    explicit PluginsPanel(EngineBridge* engine, QWidget* parent = nullptr);

    // The TSMs as listed last, in the registry's search order.
    const std::vector<service::TsmEntry>& tsms() const;
    // The folders searched, in the registry's order: for manifests, then for plug-ins.
    QStringList manifestFolders() const;
    QStringList pluginFolders() const;
    // The selected TSM, or nullptr.
    const service::TsmEntry* selectedTsm() const;
    QTableView* table() const { return table_; }
    // The details pane's text (plain), for tests and --json.
    QString detailsText() const;
    // The error shown above the table; empty when none.
    QString errorText() const;
    // The form opened by addOnnxTsm(), while it is open.
    AddOnnxTsmDialog* addDialog() const { return addDialog_; }

    // Deletes the TSM read from `source` without asking (the Remove button asks first):
    // only a TSM the user added to their own folders, never a built-in (tsm_removal.h).
    // False, with the reason in `why`, when refused or the file cannot be deleted;
    // lists the TSMs again on success.
    bool removeTsm(const QString& source, QString* why = nullptr);

public Q_SLOTS:
    // Asks the engine for the TSMs again (F5).
    void refresh();
    // Opens the "Add ONNX TSM" form (window-modal); returns it.
    AddOnnxTsmDialog* addOnnxTsm();
    // Removes the selected TSM after confirmation.
    void removeSelected();
    // Opens a folder in the file manager; the user's own folders are created first.
    void openFolder(const QString& folder);
    void selectTsm(const QString& source);

Q_SIGNALS:
    // After each listing: how many TSMs are usable and how many broken.
    void tsmsListed(int ready, int broken);
    // A TSM was added through the form (and checked) or removed.
    void tsmAdded(const vitask::service::TsmEntry& tsm);
    void tsmRemoved(const QString& source);

protected:
    void changeEvent(QEvent* event) override;

private:
    void buildLayout();
    QWidget* buildToolbar();
    QWidget* buildFolders();
    void retranslateUi();
    void fillFolders();
    void fillFolderMenu();
    void showTsms(const std::vector<service::TsmEntry>& tsms);
    void showSummary();
    void showSelection();
    void showError(const QString& message);

    EngineBridge* engine_;
    TsmTableModel* model_;
    QString selectAfterListing_;  // a source to select once it is listed
    QPointer<AddOnnxTsmDialog> addDialog_;
    bool scanning_ = true;  // until the engine answers the first listing

    QLabel* summary_;
    QLabel* error_;
    QAction* refreshAction_;
    QPushButton* refreshButton_;
    QPushButton* addButton_;
    QPushButton* removeButton_;
    QToolButton* folderButton_;
    QTableView* table_;
    QTextBrowser* details_;
    QGroupBox* detailsBox_;
    QGroupBox* foldersBox_;
    QTreeWidget* folders_;
};

}  // namespace vitask::ui

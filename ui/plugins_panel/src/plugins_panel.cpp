#include "vitask/ui/plugins_panel/plugins_panel.h"

#include "tsm_details.h"
#include "tsm_folders.h"
#include "tsm_removal.h"
#include "tsm_table_model.h"
#include "vitask/ui/bridge/engine_bridge.h"
#include "vitask/ui/plugins_panel/add_onnx_tsm_dialog.h"
#include "vitask/ui/widgets/message_label.h"

#include <QAction>
#include <QDesktopServices>
#include <QEvent>
#include <QFileInfo>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QTextBrowser>
#include <QToolButton>
#include <QTreeWidget>
#include <QUrl>
#include <QVBoxLayout>

#include <algorithm>
#include <filesystem>
#include <system_error>

namespace vitask::ui {
namespace {

namespace fs = std::filesystem;

constexpr int kStatusColumnMaxWidth = 420;  // beyond it the error is read in the details pane
constexpr int kFolderPathRole = Qt::UserRole + 1;

// Paths keep both ends readable (the folder and the file name); the middle gives way.
class ElideMiddleDelegate : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const override {
        QStyledItemDelegate::initStyleOption(option, index);
        option->textElideMode = Qt::ElideMiddle;
    }
};

QString text(const fs::path& path) { return QString::fromStdString(path.string()); }

QString holdsName(TsmFolder::Holds holds) {
    return holds == TsmFolder::Holds::Manifests ? PluginsPanel::tr("Manifests (*.tsm.json)")
                                                : PluginsPanel::tr("Plug-ins (*.so)");
}

QString folderNote(const TsmFolder& folder) {
    std::error_code ec;
    const bool exists = fs::is_directory(folder.path, ec);
    if (folder.user)
        return exists ? PluginsPanel::tr("your folder") : PluginsPanel::tr("your folder · created when opened");
    return exists ? QString() : PluginsPanel::tr("missing");
}

int readyCount(const std::vector<service::TsmEntry>& tsms) {
    return static_cast<int>(std::count_if(tsms.begin(), tsms.end(), [](const auto& tsm) { return tsm.ready; }));
}

QStringList foldersHolding(TsmFolder::Holds holds) {
    QStringList out;
    for (const auto& folder : tsmSearchFolders())
        if (folder.holds == holds) out << text(folder.path);
    return out;
}

}  // namespace

PluginsPanel::PluginsPanel(EngineBridge* engine, QWidget* parent)
    : QWidget(parent), engine_(engine), model_(new TsmTableModel(this)) {
    setObjectName(QStringLiteral("pluginsPanel"));
    buildLayout();
    connect(engine_, &EngineBridge::tsmsListed, this, &PluginsPanel::showTsms);
    retranslateUi();
    refresh();
}

void PluginsPanel::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslateUi();
    QWidget::changeEvent(event);
}

// Every text the page shows, in the current language; those made from the listing (the
// summary, the details, the folders' notes) are made again from it.
void PluginsPanel::retranslateUi() {
    refreshAction_->setText(tr("Refresh"));
    refreshAction_->setToolTip(tr("Search the folders again and load every TSM (F5)"));
    refreshButton_->setText(tr("Refresh"));
    refreshButton_->setToolTip(refreshAction_->toolTip());
    addButton_->setText(tr("Add ONNX TSM…"));
    addButton_->setToolTip(tr("Describe an .onnx classifier; its manifest goes to your TSM folder after a check"));
    removeButton_->setText(tr("Remove"));
    folderButton_->setText(tr("Open Plug-in Folder"));
    folderButton_->setToolTip(tr("Open one of the folders searched for TSMs in the file manager"));
    details_->setPlaceholderText(tr("Select a TSM to see its labels, input and, for a broken one, the full error."));
    detailsBox_->setTitle(tr("Details"));
    foldersBox_->setTitle(tr("Folders searched (first match of a name wins)"));
    folders_->setHeaderLabels({tr("Folder"), tr("Note")});
    folders_->setToolTip(tr("Double-click a folder to open it"));
    model_->retranslate();
    showSummary();
    showSelection();
    fillFolders();
}

void PluginsPanel::buildLayout() {
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(buildToolbar());

    error_ = messageLabel(MessageKind::Error, QStringLiteral("pluginsError"), this);
    layout->addWidget(error_);

    table_ = new QTableView(this);
    table_->setObjectName(QStringLiteral("tsmTable"));
    table_->setModel(model_);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::SingleSelection);
    table_->setAlternatingRowColors(true);
    table_->setWordWrap(false);
    table_->verticalHeader()->hide();
    table_->horizontalHeader()->setStretchLastSection(true);
    table_->horizontalHeader()->setHighlightSections(false);
    table_->setItemDelegateForColumn(TsmTableModel::Source, new ElideMiddleDelegate(table_));

    details_ = new QTextBrowser(this);
    details_->setObjectName(QStringLiteral("tsmDetails"));
    details_->setOpenLinks(false);
    detailsBox_ = new QGroupBox(this);
    auto* detailsLayout = new QVBoxLayout(detailsBox_);
    detailsLayout->addWidget(details_);

    auto* bottom = new QSplitter(Qt::Horizontal, this);
    bottom->addWidget(detailsBox_);
    bottom->addWidget(buildFolders());
    bottom->setStretchFactor(0, 1);
    bottom->setStretchFactor(1, 1);

    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(table_);
    split->addWidget(bottom);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);
    layout->addWidget(split, 1);

    connect(table_->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &PluginsPanel::showSelection);
}

QWidget* PluginsPanel::buildToolbar() {
    auto* bar = new QWidget(this);
    auto* row = new QHBoxLayout(bar);
    row->setContentsMargins(0, 0, 0, 0);
    summary_ = new QLabel(bar);
    summary_->setObjectName(QStringLiteral("tsmSummary"));
    QFont bold = summary_->font();
    bold.setBold(true);
    summary_->setFont(bold);
    row->addWidget(summary_, 1);

    refreshAction_ = new QAction(this);
    refreshAction_->setShortcut(QKeySequence::Refresh);
    refreshAction_->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(refreshAction_);
    refreshButton_ = new QPushButton(bar);
    refreshButton_->setObjectName(QStringLiteral("refreshTsmsButton"));
    connect(refreshButton_, &QPushButton::clicked, refreshAction_, &QAction::trigger);
    row->addWidget(refreshButton_);

    addButton_ = new QPushButton(bar);
    addButton_->setObjectName(QStringLiteral("addOnnxTsmButton"));
    row->addWidget(addButton_);

    removeButton_ = new QPushButton(bar);
    removeButton_->setObjectName(QStringLiteral("removeTsmButton"));
    removeButton_->setEnabled(false);
    row->addWidget(removeButton_);

    folderButton_ = new QToolButton(bar);
    folderButton_->setObjectName(QStringLiteral("openFolderButton"));
    folderButton_->setPopupMode(QToolButton::InstantPopup);
    folderButton_->setMenu(new QMenu(folderButton_));
    row->addWidget(folderButton_);

    connect(refreshAction_, &QAction::triggered, this, &PluginsPanel::refresh);
    connect(addButton_, &QPushButton::clicked, this, &PluginsPanel::addOnnxTsm);
    connect(removeButton_, &QPushButton::clicked, this, &PluginsPanel::removeSelected);
    return bar;
}

QWidget* PluginsPanel::buildFolders() {
    foldersBox_ = new QGroupBox(this);
    auto* layout = new QVBoxLayout(foldersBox_);
    folders_ = new QTreeWidget(foldersBox_);
    folders_->setObjectName(QStringLiteral("tsmFolders"));
    folders_->setColumnCount(2);
    folders_->setItemDelegateForColumn(0, new ElideMiddleDelegate(folders_));
    folders_->header()->setStretchLastSection(false);
    folders_->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    folders_->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    layout->addWidget(folders_);
    connect(folders_, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem* item) {
        if (const QString path = item->data(0, kFolderPathRole).toString(); !path.isEmpty()) openFolder(path);
    });
    return foldersBox_;
}

void PluginsPanel::fillFolders() {
    folders_->clear();
    for (auto holds : {TsmFolder::Holds::Manifests, TsmFolder::Holds::Plugins}) {
        auto* group = new QTreeWidgetItem(folders_, {holdsName(holds)});
        group->setFlags(Qt::ItemIsEnabled);
        for (const auto& folder : tsmSearchFolders()) {
            if (folder.holds != holds) continue;
            const QString path = text(folder.path);
            auto* item = new QTreeWidgetItem(group, {TsmTableModel::abbreviateHome(path), folderNote(folder)});
            item->setData(0, kFolderPathRole, path);
            item->setToolTip(0, path);
            if (folder.user) {
                QFont font = item->font(0);
                font.setBold(true);
                item->setFont(0, font);
                item->setFont(1, font);
            } else if (!QFileInfo(path).isDir()) {
                for (int c = 0; c < 2; ++c) item->setForeground(c, palette().brush(QPalette::Disabled, QPalette::Text));
            }
        }
    }
    folders_->expandAll();
    fillFolderMenu();
}

void PluginsPanel::fillFolderMenu() {
    auto* menu = folderButton_->menu();
    menu->clear();
    for (const auto& folder : tsmSearchFolders()) {
        const QString note = folderNote(folder);
        auto* action = menu->addAction(QStringLiteral("%1 — %2%3")
                                           .arg(holdsName(folder.holds), text(folder.path),
                                                note.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(note)));
        // A missing folder of someone else's cannot be opened; the user's own is created.
        action->setEnabled(folder.user || QFileInfo(text(folder.path)).isDir());
        connect(action, &QAction::triggered, this, [this, path = text(folder.path)] { openFolder(path); });
    }
}

const std::vector<service::TsmEntry>& PluginsPanel::tsms() const { return model_->entries(); }

QStringList PluginsPanel::manifestFolders() const { return foldersHolding(TsmFolder::Holds::Manifests); }

QStringList PluginsPanel::pluginFolders() const { return foldersHolding(TsmFolder::Holds::Plugins); }

const service::TsmEntry* PluginsPanel::selectedTsm() const {
    return model_->entry(table_->selectionModel()->currentIndex().row());
}

QString PluginsPanel::detailsText() const { return details_->toPlainText(); }

QString PluginsPanel::errorText() const { return error_->isHidden() ? QString() : error_->text(); }

void PluginsPanel::refresh() {
    error_->hide();
    scanning_ = true;
    showSummary();
    engine_->listTsms();
}

void PluginsPanel::showTsms(const std::vector<service::TsmEntry>& tsms) {
    const auto* selected = selectedTsm();
    const QString keep = selectAfterListing_.isEmpty() && selected ? text(selected->source) : selectAfterListing_;
    model_->setEntries(tsms);
    scanning_ = false;
    showSummary();

    for (int column : {TsmTableModel::Name, TsmTableModel::Kind, TsmTableModel::Version, TsmTableModel::Input,
                       TsmTableModel::Labels, TsmTableModel::Features, TsmTableModel::Status})
        table_->resizeColumnToContents(column);
    table_->setColumnWidth(TsmTableModel::Status,
                           std::min(table_->columnWidth(TsmTableModel::Status), kStatusColumnMaxWidth));

    const int row = model_->rowOf(keep);
    if (row >= 0) {
        selectAfterListing_.clear();
        table_->selectRow(row);
    } else if (!tsms.empty()) {
        table_->selectRow(0);
    }
    showSelection();
    fillFolders();  // a folder may have been created since
    const int ready = readyCount(tsms);
    Q_EMIT tsmsListed(ready, static_cast<int>(tsms.size()) - ready);
}

void PluginsPanel::showSummary() {
    const auto& tsms = model_->entries();
    const int ready = readyCount(tsms);
    const int broken = static_cast<int>(tsms.size()) - ready;
    summary_->setText(scanning_     ? tr("Scanning the folders and loading every TSM…")
                      : tsms.empty() ? tr("No TSMs found. Add an ONNX TSM, or put a plug-in in one of the folders below.")
                                     : tr("TSMs found: %1 — ready: %2, broken: %3").arg(tsms.size()).arg(ready).arg(broken));
}

void PluginsPanel::showSelection() {
    const auto* tsm = selectedTsm();
    if (!tsm) {
        details_->clear();
        removeButton_->setEnabled(false);
        removeButton_->setToolTip(tr("Select a TSM you added to remove it"));
        return;
    }
    details_->setHtml(TsmDetails::html(*tsm));
    QString why;
    const bool removable = TsmRemoval::allowed(*tsm, &why);
    removeButton_->setEnabled(removable);
    removeButton_->setToolTip(removable ? tr("Delete %1 (asks first)").arg(text(tsm->source)) : why);
}

void PluginsPanel::selectTsm(const QString& source) {
    const int row = model_->rowOf(source);
    if (row < 0) {
        selectAfterListing_ = source;  // not listed yet: select it when it is
        return;
    }
    table_->selectRow(row);
    showSelection();
}

AddOnnxTsmDialog* PluginsPanel::addOnnxTsm() {
    if (addDialog_ && addDialog_->isVisible()) {  // one that was closed waits for its deletion
        addDialog_->raise();
        addDialog_->activateWindow();
        return addDialog_;
    }
    addDialog_ = new AddOnnxTsmDialog(engine_, model_->entries(), this);
    addDialog_->setAttribute(Qt::WA_DeleteOnClose);
    connect(addDialog_, &AddOnnxTsmDialog::added, this, [this](const service::TsmEntry& tsm) {
        selectTsm(text(tsm.source));
        Q_EMIT tsmAdded(tsm);
    });
    addDialog_->open();
    return addDialog_;
}

bool PluginsPanel::removeTsm(const QString& source, QString* why) {
    const int row = model_->rowOf(source);
    if (row < 0) {
        if (why) *why = tr("%1 is not listed. Refresh (F5) and try again.").arg(source);
        return false;
    }
    if (!TsmRemoval::remove(*model_->entry(row), why)) return false;
    Q_EMIT tsmRemoved(source);
    refresh();
    return true;
}

void PluginsPanel::removeSelected() {
    const auto* tsm = selectedTsm();
    if (!tsm) return;
    QString why;
    if (!TsmRemoval::allowed(*tsm, &why)) {
        showError(why);
        return;
    }
    const QString source = text(tsm->source);
    const QString name = QString::fromStdString(tsm->name);
    QMessageBox confirm(QMessageBox::Question, tr("Remove TSM"),
                        tsm->kind == "plugin"
                            ? tr("Remove the plug-in “%1”?\n\nThe library %2 is deleted. If the studio has loaded "
                                 "it, it stays loaded until the studio restarts.")
                                  .arg(name, source)
                            : tr("Remove the TSM “%1”?\n\nIts manifest %2 is deleted; the model file it names is "
                                 "kept.")
                                  .arg(name, source),
                        QMessageBox::Yes | QMessageBox::Cancel, this);
    confirm.setObjectName(QStringLiteral("removeTsmConfirmation"));
    confirm.setDefaultButton(QMessageBox::Cancel);
    if (confirm.exec() != QMessageBox::Yes) return;
    if (!removeTsm(source, &why)) showError(why);
}

void PluginsPanel::openFolder(const QString& folder) {
    const fs::path path(folder.toStdString());
    std::error_code ec;
    if (!fs::is_directory(path, ec)) {
        bool user = false;
        for (const auto& searched : tsmSearchFolders()) user = user || (searched.user && searched.path == path);
        if (!user) {
            showError(tr("%1 does not exist. Create it first: the registry searches it when it does.").arg(folder));
            return;
        }
        fs::create_directories(path, ec);
        if (ec) {
            showError(tr("Could not create %1: %2. Check that you may write to its parent folder.")
                          .arg(folder, QString::fromStdString(ec.message())));
            return;
        }
        fillFolders();
    }
    if (!QDesktopServices::openUrl(QUrl::fromLocalFile(folder)))
        showError(tr("No file manager could open %1. Open the folder yourself.").arg(folder));
}

void PluginsPanel::showError(const QString& message) {
    error_->setText(message);
    error_->show();
}

}  // namespace vitask::ui

#include "vitask/ui/worklist_controller.h"

#include "action_texts.h"

#include "vitask/common/error.h"
#include "vitask/ui/review_panel/export_dialog.h"
#include "vitask/ui/review_panel/new_worklist_dialog.h"
#include "vitask/ui/review_panel/review_panel.h"
#include "vitask/ui/review_store/review_store.h"
#include "vitask/ui/settings/studio_settings.h"

#include <QAction>
#include <QMenu>

namespace vitask::ui {

WorklistController::WorklistController(EngineBridge* engine, QMenu* menu, QWidget* window)
    : QObject(window),
      engine_(engine),
      window_(window),
      panel_(new ReviewPanel(window)),
      menuTexts_(std::make_unique<ActionTexts>(staticMetaObject.className())) {
    ActionTexts& t = *menuTexts_;
    t.add(menu->addAction(QString(), this, &WorklistController::newWorklist), QT_TR_NOOP("&New Worklist…"))
        ->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
    openMenu_ = t.add(menu->addMenu(QString()), QT_TR_NOOP("&Open Worklist"));
    connect(openMenu_, &QMenu::aboutToShow, this, &WorklistController::fillOpenMenu);
    QAction* summary = t.add(menu->addAction(QString(), panel_, &ReviewPanel::showSummary), QT_TR_NOOP("&Summary…"));
    QAction* exportAction = t.add(menu->addAction(QString(), this, &WorklistController::exportWorklist), QT_TR_NOOP("&Export…"));
    exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    QAction* close = t.add(menu->addAction(QString(), this, &WorklistController::closeWorklist), QT_TR_NOOP("&Close Worklist"));
    for (QAction* action : {summary, exportAction, close}) action->setEnabled(false);
    connect(this, &WorklistController::reviewShown, this, [summary, exportAction, close](bool shown) {
        for (QAction* action : {summary, exportAction, close}) action->setEnabled(shown);
    });
    connect(panel_, &ReviewPanel::exportRequested, this, &WorklistController::exportWorklist);
    connect(panel_, &ReviewPanel::closeRequested, this, &WorklistController::closeWorklist);
}

ReviewPanel* WorklistController::panel() const { return panel_; }

void WorklistController::retranslate() { menuTexts_->retranslate(); }

WorklistController::~WorklistController() {
    if (panel_) panel_->closeSession();  // before the store it uses goes
}

ReviewStore* WorklistController::store() {
    if (store_) return store_.get();
    try {
        store_ = std::make_unique<ReviewStore>(ReviewStore::openDefault());
    } catch (const Error& e) {
        Q_EMIT failed(tr("Reviews cannot be saved: %1").arg(QString::fromStdString(e.what())));
    }
    return store_.get();
}

void WorklistController::newWorklist() {
    ReviewStore* reviews = store();
    if (!reviews) return;
    NewWorklistDialog dialog(*reviews, engine_, window_);
    if (dialog.exec() == QDialog::Accepted) openWorklist(dialog.worklist().id);
}

bool WorklistController::openWorklist(qint64 id) {
    ReviewStore* reviews = store();
    if (!reviews) return false;
    try {
        panel_->setSession(std::make_unique<WorklistSession>(*reviews, id, StudioSettings::reviewer(), engine_));
    } catch (const Error& e) {
        Q_EMIT failed(QString::fromStdString(e.what()));
        return false;
    }
    Q_EMIT reviewShown(true);
    return true;
}

void WorklistController::exportWorklist() {
    if (!panel_->session()) return;
    ExportDialog dialog(*panel_->session(), window_);
    dialog.exec();
}

void WorklistController::closeWorklist() {
    panel_->closeSession();
    Q_EMIT reviewShown(false);
}

void WorklistController::fillOpenMenu() {
    openMenu_->clear();
    ReviewStore* reviews = store();
    if (!reviews) return;
    QList<Worklist> lists;
    try {
        lists = reviews->worklists();
    } catch (const Error& e) {
        Q_EMIT failed(QString::fromStdString(e.what()));
        return;
    }
    if (lists.isEmpty()) openMenu_->addAction(tr("(none yet)"))->setEnabled(false);
    // Newest first: the list a reviewer returns to is usually the last one made.
    for (auto it = lists.crbegin(); it != lists.crend(); ++it) {
        const qint64 id = it->id;
        openMenu_->addAction(QStringLiteral("%1  (%2)").arg(it->name, it->createdAt.toLocalTime().toString(Qt::ISODate)),
                             this, [this, id] { openWorklist(id); });
    }
}

}  // namespace vitask::ui

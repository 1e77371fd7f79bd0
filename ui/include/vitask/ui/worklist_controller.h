#pragma once
// The main window's Worklist menu and review page: opens the review database (once, on
// first use, with a clear message when it cannot), makes worklists, opens them in the
// review panel (a page of the main window's centre), exports them, and puts the viewer
// back when a worklist is closed. The main window owns it; it owns the database.

#include <QObject>
#include <QPointer>
#include <QString>

#include <memory>
#include <optional>

class QMenu;
class QStackedWidget;
class QWidget;

namespace vitask::ui {

class EngineBridge;
class ReviewPanel;
class ReviewStore;

class WorklistController : public QObject {
    Q_OBJECT
public:
    // `centre`: the stack the review panel joins; `menu`: the Worklist menu to fill.
    WorklistController(EngineBridge* engine, QStackedWidget* centre, QMenu* menu, QWidget* window);
    ~WorklistController() override;

    ReviewPanel* panel() const;
    // The review database, opened on first use; nullptr (and `failed`) when it cannot be.
    ReviewStore* store();

public Q_SLOTS:
    void newWorklist();
    // Opens worklist `id` for the reviewer of the settings; returns false (and `failed`) when it cannot.
    bool openWorklist(qint64 id);
    void exportWorklist();
    void closeWorklist();

Q_SIGNALS:
    void failed(const QString& message);
    // The review page was shown or left (the window shows the viewer or start page again).
    void reviewShown(bool shown);

private:
    void fillOpenMenu();

    EngineBridge* engine_;
    QStackedWidget* centre_;
    QWidget* window_;
    QPointer<ReviewPanel> panel_;  // a child of the centre, which may go first
    QMenu* openMenu_;
    QWidget* pageBefore_ = nullptr;
    std::unique_ptr<ReviewStore> store_;
};

}  // namespace vitask::ui

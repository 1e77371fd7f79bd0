#pragma once
// The main window's Worklist menu and review page: opens the review database (once, on
// first use, with a clear message when it cannot), makes worklists, opens them in the
// review panel (the main window shows it as its "review" mode), exports them. The main
// window owns it; it owns the database.

#include <QObject>
#include <QPointer>
#include <QString>

#include <memory>
#include <optional>

class QMenu;
class QWidget;

namespace vitask::ui {

class ActionTexts;
class EngineBridge;
class ReviewPanel;
class ReviewStore;

class WorklistController : public QObject {
    Q_OBJECT
public:
    // `menu`: the Worklist menu to fill; the review panel is made here, shown by the window.
    WorklistController(EngineBridge* engine, QMenu* menu, QWidget* window);
    ~WorklistController() override;

    ReviewPanel* panel() const;
    // The Worklist menu's texts in the current language (the window calls it on a language change).
    void retranslate();
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
    // A worklist was opened (shown: true) or closed: the window shows or leaves the panel.
    void reviewShown(bool shown);

private:
    void fillOpenMenu();

    EngineBridge* engine_;
    QWidget* window_;
    QPointer<ReviewPanel> panel_;  // a page of the window's centre, which may go first
    QMenu* openMenu_;
    std::unique_ptr<ReviewStore> store_;
    std::unique_ptr<ActionTexts> menuTexts_;
};

}  // namespace vitask::ui

#pragma once
// The studio's modes, as Qt Creator's mode selector or 3D Slicer's module list: the viewer
// (the study browser, AI panel, tags and log docked around it) and full-window pages (a
// worklist under review, runs, compare, robustness, plug-ins) in the main window's centre.
// Ctrl+1, Ctrl+2, ... switch. The docks belong to the viewer: they step aside on the other
// pages and come back as they were.

#include <QList>
#include <QString>
#include <QToolBar>

class QAction;
class QActionGroup;
class QDockWidget;
class QMainWindow;
class QStackedWidget;

namespace vitask::ui {

class ModeBar : public QToolBar {
    Q_OBJECT
public:
    // `viewerPages`: the centre's pages of the viewer mode (the start page and the viewer);
    // the one showing when the viewer mode is left comes back with it.
    ModeBar(QMainWindow* window, QStackedWidget* centre, QList<QWidget*> viewerPages, QList<QDockWidget*> viewerDocks);

    // Adds a page named `name` (for show() and scripts); the page joins the centre's stack.
    // Returns its action (disable it while the page has nothing to show). Its button's
    // texts come from setTexts(), which the page's maker calls again when the language changes.
    QAction* addPage(const QString& name, QWidget* page);
    // The button of mode `name`: its title and what the page is for (the tool tip adds the shortcut).
    void setTexts(const QString& name, const QString& title, const QString& tip);
    // Shows the mode `name` ("viewer" or a page's name); false for an unknown or disabled one.
    bool show(const QString& name);
    QString current() const { return current_; }
    // The dock layout to save with the window: the viewer's, also while another page shows.
    QByteArray viewerDockState() const;

Q_SIGNALS:
    void modeChanged(const QString& name);

protected:
    void changeEvent(QEvent* event) override;

private:
    QAction* addMode(const QString& name);
    void retranslateUi();

    struct Page {
        QString name;
        QWidget* widget;  // null for the viewer mode
        QAction* action;
    };
    QMainWindow* window_;
    QStackedWidget* centre_;
    QList<QWidget*> viewerPages_;
    QList<QDockWidget*> viewerDocks_;
    QActionGroup* group_;
    QList<Page> pages_;
    QString current_ = QStringLiteral("viewer");
    QWidget* viewerPage_ = nullptr;  // the viewer mode's page when it was left
    QByteArray dockState_;           // the docks as they were when the viewer mode was left
};

}  // namespace vitask::ui

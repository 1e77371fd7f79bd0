#pragma once
// The studio's main window: menus, the central workspace and dockable panels. Window
// geometry and panel layout persist in userConfigDir()/studio.ini.

#include <QMainWindow>

class QDockWidget;

namespace vitask::ui {

class LogPanel;
class StartPage;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    // logFile: where the engine's log goes (shown to the user), empty if console only.
    explicit MainWindow(const QString& logFile, QWidget* parent = nullptr);

    LogPanel* logPanel() const { return logPanel_; }
    StartPage* startPage() const { return startPage_; }
    QDockWidget* logDock() const { return logDock_; }

public Q_SLOTS:
    void showAbout();

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void createMenus();
    void restoreLayout();
    void saveLayout() const;

    StartPage* startPage_;
    LogPanel* logPanel_;
    QDockWidget* logDock_;
};

}  // namespace vitask::ui

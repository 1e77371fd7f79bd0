#include "vitask/ui/main_window.h"

#include "vitask/runtime/system_info.h"
#include "vitask/common/user_paths.h"
#include "vitask/ui/log_panel.h"
#include "vitask/ui/start_page.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>

namespace vitask::ui {
namespace {

QSettings studioSettings() {
    const auto path = userConfigDir() / "studio.ini";
    return QSettings(QString::fromStdString(path.string()), QSettings::IniFormat);
}

}  // namespace

MainWindow::MainWindow(const QString& logFile, QWidget* parent)
    : QMainWindow(parent),
      startPage_(new StartPage(runtime::systemInfo(), logFile, this)),
      logPanel_(new LogPanel(this)),
      logDock_(new QDockWidget(tr("Log"), this)) {
    setWindowTitle(tr("VITask Studio"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/vitask-studio.svg")));
    setCentralWidget(startPage_);

    logDock_->setObjectName(QStringLiteral("logDock"));
    logDock_->setWidget(logPanel_);
    addDockWidget(Qt::BottomDockWidgetArea, logDock_);

    createMenus();
    statusBar()->showMessage(startPage_->systemSummary());
    resize(1100, 720);
    restoreLayout();
}

void MainWindow::createMenus() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    quit->setObjectName(QStringLiteral("actionQuit"));

    QMenu* view = menuBar()->addMenu(tr("&View"));
    QAction* toggleLog = logDock_->toggleViewAction();
    toggleLog->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    view->addAction(toggleLog);
    QAction* fullScreen = view->addAction(tr("&Full Screen"));
    fullScreen->setShortcut(QKeySequence::FullScreen);
    fullScreen->setCheckable(true);
    connect(fullScreen, &QAction::toggled, this,
            [this](bool on) { on ? showFullScreen() : showNormal(); });

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About VITask Studio"), this, &MainWindow::showAbout);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
}

void MainWindow::showAbout() {
    QMessageBox::about(this, tr("About VITask Studio"),
                       QStringLiteral("<pre>%1</pre>")
                           .arg(QString::fromStdString(runtime::formatSystemReport(runtime::systemInfo())).toHtmlEscaped()));
}

void MainWindow::restoreLayout() {
    QSettings settings = studioSettings();
    restoreGeometry(settings.value(QStringLiteral("mainWindow/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("mainWindow/state")).toByteArray());
}

void MainWindow::saveLayout() const {
    QSettings settings = studioSettings();
    settings.setValue(QStringLiteral("mainWindow/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("mainWindow/state"), saveState());
}

void MainWindow::closeEvent(QCloseEvent* event) {
    saveLayout();
    event->accept();
}

}  // namespace vitask::ui

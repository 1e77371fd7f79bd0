#include "vitask/ui/main_window.h"

#include "vitask/service/model_image.h"
#include "vitask/ui/ai_panel/ai_panel.h"
#include "vitask/ui/bridge/engine_bridge.h"
#include "vitask/ui/bridge/pacs_bridge.h"
#include "vitask/ui/bridge/study_bridge.h"
#include "vitask/ui/pacs_browser/pacs_browser.h"
#include "action_texts.h"
#include "vitask/ui/log_panel.h"
#include "vitask/ui/settings/settings_dialog.h"
#include "vitask/ui/settings/studio_settings.h"
#include "vitask/ui/settings/translations.h"
#include "vitask/ui/start_page.h"
#include "vitask/ui/study_browser/dicom_display.h"
#include "vitask/ui/study_browser/study_browser.h"
#include "vitask/ui/tag_browser/tag_browser.h"
#include "vitask/ui/viewer/slice_viewer.h"
#include "vitask/ui/worklist_controller.h"
#include "vitask/ui/mode_bar.h"
#include "vitask/ui/research_pages.h"
#include "vitask/ui/review_panel/review_panel.h"
#include "vitask/service/ask.h"
#include "vitask/ui/compare_panel/compare_panel.h"
#include "vitask/ui/compare_panel/sample_volume.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QMimeData>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTimer>
#include <QVBoxLayout>

#include <spdlog/spdlog.h>

namespace vitask::ui {
namespace {

// The corner annotations of a series (display only: never logged).
ViewerInfo viewerInfo(const imaging::SeriesItem& item) {
    ViewerInfo info;
    info.patientName = displayPersonName(item.patientName);
    info.patientId = displayText(item.patientId);
    info.studyDate = displayDate(item.studyDate);
    info.studyDescription = displayText(item.studyDescription);
    info.seriesDescription = item.seriesDescription.empty() ? QString::fromStdString(item.file.filename().string())
                                                            : displayText(item.seriesDescription);
    info.modality = displayText(item.modality);
    info.pixelSpacingKnown = item.kind != imaging::SeriesItem::Kind::Photo;
    return info;
}

QDockWidget* makeDock(const QString& name, QWidget* content, QWidget* parent) {
    auto* dock = new QDockWidget(parent);
    dock->setObjectName(name);
    dock->setWidget(content);
    return dock;
}

}  // namespace

MainWindow::MainWindow(const QString& logFile, QWidget* parent)
    : QMainWindow(parent),
      studies_(new StudyBridge(this)),
      engine_(new EngineBridge(service::EngineSettings{StudioSettings::device(), StudioSettings::cpuThreads(), {}, true},
                               this)),
      startPage_(new StartPage(logFile, this)),
      viewer_(new SliceViewer(this)),
      centre_(new QStackedWidget(this)),
      banner_(new QLabel(this)),
      studyBrowser_(new StudyBrowser(this)),
      pacs_(new PacsBridge(this)),
      pacsBrowser_(new PacsBrowser(pacs_, this)),
      tagBrowser_(new TagBrowser(this)),
      aiPanel_(new AiPanel(engine_, this)),
      logPanel_(new LogPanel(this)),
      cursorValue_(new QLabel(this)),
      menuTexts_(std::make_unique<ActionTexts>(staticMetaObject.className())) {
    setWindowIcon(QIcon(QStringLiteral(":/icons/vitask-studio.svg")));
    setAcceptDrops(true);

    // The centre: a banner for errors over the start page or the viewer.
    auto* centreWidget = new QWidget(this);
    auto* centreLayout = new QVBoxLayout(centreWidget);
    centreLayout->setContentsMargins(0, 0, 0, 0);
    centreLayout->setSpacing(0);
    banner_->setObjectName(QStringLiteral("banner"));
    banner_->setWordWrap(true);
    banner_->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::LinksAccessibleByMouse);
    banner_->setStyleSheet(QStringLiteral("QLabel { color: #b71c1c; background: #ffebee; border-bottom: 1px solid #e57373; "
                                          "padding: 6px; }"));
    connect(banner_, &QLabel::linkActivated, banner_, &QLabel::hide);
    banner_->hide();
    centre_->addWidget(startPage_);
    centre_->addWidget(viewer_);
    centreLayout->addWidget(banner_);
    centreLayout->addWidget(centre_, 1);
    setCentralWidget(centreWidget);

    createDocks();
    createMenus();
    retranslateUi();
    connectStudies();
    connectAi();
    statusBar()->showMessage(startPage_->systemSummary());
    statusBar()->addPermanentWidget(cursorValue_);
    // Once the window is painted (paintEvent), the engine's worker loads LibTorch and says
    // what it runs on.
    connect(engine_, &EngineBridge::systemInfoReady, this, [this](const SystemInfo& info) {
        startPage_->setSystemInfo(info);
        statusBar()->showMessage(startPage_->systemSummary(), 10000);
    });
    // A window that is never painted (started minimized, hidden) still gets its engine.
    QTimer::singleShot(2000, this, &MainWindow::startEngine);
    resize(1400, 900);
    restoreLayout();
}

MainWindow::~MainWindow() {
    // The worklist's session talks to the engine bridge and the review database: it goes
    // first, while both exist (Qt deletes the children in the order they were made).
    worklists_->panel()->closeSession();
}

void MainWindow::retranslateUi() {
    setWindowTitle(tr("VITask Studio"));
    studyDock_->setWindowTitle(tr("Studies"));
    pacsDock_->setWindowTitle(tr("PACS"));
    aiDock_->setWindowTitle(tr("AI"));
    tagDock_->setWindowTitle(tr("DICOM Tags"));
    logDock_->setWindowTitle(tr("Log"));
    menuTexts_->retranslate();
    worklists_->retranslate();
    research_->retranslate();
    modeBar_->setTexts(QStringLiteral("review"), tr("Review"), tr("The open worklist"));
    renderBanner();
}

void MainWindow::changeEvent(QEvent* event) {
    // The settings' language, installed while the studio runs (applyLanguage).
    if (event->type() == QEvent::LanguageChange) retranslateUi();
    QMainWindow::changeEvent(event);
}

void MainWindow::createDocks() {
    studyDock_ = makeDock(QStringLiteral("studyDock"), studyBrowser_, this);
    pacsDock_ = makeDock(QStringLiteral("pacsDock"), pacsBrowser_, this);
    aiDock_ = makeDock(QStringLiteral("aiDock"), aiPanel_, this);
    tagDock_ = makeDock(QStringLiteral("tagDock"), tagBrowser_, this);
    logDock_ = makeDock(QStringLiteral("logDock"), logPanel_, this);
    addDockWidget(Qt::LeftDockWidgetArea, studyDock_);
    addDockWidget(Qt::LeftDockWidgetArea, pacsDock_);
    tabifyDockWidget(studyDock_, pacsDock_);
    studyDock_->raise();
    addDockWidget(Qt::RightDockWidgetArea, aiDock_);
    addDockWidget(Qt::BottomDockWidgetArea, tagDock_);
    addDockWidget(Qt::BottomDockWidgetArea, logDock_);
    tabifyDockWidget(tagDock_, logDock_);
    tagDock_->raise();
    resizeDocks({studyDock_, aiDock_}, {360, 420}, Qt::Horizontal);
    resizeDocks({tagDock_}, {180}, Qt::Vertical);
}

void MainWindow::createMenus() {
    ActionTexts& t = *menuTexts_;
    QMenu* file = t.add(menuBar()->addMenu(QString()), QT_TR_NOOP("&File"));
    QAction* open = t.add(file->addAction(QString(), this, &MainWindow::openFileDialog), QT_TR_NOOP("&Open File…"));
    open->setShortcut(QKeySequence::Open);
    open->setObjectName(QStringLiteral("actionOpenFile"));
    QAction* openFolder = t.add(file->addAction(QString(), this, &MainWindow::openFolderDialog), QT_TR_NOOP("Open &Folder…"));
    openFolder->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    openFolder->setObjectName(QStringLiteral("actionOpenFolder"));
    recentMenu_ = t.add(file->addMenu(QString()), QT_TR_NOOP("Open &Recent"));
    updateRecentMenu();
    file->addSeparator();
    QAction* settings = t.add(file->addAction(QString(), this, &MainWindow::showSettings), QT_TR_NOOP("&Settings…"));
    settings->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    settings->setMenuRole(QAction::PreferencesRole);
    file->addSeparator();
    QAction* quit = t.add(file->addAction(QString(), this, &QWidget::close), QT_TR_NOOP("&Quit"));
    quit->setShortcut(QKeySequence::Quit);
    quit->setObjectName(QStringLiteral("actionQuit"));

    QMenu* view = t.add(menuBar()->addMenu(QString()), QT_TR_NOOP("&View"));
    for (QDockWidget* dock : {studyDock_, pacsDock_, aiDock_, tagDock_}) view->addAction(dock->toggleViewAction());
    QAction* toggleLog = logDock_->toggleViewAction();
    toggleLog->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    view->addAction(toggleLog);
    view->addSeparator();
    t.add(view->addAction(QString(), viewer_, &SliceViewer::fitToWindow), QT_TR_NOOP("&Fit to Window"));
    t.add(view->addAction(QString(), viewer_, &SliceViewer::oneToOne), QT_TR_NOOP("&Actual Size (1:1)"));
    t.add(view->addAction(QString(), viewer_, &SliceViewer::resetWindow), QT_TR_NOOP("&Reset Window/Level"));
    presetMenu_ = t.add(view->addMenu(QString()), QT_TR_NOOP("Window &Presets"));
    presetMenu_->setEnabled(false);
    QAction* overlay = t.add(view->addAction(QString()), QT_TR_NOOP("Corner &Text"));
    overlay->setCheckable(true);
    overlay->setChecked(viewer_->overlayVisible());
    connect(overlay, &QAction::toggled, viewer_, &SliceViewer::setOverlayVisible);
    connect(viewer_, &SliceViewer::overlayVisibleChanged, overlay, &QAction::setChecked);
    view->addSeparator();
    QAction* fullScreen = t.add(view->addAction(QString()), QT_TR_NOOP("F&ull Screen"));
    fullScreen->setShortcut(QKeySequence::FullScreen);
    fullScreen->setCheckable(true);
    connect(fullScreen, &QAction::toggled, this, [this](bool on) { on ? showFullScreen() : showNormal(); });

    QMenu* model = t.add(menuBar()->addMenu(QString()), QT_TR_NOOP("&Model"));
    t.add(model->addAction(QString(), aiPanel_, &AiPanel::chooseModelFolder), QT_TR_NOOP("&Load Model…"))
        ->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_M));
    QAction* ask = t.add(model->addAction(QString(), aiPanel_, &AiPanel::ask), QT_TR_NOOP("&Ask About This Image"));
    ask->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    ask->setObjectName(QStringLiteral("actionAsk"));
    t.add(model->addAction(QString(), aiPanel_, &AiPanel::cancel), QT_TR_NOOP("&Cancel Answer"))
        ->setShortcut(QKeySequence(Qt::Key_Escape));
    t.add(model->addAction(QString(), aiPanel_, &AiPanel::refreshTsms), QT_TR_NOOP("&Rescan TSMs"));

    worklists_ = new WorklistController(engine_, t.add(menuBar()->addMenu(QString()), QT_TR_NOOP("&Worklist")), this);
    researchMenu_ = t.add(menuBar()->addMenu(QString()), QT_TR_NOOP("&Research"));
    connect(worklists_, &WorklistController::failed, this, &MainWindow::showBanner);
    createModes();

    QMenu* help = t.add(menuBar()->addMenu(QString()), QT_TR_NOOP("&Help"));
    t.add(help->addAction(QString(), this, &MainWindow::demoRequested), QT_TR_NOOP("Open the &Demo"));
    t.add(help->addAction(QString(), this, &MainWindow::showShortcuts), QT_TR_NOOP("&Keyboard and Mouse"))
        ->setShortcut(QKeySequence::HelpContents);
    t.add(help->addAction(QString(), this, &MainWindow::showAbout), QT_TR_NOOP("&About VITask Studio"));
    t.add(help->addAction(QString(), qApp, &QApplication::aboutQt), QT_TR_NOOP("About &Qt"));
}

void MainWindow::connectStudies() {
    connect(startPage_, &StartPage::openFileRequested, this, &MainWindow::openFileDialog);
    connect(startPage_, &StartPage::openFolderRequested, this, &MainWindow::openFolderDialog);
    connect(startPage_, &StartPage::loadModelRequested, aiPanel_, &AiPanel::chooseModelFolder);
    connect(startPage_, &StartPage::openRecentRequested, this, &MainWindow::openPath);
    connect(startPage_, &StartPage::demoRequested, this, &MainWindow::demoRequested);
    connect(studyBrowser_, &StudyBrowser::seriesActivated, this, &MainWindow::showSeries);
    connect(studyBrowser_, &StudyBrowser::openRequested, this, &MainWindow::openPath);
    connect(pacsBrowser_, &PacsBrowser::openRequested, this, [this](const QString& folder) {
        openPath(folder);
        studyDock_->raise();  // the retrieved study, in the browser like any other
    });
    connect(studyBrowser_, &StudyBrowser::cancelScanRequested, studies_, &StudyBridge::cancelOpen);
    connect(studies_, &StudyBridge::openProgress, this, [this](std::size_t done, std::size_t total) {
        studyBrowser_->setScanProgress(done, total, tr("Reading headers"));
    });
    connect(studies_, &StudyBridge::opened, this, [this](std::shared_ptr<const imaging::StudyCatalog> catalog) {
        catalog_ = std::move(catalog);
        studyBrowser_->setScanFinished();
        studyBrowser_->setCatalog(*catalog_);
        studies_->thumbnails(catalog_, StudyBrowser::kThumbnailSide * 2);
        StudioSettings::addRecentStudy(QString::fromStdString(catalog_->source.string()));
        updateRecentMenu();
        spdlog::info("opened a study: {} series, {} file(s) skipped", catalog_->series.size(), catalog_->skipped.size());
        Q_EMIT studyOpened(catalog_->series.size());
        if (!catalog_->series.empty()) showSeries(0);
    });
    connect(studies_, &StudyBridge::openFailed, this, [this](const QString&, const QString& message) {
        studyBrowser_->setScanFinished();
        showBanner(message);
        Q_EMIT studyFailed(message);
    });
    connect(studies_, &StudyBridge::thumbnailReady, this,
            [this](std::shared_ptr<const imaging::StudyCatalog> catalog, std::size_t index, const imaging::Thumbnail& thumbnail) {
                if (catalog == catalog_) studyBrowser_->setThumbnail(index, thumbnailImage(thumbnail));
            });
    connect(studies_, &StudyBridge::seriesLoaded, this,
            [this](std::shared_ptr<const imaging::StudyCatalog> catalog, std::size_t index,
                   std::shared_ptr<const imaging::Volume> volume) {
                if (catalog != catalog_) return;  // a study opened since
                shownSeries_ = index;
                tagFile_.clear();  // the viewer's sliceChanged reads the tags of the slice shown
                viewer_->setVolume(std::move(volume), viewerInfo(catalog_->series[index]));
                modeBar_->show(QStringLiteral("viewer"));  // an image opened from another page shows
                centre_->setCurrentWidget(viewer_);
                viewer_->setFocus();
                updatePresetMenu();
                statusBar()->showMessage(tr("Series %1 of %2").arg(index + 1).arg(catalog_->series.size()), 3000);
                Q_EMIT seriesShown(index);
            });
    connect(studies_, &StudyBridge::seriesFailed, this, [this](std::size_t, const QString& message) {
        showBanner(message);
        Q_EMIT studyFailed(message);
    });
    connect(studies_, &StudyBridge::elementsRead, this,
            [this](const QString& file, const std::vector<imaging::DicomElement>& elements) {
                if (file != tagFile_) return;
                tagBrowser_->setElements(elements);
                tagBrowser_->setSource(QFileInfo(file).fileName());
            });
    connect(studies_, &StudyBridge::elementsFailed, this, [this](const QString& file, const QString&) {
        if (file == tagFile_) tagBrowser_->clear();
    });
    connect(viewer_, &SliceViewer::sliceChanged, this, &MainWindow::readTagsOfSlice);
    connect(viewer_, &SliceViewer::cursorValueChanged, cursorValue_, &QLabel::setText);
}

void MainWindow::connectAi() {
    aiPanel_->setImageProvider([this](QString* why) -> std::optional<service::ModelImage> {
        const auto volume = viewer_->volume();
        if (!volume) {
            *why = tr("Open a study first: the model is asked about the slice shown.");
            return std::nullopt;
        }
        try {
            return service::modelImageFromVolume(*volume, static_cast<std::size_t>(viewer_->slice()),
                                                 static_cast<std::size_t>(viewer_->timePoint()));
        } catch (const std::exception& e) {
            *why = QString::fromStdString(e.what());
            return std::nullopt;
        }
    });
    connect(aiPanel_, &AiPanel::saliencyChanged, this, [this](const std::optional<service::SaliencyMap>& map) {
        if (!map) {
            viewer_->clearHeatmap();
            return;
        }
        viewer_->setHeatmap(map->width, map->height, map->values,
                            tr("TSM %1: %2").arg(QString::fromStdString(map->method), QString::fromStdString(map->label)));
    });
    connect(aiPanel_, &AiPanel::heatmapVisibleChanged, viewer_, &SliceViewer::setHeatmapVisible);
    connect(aiPanel_, &AiPanel::heatmapOpacityChanged, viewer_, &SliceViewer::setHeatmapOpacity);
    connect(engine_, &EngineBridge::deviceFailed, this, [this](const QString& message) { aiPanel_->showError(message); });
}

void MainWindow::openPath(const QString& path) {
    banner_->hide();
    spdlog::info("opening a study");  // the path may name the patient: not logged
    studyBrowser_->setScanProgress(0, 0, QFileInfo(path).fileName());
    studies_->open(path);
}

void MainWindow::openFileDialog() {
    const QString file = QFileDialog::getOpenFileName(
        this, tr("Open an image or DICOMDIR"), StudioSettings::studyFolder(),
        tr("Images (*.dcm *.DCM DICOMDIR *.nii *.nii.gz *.png *.jpg *.jpeg);;All files (*)"));
    if (file.isEmpty()) return;
    StudioSettings::setStudyFolder(QFileInfo(file).absolutePath());
    openPath(file);
}

void MainWindow::openFolderDialog() {
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Open a folder of DICOM files"),
                                                             StudioSettings::studyFolder());
    if (folder.isEmpty()) return;
    StudioSettings::setStudyFolder(folder);
    openPath(folder);
}

void MainWindow::showSeries(std::size_t index) {
    if (!catalog_ || index >= catalog_->series.size()) return;
    studyBrowser_->selectSeries(index);
    statusBar()->showMessage(tr("Loading series %1…").arg(index + 1));
    studies_->loadSeries(catalog_, index);
}

void MainWindow::readTagsOfSlice(int slice) {
    if (!catalog_ || !shownSeries_) return;
    const auto& item = catalog_->series[*shownSeries_];
    if (item.kind != imaging::SeriesItem::Kind::Dicom) {
        tagBrowser_->clear();
        return;
    }
    // Single-frame series have one file per slice; a multi-frame object is one file.
    const auto& instances =
        catalog_->tree.patients[item.patient].studies[item.study].series[item.series].instances;
    const auto volume = viewer_->volume();
    const bool perSlice = volume && instances.size() == volume->dims[2] && slice >= 0 &&
                          static_cast<std::size_t>(slice) < instances.size();
    const QString file = QString::fromStdString((perSlice ? instances[static_cast<std::size_t>(slice)] : instances.front()).file.string());
    if (file == tagFile_) return;
    tagFile_ = file;
    studies_->readElements(file);
}

void MainWindow::updateRecentMenu() {
    recentMenu_->clear();
    const QStringList recent = StudioSettings::recentStudies();
    startPage_->setRecentStudies(recent);
    for (const QString& path : recent) recentMenu_->addAction(path, this, [this, path] { openPath(path); });
    recentMenu_->setEnabled(!recent.isEmpty());
}

void MainWindow::updatePresetMenu() {
    presetMenu_->clear();
    const auto presets = viewer_->presets();
    for (std::size_t i = 0; i < presets.size(); ++i) {
        const auto& w = presets[i];
        presetMenu_->addAction(QStringLiteral("%1  (C %2 / W %3)")
                                   .arg(QString::fromStdString(w.explanation))
                                   .arg(w.center, 0, 'f', 0)
                                   .arg(w.width, 0, 'f', 0),
                               viewer_, [this, i] { viewer_->applyPreset(static_cast<int>(i)); });
    }
    presetMenu_->setEnabled(!presets.empty());
}

void MainWindow::createModes() {
    modeBar_ = new ModeBar(this, centre_, {startPage_, viewer_}, {studyDock_, pacsDock_, aiDock_, tagDock_, logDock_});
    addToolBar(Qt::TopToolBarArea, modeBar_);
    // Reviewing wants the whole window for the case: the page shows while a worklist is open.
    QAction* review = modeBar_->addPage(QStringLiteral("review"), worklists_->panel());
    review->setEnabled(false);
    connect(worklists_, &WorklistController::reviewShown, this, [this, review](bool shown) {
        review->setEnabled(shown);
        modeBar_->show(shown ? QStringLiteral("review") : QStringLiteral("viewer"));
    });
    research_ = new ResearchPages(this, modeBar_, researchMenu_, engine_, aiPanel_);
    connect(research_->compare(), &ComparePanel::openInViewerRequested, this, &MainWindow::showDatasetSample);
    connect(research_, &ResearchPages::status, this, [this](const QString& text) { statusBar()->showMessage(text, 5000); });
}

bool MainWindow::showPanel(const QString& name) {
    if (modeBar_->show(name)) return true;
    QDockWidget* dock = name == QLatin1String("studies") ? studyDock_
                        : name == QLatin1String("pacs")  ? pacsDock_
                        : name == QLatin1String("ai")    ? aiDock_
                        : name == QLatin1String("tags")  ? tagDock_
                        : name == QLatin1String("log")   ? logDock_
                                                         : nullptr;
    if (!dock) return false;
    modeBar_->show(QStringLiteral("viewer"));  // the docks belong to the viewer
    dock->show();
    dock->raise();
    return true;
}

void MainWindow::showSettings() {
    SettingsDialog dialog(this);
    const QString language = StudioSettings::language();
    if (dialog.exec() != QDialog::Accepted) return;
    engine_->setDevice(StudioSettings::device());
    engine_->setCpuThreads(StudioSettings::cpuThreads());
    if (StudioSettings::language() != language) applyLanguage(StudioSettings::language());
}

void MainWindow::showBanner(const QString& message) {
    bannerMessage_ = message;
    renderBanner();
    banner_->show();
    spdlog::error("{}", message.toStdString());
}

void MainWindow::renderBanner() {
    banner_->setText(QStringLiteral("%1 &nbsp; <a href=\"dismiss\">%2</a>").arg(bannerMessage_.toHtmlEscaped(), tr("Dismiss")));
}

QString MainWindow::bannerText() const { return banner_->isHidden() ? QString() : bannerMessage_; }

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
    if (event->mimeData()->hasUrls() && event->mimeData()->urls().front().isLocalFile()) event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event) {
    // Several files dropped from one folder open that folder (a series' files).
    const auto urls = event->mimeData()->urls();
    const QString first = urls.front().toLocalFile();
    openPath(urls.size() > 1 ? QFileInfo(first).absolutePath() : first);
    event->acceptProposedAction();
}

void MainWindow::showDatasetSample(const service::DatasetSample& sample) {
    const QString title = QString::fromStdString(sample.title);
    const QString dataset = QString::fromStdString(sample.dataset.filename().string());
    ViewerInfo info;
    info.studyDescription = dataset;
    info.seriesDescription = title;
    info.pixelSpacingKnown = false;
    shownSeries_.reset();  // not a series of the open study
    tagFile_.clear();
    tagBrowser_->clear();
    viewer_->setVolume(sampleVolume(sample.image), info);
    if (sample.saliency)
        viewer_->setHeatmap(sample.saliency->width, sample.saliency->height, sample.saliency->values,
                            tr("TSM %1: %2").arg(QString::fromStdString(sample.saliency->method),
                                                 QString::fromStdString(sample.saliency->label)));
    modeBar_->show(QStringLiteral("viewer"));
    centre_->setCurrentWidget(viewer_);
    const auto templates = service::questionTemplates(sample.task);
    if (!templates.empty()) aiPanel_->setQuestion(QString::fromStdString(templates.front().text));
    statusBar()->showMessage(tr("%1 of %2 in the viewer: ask about it with Ctrl+Return").arg(title, dataset), 5000);
}

void MainWindow::showDemoUnavailable(const QString& why) { showBanner(tr("The demo cannot be opened: %1").arg(why)); }

void MainWindow::paintEvent(QPaintEvent* event) {
    QMainWindow::paintEvent(event);
    // The engine (made held) starts after the first paint, so LibTorch does not load while
    // the window is being made and shown: on a small machine its loading would hold the
    // dynamic loader (and so Qt's plug-ins) and the CPU that showing the window needs.
    // Work asked for meanwhile (a model to load, the TSMs to list) waits until then.
    if (!engineStarted_) QTimer::singleShot(0, this, &MainWindow::startEngine);
}

void MainWindow::startEngine() {
    if (engineStarted_) return;
    engineStarted_ = true;
    engine_->requestSystemInfo();
    engine_->start();
}

void MainWindow::showAbout() {
    QMessageBox::about(this, tr("About VITask Studio"),
                       QStringLiteral("<pre>%1</pre>")
                           .arg(QString::fromStdString(formatSystemReport(startPage_->systemInfo())).toHtmlEscaped()));
}

void MainWindow::showShortcuts() {
    QMessageBox::information(this, tr("Keyboard and Mouse"), SliceViewer::shortcutHelp());
}

void MainWindow::restoreLayout() {
    QSettings settings = StudioSettings::open();
    restoreGeometry(settings.value(QStringLiteral("mainWindow/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("mainWindow/state")).toByteArray());
}

void MainWindow::saveLayout() const {
    QSettings settings = StudioSettings::open();
    settings.setValue(QStringLiteral("mainWindow/geometry"), saveGeometry());
    // On another mode's page the viewer's docks are hidden: keep the viewer's layout.
    settings.setValue(QStringLiteral("mainWindow/state"), modeBar_->viewerDockState());
}

void MainWindow::closeEvent(QCloseEvent* event) {
    saveLayout();
    event->accept();
}

}  // namespace vitask::ui

#pragma once
// The studio's main window: the slice viewer in the centre (the start page until a study
// is open), the study browser on the left, the AI panel on the right, the DICOM tags and
// the log below. It wires the panels to the engine's services through the bridges; it
// never reads a file or runs a model on its own thread. Window geometry and panel layout
// persist in userConfigDir()/studio.ini.

#include "vitask/imaging/study_catalog.h"
#include "vitask/service/dataset_evaluation.h"

#include <QMainWindow>

#include <cstddef>
#include <memory>
#include <optional>

class QDockWidget;
class QLabel;
class QMenu;
class QStackedWidget;

namespace vitask::ui {

class ActionTexts;
class AiPanel;
class EngineBridge;
class LogPanel;
class PacsBridge;
class PacsBrowser;
class SliceViewer;
class StartPage;
class StudyBridge;
class StudyBrowser;
class ModeBar;
class ResearchPages;
class TagBrowser;
class WorklistController;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    // logFile: where the engine's log goes (shown to the user), empty if console only.
    explicit MainWindow(const QString& logFile, QWidget* parent = nullptr);
    ~MainWindow() override;

    LogPanel* logPanel() const { return logPanel_; }
    StartPage* startPage() const { return startPage_; }
    QDockWidget* logDock() const { return logDock_; }
    SliceViewer* viewer() const { return viewer_; }
    StudyBrowser* studyBrowser() const { return studyBrowser_; }
    TagBrowser* tagBrowser() const { return tagBrowser_; }
    AiPanel* aiPanel() const { return aiPanel_; }
    EngineBridge* engine() const { return engine_; }
    WorklistController* worklists() const { return worklists_; }
    ModeBar* modeBar() const { return modeBar_; }
    ResearchPages* research() const { return research_; }
    std::shared_ptr<const imaging::StudyCatalog> catalog() const { return catalog_; }
    // The series shown in the viewer, if any.
    std::optional<std::size_t> shownSeries() const { return shownSeries_; }
    // The message of the banner over the viewer (empty when hidden).
    QString bannerText() const;

public Q_SLOTS:
    // A file, a folder (scanned in the background) or a DICOMDIR; the first series is shown.
    void openPath(const QString& path);
    void openFileDialog();
    void openFolderDialog();
    void showSeries(std::size_t index);
    // Shows a mode ("viewer", "review" while a worklist is open, and the research pages)
    // or raises a viewer panel ("studies", "ai", "tags", "log"). False for another name.
    bool showPanel(const QString& name);
    void showSettings();
    void showAbout();
    // A dataset sample from the Compare page in the viewer, with the TSM's heatmap; the AI
    // panel's question becomes the sample's task's instruction.
    void showDatasetSample(const vitask::service::DatasetSample& sample);
    // The demo was asked for (demoRequested) but is not there: `why` on the banner.
    void showDemoUnavailable(const QString& why);
    void showShortcuts();

Q_SIGNALS:
    // Open the Demo (start page, Help menu): the application opens the built-in demo.
    void demoRequested();
    void studyOpened(std::size_t seriesCount);
    void seriesShown(std::size_t index);
    // Opening the study or decoding the series failed (the message is on the banner too).
    void studyFailed(const QString& message);

protected:
    void changeEvent(QEvent* event) override;
    void closeEvent(QCloseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;
    void paintEvent(QPaintEvent* event) override;

private:
    // Lets the engine's worker run (it then loads LibTorch): after the first paint, or 2 s
    // after the window was made if it is never painted. Once.
    void startEngine();

private:
    void retranslateUi();
    void createDocks();
    void createMenus();
    void createModes();
    void connectStudies();
    void connectAi();
    void updateRecentMenu();
    void updatePresetMenu();
    void readTagsOfSlice(int slice);
    void showBanner(const QString& message);
    void renderBanner();  // the banner's text: the message and a translated Dismiss link
    void restoreLayout();
    void saveLayout() const;

    StudyBridge* studies_;
    EngineBridge* engine_;
    StartPage* startPage_;
    bool engineStarted_ = false;                 // the engine's jobs let run (first paint)
    SliceViewer* viewer_;
    QStackedWidget* centre_;
    QLabel* banner_;
    StudyBrowser* studyBrowser_;
    PacsBridge* pacs_;
    PacsBrowser* pacsBrowser_;
    TagBrowser* tagBrowser_;
    AiPanel* aiPanel_;
    LogPanel* logPanel_;
    WorklistController* worklists_ = nullptr;
    ModeBar* modeBar_ = nullptr;
    QMenu* researchMenu_ = nullptr;
    ResearchPages* research_ = nullptr;
    QDockWidget* studyDock_;
    QDockWidget* pacsDock_;  // tabbed with the studies
    QDockWidget* aiDock_;
    QDockWidget* tagDock_;
    QDockWidget* logDock_;
    QMenu* recentMenu_ = nullptr;
    QMenu* presetMenu_ = nullptr;
    QLabel* cursorValue_;
    std::unique_ptr<ActionTexts> menuTexts_;  // the menus' and actions' texts, for a language change

    std::shared_ptr<const imaging::StudyCatalog> catalog_;
    std::optional<std::size_t> shownSeries_;
    QString tagFile_;        // the file whose elements the tag browser shows
    QString bannerMessage_;  // the banner's text without its link
};

}  // namespace vitask::ui

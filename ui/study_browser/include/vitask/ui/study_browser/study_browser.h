#pragma once
// The studio's study browser: patient / study / series tree of what the user opened, a
// thumbnail per series. A widget only: the main window runs imaging::openStudy and
// imaging::makeThumbnail on a worker thread and hands the results in, so the browser
// never blocks on a disk. Patient names and IDs are shown here (one of the two places
// allowed to show them) and never logged.

#include "vitask/imaging/study_catalog.h"

#include <QImage>
#include <QWidget>

#include <cstddef>
#include <optional>
#include <vector>

class QDragEnterEvent;
class QDropEvent;
class QLabel;
class QProgressBar;
class QPushButton;
class QStackedWidget;
class QTreeWidget;
class QTreeWidgetItem;

namespace vitask::ui {

// The thumbnail's pixels copied into a QImage (Format_Grayscale8 or Format_RGB888); a
// null QImage for an empty thumbnail.
QImage thumbnailImage(const imaging::Thumbnail& thumbnail);

class StudyBrowser : public QWidget {
    Q_OBJECT
public:
    // Edge of the square a thumbnail is shown in, in device-independent pixels.
    static constexpr int kThumbnailSide = 64;

    explicit StudyBrowser(QWidget* parent = nullptr);

    // Replaces what is shown. Series rows carry their index into catalog.series; NIfTI
    // and photo files are listed under one node without patient data.
    void setCatalog(const imaging::StudyCatalog& catalog);
    // Back to the empty state ("Open a file or folder ...").
    void clear();
    // The icon of series `index` of the current catalog (ignored when out of range).
    void setThumbnail(std::size_t index, const QImage& image);

    // Shows the progress row with a Cancel button; total 0 shows a busy bar (the folder
    // is still being listed). `what` is shown above the bar as given (elided in the middle).
    void setScanProgress(std::size_t done, std::size_t total, const QString& what);
    void setScanFinished();

    void selectSeries(std::size_t index);
    std::optional<std::size_t> currentSeries() const;
    std::size_t seriesCount() const;

Q_SIGNALS:
    void seriesActivated(std::size_t index);   // double-click, Enter
    void seriesSelected(std::size_t index);    // current row changed to a series
    // Files or folders dropped onto the browser: one path, or the folder of several
    // files dropped from one folder (a selection of a series' files opens the series).
    void openRequested(const QString& path);
    void cancelScanRequested();

protected:
    void changeEvent(QEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void retranslateUi();
    void addSeriesRow(QTreeWidgetItem* parent, const imaging::SeriesItem& item, std::size_t index);
    // The texts of series `index`'s row and of the rows above it.
    void showSeriesTexts(std::size_t index);
    void updateIcon(QTreeWidgetItem* row);
    void showSummary();
    void showScanCount();
    void showCancelState();
    static std::optional<std::size_t> seriesIndex(const QTreeWidgetItem* item);

    QStackedWidget* pages_;
    QLabel* emptyState_;
    QTreeWidget* tree_;
    QLabel* summary_;
    QWidget* progressRow_;
    QLabel* progressText_;
    QProgressBar* progressBar_;
    QPushButton* cancelButton_;
    std::vector<QTreeWidgetItem*> seriesRows_;  // by catalog index
    imaging::StudyCatalog catalog_;             // what the tree shows
    std::size_t scanDone_ = 0, scanTotal_ = 0;
};

}  // namespace vitask::ui

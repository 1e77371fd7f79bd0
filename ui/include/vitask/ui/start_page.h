#pragma once
// What the studio shows before a study is opened: how to start (open a file or folder,
// a recent study, load a model), the compute set-up it will run on (LibTorch, CUDA, BLAS)
// and where its log file is.

#include <QStringList>
#include <QWidget>

class QVBoxLayout;

namespace vitask::runtime {
struct SystemInfo;
}

namespace vitask::ui {

class StartPage : public QWidget {
    Q_OBJECT
public:
    StartPage(const runtime::SystemInfo& info, const QString& logFile, QWidget* parent = nullptr);

    // One line "LibTorch … · device · BLAS: …" for the status bar.
    QString systemSummary() const;
    // The recent studies offered as links (most recent first).
    void setRecentStudies(const QStringList& paths);

Q_SIGNALS:
    void openFileRequested();
    void openFolderRequested();
    void loadModelRequested();
    void openRecentRequested(const QString& path);

private:
    QString summary_;
    QVBoxLayout* recent_;
};

}  // namespace vitask::ui

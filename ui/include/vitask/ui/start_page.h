#pragma once
// What the studio shows before a study is opened: how to start (open a file or folder,
// a recent study, load a model), the compute set-up it will run on (LibTorch, CUDA, BLAS:
// "loading" until the engine's worker has loaded LibTorch) and where its log file is.

#include "vitask/common/system_info.h"

#include <QList>
#include <QStringList>
#include <QWidget>

class QGroupBox;
class QLabel;
class QPushButton;
class QVBoxLayout;

namespace vitask::ui {

class StartPage : public QWidget {
    Q_OBJECT
public:
    // Shows the build's facts until the engine reports the rest (setSystemInfo).
    explicit StartPage(const QString& logFile, QWidget* parent = nullptr);

    // What the engine runs on, once its worker has loaded LibTorch.
    void setSystemInfo(const SystemInfo& info);
    const SystemInfo& systemInfo() const { return info_; }

    // One line "LibTorch … · device · BLAS: …" for the status bar, in the current language.
    QString systemSummary() const;
    // The recent studies offered as links (most recent first).
    void setRecentStudies(const QStringList& paths);

Q_SIGNALS:
    void openFileRequested();
    void openFolderRequested();
    void loadModelRequested();
    void demoRequested();
    void openRecentRequested(const QString& path);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();

    SystemInfo info_;
    QString logFile_;
    QStringList recentStudies_;
    QLabel* title_;
    QGroupBox* systemBox_;
    QList<QLabel*> systemNames_;  // version, LibTorch, device, BLAS, log file
    QLabel* version_ = nullptr;
    QLabel* torch_ = nullptr;
    QLabel* device_ = nullptr;
    QLabel* blas_ = nullptr;
    QLabel* log_ = nullptr;
    QGroupBox* startBox_;
    QList<QPushButton*> startButtons_;  // open file, open folder, load model, the demo
    QVBoxLayout* recent_;
};

}  // namespace vitask::ui

#pragma once
// What the studio shows before a study is opened: how to start (open a file or folder,
// a recent study, load a model), the compute set-up it will run on (LibTorch, CUDA, BLAS)
// and where its log file is.

#include "vitask/runtime/system_info.h"

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
    StartPage(const runtime::SystemInfo& info, const QString& logFile, QWidget* parent = nullptr);

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

    runtime::SystemInfo info_;
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

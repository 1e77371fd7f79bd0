#pragma once
// What the studio shows before a study is opened: the compute set-up it will run on
// (LibTorch, CUDA, BLAS) and where its log file is.

#include <QWidget>

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

private:
    QString summary_;
};

}  // namespace vitask::ui

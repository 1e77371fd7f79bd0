#include "vitask/ui/start_page.h"

#include "vitask/runtime/system_info.h"

#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QVBoxLayout>

namespace vitask::ui {
namespace {

QString computeDevice(const runtime::SystemInfo& info) {
    if (info.cudaAvailable)
        return StartPage::tr("CUDA GPU (%n device(s))", nullptr, info.cudaDeviceCount);
    return StartPage::tr("CPU, %n thread(s)", nullptr, info.cpuThreads);
}

QLabel* selectableLabel(const QString& text, QWidget* parent) {
    auto* label = new QLabel(text, parent);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setWordWrap(true);
    return label;
}

}  // namespace

StartPage::StartPage(const runtime::SystemInfo& info, const QString& logFile, QWidget* parent)
    : QWidget(parent) {
    auto* title = new QLabel(tr("<h1>VITask Studio</h1>"
                                "<p>Adapt vision-language models to medical diagnosis tasks "
                                "and review their answers.</p>"),
                             this);
    title->setWordWrap(true);

    auto* systemBox = new QGroupBox(tr("This computer"), this);
    auto* form = new QFormLayout(systemBox);
    form->addRow(tr("Version:"), selectableLabel(
        QStringLiteral("%1 (%2)").arg(QString::fromStdString(info.version),
                                       QString::fromStdString(info.gitCommit)), systemBox));
    form->addRow(tr("LibTorch:"), selectableLabel(QString::fromStdString(info.torchVersion), systemBox));
    form->addRow(tr("Runs models on:"), selectableLabel(computeDevice(info), systemBox));
    QString blas = QString::fromStdString(info.blas.name);
    if (!info.blas.optimized)
        blas += tr(" — unoptimized: install libopenblas0-pthread for ~13x faster CPU inference");
    form->addRow(tr("BLAS:"), selectableLabel(blas, systemBox));
    form->addRow(tr("Log file:"),
                 selectableLabel(logFile.isEmpty() ? tr("none (console only)") : logFile, systemBox));

    summary_ = tr("LibTorch %1 · %2 · BLAS: %3")
                   .arg(QString::fromStdString(info.torchVersion), computeDevice(info),
                        QString::fromStdString(info.blas.name));

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addWidget(systemBox);
    layout->addStretch();
}

QString StartPage::systemSummary() const { return summary_; }

}  // namespace vitask::ui

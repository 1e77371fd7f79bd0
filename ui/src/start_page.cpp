#include "vitask/ui/start_page.h"

#include "vitask/runtime/system_info.h"

#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
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

    auto* startBox = new QGroupBox(tr("Start"), this);
    auto* buttons = new QHBoxLayout;
    const auto button = [&](const QString& text, const QString& tip, void (StartPage::*signal)()) {
        auto* b = new QPushButton(text, startBox);
        b->setToolTip(tip);
        connect(b, &QPushButton::clicked, this, signal);
        buttons->addWidget(b);
    };
    button(tr("Open File…"), tr("A DICOM file, a DICOMDIR, a NIfTI file or an image (Ctrl+O)"), &StartPage::openFileRequested);
    button(tr("Open Folder…"), tr("A folder of DICOM files, scanned with its subfolders (Ctrl+Shift+O)"),
           &StartPage::openFolderRequested);
    button(tr("Load Model…"), tr("A VITask run's final/ folder or a Hugging Face LLaVA folder (Ctrl+M)"),
           &StartPage::loadModelRequested);
    buttons->addStretch();
    auto* startLayout = new QVBoxLayout(startBox);
    startLayout->addLayout(buttons);
    recent_ = new QVBoxLayout;
    startLayout->addLayout(recent_);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addWidget(startBox);
    layout->addWidget(systemBox);
    layout->addStretch();
}

void StartPage::setRecentStudies(const QStringList& paths) {
    while (QLayoutItem* item = recent_->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    if (paths.isEmpty()) return;
    recent_->addWidget(new QLabel(tr("Recent studies:"), this));
    for (const QString& path : paths) {
        auto* link = new QLabel(QStringLiteral("<a href=\"%1\">%2</a>").arg(path.toHtmlEscaped(), path.toHtmlEscaped()), this);
        link->setTextInteractionFlags(Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
        connect(link, &QLabel::linkActivated, this, &StartPage::openRecentRequested);
        recent_->addWidget(link);
    }
}

QString StartPage::systemSummary() const { return summary_; }

}  // namespace vitask::ui

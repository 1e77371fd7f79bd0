#include "vitask/ui/start_page.h"

#include <QEvent>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace vitask::ui {
namespace {

// What the engine runs on; until it has loaded, that it is loading or why it cannot.
QString computeDevice(const SystemInfo& info) {
    if (!info.engineLoaded && !info.engineError.empty())
        return StartPage::tr("the engine could not be loaded: %1").arg(QString::fromStdString(info.engineError));
    if (!info.engineLoaded) return StartPage::tr("loading the engine…");
    if (info.cudaAvailable)
        return StartPage::tr("CUDA GPU (%n device(s))", nullptr, info.cudaDeviceCount);
    return StartPage::tr("CPU, %n thread(s)", nullptr, info.cpuThreads);
}

QLabel* selectableLabel(QWidget* parent) {
    auto* label = new QLabel(parent);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setWordWrap(true);
    return label;
}

}  // namespace

StartPage::StartPage(const QString& logFile, QWidget* parent)
    : QWidget(parent), info_(buildSystemInfo()), logFile_(logFile) {
    title_ = new QLabel(this);
    title_->setWordWrap(true);

    systemBox_ = new QGroupBox(this);
    auto* form = new QFormLayout(systemBox_);
    for (QLabel** value : {&version_, &torch_, &device_, &blas_, &log_}) {
        auto* name = new QLabel(systemBox_);
        *value = selectableLabel(systemBox_);
        form->addRow(name, *value);
        systemNames_.append(name);
    }

    startBox_ = new QGroupBox(this);
    auto* buttons = new QHBoxLayout;
    for (void (StartPage::*signal)() : {&StartPage::openFileRequested, &StartPage::openFolderRequested,
                                        &StartPage::loadModelRequested, &StartPage::demoRequested}) {
        auto* b = new QPushButton(startBox_);
        connect(b, &QPushButton::clicked, this, signal);
        buttons->addWidget(b);
        startButtons_.append(b);
    }
    buttons->addStretch();
    auto* startLayout = new QVBoxLayout(startBox_);
    startLayout->addLayout(buttons);
    recent_ = new QVBoxLayout;
    startLayout->addLayout(recent_);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(title_);
    layout->addWidget(startBox_);
    layout->addWidget(systemBox_);
    layout->addStretch();
    retranslateUi();
}

void StartPage::retranslateUi() {
    title_->setText(tr("<h1>VITask Studio</h1>"
                       "<p>Adapt vision-language models to medical diagnosis tasks "
                       "and review their answers.</p>"));
    systemBox_->setTitle(tr("This computer"));
    const QString names[] = {tr("Version:"), tr("LibTorch:"), tr("Runs models on:"), tr("BLAS:"), tr("Log file:")};
    for (int i = 0; i < systemNames_.size(); ++i) systemNames_[i]->setText(names[i]);
    version_->setText(QStringLiteral("%1 (%2)").arg(QString::fromStdString(info_.version), QString::fromStdString(info_.gitCommit)));
    torch_->setText(QString::fromStdString(info_.torchVersion));
    device_->setText(computeDevice(info_));
    QString blas = QString::fromStdString(info_.blas.name);
    if (!info_.engineLoaded) blas = QStringLiteral("—");
    else if (!info_.blas.optimized) blas += tr(" — unoptimized: install libopenblas0-pthread for ~13x faster CPU inference");
    blas_->setText(blas);
    log_->setText(logFile_.isEmpty() ? tr("none (console only)") : logFile_);

    startBox_->setTitle(tr("Start"));
    const std::pair<QString, QString> buttons[] = {
        {tr("Open File…"), tr("A DICOM file, a DICOMDIR, a NIfTI file or an image (Ctrl+O)")},
        {tr("Open Folder…"), tr("A folder of DICOM files, scanned with its subfolders (Ctrl+Shift+O)")},
        {tr("Load Model…"), tr("A VITask run's final/ folder or a Hugging Face LLaVA folder (Ctrl+M)")},
        {tr("Open the Demo"), tr("A synthetic chest X-ray asked with the built-in VITask model beside its TSM")},
    };
    for (int i = 0; i < startButtons_.size(); ++i) {
        startButtons_[i]->setText(buttons[i].first);
        startButtons_[i]->setToolTip(buttons[i].second);
    }
    setRecentStudies(recentStudies_);
}

void StartPage::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslateUi();
    QWidget::changeEvent(event);
}

void StartPage::setRecentStudies(const QStringList& paths) {
    recentStudies_ = paths;
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

void StartPage::setSystemInfo(const SystemInfo& info) {
    info_ = info;
    retranslateUi();
}

QString StartPage::systemSummary() const {
    if (!info_.engineLoaded) return tr("LibTorch %1 · %2").arg(QString::fromStdString(info_.torchVersion), computeDevice(info_));
    return tr("LibTorch %1 · %2 · BLAS: %3")
        .arg(QString::fromStdString(info_.torchVersion), computeDevice(info_), QString::fromStdString(info_.blas.name));
}

}  // namespace vitask::ui

#include "dataset_preview_view.h"

#include "vitask/ui/widgets/message_label.h"
#include "wizard_page.h"

#include <QHeaderView>
#include <QImage>
#include <QLabel>
#include <QPainter>
#include <QPixmap>
#include <QTableWidget>
#include <QVBoxLayout>

namespace vitask::ui {
namespace {

constexpr int kThumbnail = 40;  // pixels: a 28 px MedMNIST image at about 1.5x
constexpr int kGap = 3;

QImage toImage(const service::PreviewImage& image) {
    const auto format = image.channels == 3 ? QImage::Format_RGB888 : QImage::Format_Grayscale8;
    // QImage rows are 32-bit aligned; copy() detaches from the borrowed buffer.
    return QImage(image.pixels.data(), image.width, image.height, image.width * image.channels, format).copy();
}

// The class's examples side by side, at one size (nearest neighbour: small images stay crisp).
QPixmap strip(const std::vector<service::PreviewImage>& images, int slots) {
    QPixmap out(slots * kThumbnail + (slots - 1) * kGap, kThumbnail);
    out.fill(Qt::transparent);
    QPainter painter(&out);
    for (size_t i = 0; i < images.size(); ++i)
        painter.drawImage(QRect(int(i) * (kThumbnail + kGap), 0, kThumbnail, kThumbnail), toImage(images[i]));
    return out;
}

}  // namespace

DatasetPreviewView::DatasetPreviewView(QWidget* parent) : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    title_ = new QLabel(this);
    title_->setObjectName(QStringLiteral("datasetTitle"));
    title_->setStyleSheet(QStringLiteral("QLabel { font-weight: bold; font-size: 13pt; }"));
    details_ = new QLabel(this);
    details_->setObjectName(QStringLiteral("datasetDetails"));
    details_->setWordWrap(true);
    details_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    errors_ = makeProblemLabel(this);
    errors_->setObjectName(QStringLiteral("datasetErrors"));
    errors_->setStyleSheet(messageStyle(MessageKind::Error));
    warnings_ = new QLabel(this);
    warnings_->setObjectName(QStringLiteral("datasetWarnings"));
    warnings_->setWordWrap(true);
    warnings_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    warnings_->setStyleSheet(QStringLiteral("QLabel { color: #6d4c00; background: #fff8e1; border: 1px solid #ffca28; "
                                            "border-radius: 4px; padding: 6px; }"));
    warnings_->hide();
    table_ = new QTableWidget(this);
    table_->setObjectName(QStringLiteral("classCounts"));
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setSelectionMode(QAbstractItemView::NoSelection);
    table_->setFocusPolicy(Qt::TabFocus);
    table_->verticalHeader()->hide();
    table_->setIconSize(QSize(4 * kThumbnail + 3 * kGap, kThumbnail));
    table_->setToolTip(tr("Samples of each class per split, and the first examples of each class (train split first)."));
    layout->addWidget(title_);
    layout->addWidget(details_);
    layout->addWidget(errors_);
    layout->addWidget(table_, 1);
    layout->addWidget(warnings_);
    showPreview(nullptr);
}

void DatasetPreviewView::showPreview(const service::DatasetPreview* preview, bool loading) {
    table_->clear();
    table_->setRowCount(0);
    setProblemText(errors_, {});
    warnings_->hide();
    if (!preview) {
        title_->setText(loading ? tr("Reading the dataset…") : tr("No dataset selected"));
        details_->setText(loading ? QString() : tr("Add a MedMNIST .npz file or a CSV manifest, or generate the synthetic "
                                                   "benchmark, then select it to see its classes."));
        table_->hide();
        return;
    }
    title_->setText(QString::fromStdString(preview->name.empty() ? preview->path : preview->name));
    if (!preview->ok()) {
        details_->setText(QString::fromStdString(preview->path));
        setProblemText(errors_, QString::fromStdString(preview->errors.front()));
        table_->hide();
        return;
    }
    QString size;
    for (const auto& split : preview->splits)
        if (split.size > 0 && size.isEmpty())
            size = tr("%1×%2 px, %3").arg(split.width).arg(split.height).arg(split.channels == 3 ? tr("RGB") : tr("grey"));
    details_->setText(tr("%1 · %2 · %3 %4 · %5")
                          .arg(preview->modality.empty() ? tr("modality unknown") : QString::fromStdString(preview->modality),
                               QString::fromStdString(preview->task))
                          .arg(preview->labels.size())
                          .arg(preview->multiLabel ? tr("labels") : tr("classes"), size));

    QStringList headers{preview->multiLabel ? tr("Label") : tr("Class")};
    for (const auto& split : preview->splits) headers << QStringLiteral("%1 (%2)").arg(QString::fromStdString(split.name)).arg(split.size);
    headers << tr("Examples");
    table_->setColumnCount(int(headers.size()));
    table_->setHorizontalHeaderLabels(headers);
    table_->setRowCount(int(preview->labels.size()));
    int slots = 1;
    for (const auto& images : preview->thumbnails) slots = std::max(slots, int(images.size()));
    table_->setIconSize(QSize(slots * kThumbnail + (slots - 1) * kGap, kThumbnail));
    for (int c = 0; c < int(preview->labels.size()); ++c) {
        table_->setItem(c, 0, new QTableWidgetItem(QString::fromStdString(preview->labels[size_t(c)])));
        for (int s = 0; s < int(preview->splits.size()); ++s) {
            const auto& counts = preview->splits[size_t(s)].classCounts;
            auto* item = new QTableWidgetItem(QString::number(size_t(c) < counts.size() ? counts[size_t(c)] : 0));
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            table_->setItem(c, s + 1, item);
        }
        auto* examples = new QTableWidgetItem;
        if (size_t(c) < preview->thumbnails.size()) examples->setIcon(QIcon(strip(preview->thumbnails[size_t(c)], slots)));
        table_->setItem(c, int(headers.size()) - 1, examples);
        table_->setRowHeight(c, kThumbnail + 6);
    }
    table_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table_->horizontalHeader()->setStretchLastSection(true);
    table_->show();
    if (!preview->warnings.empty()) {
        QString text = tr("Warnings:");
        for (const auto& w : preview->warnings) text += QStringLiteral("\n• ") + QString::fromStdString(w);
        warnings_->setText(text);
        warnings_->show();
    }
}

}  // namespace vitask::ui

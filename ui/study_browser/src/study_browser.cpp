#include "vitask/ui/study_browser/study_browser.h"

#include "vitask/ui/study_browser/dicom_display.h"

#include <QDragEnterEvent>
#include <QDropEvent>
#include <QEvent>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIcon>
#include <QLabel>
#include <QMimeData>
#include <QPainter>
#include <QProgressBar>
#include <QPushButton>
#include <QStackedWidget>
#include <QStyle>
#include <QTreeWidget>
#include <QUrl>
#include <QVBoxLayout>

#include <algorithm>
#include <map>
#include <utility>

namespace vitask::ui {
namespace {

enum Column { DescriptionColumn, ModalityColumn, ImagesColumn, NumberColumn, ColumnCount };
constexpr int kIndexRole = Qt::UserRole;
constexpr int kThumbnailRole = Qt::UserRole + 1;  // the QImage of the series, once made
constexpr int kMaxSkippedListed = 20;

// Every series icon fills the same dark square (a viewer's background), so rows keep one
// height whatever the image's aspect ratio; before its thumbnail arrives the square
// shows the modality. The same pixmap serves the selected row: the default selected mode
// tints it with the highlight colour, hiding the image the user just picked.
QIcon seriesIcon(const QImage& image, const QString& caption, qreal dpr) {
    const int side = StudyBrowser::kThumbnailSide;
    QPixmap pixmap(qRound(side * dpr), qRound(side * dpr));
    pixmap.setDevicePixelRatio(dpr);
    pixmap.fill(QColor(20, 20, 20));
    QPainter painter(&pixmap);
    if (!image.isNull()) {
        // Tiny images (16 px test series, MedMNIST) are enlarged without smoothing: pixels
        // stay pixels, as in the viewer.
        const bool shrink = image.width() > pixmap.width() || image.height() > pixmap.height();
        const QImage scaled = image.scaled(pixmap.size(), Qt::KeepAspectRatio,
                                           shrink ? Qt::SmoothTransformation : Qt::FastTransformation);
        const QSizeF shown = QSizeF(scaled.size()) / dpr;
        painter.drawImage(QRectF(QPointF((side - shown.width()) / 2, (side - shown.height()) / 2), shown), scaled);
    } else {
        painter.setPen(QColor(150, 150, 150));
        painter.drawText(QRect(0, 0, side, side), Qt::AlignCenter, caption);
    }
    // A frame keeps an all-white image (a window far below the data) visible as a square.
    painter.setPen(QColor(110, 110, 110));
    painter.drawRect(QRectF(0.5, 0.5, side - 1, side - 1));
    painter.end();
    QIcon icon;
    icon.addPixmap(pixmap, QIcon::Normal);
    icon.addPixmap(pixmap, QIcon::Selected);
    return icon;
}

QString patientText(const imaging::SeriesItem& item) {
    QString name = displayPersonName(item.patientName);
    if (name.isEmpty()) name = StudyBrowser::tr("(no name)");
    const QString id = displayText(item.patientId);
    return id.isEmpty() ? name : StudyBrowser::tr("%1   ID %2").arg(name, id);
}

QString studyText(const imaging::SeriesItem& item) {
    QString date = displayDate(item.studyDate);
    if (date.isEmpty()) date = StudyBrowser::tr("(no date)");
    const QString description = displayText(item.studyDescription);
    return description.isEmpty() ? date : date + QStringLiteral("   ") + description;
}

QString modalityText(const imaging::SeriesItem& item) {
    if (item.kind == imaging::SeriesItem::Kind::Nifti) return StudyBrowser::tr("NIfTI");
    if (item.kind == imaging::SeriesItem::Kind::Photo) return StudyBrowser::tr("Photo");
    return displayText(item.modality);
}

QStringList localPaths(const QMimeData* mime) {
    QStringList paths;
    if (mime == nullptr || !mime->hasUrls()) return paths;
    for (const QUrl& url : mime->urls()) {
        if (url.isLocalFile()) paths.append(url.toLocalFile());
    }
    return paths;
}

// Several files dropped from one folder are most likely a selection of one series: open
// the folder. Items from different places: only the first (their common ancestor could be
// a whole disk).
QString dropTarget(const QStringList& paths) {
    const QString folder = QFileInfo(paths.front()).absolutePath();
    if (paths.size() == 1) return paths.front();
    for (const QString& path : paths) {
        if (QFileInfo(path).absolutePath() != folder) return paths.front();
    }
    return folder;
}

}  // namespace

QImage thumbnailImage(const imaging::Thumbnail& thumbnail) {
    if (thumbnail.width <= 0 || thumbnail.height <= 0 ||
        thumbnail.pixels.size() < std::size_t(thumbnail.width) * thumbnail.height * thumbnail.channels) {
        return {};
    }
    const QImage::Format format = thumbnail.channels == 3 ? QImage::Format_RGB888 : QImage::Format_Grayscale8;
    const int stride = thumbnail.width * thumbnail.channels;
    // The wrapping QImage does not own the pixels: copy() makes an image that does.
    return QImage(thumbnail.pixels.data(), thumbnail.width, thumbnail.height, stride, format).copy();
}

StudyBrowser::StudyBrowser(QWidget* parent)
    : QWidget(parent),
      pages_(new QStackedWidget(this)),
      emptyState_(new QLabel(this)),
      tree_(new QTreeWidget(this)),
      summary_(new QLabel(this)),
      progressRow_(new QWidget(this)),
      progressText_(new QLabel(progressRow_)),
      progressBar_(new QProgressBar(progressRow_)),
      cancelButton_(new QPushButton(progressRow_)) {
    setAcceptDrops(true);

    emptyState_->setObjectName(QStringLiteral("emptyState"));
    emptyState_->setAlignment(Qt::AlignCenter);
    emptyState_->setWordWrap(true);
    emptyState_->setEnabled(false);  // greyed: a hint, not content

    tree_->setObjectName(QStringLiteral("seriesTree"));
    tree_->setColumnCount(ColumnCount);
    tree_->setIconSize(QSize(kThumbnailSide, kThumbnailSide));
    tree_->setIndentation(12);  // two levels above every series: keep room for its description
    tree_->setSelectionMode(QAbstractItemView::SingleSelection);
    tree_->setAllColumnsShowFocus(true);
    tree_->header()->setStretchLastSection(false);
    tree_->header()->setSectionResizeMode(DescriptionColumn, QHeaderView::Stretch);
    for (const int column : {ModalityColumn, ImagesColumn, NumberColumn}) {
        tree_->header()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    }
    connect(tree_, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem* item) {
        if (const auto index = seriesIndex(item)) Q_EMIT seriesActivated(*index);
    });
    connect(tree_, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem* item) {
        if (const auto index = seriesIndex(item)) Q_EMIT seriesSelected(*index);
    });

    pages_->addWidget(emptyState_);
    pages_->addWidget(tree_);

    summary_->setObjectName(QStringLiteral("summary"));
    summary_->setVisible(false);

    progressRow_->setObjectName(QStringLiteral("scanProgress"));
    progressText_->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    cancelButton_->setObjectName(QStringLiteral("cancelScan"));
    connect(cancelButton_, &QPushButton::clicked, this, [this] {
        cancelButton_->setEnabled(false);
        showCancelState();
        Q_EMIT cancelScanRequested();
    });
    auto* barRow = new QHBoxLayout;
    barRow->addWidget(progressBar_, 1);
    barRow->addWidget(cancelButton_);
    auto* progressLayout = new QVBoxLayout(progressRow_);
    progressLayout->setContentsMargins(0, 0, 0, 0);
    progressLayout->addWidget(progressText_);
    progressLayout->addLayout(barRow);
    progressRow_->setVisible(false);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(pages_, 1);
    layout->addWidget(summary_);
    layout->addWidget(progressRow_);
    retranslateUi();
}

void StudyBrowser::retranslateUi() {
    emptyState_->setText(tr("Open a file or folder (Ctrl+O), or drop it here"));
    tree_->setHeaderLabels({tr("Series"), tr("Modality"), tr("Images"), tr("No.")});
    for (std::size_t i = 0; i < seriesRows_.size(); ++i) showSeriesTexts(i);
    showSummary();
    showScanCount();
    showCancelState();
}

void StudyBrowser::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslateUi();
    QWidget::changeEvent(event);
}

void StudyBrowser::setCatalog(const imaging::StudyCatalog& catalog) {
    tree_->clear();
    catalog_ = catalog;
    seriesRows_.assign(catalog.series.size(), nullptr);
    std::map<std::pair<std::size_t, std::size_t>, QTreeWidgetItem*> studies;
    std::map<std::size_t, QTreeWidgetItem*> patients;
    QTreeWidgetItem* otherFiles = nullptr;
    // The rows above the series are made empty here; showSeriesTexts() names them.
    for (std::size_t i = 0; i < catalog.series.size(); ++i) {
        const imaging::SeriesItem& item = catalog.series[i];
        if (item.kind != imaging::SeriesItem::Kind::Dicom) {
            if (otherFiles == nullptr) {
                otherFiles = new QTreeWidgetItem(tree_);
                otherFiles->setFirstColumnSpanned(true);
            }
            addSeriesRow(otherFiles, item, i);
            continue;
        }
        QTreeWidgetItem*& patient = patients[item.patient];
        if (patient == nullptr) {
            patient = new QTreeWidgetItem(tree_);
            patient->setFirstColumnSpanned(true);
            QFont bold = patient->font(DescriptionColumn);
            bold.setBold(true);
            patient->setFont(DescriptionColumn, bold);
        }
        QTreeWidgetItem*& study = studies[{item.patient, item.study}];
        if (study == nullptr) {
            study = new QTreeWidgetItem(patient);
            study->setFirstColumnSpanned(true);
        }
        addSeriesRow(study, item, i);
    }
    tree_->expandAll();
    showSummary();
    pages_->setCurrentWidget(catalog.series.empty() ? static_cast<QWidget*>(emptyState_) : tree_);
}

void StudyBrowser::addSeriesRow(QTreeWidgetItem* parent, const imaging::SeriesItem& item, std::size_t index) {
    const QString fileName = QString::fromStdString(item.file.filename().string());
    QString description = displayText(item.seriesDescription);
    if (description.isEmpty()) description = fileName;

    auto* row = new QTreeWidgetItem(parent);
    row->setText(DescriptionColumn, description);
    row->setText(ImagesColumn, QString::number(item.images));
    row->setTextAlignment(ImagesColumn, Qt::AlignRight | Qt::AlignVCenter);
    if (item.kind == imaging::SeriesItem::Kind::Dicom && item.seriesNumber != 0) {
        row->setText(NumberColumn, QString::number(item.seriesNumber));
        row->setTextAlignment(NumberColumn, Qt::AlignRight | Qt::AlignVCenter);
    }
    row->setData(DescriptionColumn, kIndexRole, QVariant::fromValue<qulonglong>(index));

    QString tip = description + QLatin1Char('\n') + QString::fromStdString(item.file.string());
    if (!item.warnings.empty()) {
        // A pixmap, not an icon: the view would scale an icon up to the thumbnail size.
        const int side = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
        row->setData(ImagesColumn, Qt::DecorationRole,
                     style()->standardIcon(QStyle::SP_MessageBoxWarning, nullptr, this).pixmap(side, side));
        for (const auto& warning : item.warnings) tip += QStringLiteral("\n⚠ ") + QString::fromStdString(warning);
    }
    for (int column = 0; column < ColumnCount; ++column) row->setToolTip(column, tip);
    seriesRows_[index] = row;
    showSeriesTexts(index);
}

void StudyBrowser::showSeriesTexts(std::size_t index) {
    const imaging::SeriesItem& item = catalog_.series[index];
    QTreeWidgetItem* row = seriesRows_[index];
    row->setText(ModalityColumn, modalityText(item));
    updateIcon(row);  // before its thumbnail, the icon shows the modality
    if (item.kind == imaging::SeriesItem::Kind::Dicom) {
        row->parent()->setText(DescriptionColumn, studyText(item));
        row->parent()->parent()->setText(DescriptionColumn, patientText(item));
    } else {
        row->parent()->setText(DescriptionColumn, tr("Files without patient data"));
    }
}

void StudyBrowser::updateIcon(QTreeWidgetItem* row) {
    row->setData(DescriptionColumn, Qt::DecorationRole,
                 seriesIcon(row->data(DescriptionColumn, kThumbnailRole).value<QImage>(), row->text(ModalityColumn),
                            devicePixelRatioF()));
}

void StudyBrowser::showSummary() {
    QString text = tr("%n series", nullptr, int(catalog_.series.size()));
    QString tip;
    if (!catalog_.skipped.empty()) {
        text += QStringLiteral(" · ") + tr("%n file(s) skipped", nullptr, int(catalog_.skipped.size()));
        const std::size_t listed = std::min<std::size_t>(catalog_.skipped.size(), kMaxSkippedListed);
        for (std::size_t i = 0; i < listed; ++i) {
            tip += (i ? QStringLiteral("\n") : QString()) +
                   QString::fromStdString(catalog_.skipped[i].file.filename().string() + ": " +
                                          catalog_.skipped[i].reason);
        }
        if (catalog_.skipped.size() > listed) tip += QLatin1Char('\n') + tr("… and %n more", nullptr, int(catalog_.skipped.size() - listed));
    }
    summary_->setText(text);
    summary_->setToolTip(tip);
    summary_->setVisible(!catalog_.series.empty());
}

void StudyBrowser::clear() {
    tree_->clear();
    seriesRows_.clear();
    catalog_ = {};
    summary_->setVisible(false);
    pages_->setCurrentWidget(emptyState_);
}

void StudyBrowser::setThumbnail(std::size_t index, const QImage& image) {
    if (index >= seriesRows_.size() || image.isNull()) return;
    QTreeWidgetItem* row = seriesRows_[index];
    row->setData(DescriptionColumn, kThumbnailRole, image);
    updateIcon(row);
}

void StudyBrowser::setScanProgress(std::size_t done, std::size_t total, const QString& what) {
    scanDone_ = done;
    scanTotal_ = total;
    if (total == 0) {
        progressBar_->setRange(0, 0);
    } else {
        // QProgressBar counts in int: a share of 10000 is fine for any number of files.
        progressBar_->setRange(0, 10000);
        progressBar_->setValue(int(10000.0 * double(std::min(done, total)) / double(total)));
        showScanCount();
    }
    const int width = std::max(progressText_->width(), 200);
    progressText_->setText(progressText_->fontMetrics().elidedText(what, Qt::ElideMiddle, width));
    progressText_->setToolTip(what);
    progressRow_->setVisible(true);
}

void StudyBrowser::setScanFinished() {
    progressRow_->setVisible(false);
    cancelButton_->setEnabled(true);
    showCancelState();
}

void StudyBrowser::showScanCount() {
    if (scanTotal_ > 0) progressBar_->setFormat(tr("%1 of %2 files").arg(scanDone_).arg(scanTotal_));
}

// A disabled Cancel button is a cancel under way.
void StudyBrowser::showCancelState() {
    cancelButton_->setText(cancelButton_->isEnabled() ? tr("Cancel") : tr("Cancelling…"));
}

void StudyBrowser::selectSeries(std::size_t index) {
    if (index >= seriesRows_.size()) return;
    tree_->setCurrentItem(seriesRows_[index]);
    tree_->scrollToItem(seriesRows_[index]);
}

std::optional<std::size_t> StudyBrowser::currentSeries() const { return seriesIndex(tree_->currentItem()); }

std::size_t StudyBrowser::seriesCount() const { return seriesRows_.size(); }

std::optional<std::size_t> StudyBrowser::seriesIndex(const QTreeWidgetItem* item) {
    if (item == nullptr) return std::nullopt;
    const QVariant index = item->data(DescriptionColumn, kIndexRole);
    if (!index.isValid()) return std::nullopt;
    return std::size_t(index.toULongLong());
}

void StudyBrowser::dragEnterEvent(QDragEnterEvent* event) {
    if (!localPaths(event->mimeData()).isEmpty()) event->acceptProposedAction();
}

void StudyBrowser::dropEvent(QDropEvent* event) {
    const QStringList paths = localPaths(event->mimeData());
    if (paths.isEmpty()) return;
    event->acceptProposedAction();
    Q_EMIT openRequested(dropTarget(paths));
}

}  // namespace vitask::ui

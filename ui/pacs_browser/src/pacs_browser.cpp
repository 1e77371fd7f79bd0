#include "vitask/ui/pacs_browser/pacs_browser.h"

#include "vitask/ui/bridge/pacs_bridge.h"
#include "vitask/ui/pacs_browser/archives_dialog.h"
#include "vitask/ui/settings/studio_settings.h"
#include "vitask/ui/widgets/message_label.h"

#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QSpinBox>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <utility>

namespace vitask::ui {
namespace {

enum Column { Date, PatientId, PatientName, Modalities, Description, Accession, Instances, ColumnCount };
enum SeriesColumn { SeriesNumber, SeriesModality, SeriesDescription, SeriesImages, SeriesColumnCount };

// DICOM's YYYYMMDD as ISO 8601 (sorts the same); anything else as the archive sent it.
QString displayDate(const QString& dicomDate) {
    return dicomDate.size() == 8 ? dicomDate.left(4) + '-' + dicomDate.mid(4, 2) + '-' + dicomDate.right(2) : dicomDate;
}


}  // namespace

PacsBrowser::PacsBrowser(PacsBridge* bridge, QWidget* parent)
    : QWidget(parent),
      bridge_(bridge),
      archive_(new QComboBox(this)),
      editArchives_(new QPushButton(this)),
      patientId_(new QLineEdit(this)),
      patientName_(new QLineEdit(this)),
      modality_(new QLineEdit(this)),
      dateFrom_(new QLineEdit(this)),
      dateTo_(new QLineEdit(this)),
      accession_(new QLineEdit(this)),
      echo_(new QPushButton(this)),
      find_(new QPushButton(this)),
      retrieve_(new QPushButton(this)),
      cancel_(new QPushButton(this)),
      matches_(new QTableWidget(0, ColumnCount, this)),
      series_(new QTableWidget(0, SeriesColumnCount, this)),
      progress_(new QProgressBar(this)),
      status_(new QLabel(this)),
      archiveLabel_(new QLabel(this)),
      patientLabel_(new QLabel(this)),
      studyLabel_(new QLabel(this)),
      datesLabel_(new QLabel(this)) {
    setObjectName(QStringLiteral("pacsBrowser"));
    for (auto [widget, name] : {std::pair<QWidget*, const char*>{archive_, "pacsArchive"}, {editArchives_, "pacsEditArchives"},
                                {patientId_, "pacsPatientId"},
                                {patientName_, "pacsPatientName"}, {modality_, "pacsModality"}, {find_, "pacsFind"},
                                {retrieve_, "pacsRetrieve"}, {matches_, "pacsMatches"}, {series_, "pacsSeries"}, {status_, "pacsStatus"},
                                {echo_, "pacsEcho"}})
        widget->setObjectName(QLatin1String(name));
    for (auto* edit : {patientId_, patientName_, modality_, dateFrom_, dateTo_, accession_}) edit->setClearButtonEnabled(true);
    archive_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    reloadArchives();
    const auto dicomDate = new QRegularExpressionValidator(QRegularExpression(QStringLiteral("\\d{0,8}")), this);
    dateFrom_->setValidator(dicomDate);
    dateTo_->setValidator(dicomDate);

    auto* keys = new QFormLayout;
    keys->addRow(archiveLabel_, [&] {
        auto* row = new QHBoxLayout;
        row->addWidget(archive_, 1);
        row->addWidget(editArchives_);
        row->addWidget(echo_);
        return row;
    }());
    keys->addRow(patientLabel_, [&] {
        auto* row = new QHBoxLayout;
        row->addWidget(patientId_);
        row->addWidget(patientName_);
        return row;
    }());
    keys->addRow(studyLabel_, [&] {
        auto* row = new QHBoxLayout;
        row->addWidget(modality_);
        row->addWidget(accession_);
        return row;
    }());
    keys->addRow(datesLabel_, [&] {
        auto* row = new QHBoxLayout;
        row->addWidget(dateFrom_);
        row->addWidget(dateTo_);
        row->addWidget(find_);
        return row;
    }());

    for (auto* table : {matches_, series_}) {
        table->setSelectionBehavior(QAbstractItemView::SelectRows);
        table->setSelectionMode(QAbstractItemView::SingleSelection);
        table->setEditTriggers(QAbstractItemView::NoEditTriggers);
        table->verticalHeader()->hide();
        table->horizontalHeader()->setStretchLastSection(true);
    }
    matches_->setSortingEnabled(true);
    auto* tables = new QSplitter(Qt::Vertical, this);
    tables->addWidget(matches_);
    tables->addWidget(series_);
    tables->setStretchFactor(0, 3);
    tables->setStretchFactor(1, 1);

    auto* transfer = new QHBoxLayout;
    transfer->addWidget(retrieve_);
    transfer->addWidget(progress_, 1);
    transfer->addWidget(cancel_);
    transfer->addStretch();  // the button keeps its size while no transfer runs
    status_->setWordWrap(true);
    status_->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(keys);
    layout->addWidget(tables, 1);
    layout->addLayout(transfer);
    layout->addWidget(status_);
    progress_->hide();
    cancel_->hide();
    retrieve_->setEnabled(false);
    find_->setDefault(true);
    retranslateUi();

    connect(echo_, &QPushButton::clicked, this, &PacsBrowser::testConnection);
    connect(editArchives_, &QPushButton::clicked, this, &PacsBrowser::editArchives);
    connect(archive_, &QComboBox::activated, this, [this] { StudioSettings::setCurrentPacsArchive(archive_->currentText()); });
    connect(find_, &QPushButton::clicked, this, &PacsBrowser::find);
    for (auto* edit : {patientId_, patientName_, modality_, dateFrom_, dateTo_, accession_})
        connect(edit, &QLineEdit::returnPressed, this, &PacsBrowser::find);
    connect(retrieve_, &QPushButton::clicked, this, &PacsBrowser::retrieveSelected);
    connect(matches_, &QTableWidget::cellDoubleClicked, this, &PacsBrowser::retrieveSelected);
    connect(series_, &QTableWidget::cellDoubleClicked, this, &PacsBrowser::retrieveSelected);
    connect(matches_, &QTableWidget::itemSelectionChanged, this, &PacsBrowser::listSeries);
    connect(series_, &QTableWidget::itemSelectionChanged, this, &PacsBrowser::updateRetrieveText);
    connect(bridge_, &PacsBridge::seriesFound, this,
            [this](const QString& studyUid, const std::vector<pacs::SeriesMatch>& series) {
                if (studyUid == selectedStudy()) showSeries(series);
            });
    connect(cancel_, &QPushButton::clicked, bridge_, &PacsBridge::cancelRetrieve);

    connect(bridge_, &PacsBridge::echoed, this, [this] {
        setBusy(false);
        showStatus(tr("%1 answers and accepts us.").arg(QString::fromStdString(asked_.describe())), false);
    });
    connect(bridge_, &PacsBridge::found, this, [this](const std::vector<pacs::StudyMatch>& matches) {
        setBusy(false);
        showMatches(matches);
    });
    connect(bridge_, &PacsBridge::retrieveProgress, this, [this](int done, int total) {
        progress_->setRange(0, total);
        progress_->setValue(done);
        progress_->setFormat(total > 0 ? tr("%1 of %2 images").arg(done).arg(total) : tr("%1 images").arg(done));
    });
    connect(bridge_, &PacsBridge::retrieved, this,
            [this](const QString&, const QString& folder, int completed, int failed, int alreadyPresent) {
        setBusy(false);
        QString text = failed ? tr("Retrieved %1 images; %2 failed.").arg(completed).arg(failed)
                              : tr("Retrieved %1 images.").arg(completed);
        if (alreadyPresent) text += QLatin1Char(' ') + tr("%1 were already in the cache.").arg(alreadyPresent);
        showStatus(text, failed > 0);
        Q_EMIT openRequested(folder);
    });
    connect(bridge_, &PacsBridge::failed, this, [this](const QString& what, const QString& message) {
        setBusy(false);
        showStatus(tr("%1: %2").arg(what, message), true);
    });
}

void PacsBrowser::retranslateUi() {
    editArchives_->setText(tr("&Archives..."));
    editArchives_->setToolTip(tr("Add, change or remove the PACS archives (DIMSE or DICOMweb)"));
    patientId_->setPlaceholderText(tr("Patient ID"));
    patientName_->setPlaceholderText(tr("Name (DOE^*)"));
    modality_->setPlaceholderText(tr("Modality (CT, MR, ...)"));
    dateFrom_->setPlaceholderText(tr("From YYYYMMDD"));
    dateTo_->setPlaceholderText(tr("To YYYYMMDD"));
    accession_->setPlaceholderText(tr("Accession"));
    echo_->setText(tr("Test connection"));
    find_->setText(tr("&Find"));
    updateRetrieveText();
    cancel_->setText(tr("Cancel"));
    archiveLabel_->setText(tr("Archive"));
    archive_->setPlaceholderText(tr("None yet: add one with Archives..."));
    patientLabel_->setText(tr("Patient"));
    studyLabel_->setText(tr("Study"));
    datesLabel_->setText(tr("Dates"));
    matches_->setHorizontalHeaderLabels({tr("Date"), tr("Patient ID"), tr("Name"), tr("Modalities"), tr("Description"),
                                         tr("Accession"), tr("Images")});
    series_->setHorizontalHeaderLabels({tr("Series"), tr("Modality"), tr("Description"), tr("Images")});
}

void PacsBrowser::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslateUi();
    QWidget::changeEvent(event);
}

std::optional<pacs::PacsNode> PacsBrowser::chosenArchive() {
    const auto archives = StudioSettings::pacsArchives();
    const auto chosen = archive_->currentText().toStdString();
    const auto archive = std::find_if(archives.begin(), archives.end(), [&](const auto& a) { return a.name == chosen; });
    if (archive == archives.end()) {
        showStatus(tr("Add an archive first: Archives..."), true);
        return std::nullopt;
    }
    try {
        asked_ = StudioSettings::withSecret(*archive);
        return asked_;
    } catch (const std::exception& e) {
        showStatus(QString::fromUtf8(e.what()), true);
        return std::nullopt;
    }
}

void PacsBrowser::reloadArchives() {
    archive_->clear();
    for (const auto& archive : StudioSettings::pacsArchives()) archive_->addItem(QString::fromStdString(archive.name));
    archive_->setCurrentText(QString::fromStdString(StudioSettings::currentPacsArchive().name));
}

void PacsBrowser::editArchives() {
    auto* dialog = new ArchivesDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, &PacsBrowser::reloadArchives);
    dialog->open();
}

pacs::StudyQuery PacsBrowser::query() const {
    pacs::StudyQuery query;
    query.patientId = patientId_->text().trimmed().toStdString();
    query.patientName = patientName_->text().trimmed().toStdString();
    query.modality = modality_->text().trimmed().toUpper().toStdString();
    query.dateFrom = dateFrom_->text().toStdString();
    query.dateTo = dateTo_->text().toStdString();
    query.accession = accession_->text().trimmed().toStdString();
    return query;
}

int PacsBrowser::matchCount() const { return matches_->rowCount(); }

void PacsBrowser::testConnection() {
    const auto archive = chosenArchive();
    if (!archive) return;
    setBusy(true);
    showStatus(tr("Asking %1 ...").arg(QString::fromStdString(archive->describe())), false);
    bridge_->echo(*archive);
}

void PacsBrowser::find() {
    const auto archive = chosenArchive();
    if (!archive) return;
    setBusy(true);
    showStatus(tr("Searching %1 ...").arg(QString::fromStdString(archive->describe())), false);
    bridge_->find(*archive, query());
}

QString PacsBrowser::selectedStudy() const {
    const int row = matches_->currentRow() >= 0 ? matches_->currentRow() : 0;
    return row < matches_->rowCount() ? matches_->item(row, Date)->data(Qt::UserRole).toString() : QString();
}

void PacsBrowser::updateRetrieveText() {
    retrieve_->setText(series_->selectedItems().isEmpty() ? tr("&Retrieve study") : tr("&Retrieve series"));
}

void PacsBrowser::listSeries() {
    series_->setRowCount(0);
    updateRetrieveText();
    const auto study = selectedStudy();
    if (study.isEmpty()) return;
    // No status message: a failure says so, and the series appear when the archive answers.
    if (const auto archive = chosenArchive()) bridge_->findSeries(*archive, study);
}

void PacsBrowser::showSeries(const std::vector<pacs::SeriesMatch>& series) {
    series_->setRowCount(static_cast<int>(series.size()));
    for (int row = 0; row < static_cast<int>(series.size()); ++row) {
        const auto& s = series[static_cast<size_t>(row)];
        const QString cells[SeriesColumnCount] = {s.number ? QString::number(s.number) : QString(),
                                                  QString::fromStdString(s.modality), QString::fromStdString(s.description),
                                                  s.instanceCount ? QString::number(s.instanceCount) : QString()};
        for (int column = 0; column < SeriesColumnCount; ++column) {
            auto* item = new QTableWidgetItem(cells[column]);
            if (column == SeriesNumber) item->setData(Qt::UserRole, QString::fromStdString(s.seriesUid));
            if (column == SeriesImages || column == SeriesNumber) item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            series_->setItem(row, column, item);
        }
    }
    series_->resizeColumnsToContents();
}

void PacsBrowser::retrieveSelected() {
    if (matches_->rowCount() == 0) return;
    const auto archive = chosenArchive();
    if (!archive) return;
    const int row = matches_->currentRow() >= 0 ? matches_->currentRow() : 0;
    const auto uid = matches_->item(row, Date)->data(Qt::UserRole).toString();
    const auto chosenSeries = series_->selectedItems();
    const auto seriesUid =
        chosenSeries.isEmpty() ? QString() : series_->item(chosenSeries.first()->row(), SeriesNumber)->data(Qt::UserRole).toString();
    setBusy(true);
    progress_->setRange(0, 0);
    progress_->show();
    cancel_->show();
    showStatus(seriesUid.isEmpty() ? tr("Retrieving the study of %1 ...").arg(matches_->item(row, PatientId)->text())
                                   : tr("Retrieving a series of %1 ...").arg(matches_->item(row, PatientId)->text()),
               false);
    bridge_->retrieve(*archive, uid, seriesUid);
}

void PacsBrowser::showMatches(const std::vector<pacs::StudyMatch>& matches) {
    matches_->setSortingEnabled(false);
    matches_->setRowCount(static_cast<int>(matches.size()));
    for (int row = 0; row < static_cast<int>(matches.size()); ++row) {
        const auto& m = matches[static_cast<size_t>(row)];
        const auto text = [](const std::string& s) { return QString::fromStdString(s); };
        const QString cells[ColumnCount] = {displayDate(text(m.studyDate)), text(m.patientId), text(m.patientName).replace('^', ' '),
                                            text(m.modalities).replace('\\', ' '), text(m.studyDescription),
                                            text(m.accession), m.instanceCount ? QString::number(m.instanceCount) : QString()};
        for (int column = 0; column < ColumnCount; ++column) {
            auto* item = new QTableWidgetItem(cells[column]);
            if (column == Date) item->setData(Qt::UserRole, text(m.studyUid));
            if (column == Instances) item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            matches_->setItem(row, column, item);
        }
    }
    matches_->setSortingEnabled(true);
    matches_->resizeColumnsToContents();
    if (!matches.empty()) matches_->selectRow(0);
    retrieve_->setEnabled(!matches.empty());
    showStatus(matches.empty() ? tr("No study matches.") : tr("%n studies match.", nullptr, static_cast<int>(matches.size())),
               false);
}

void PacsBrowser::showStatus(const QString& text, bool error) {
    status_->setText(text);
    status_->setStyleSheet(error ? messageStyle(MessageKind::Error) : QString());  // the studio's error banner
}

void PacsBrowser::setBusy(bool busy) {
    echo_->setEnabled(!busy);
    find_->setEnabled(!busy);
    archive_->setEnabled(!busy);
    editArchives_->setEnabled(!busy);
    retrieve_->setEnabled(!busy && matches_->rowCount() > 0);
    if (!busy) {
        progress_->hide();
        cancel_->hide();
    }
}

}  // namespace vitask::ui

#include "vitask/ui/pacs_browser/archives_dialog.h"

#include "vitask/ui/bridge/pacs_bridge.h"
#include "vitask/ui/settings/studio_settings.h"
#include "vitask/ui/widgets/message_label.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <set>
#include <utility>

namespace vitask::ui {
namespace {

QString text(const std::string& s) { return QString::fromStdString(s); }
std::string text(const QLineEdit* edit) { return edit->text().trimmed().toStdString(); }

}  // namespace

ArchivesDialog::ArchivesDialog(QWidget* parent)
    : QDialog(parent),
      bridge_(new PacsBridge(this)),
      list_(new QListWidget(this)),
      add_(new QPushButton(tr("&Add"), this)),
      remove_(new QPushButton(tr("&Remove"), this)),
      test_(new QPushButton(tr("&Test connection"), this)),
      name_(new QLineEdit(this)),
      protocol_(new QComboBox(this)),
      form_(new QFormLayout),
      host_(new QLineEdit(this)),
      calledAe_(new QLineEdit(this)),
      callingAe_(new QLineEdit(this)),
      certificate_(new QLineEdit(this)),
      key_(new QLineEdit(this)),
      port_(new QSpinBox(this)),
      receivePort_(new QSpinBox(this)),
      timeout_(new QSpinBox(this)),
      retrieveMethod_(new QComboBox(this)),
      tls_(new QCheckBox(tr("DICOM TLS"), this)),
      url_(new QLineEdit(this)),
      user_(new QLineEdit(this)),
      secret_(new QLineEdit(this)),
      auth_(new QComboBox(this)),
      caFile_(new QLineEdit(this)),
      status_(new QLabel(this)) {
    setObjectName(QStringLiteral("pacsArchivesDialog"));
    setWindowTitle(tr("PACS archives"));
    for (auto [widget, name] : {std::pair<QWidget*, const char*>{list_, "pacsArchiveList"}, {add_, "pacsAddArchive"},
                                {remove_, "pacsRemoveArchive"}, {test_, "pacsTestArchive"}, {name_, "pacsArchiveName"},
                                {protocol_, "pacsProtocol"}, {host_, "pacsHost"}, {port_, "pacsPort"},
                                {calledAe_, "pacsCalledAe"}, {callingAe_, "pacsCallingAe"},
                                {retrieveMethod_, "pacsRetrieveMethod"}, {receivePort_, "pacsReceivePort"},
                                {tls_, "pacsTls"}, {certificate_, "pacsCertificate"}, {key_, "pacsKey"},
                                {url_, "pacsUrl"}, {auth_, "pacsAuth"}, {user_, "pacsUser"}, {secret_, "pacsSecret"},
                                {caFile_, "pacsCaFile"}, {timeout_, "pacsTimeout"}, {status_, "pacsArchiveStatus"}})
        widget->setObjectName(QLatin1String(name));
    protocol_->addItems({tr("DIMSE (DICOM network)"), tr("DICOMweb (QIDO-RS, WADO-RS, STOW-RS)")});
    retrieveMethod_->addItems({tr("C-GET (one connection)"), tr("C-MOVE to our storage SCP")});
    auth_->addItems({tr("None"), tr("User and password (Basic)"), tr("Token (Bearer)")});
    port_->setRange(1, 65535);
    receivePort_->setRange(1, 65535);
    timeout_->setRange(1, 3600);
    timeout_->setSuffix(tr(" s"));
    secret_->setEchoMode(QLineEdit::Password);
    for (auto* ae : {calledAe_, callingAe_}) ae->setMaxLength(16);
    name_->setPlaceholderText(tr("Hospital PACS"));
    host_->setPlaceholderText(tr("pacs.hospital.org"));
    calledAe_->setPlaceholderText(tr("its AE title"));
    callingAe_->setPlaceholderText(QStringLiteral("VITASK"));
    url_->setPlaceholderText(QStringLiteral("https://pacs.hospital.org/dicom-web"));
    caFile_->setPlaceholderText(tr("PEM file; the system's CAs are trusted too"));
    certificate_->setPlaceholderText(tr("ours (PEM), if the archive asks for one"));
    key_->setPlaceholderText(tr("its private key (PEM)"));
    status_->setWordWrap(true);
    status_->setTextInteractionFlags(Qt::TextSelectableByMouse);

    // One form; the rows of the protocol not chosen are hidden.
    form_->addRow(tr("Name"), name_);
    form_->addRow(tr("Protocol"), protocol_);
    dimseRows_.first = form_->rowCount();
    auto* address = new QHBoxLayout;
    address->addWidget(host_, 1);
    address->addWidget(port_);
    form_->addRow(tr("Host and port"), address);
    form_->addRow(tr("Its AE title"), calledAe_);
    form_->addRow(tr("Our AE title"), callingAe_);
    form_->addRow(tr("Retrieve by"), retrieveMethod_);
    form_->addRow(tr("Our receive port"), receivePort_);
    form_->addRow(QString(), tls_);
    form_->addRow(tr("Our certificate"), certificate_);
    form_->addRow(tr("Our key"), key_);
    dimseRows_.second = webRows_.first = form_->rowCount();
    form_->addRow(tr("Base URL"), url_);
    form_->addRow(tr("Login"), auth_);
    form_->addRow(tr("User"), user_);
    form_->addRow(tr("Password or token"), secret_);
    webRows_.second = form_->rowCount();
    form_->addRow(tr("CA certificates"), caFile_);
    form_->addRow(tr("Timeout"), timeout_);

    auto* listButtons = new QHBoxLayout;
    listButtons->addWidget(add_);
    listButtons->addWidget(remove_);
    auto* left = new QVBoxLayout;
    left->addWidget(list_, 1);
    left->addLayout(listButtons);
    auto* right = new QVBoxLayout;
    right->addLayout(form_);
    auto* testRow = new QHBoxLayout;
    testRow->addWidget(test_);
    testRow->addStretch();
    right->addLayout(testRow);
    right->addWidget(status_);
    right->addStretch();
    auto* columns = new QHBoxLayout;
    columns->addLayout(left, 1);
    columns->addLayout(right, 3);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(columns, 1);
    layout->addWidget(buttons);

    archives_ = StudioSettings::pacsArchives();
    try {
        archives_ = StudioSettings::withSecrets(archives_);  // a copy: kept without secrets if this throws
    } catch (const std::exception& e) {
        showStatus(QString::fromUtf8(e.what()), true);
    }
    const auto current = StudioSettings::currentPacsArchive().name;
    int selected = 0;
    for (size_t i = 0; i < archives_.size(); ++i) {
        list_->addItem(text(archives_[i].name));
        if (archives_[i].name == current) selected = static_cast<int>(i);
    }
    connect(list_, &QListWidget::currentRowChanged, this, [this](int row) {
        storeForm();
        showArchive(row);
    });
    connect(add_, &QPushButton::clicked, this, &ArchivesDialog::addArchive);
    connect(remove_, &QPushButton::clicked, this, &ArchivesDialog::removeArchive);
    connect(test_, &QPushButton::clicked, this, &ArchivesDialog::testConnection);
    connect(buttons, &QDialogButtonBox::accepted, this, &ArchivesDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &ArchivesDialog::reject);
    for (auto* combo : {protocol_, retrieveMethod_, auth_})
        connect(combo, &QComboBox::currentIndexChanged, this, &ArchivesDialog::updateForm);
    connect(tls_, &QCheckBox::toggled, this, &ArchivesDialog::updateForm);
    connect(name_, &QLineEdit::textEdited, this, [this](const QString& name) {
        if (auto* item = list_->currentItem()) item->setText(name.trimmed());
    });
    connect(bridge_, &PacsBridge::echoed, this, [this] {
        test_->setEnabled(true);
        showStatus(tr("%1 answers and accepts us.").arg(text(archives_[static_cast<size_t>(row_)].describe())), false);
    });
    connect(bridge_, &PacsBridge::failed, this, [this](const QString&, const QString& message) {
        test_->setEnabled(true);
        showStatus(message, true);
    });
    if (archives_.empty()) addArchive();
    else list_->setCurrentRow(selected);
    resize(820, 520);
}

QString ArchivesDialog::selectedName() const { return row_ >= 0 ? text(archives_[static_cast<size_t>(row_)].name) : QString(); }

void ArchivesDialog::addArchive() {
    storeForm();
    std::set<std::string> names;
    for (const auto& archive : archives_) names.insert(archive.name);
    pacs::PacsNode archive;
    archive.name = "PACS";
    for (int n = 2; names.count(archive.name); ++n) archive.name = "PACS " + std::to_string(n);
    archives_.push_back(archive);
    row_ = -1;  // the form holds nothing to store
    list_->addItem(text(archive.name));
    list_->setCurrentRow(list_->count() - 1);
    name_->setFocus();
    name_->selectAll();
}

void ArchivesDialog::removeArchive() {
    const int row = list_->currentRow();
    if (row < 0) return;
    row_ = -1;
    archives_.erase(archives_.begin() + row);
    delete list_->takeItem(row);
    if (archives_.empty()) addArchive();
    else showArchive(list_->currentRow());
}

void ArchivesDialog::showArchive(int row) {
    row_ = row;
    if (row < 0 || row >= static_cast<int>(archives_.size())) return;
    const auto& a = archives_[static_cast<size_t>(row)];
    loading_ = true;
    name_->setText(text(a.name));
    protocol_->setCurrentIndex(a.protocol == pacs::Protocol::DicomWeb ? 1 : 0);
    host_->setText(text(a.host));
    port_->setValue(a.port);
    calledAe_->setText(text(a.calledAe));
    callingAe_->setText(text(a.callingAe));
    retrieveMethod_->setCurrentIndex(a.retrieveMethod == pacs::RetrieveMethod::Move ? 1 : 0);
    receivePort_->setValue(a.receivePort);
    tls_->setChecked(a.tls);
    certificate_->setText(text(a.certificateFile));
    key_->setText(text(a.keyFile));
    url_->setText(text(a.url));
    auth_->setCurrentIndex(static_cast<int>(a.auth));
    user_->setText(text(a.user));
    secret_->setText(text(a.secret));
    caFile_->setText(text(a.caFile));
    timeout_->setValue(a.timeoutSeconds);
    loading_ = false;
    updateForm();
}

void ArchivesDialog::storeForm() {
    if (loading_ || row_ < 0 || row_ >= static_cast<int>(archives_.size())) return;
    auto& a = archives_[static_cast<size_t>(row_)];
    a.name = text(name_);
    a.protocol = protocol_->currentIndex() == 1 ? pacs::Protocol::DicomWeb : pacs::Protocol::Dimse;
    a.host = text(host_);
    a.port = port_->value();
    a.calledAe = text(calledAe_);
    a.callingAe = callingAe_->text().trimmed().isEmpty() ? "VITASK" : text(callingAe_);
    a.retrieveMethod = retrieveMethod_->currentIndex() == 1 ? pacs::RetrieveMethod::Move : pacs::RetrieveMethod::Get;
    a.receivePort = receivePort_->value();
    a.tls = tls_->isChecked();
    a.certificateFile = text(certificate_);
    a.keyFile = text(key_);
    a.url = text(url_);
    a.auth = static_cast<pacs::WebAuth>(auth_->currentIndex());
    a.user = text(user_);
    a.secret = secret_->text().toStdString();  // as typed: a password may end with a space
    a.caFile = text(caFile_);
    a.timeoutSeconds = timeout_->value();
}

void ArchivesDialog::updateForm() {
    const bool web = protocol_->currentIndex() == 1;
    for (int row = dimseRows_.first; row < dimseRows_.second; ++row) form_->setRowVisible(row, !web);
    for (int row = webRows_.first; row < webRows_.second; ++row) form_->setRowVisible(row, web);
    receivePort_->setEnabled(retrieveMethod_->currentIndex() == 1);
    certificate_->setEnabled(tls_->isChecked());
    key_->setEnabled(tls_->isChecked());
    const auto auth = static_cast<pacs::WebAuth>(auth_->currentIndex());
    user_->setEnabled(auth == pacs::WebAuth::Basic);
    secret_->setEnabled(auth != pacs::WebAuth::None);
    remove_->setEnabled(!archives_.empty());
}

QString ArchivesDialog::problemWith(const pacs::PacsNode& a) const {
    if (a.name.empty()) return tr("Every archive needs a name.");
    if (a.protocol == pacs::Protocol::DicomWeb) {
        const auto url = text(a.url);
        if (!url.startsWith(QLatin1String("http://")) && !url.startsWith(QLatin1String("https://")))
            return tr("%1: give the DICOMweb base URL (http:// or https://).").arg(text(a.name));
        if (a.auth != pacs::WebAuth::None && a.secret.empty())
            return tr("%1: give the password or token, or choose no login.").arg(text(a.name));
        return {};
    }
    if (a.host.empty() || a.calledAe.empty()) return tr("%1: give the host and the archive's AE title.").arg(text(a.name));
    return {};
}

void ArchivesDialog::testConnection() {
    storeForm();
    if (row_ < 0) return;
    const auto& archive = archives_[static_cast<size_t>(row_)];
    if (const auto problem = problemWith(archive); !problem.isEmpty()) return showStatus(problem, true);
    test_->setEnabled(false);
    showStatus(tr("Asking %1 ...").arg(text(archive.describe())), false);
    bridge_->echo(archive);
}

void ArchivesDialog::accept() {
    storeForm();
    std::set<std::string> names;
    for (const auto& archive : archives_) {
        if (const auto problem = problemWith(archive); !problem.isEmpty()) return showStatus(problem, true);
        if (!names.insert(archive.name).second)
            return showStatus(tr("Two archives are named %1: give each its own name.").arg(text(archive.name)), true);
    }
    try {
        StudioSettings::setPacsArchives(archives_);
        StudioSettings::setCurrentPacsArchive(selectedName());
    } catch (const std::exception& e) {
        return showStatus(QString::fromUtf8(e.what()), true);
    }
    QDialog::accept();
}

void ArchivesDialog::showStatus(const QString& message, bool error) {
    status_->setText(message);
    status_->setStyleSheet(error ? messageStyle(MessageKind::Error) : QString());  // the studio's error banner
}

}  // namespace vitask::ui

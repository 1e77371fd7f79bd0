#include "vitask/ui/settings/studio_settings.h"

#include "vitask/common/user_paths.h"
#include "vitask/pacs/credential_store.h"

#include <QDir>

#include <algorithm>
#include <map>

namespace vitask::ui {
namespace {

constexpr int kRecentCount = 10;

// One archive in the settings' current group; never its secret.
pacs::PacsNode readPacsNode(const QSettings& settings) {
    const auto text = [&](const char* key) { return settings.value(QLatin1String(key)).toString().toStdString(); };
    pacs::PacsNode node;
    node.name = text("name");
    node.protocol = text("protocol") == "dicomweb" ? pacs::Protocol::DicomWeb : pacs::Protocol::Dimse;
    node.timeoutSeconds = settings.value(QStringLiteral("timeout"), 30).toInt();
    node.host = text("host");
    node.port = settings.value(QStringLiteral("port"), 104).toInt();
    node.calledAe = text("called_ae");
    if (const auto calling = text("calling_ae"); !calling.empty()) node.callingAe = calling;
    node.retrieveMethod = text("retrieve") == "move" ? pacs::RetrieveMethod::Move : pacs::RetrieveMethod::Get;
    node.receivePort = settings.value(QStringLiteral("receive_port"), 11112).toInt();
    node.tls = settings.value(QStringLiteral("tls"), false).toBool();
    node.certificateFile = text("certificate");
    node.keyFile = text("key");
    node.url = text("url");
    const auto auth = text("auth");
    node.auth = auth == "basic" ? pacs::WebAuth::Basic : auth == "bearer" ? pacs::WebAuth::Bearer : pacs::WebAuth::None;
    node.user = text("user");
    node.caFile = text("ca_file");
    return node;
}

void writePacsNode(QSettings& settings, const pacs::PacsNode& node) {
    const auto set = [&](const char* key, const QVariant& value) { settings.setValue(QLatin1String(key), value); };
    const auto text = [](const std::string& s) { return QString::fromStdString(s); };
    set("name", text(node.name));
    set("protocol", node.protocol == pacs::Protocol::DicomWeb ? QStringLiteral("dicomweb") : QStringLiteral("dimse"));
    set("timeout", node.timeoutSeconds);
    set("host", text(node.host));
    set("port", node.port);
    set("called_ae", text(node.calledAe));
    set("calling_ae", text(node.callingAe));
    set("retrieve", node.retrieveMethod == pacs::RetrieveMethod::Move ? QStringLiteral("move") : QStringLiteral("get"));
    set("receive_port", node.receivePort);
    set("tls", node.tls);
    set("certificate", text(node.certificateFile));
    set("key", text(node.keyFile));
    set("url", text(node.url));
    set("auth", node.auth == pacs::WebAuth::Basic    ? QStringLiteral("basic")
                : node.auth == pacs::WebAuth::Bearer ? QStringLiteral("bearer")
                                                     : QStringLiteral("none"));
    set("user", text(node.user));
    set("ca_file", text(node.caFile));
}

void addRecent(const QString& key, const QString& entry) {
    QSettings settings = StudioSettings::open();
    QStringList list = settings.value(key).toStringList();
    list.removeAll(entry);
    list.prepend(entry);
    while (list.size() > kRecentCount) list.removeLast();
    settings.setValue(key, list);
}

}  // namespace

QSettings StudioSettings::open() {
    const auto path = userConfigDir() / "studio.ini";
    return QSettings(QString::fromStdString(path.string()), QSettings::IniFormat);
}

service::DeviceChoice StudioSettings::device() {
    try {
        return service::parseDeviceChoice(open().value(QStringLiteral("engine/device"), QStringLiteral("auto")).toString().toStdString(),
                                          "studio.ini engine/device");
    } catch (const std::exception&) {
        return service::DeviceChoice::Auto;  // a hand-edited value we do not know
    }
}

void StudioSettings::setDevice(service::DeviceChoice device) {
    open().setValue(QStringLiteral("engine/device"), QString::fromUtf8(service::deviceChoiceName(device)));
}

int StudioSettings::cpuThreads() { return std::max(0, open().value(QStringLiteral("engine/cpuThreads"), 0).toInt()); }
void StudioSettings::setCpuThreads(int threads) { open().setValue(QStringLiteral("engine/cpuThreads"), threads); }

QString StudioSettings::studyFolder() {
    return open().value(QStringLiteral("folders/studies"), QDir::homePath()).toString();
}
void StudioSettings::setStudyFolder(const QString& folder) { open().setValue(QStringLiteral("folders/studies"), folder); }

QString StudioSettings::modelFolder() {
    return open().value(QStringLiteral("folders/models"), QDir::homePath()).toString();
}
void StudioSettings::setModelFolder(const QString& folder) { open().setValue(QStringLiteral("folders/models"), folder); }

QString StudioSettings::reviewer() {
    const QString login = qEnvironmentVariable("USER", qEnvironmentVariable("USERNAME"));
    return open().value(QStringLiteral("review/reviewer"), login).toString();
}
void StudioSettings::setReviewer(const QString& name) { open().setValue(QStringLiteral("review/reviewer"), name); }

bool StudioSettings::demoShown() { return open().value(QStringLiteral("demo/shown"), false).toBool(); }
void StudioSettings::setDemoShown(bool shown) { open().setValue(QStringLiteral("demo/shown"), shown); }

QString StudioSettings::language() { return open().value(QStringLiteral("ui/language")).toString(); }
void StudioSettings::setLanguage(const QString& language) { open().setValue(QStringLiteral("ui/language"), language); }

int64_t StudioSettings::maxNewTokens() {
    return std::clamp<int64_t>(open().value(QStringLiteral("engine/maxNewTokens"), 64).toLongLong(), 1, 4096);
}
void StudioSettings::setMaxNewTokens(int64_t tokens) {
    open().setValue(QStringLiteral("engine/maxNewTokens"), static_cast<qlonglong>(tokens));
}

QStringList StudioSettings::recentStudies() { return open().value(QStringLiteral("recent/studies")).toStringList(); }
void StudioSettings::addRecentStudy(const QString& path) { addRecent(QStringLiteral("recent/studies"), path); }
QStringList StudioSettings::recentModels() { return open().value(QStringLiteral("recent/models")).toStringList(); }
void StudioSettings::addRecentModel(const QString& folder) { addRecent(QStringLiteral("recent/models"), folder); }

std::vector<pacs::PacsNode> StudioSettings::pacsArchives() {
    auto settings = open();
    std::vector<pacs::PacsNode> archives;
    const int count = settings.beginReadArray(QStringLiteral("pacs/archives"));
    for (int i = 0; i < count; ++i) {
        settings.setArrayIndex(i);
        archives.push_back(readPacsNode(settings));
    }
    settings.endArray();
    return archives;
}

void StudioSettings::setPacsArchives(const std::vector<pacs::PacsNode>& archives) {
    // The secrets of archives no longer listed go with them.
    std::map<std::string, std::string> secrets;
    for (const auto& archive : archives)
        if (archive.auth != pacs::WebAuth::None) secrets[archive.name] = archive.secret;
    pacs::CredentialStore().replaceAll(secrets);
    auto settings = open();
    settings.remove(QStringLiteral("pacs/archives"));
    settings.beginWriteArray(QStringLiteral("pacs/archives"), static_cast<int>(archives.size()));
    for (int i = 0; i < static_cast<int>(archives.size()); ++i) {
        settings.setArrayIndex(i);
        writePacsNode(settings, archives[static_cast<size_t>(i)]);
    }
    settings.endArray();
}

pacs::PacsNode StudioSettings::currentPacsArchive() {
    const auto archives = pacsArchives();
    const auto chosen = open().value(QStringLiteral("pacs/current")).toString().toStdString();
    for (const auto& archive : archives)
        if (archive.name == chosen) return archive;
    return archives.empty() ? pacs::PacsNode{} : archives.front();
}

void StudioSettings::setCurrentPacsArchive(const QString& name) { open().setValue(QStringLiteral("pacs/current"), name); }

pacs::PacsNode StudioSettings::withSecret(pacs::PacsNode node) {
    if (node.auth != pacs::WebAuth::None) node.secret = pacs::CredentialStore().load(node.name);
    return node;
}

std::vector<pacs::PacsNode> StudioSettings::withSecrets(std::vector<pacs::PacsNode> archives) {
    const auto secrets = pacs::CredentialStore().loadAll();
    for (auto& archive : archives)
        if (const auto found = secrets.find(archive.name); archive.auth != pacs::WebAuth::None && found != secrets.end())
            archive.secret = found->second;
    return archives;
}

void StudioSettings::setPacsNode(pacs::PacsNode node) {
    if (node.name.empty()) node.name = "PACS";
    auto archives = pacsArchives();
    archives = withSecrets(std::move(archives));
    const auto same = std::find_if(archives.begin(), archives.end(), [&](const auto& a) { return a.name == node.name; });
    if (same != archives.end()) *same = node;
    else archives.push_back(node);
    setPacsArchives(archives);
    setCurrentPacsArchive(QString::fromStdString(node.name));
}

}  // namespace vitask::ui

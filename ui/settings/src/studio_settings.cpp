#include "vitask/ui/settings/studio_settings.h"

#include "vitask/common/user_paths.h"

#include <QDir>

#include <algorithm>

namespace vitask::ui {
namespace {

constexpr int kRecentCount = 10;

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

pacs::PacsNode StudioSettings::pacsNode() {
    auto settings = open();
    pacs::PacsNode node;
    node.host = settings.value(QStringLiteral("pacs/host")).toString().toStdString();
    node.port = settings.value(QStringLiteral("pacs/port"), 104).toInt();
    node.calledAe = settings.value(QStringLiteral("pacs/called_ae")).toString().toStdString();
    const auto calling = settings.value(QStringLiteral("pacs/calling_ae")).toString();
    if (!calling.isEmpty()) node.callingAe = calling.toStdString();
    return node;
}

void StudioSettings::setPacsNode(const pacs::PacsNode& node) {
    auto settings = open();
    settings.setValue(QStringLiteral("pacs/host"), QString::fromStdString(node.host));
    settings.setValue(QStringLiteral("pacs/port"), node.port);
    settings.setValue(QStringLiteral("pacs/called_ae"), QString::fromStdString(node.calledAe));
    settings.setValue(QStringLiteral("pacs/calling_ae"), QString::fromStdString(node.callingAe));
}

}  // namespace vitask::ui

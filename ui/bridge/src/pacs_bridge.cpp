#include "vitask/ui/bridge/pacs_bridge.h"

#include "vitask/ui/bridge/post_to.h"

namespace vitask::ui {

PacsBridge::PacsBridge(QObject* parent) : QObject(parent), service_(std::make_unique<service::PacsService>()) {}

PacsBridge::~PacsBridge() { service_.reset(); }

namespace {

std::function<void(const std::string&)> failure(PacsBridge* bridge, const QString& what) {
    return [bridge, what](const std::string& message) {
        postTo(bridge, [bridge, what, message] { Q_EMIT bridge->failed(what, QString::fromStdString(message)); });
    };
}

}  // namespace

void PacsBridge::echo(const pacs::PacsNode& node) {
    service_->echo(node, [this] { postTo(this, [this] { Q_EMIT echoed(); }); }, failure(this, tr("Test connection")));
}

void PacsBridge::find(const pacs::PacsNode& node, const pacs::StudyQuery& query) {
    service_->find(
        node, query,
        [this](const std::vector<pacs::StudyMatch>& matches) { postTo(this, [this, matches] { Q_EMIT found(matches); }); },
        failure(this, tr("Query")));
}

void PacsBridge::findSeries(const pacs::PacsNode& node, const QString& studyUid) {
    service_->findSeries(
        node, studyUid.toStdString(),
        [this, studyUid](const std::vector<pacs::SeriesMatch>& series) {
            postTo(this, [this, studyUid, series] { Q_EMIT seriesFound(studyUid, series); });
        },
        failure(this, tr("Query")));
}

void PacsBridge::retrieve(const pacs::PacsNode& node, const QString& studyUid, const QString& seriesUid) {
    service_->retrieve(
        node, studyUid.toStdString(), seriesUid.toStdString(),
        [this](int done, int total) { postTo(this, [this, done, total] { Q_EMIT retrieveProgress(done, total); }); },
        [this, studyUid](const std::filesystem::path& folder, const pacs::TransferResult& result) {
            postTo(this, [this, studyUid, folder, result] {
                Q_EMIT retrieved(studyUid, QString::fromStdString(folder.string()), result.completed, result.failed,
                                 result.alreadyPresent);
            });
        },
        failure(this, tr("Retrieve")));
}

void PacsBridge::cancelRetrieve() { service_->cancelRetrieve(); }

void PacsBridge::send(const pacs::PacsNode& node, const QStringList& files) {
    std::vector<std::filesystem::path> paths;
    for (const auto& file : files) paths.emplace_back(file.toStdString());
    service_->send(
        node, paths,
        [this](const pacs::TransferResult& result) {
            postTo(this, [this, result] { Q_EMIT sent(result.completed, result.failed); });
        },
        failure(this, tr("Send")));
}

}  // namespace vitask::ui

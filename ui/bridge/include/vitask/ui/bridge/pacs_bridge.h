#pragma once
// The PACS service (echo, find, retrieve, send) for the UI thread: calls return at once,
// results arrive as signals on the thread that owns the bridge.

#include "vitask/service/pacs_service.h"

#include <QObject>
#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

namespace vitask::ui {

class PacsBridge : public QObject {
    Q_OBJECT
public:
    explicit PacsBridge(QObject* parent = nullptr);
    ~PacsBridge() override;

    void echo(const pacs::PacsNode& node);
    void find(const pacs::PacsNode& node, const pacs::StudyQuery& query);
    void findSeries(const pacs::PacsNode& node, const QString& studyUid);
    // The study, or one of its series when seriesUid is not empty.
    void retrieve(const pacs::PacsNode& node, const QString& studyUid, const QString& seriesUid = {});
    void cancelRetrieve();
    void send(const pacs::PacsNode& node, const QStringList& files);

Q_SIGNALS:
    void echoed();
    void found(const std::vector<vitask::pacs::StudyMatch>& matches);
    void seriesFound(const QString& studyUid, const std::vector<vitask::pacs::SeriesMatch>& series);
    void retrieveProgress(int done, int total);
    // `alreadyPresent`: instances kept from an earlier, partial retrieve of the study.
    void retrieved(const QString& studyUid, const QString& folder, int completed, int failed, int alreadyPresent);
    void sent(int completed, int failed);
    // What failed ("Query", "Retrieve", ...) and the message to show.
    void failed(const QString& what, const QString& message);

private:
    std::unique_ptr<service::PacsService> service_;
};

}  // namespace vitask::ui

#include "vitask/ui/review_panel/worklist_creation.h"

#include "vitask/common/error.h"

#include <QDateTime>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace vitask::ui {
namespace {

QString q(const std::string& text) { return QString::fromStdString(text); }

QString taskJson(const std::optional<service::TaskInfo>& task) {
    if (!task) return {};
    QJsonArray labels;
    for (const auto& label : task->labels) labels.append(q(label));
    const QJsonObject json{{QStringLiteral("name"), q(task->name)},
                           {QStringLiteral("modality"), q(task->modality)},
                           {QStringLiteral("labels"), labels},
                           {QStringLiteral("multi_label"), task->multiLabel}};
    return QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact));
}

}  // namespace

service::WorklistCase toServiceCase(const WorklistCase& c) {
    service::WorklistCase out;
    out.studyInstanceUid = c.key.studyInstanceUid.toStdString();
    out.seriesInstanceUid = c.key.seriesInstanceUid.toStdString();
    out.sopInstanceUid = c.key.sopInstanceUid.toStdString();
    // A NIfTI or photo file of its own has itself as "dataset" (see createWorklist).
    const bool dataset = c.key.datasetPath.endsWith(QLatin1String(".npz"), Qt::CaseInsensitive) ||
                         c.key.datasetPath.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive);
    if (dataset) {
        out.datasetPath = c.key.datasetPath.toStdString();
        out.datasetSplit = c.key.datasetSplit.toStdString();
        out.datasetIndex = c.key.datasetIndex;
    }
    out.file = c.file.toStdString();
    out.slice = std::size_t(c.slice);
    out.title = c.title.toStdString();
    out.groundTruth = c.groundTruth.toStdString();
    return out;
}

std::optional<service::TaskInfo> worklistTask(const service::WorklistSource& source, const service::ModelInfo& model,
                                              const QString& taskName, const QString& question) {
    if (!source.task.labels.empty()) return source.task;
    for (const auto& task : model.tasks)
        for (const auto& t : service::questionTemplates(task))
            if (q(t.text) == question.trimmed()) return task;
    for (const auto& task : model.tasks)
        if (q(task.name) == taskName) return task;
    if (!model.tasks.empty()) return model.tasks.front();
    return std::nullopt;
}

Worklist createWorklist(ReviewStore& store, const WorklistSettings& settings, const service::WorklistSource& source,
                        const service::ModelInfo& model, const std::optional<service::TsmEntry>& tsm) {
    const QString sourcePath = q(source.path.string());
    if (source.cases.empty())
        throw Error("lists no case to review", sourcePath.toStdString(), "Choose a folder, DICOMDIR or dataset with images.");
    const std::optional<service::TaskInfo> task = worklistTask(source, model, settings.taskName, settings.question);

    Worklist worklist;
    worklist.name = settings.name.trimmed();
    if (worklist.name.isEmpty())
        worklist.name = QFileInfo(sourcePath).fileName() +
                        (source.split.empty() ? QString() : QStringLiteral(" (%1)").arg(q(source.split)));
    worklist.sourcePath = sourcePath;
    worklist.sourceKind = QString::fromUtf8(service::worklistSourceKindName(source.kind));
    worklist.model = {q(model.name), q(model.version), q(model.weightsHash)};
    if (tsm) worklist.tsm = {q(tsm->name), q(tsm->version), q(tsm->weightsHash)};
    worklist.modelFolder = q(model.folder.string());
    worklist.tsmSource = tsm ? settings.tsmSource : QString();
    worklist.question = settings.question.trimmed();
    if (worklist.question.isEmpty() && task) {
        const auto templates = service::questionTemplates(*task);
        if (!templates.empty()) worklist.question = q(templates.front().text);
    }
    worklist.task = taskJson(task);
    worklist.split = q(source.split);
    worklist.blinded = settings.blinded;
    worklist = store.createWorklist(worklist);

    QList<WorklistCase> cases;
    int position = 0;
    for (const service::WorklistCase& c : source.cases) {
        WorklistCase row;
        row.position = position++;
        row.key.worklistId = worklist.id;
        row.key.studyInstanceUid = q(c.studyInstanceUid);
        row.key.seriesInstanceUid = q(c.seriesInstanceUid);
        row.key.sopInstanceUid = q(c.sopInstanceUid);
        if (!c.isDicom()) {
            // A NIfTI or photo file met in a folder is a "dataset" of its own slices.
            const bool ownFile = c.datasetPath.empty();
            row.key.datasetPath = q((ownFile ? c.file : c.datasetPath).string());
            row.key.datasetSplit = q(c.datasetSplit);
            row.key.datasetIndex = ownFile ? qint64(c.slice) : c.datasetIndex;
        }
        row.file = q(c.file.string());
        row.slice = int(c.slice);
        row.title = q(c.title);
        row.groundTruth = q(c.groundTruth);
        cases << row;
    }
    store.addCases(worklist.id, cases);
    return worklist;
}

}  // namespace vitask::ui

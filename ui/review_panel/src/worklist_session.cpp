#include "vitask/ui/review_panel/worklist_session.h"

#include "vitask/common/error.h"
#include "vitask/ui/bridge/engine_bridge.h"
#include "vitask/ui/review_panel/case_answer_json.h"
#include "vitask/ui/review_panel/worklist_creation.h"
#include "vitask/ui/settings/studio_settings.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace vitask::ui {
namespace {

service::TaskInfo taskFromJson(const QString& text) {
    service::TaskInfo task;
    const QJsonObject json = QJsonDocument::fromJson(text.toUtf8()).object();
    task.name = json[QLatin1String("name")].toString().toStdString();
    task.modality = json[QLatin1String("modality")].toString().toStdString();
    task.multiLabel = json[QLatin1String("multi_label")].toBool();
    for (const QJsonValue& label : json[QLatin1String("labels")].toArray())
        task.labels.push_back(label.toString().toStdString());
    return task;
}

}  // namespace

WorklistSession::WorklistSession(ReviewStore& store, qint64 worklistId, QString reviewer, EngineBridge* engine,
                                 QObject* parent)
    : QObject(parent), store_(store), engine_(engine), reviewer_(std::move(reviewer)) {
    const auto worklist = store_.worklist(worklistId);
    if (!worklist)
        throw Error("there is no worklist " + std::to_string(worklistId), store_.path().toStdString(),
                    "Choose one of the worklists the Worklist menu lists.");
    worklist_ = *worklist;
    task_ = taskFromJson(worklist_.task);
    cases_ = store_.cases(worklistId);
    QHash<QString, int> positionOf;
    const auto keyText = [](const CaseKey& k) {
        return QStringList{k.studyInstanceUid, k.seriesInstanceUid, k.sopInstanceUid, k.datasetPath, k.datasetSplit,
                           QString::number(k.isDicom() ? -1 : k.datasetIndex)}
            .join(QLatin1Char('|'));
    };
    for (const WorklistCase& c : cases_) positionOf.insert(keyText(c.key), c.position);
    for (const Review& r : store_.reviews(worklistId))
        if (r.reviewer == reviewer_)
            if (const auto it = positionOf.constFind(keyText(r.caseKey)); it != positionOf.constEnd())
                reviews_.insert(*it, r);

    engineConnections_ << connect(engine_, &EngineBridge::caseAnswered, this,
                                  [this](int index, const service::CaseAnswer& answer) {
                                      storeAnswer(index, caseAnswerJson(answer), {});
                                  });
    engineConnections_ << connect(engine_, &EngineBridge::caseFailed, this,
                                  [this](int index, const QString& message) { storeAnswer(index, {}, message); });
    engineConnections_ << connect(engine_, &EngineBridge::casesFinished, this, [this](bool cancelled) {
        if (!answering_) return;
        answering_ = false;
        Q_EMIT answeringFinished(cancelled);
    });
    // The worklist's model and TSM arriving after startAnswering() asked for them.
    const auto modelArrived = [this] {
        if (waitingForModel_ && engineReady()) {
            waitingForModel_ = false;
            askForMissing();
        }
    };
    engineConnections_ << connect(engine_, &EngineBridge::modelLoaded, this, modelArrived);
    engineConnections_ << connect(engine_, &EngineBridge::tsmLoaded, this, modelArrived);
    const auto loadFailed = [this](const QString& message) {
        if (!waitingForModel_) return;
        waitingForModel_ = false;
        answering_ = false;
        Q_EMIT failed(tr("The worklist's model could not be loaded, so its cases cannot be answered: %1").arg(message));
        Q_EMIT answeringFinished(true);
    };
    engineConnections_ << connect(engine_, &EngineBridge::modelFailed, this, loadFailed);
    engineConnections_ << connect(engine_, &EngineBridge::tsmFailed, this, loadFailed);
}

WorklistSession::~WorklistSession() {
    if (answering_) engine_->cancelCases();
    for (const auto& connection : engineConnections_) disconnect(connection);
}

std::optional<service::CaseAnswer> WorklistSession::answer(int position) const {
    if (position < 0 || position >= caseCount() || cases_[position].aiAnswer.isEmpty()) return std::nullopt;
    if (const auto it = parsed_.constFind(position); it != parsed_.constEnd()) return *it;
    try {
        return *parsed_.insert(position, caseAnswerFromJson(cases_[position].aiAnswer));
    } catch (const Error&) {
        return std::nullopt;  // a damaged answer reads as none; answering again replaces it
    }
}

std::optional<Review> WorklistSession::review(int position) const {
    if (const auto it = reviews_.constFind(position); it != reviews_.constEnd()) return *it;
    return std::nullopt;
}

int WorklistSession::answeredCount() const {
    int n = 0;
    for (const WorklistCase& c : cases_) n += c.answered() ? 1 : 0;
    return n;
}

int WorklistSession::firstUnreviewed() const {
    for (int i = 0; i < caseCount(); ++i)
        if (!reviews_.contains(i)) return i;
    return caseCount();
}

QList<Review> WorklistSession::reviews() const {
    QList<Review> out;
    for (int i = 0; i < caseCount(); ++i)
        if (const auto it = reviews_.constFind(i); it != reviews_.constEnd()) out << *it;
    return out;
}

bool WorklistSession::engineReady() const {
    const auto& model = engine_->model();
    if (!model || QFileInfo(QString::fromStdString(model->folder.string())).canonicalFilePath() !=
                      QFileInfo(worklist_.modelFolder).canonicalFilePath())
        return false;
    if (worklist_.tsmSource.isEmpty()) return true;
    const auto& tsm = engine_->tsm();
    return tsm && (QString::fromStdString(tsm->name) == worklist_.tsmSource ||
                   QFileInfo(QString::fromStdString(tsm->source.string())).canonicalFilePath() ==
                       QFileInfo(worklist_.tsmSource).canonicalFilePath());
}

void WorklistSession::startAnswering() {
    if (answering_) return;
    answering_ = true;
    if (engineReady()) {
        askForMissing();
        return;
    }
    waitingForModel_ = true;
    const auto& model = engine_->model();
    if (!model || QFileInfo(QString::fromStdString(model->folder.string())).canonicalFilePath() !=
                      QFileInfo(worklist_.modelFolder).canonicalFilePath())
        engine_->loadModel(worklist_.modelFolder);
    if (!worklist_.tsmSource.isEmpty()) engine_->loadTsm(worklist_.tsmSource);
}

void WorklistSession::askForMissing() {
    asked_.clear();
    std::vector<service::WorklistCase> missing;
    for (const WorklistCase& c : cases_)
        if (!c.answered()) {
            asked_ << c.position;
            missing.push_back(toServiceCase(c));
        }
    answeredInBatch_ = 0;
    batchClock_.start();
    Q_EMIT answeringProgress(answeredCount(), caseCount(), -1);
    if (missing.empty()) {
        answering_ = false;
        Q_EMIT answeringFinished(false);
        return;
    }
    service::AskRequest request;
    request.question = worklist_.question.toStdString();
    if (!task_.labels.empty()) request.task = task_;
    request.saliency = true;
    request.maxNewTokens = StudioSettings::maxNewTokens();  // as the AI panel asks
    engine_->answerCases(std::move(missing), std::move(request));
}

void WorklistSession::cancelAnswering() {
    if (!answering_) return;
    if (waitingForModel_) {
        waitingForModel_ = false;
        answering_ = false;
        Q_EMIT answeringFinished(true);
        return;
    }
    engine_->cancelCases();
}

void WorklistSession::storeAnswer(int index, const QString& json, const QString& error) {
    if (!answering_ || index < 0 || index >= asked_.size()) return;
    const int position = asked_[index];
    WorklistCase& c = cases_[position];
    try {
        c.answeredAt = store_.saveAiAnswer(c.id, json, error);
    } catch (const Error& e) {
        Q_EMIT failed(QString::fromStdString(e.what()));
        return;
    }
    c.aiAnswer = json;
    c.aiError = error;
    parsed_.remove(position);
    ++answeredInBatch_;
    const int left = int(asked_.size()) - answeredInBatch_;
    const double perCase = double(batchClock_.elapsed()) / 1000.0 / answeredInBatch_;
    Q_EMIT caseAnswered(position);
    Q_EMIT answeringProgress(answeredCount(), caseCount(), perCase * left);
}

void WorklistSession::recordUnaidedRead(int position, const Read& read) {
    store_.saveUnaidedRead(cases_[position].key, reviewer_, read);
}

std::optional<Read> WorklistSession::unaidedRead(int position) const {
    return store_.unaidedRead(cases_[position].key, reviewer_);
}

Review WorklistSession::saveReview(int position, Review review) {
    const WorklistCase& c = cases_[position];
    review.caseKey = c.key;
    review.reviewer = reviewer_;
    review.model = worklist_.model;
    review.tsm = worklist_.tsm;
    review.aiSnapshot = c.aiAnswer;
    const Review saved = store_.saveReview(review);
    reviews_.insert(position, saved);
    Q_EMIT reviewSaved(position);
    return saved;
}

}  // namespace vitask::ui

#pragma once
// One reviewer working through one worklist: its cases with the AI's answers, this
// reviewer's reviews, and the background answering of the cases not answered yet. The
// logic under the review panel, with no widget (3D Slicer's logic/widget split): the
// panel shows a case, the session keeps it, and everything it is told is in the review
// database before the call returns.
//
// Resuming: answers are stored as they arrive, so answering a worklist again (the studio
// reopened, answering cancelled) asks only for the cases without one.

#include "vitask/service/worklist.h"
#include "vitask/ui/review_store/review_store.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QVector>

#include <optional>

namespace vitask::ui {

class EngineBridge;

class WorklistSession : public QObject {
    Q_OBJECT
public:
    // Reads worklist `worklistId` from `store` (which must outlive the session): its
    // cases, stored answers and `reviewer`'s reviews. Throws vitask::Error for an
    // unknown worklist or a failed read.
    WorklistSession(ReviewStore& store, qint64 worklistId, QString reviewer, EngineBridge* engine,
                    QObject* parent = nullptr);
    ~WorklistSession() override;

    const Worklist& worklist() const { return worklist_; }
    const ReviewStore& store() const { return store_; }
    const QString& reviewer() const { return reviewer_; }
    // The task the worklist scores (from its "task" JSON; empty labels when none).
    const service::TaskInfo& task() const { return task_; }
    int caseCount() const { return int(cases_.size()); }
    const WorklistCase& caseAt(int position) const { return cases_[position]; }
    // The AI's answers of a case (parsed once), nullopt while not answered or failed.
    std::optional<service::CaseAnswer> answer(int position) const;
    std::optional<Review> review(int position) const;
    int answeredCount() const;
    int reviewedCount() const { return int(reviews_.size()); }
    // The first case without this reviewer's review (caseCount() when all are reviewed).
    int firstUnreviewed() const;
    QList<Review> reviews() const;

    // Whether the model and TSM the engine has loaded are the worklist's (by folder and
    // name), so its answers can be computed.
    bool engineReady() const;
    // Loads the worklist's model and TSM into the engine when it has others, then answers
    // every case without an answer in the background. Progress comes as caseAnswered /
    // answeringProgress, the end as answeringFinished.
    void startAnswering();
    void cancelAnswering();
    bool answering() const { return answering_; }

    // Blinded reading: stores the reviewer's unaided read of case `position` (committed
    // before the AI is shown), and reads it back for a case not yet reviewed.
    void recordUnaidedRead(int position, const Read& read);
    std::optional<Read> unaidedRead(int position) const;

    // Stores the review of case `position` (filling in its case key, reviewer, model and
    // TSM identities and the AI snapshot as shown) and returns it as saved. Throws
    // vitask::Error when the store refuses it; nothing changes then.
    Review saveReview(int position, Review review);

Q_SIGNALS:
    void caseAnswered(int position);
    // Answers stored so far of `total`, and the estimated seconds left (-1: not known yet).
    void answeringProgress(int answered, int total, double secondsLeft);
    void answeringFinished(bool cancelled);
    void reviewSaved(int position);
    // An error the user must see (the model could not load, an answer could not be stored).
    void failed(const QString& message);

private:
    void askForMissing();
    void storeAnswer(int index, const QString& json, const QString& error);

    ReviewStore& store_;
    EngineBridge* engine_;
    Worklist worklist_;
    QString reviewer_;
    service::TaskInfo task_;
    QList<WorklistCase> cases_;
    QHash<int, Review> reviews_;                         // by position
    mutable QHash<int, service::CaseAnswer> parsed_;     // answers parsed so far
    QVector<int> asked_;                                 // positions of the batch asked, by index
    bool answering_ = false;
    bool waitingForModel_ = false;
    QElapsedTimer batchClock_;
    int answeredInBatch_ = 0;
    QList<QMetaObject::Connection> engineConnections_;
};

}  // namespace vitask::ui

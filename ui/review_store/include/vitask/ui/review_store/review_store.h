#pragma once
// vitask::ui::ReviewStore: the radiologists' reviews of AI answers, in an SQLite file
// (Qt SQL; docs/formats.md, "Review database"). The logic under the review panel, with
// no widget: the panel shows a case, the store keeps what the reviewer decided.
//
// Durability: every connection runs in WAL mode with synchronous=FULL, and saveReview()
// returns only after its transaction is committed, so a review once saved survives a
// crash of the studio or a power loss. Save before moving to the next case.
//
// Safety of the user's data: open() checks an existing file read-only first (is it
// SQLite, does SQLite's quick_check pass, does this build know its schema version) and
// refuses with a vitask::Error naming the file and what to do; in those cases the file
// is never modified. An older schema is migrated (see review_schema.h).
//
// Threads: a ReviewStore owns one Qt SQL connection (with a unique name, removed by the
// destructor) and must be used from the thread that opened it. Several stores (in one
// process or in several) may open the same file; SQLite serialises their writes.
//
// Patient data: reviews identify cases by UIDs or dataset indices; nothing here logs
// review contents, and error messages name the file, never a review's values.

#include "vitask/ui/review_store/review_schema.h"
#include "vitask/ui/review_store/review_types.h"

#include <QList>
#include <QString>

#include <memory>
#include <optional>
#include <vector>

namespace vitask::ui {

class ReviewStore {
public:
    // Opens the review database at `path`, creating the file and its schema when it does
    // not exist (its folder must), or migrating an older schema. Throws vitask::Error when
    // the folder does not exist or is not writable, the file is not an SQLite database,
    // is damaged, or was written by a newer build (schema version above
    // currentReviewSchemaVersion()); the file is left untouched in those cases.
    static ReviewStore open(const QString& path);
    // The same with another list of migrations: the schema tests use it to write a file
    // at an older version and to migrate one to a version the build does not have yet.
    static ReviewStore open(const QString& path, const std::vector<ReviewMigration>& migrations);

    // userDataDir()/reviews.sqlite (VITASK_DATA_DIR moves it).
    static QString defaultPath();
    // open(defaultPath()), creating the user data folder first when missing.
    static ReviewStore openDefault();

    ReviewStore(ReviewStore&& other) noexcept;
    ReviewStore& operator=(ReviewStore&& other) noexcept;
    ReviewStore(const ReviewStore&) = delete;
    ReviewStore& operator=(const ReviewStore&) = delete;
    ~ReviewStore();

    const QString& path() const;
    int schemaVersion() const;  // of the open database (after migration)

    // Creates a worklist; returns it with its id and creation time. Throws vitask::Error
    // when the name is empty or the write fails.
    Worklist createWorklist(const Worklist& worklist);
    // All worklists, oldest first.
    QList<Worklist> worklists() const;
    std::optional<Worklist> worklist(qint64 id) const;

    // Adds a worklist's cases (positions in their order) in one transaction; returns
    // them with their ids. Throws vitask::Error for an unknown worklist, a case whose key
    // is incomplete or names another worklist, a position already taken, or a failed write.
    QList<WorklistCase> addCases(qint64 worklistId, const QList<WorklistCase>& cases);
    // A worklist's cases by position, with the AI's answers stored so far.
    QList<WorklistCase> cases(qint64 worklistId) const;
    // Stores the AI's answer for case `caseId` (JSON object text) or why it failed,
    // replacing an earlier one; returns once committed, with the time stored. Throws
    // vitask::Error for an unknown case, an answer that is not a JSON object, or a
    // failed write.
    QDateTime saveAiAnswer(qint64 caseId, const QString& answerJson, const QString& error = {});

    // Blinded reader studies: the unaided read of a case, committed when the reviewer
    // records it, before the AI is shown, so a crash between the two reads loses
    // neither and the read provably predates the AI. saveReview() of the same case and
    // reviewer removes it in its transaction (the review carries it then). Throws
    // vitask::Error for an invalid case key, reviewer or read, or a failed write.
    void saveUnaidedRead(const CaseKey& caseKey, const QString& reviewer, const Read& read);
    // The unaided read recorded and not yet part of a review.
    std::optional<Read> unaidedRead(const CaseKey& caseKey, const QString& reviewer) const;

    // Saves the review of review.caseKey by review.reviewer, replacing an earlier one of
    // the same case and reviewer, in one transaction; returns once it is committed (and
    // so on disk), with savedAt and revision as stored. Throws vitask::Error for an
    // invalid review (no reviewer, an incomplete case key, an unknown worklist, an AI
    // snapshot that is not JSON, a confidence outside 0..5, a negative time, a
    // correction with neither label nor finding) or a failed write; nothing is saved then.
    Review saveReview(const Review& review);

    // The reviews of a worklist, in the order they were first saved.
    QList<Review> reviews(qint64 worklistId) const;
    std::optional<Review> review(const CaseKey& caseKey, const QString& reviewer) const;

    // The worklist's reviews as CSV (a header row, RFC 4180 quoting, UTF-8, CRLF) or as a
    // JSON array of objects (columns and keys: docs/formats.md), written atomically.
    // Throws vitask::Error for an unknown worklist or a file that cannot be written.
    void exportCsv(qint64 worklistId, const QString& path) const;
    void exportJson(qint64 worklistId, const QString& path) const;

private:
    struct Impl;
    explicit ReviewStore(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

}  // namespace vitask::ui

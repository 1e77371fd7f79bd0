// ReviewStore on real SQLite files: reviews survive closing and a SIGKILL; upserts,
// blinded reads, CSV/JSON exports; schema migration; damaged, foreign and newer files
// refused without being touched; unwritable places refused.
#include "vitask/test/error_of.h"
#include "vitask/ui/review_store/review_export.h"
#include "review_fixtures.h"

#include "vitask/common/error.h"
#include "vitask/ui/review_store/review_store.h"
#include "vitask/ui/review_store/worklist_summary.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

#include <functional>

using namespace vitask;
using namespace vitask::ui;
using vitask::ui::test::makeReview;
using vitask::ui::test::makeWorklist;
using vitask::test::errorOf;
using vitask::ui::test::sameContent;

namespace {

QByteArray fileBytes(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) return {};
    return file.readAll();
}

void writeBytes(const QString& path, const QByteArray& bytes) {
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(file.write(bytes), bytes.size());
}

// Runs `work` with a plain Qt SQL connection to `path` (not through ReviewStore).
void withDatabase(const QString& path, const std::function<void(QSqlDatabase&)>& work) {
    static int counter = 0;
    const QString name = QStringLiteral("test_raw_%1").arg(++counter);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        QVERIFY(db.open());
        work(db);
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

void execOrFail(QSqlDatabase& db, const QString& sql) {
    QSqlQuery query(db);
    if (!query.exec(sql)) QFAIL(qPrintable(sql + QStringLiteral(": ") + query.lastError().text()));
}

QString integrityCheck(const QString& path) {
    QString result;
    withDatabase(path, [&](QSqlDatabase& db) {
        QSqlQuery query(db);
        if (!query.exec(QStringLiteral("PRAGMA integrity_check"))) {
            result = query.lastError().text();
            return;
        }
        QStringList rows;
        while (query.next()) rows << query.value(0).toString();
        result = rows.join(QLatin1Char('\n'));
    });
    return result;
}

// RFC 4180: fields separated by commas, records by CRLF, quoted fields may hold commas,
// CR, LF and doubled quotes.
QList<QStringList> parseCsv(const QString& text) {
    QList<QStringList> records;
    QStringList record;
    QString field;
    bool quoted = false;
    for (int i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (quoted) {
            if (c == QLatin1Char('"')) {
                if (i + 1 < text.size() && text[i + 1] == QLatin1Char('"')) {
                    field += QLatin1Char('"');
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                field += c;
            }
        } else if (c == QLatin1Char('"')) {
            quoted = true;
        } else if (c == QLatin1Char(',')) {
            record << field;
            field.clear();
        } else if (c == QLatin1Char('\r') && i + 1 < text.size() && text[i + 1] == QLatin1Char('\n')) {
            record << field;
            field.clear();
            records << record;
            record.clear();
            ++i;
        } else {
            field += c;
        }
    }
    if (!field.isEmpty() || !record.isEmpty()) records << (record << field);
    return records;
}

// The columns of the CSV export as docs/formats.md documents them.
const QStringList kCsvColumns = {
    "worklist_id",        "worklist_name",    "study_instance_uid", "series_instance_uid", "sop_instance_uid",
    "dataset_path",       "dataset_split",    "dataset_index",      "reviewer",            "model_name",
    "model_version",      "model_weights_hash", "tsm_name",         "tsm_version",         "tsm_weights_hash",
    "decision",           "reason",           "text",               "label",               "finding",
    "confidence",         "seconds_spent",    "started_at",         "finished_at",         "blinded",
    "unaided_label",      "unaided_finding",  "unaided_confidence", "unaided_seconds_spent",
    "unaided_started_at", "unaided_finished_at", "ai_snapshot",     "saved_at",            "revision"};

// A refused file gets no -wal or -shm beside it.
bool noSidecarFiles(const QString& file) {
    return !QFileInfo::exists(file + QStringLiteral("-wal")) && !QFileInfo::exists(file + QStringLiteral("-shm"));
}

QString timeText(const QDateTime& time) { return time.toUTC().toString(Qt::ISODateWithMs); }

}  // namespace

class TestReviewStore : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    QString path(const QString& name) const { return dir_.filePath(name); }

    // A database at the current version with `count` reviews in one worklist.
    QString makeDatabase(const QString& name, int count, QString bulkText = {}) {
        const QString file = path(name);
        ReviewStore store = ReviewStore::open(file);
        const Worklist worklist = store.createWorklist(makeWorklist());
        for (int i = 1; i <= count; ++i) {
            Review review = makeReview(worklist.id, i);
            if (!bulkText.isEmpty()) review.text = bulkText;
            store.saveReview(review);
        }
        return file;
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        QVERIFY2(QSqlDatabase::isDriverAvailable(QStringLiteral("QSQLITE")), "install libqt6sql6-sqlite");
    }

    void enumNamesAreStable() {
        const QStringList decisions{"accept", "correct", "reject"};
        for (int i = 0; i < decisions.size(); ++i) {
            QCOMPARE(decisionName(Decision(i)), decisions[i]);
            QCOMPARE(decisionFromName(decisions[i]), Decision(i));
        }
        const QStringList reasons{"none",           "false_finding",  "missed_finding", "wrong_label",
                                  "poor_image_quality", "not_assessable", "other"};
        for (int i = 0; i < reasons.size(); ++i) {
            QCOMPARE(reasonName(Reason(i)), reasons[i]);
            QCOMPARE(reasonFromName(reasons[i]), Reason(i));
        }
        QVERIFY(errorOf([] { reasonFromName(QStringLiteral("bad_vibes")); }).contains(QStringLiteral("wrong_label")));
    }

    void newDatabaseHasTheSchemaInWalMode() {
        const QString file = path(QStringLiteral("new.sqlite"));
        {
            ReviewStore store = ReviewStore::open(file);
            QCOMPARE(store.schemaVersion(), currentReviewSchemaVersion());
            QCOMPARE(store.path(), QFileInfo(file).absoluteFilePath());
            QVERIFY(store.worklists().isEmpty());
        }
        QVERIFY(QSqlDatabase::connectionNames().isEmpty());  // the store removed its connection
        withDatabase(file, [](QSqlDatabase& db) {
            QSqlQuery query(db);
            QVERIFY(query.exec(QStringLiteral("PRAGMA journal_mode")) && query.next());
            QCOMPARE(query.value(0).toString(), QStringLiteral("wal"));
            QVERIFY(query.exec(QStringLiteral("SELECT version FROM schema")) && query.next());
            QCOMPARE(query.value(0).toInt(), 1);
        });
    }

    void defaultPathIsInTheUserDataFolder() {
        qputenv("VITASK_DATA_DIR", QFile::encodeName(path(QStringLiteral("data"))));
        QCOMPARE(ReviewStore::defaultPath(), path(QStringLiteral("data/reviews.sqlite")));
        {
            ReviewStore store = ReviewStore::openDefault();  // creates the folder
            QVERIFY(QFileInfo::exists(path(QStringLiteral("data/reviews.sqlite"))));
        }
        qunsetenv("VITASK_DATA_DIR");
    }

    void savedReviewSurvivesClosingAndReopening() {
        const QString file = path(QStringLiteral("reopen.sqlite"));
        Worklist worklist;
        QList<Review> saved;
        {
            ReviewStore store = ReviewStore::open(file);
            worklist = store.createWorklist(makeWorklist());
            QVERIFY(worklist.id > 0);
            QVERIFY(worklist.createdAt.isValid());
            for (int i = 0; i < 4; ++i) {
                const Review review = makeReview(worklist.id, i);
                const Review stored = store.saveReview(review);
                QVERIFY(sameContent(review, stored));
                QCOMPARE(stored.revision, 1);
                QVERIFY(stored.savedAt.isValid());
                QVERIFY(qAbs(stored.savedAt.secsTo(QDateTime::currentDateTimeUtc())) < 60);
                saved << stored;
            }
        }
        ReviewStore store = ReviewStore::open(file);
        QCOMPARE(store.worklists(), QList<Worklist>{worklist});
        QCOMPARE(store.worklist(worklist.id), std::optional<Worklist>(worklist));
        QVERIFY(!store.worklist(worklist.id + 1));
        QCOMPARE(store.reviews(worklist.id).size(), saved.size());
        for (const Review& expected : saved) {
            const std::optional<Review> back = store.review(expected.caseKey, expected.reviewer);
            QVERIFY(back);
            // Field for field, so that a failure names the field.
            QCOMPARE(back->caseKey, expected.caseKey);
            QCOMPARE(back->reviewer, expected.reviewer);
            QCOMPARE(back->model, expected.model);
            QCOMPARE(back->tsm, expected.tsm);
            QCOMPARE(back->aiSnapshot, expected.aiSnapshot);  // byte for byte, as shown
            QCOMPARE(back->decision, expected.decision);
            QCOMPARE(back->reason, expected.reason);
            QCOMPARE(back->text, expected.text);
            QCOMPARE(back->read.label, expected.read.label);
            QCOMPARE(back->read.finding, expected.read.finding);
            QCOMPARE(back->read.confidence, expected.read.confidence);
            QCOMPARE(back->read.secondsSpent, expected.read.secondsSpent);
            QCOMPARE(back->read.startedAt, expected.read.startedAt);
            QCOMPARE(back->read.finishedAt, expected.read.finishedAt);
            QCOMPARE(back->unaidedRead.has_value(), expected.unaidedRead.has_value());
            QCOMPARE(back->savedAt, expected.savedAt);
            QCOMPARE(back->revision, expected.revision);
            QVERIFY(*back == expected);
        }
        QCOMPARE(store.reviews(worklist.id), saved);
        QVERIFY(!store.review(makeReview(worklist.id, 0).caseKey, QStringLiteral("Someone Else")));
        QVERIFY(store.reviews(worklist.id + 1).isEmpty());
    }

    void saveReplacesTheReviewOfTheSameCaseAndReviewer() {
        ReviewStore store = ReviewStore::open(path(QStringLiteral("upsert.sqlite")));
        const Worklist worklist = store.createWorklist(makeWorklist());
        Review first = makeReview(worklist.id, 1);
        first.unaidedRead = Read{QStringLiteral("normal"), {}, 3, 5.0, ui::test::fixtureTime(0), ui::test::fixtureTime(1)};
        store.saveReview(first);
        Review second = makeReview(worklist.id, 2);
        second.caseKey = first.caseKey;
        second.unaidedRead.reset();
        second.text = QStringLiteral("changed my mind");
        const Review stored = store.saveReview(second);
        QCOMPARE(stored.revision, 2);
        const QList<Review> all = store.reviews(worklist.id);
        QCOMPARE(all.size(), 1);
        QCOMPARE(all.first(), stored);
        QVERIFY(!all.first().unaidedRead);  // replaced, not merged
        QCOMPARE(all.first().decision, second.decision);

        // Another reviewer of the same case is another review.
        Review other = second;
        other.reviewer = QStringLiteral("Dr. Second");
        QCOMPARE(store.saveReview(other).revision, 1);
        QCOMPARE(store.reviews(worklist.id).size(), 2);
        // The same image in another worklist is another case.
        const Worklist again = store.createWorklist(makeWorklist(QStringLiteral("second pass")));
        other.caseKey.worklistId = again.id;
        QCOMPARE(store.saveReview(other).revision, 1);
        QCOMPARE(store.reviews(worklist.id).size(), 2);
        QCOMPARE(store.reviews(again.id).size(), 1);
        QCOMPARE(store.worklists().size(), 2);
    }

    void worklistCasesAndAiAnswersSurviveReopening() {
        const QString file = path(QStringLiteral("cases.sqlite"));
        Worklist made;
        QList<WorklistCase> added;
        {
            ReviewStore store = ReviewStore::open(file);
            Worklist settings = makeWorklist();
            settings.modelFolder = QStringLiteral("/models/vitask-demo/final");
            settings.tsmSource = QStringLiteral("demo_resnet10");
            settings.question = QStringLiteral("Is there a nodule?");
            settings.task = QStringLiteral("{\"name\": \"chest\", \"labels\": [\"normal\", \"nodule\"]}");
            settings.split = QStringLiteral("test");
            settings.blinded = true;
            made = store.createWorklist(settings);
            QList<WorklistCase> cases;
            for (int i = 0; i < 3; ++i) {
                WorklistCase c;
                c.position = i;
                c.key = makeReview(made.id, i).caseKey;
                c.file = QStringLiteral("/data/case%1.dcm").arg(i);
                c.slice = i;
                c.title = QStringLiteral("CR \u00b7 case %1").arg(i);
                c.groundTruth = i == 1 ? QStringLiteral("nodule") : QString();
                cases << c;
            }
            added = store.addCases(made.id, cases);
            QCOMPARE(added.size(), 3);
            QVERIFY(added[0].id > 0 && added[1].id == added[0].id + 1);
            const QDateTime answeredAt =
                store.saveAiAnswer(added[1].id, QStringLiteral("{\"answer\": \"nodule\"}"));
            QVERIFY(answeredAt.isValid());
            store.saveAiAnswer(added[2].id, {}, QStringLiteral("cannot read /data/case2.dcm"));
            // A second position 0, an answer that is not an object, an unknown case: refused.
            QVERIFY(!errorOf([&] { store.addCases(made.id, {cases[0]}); }).isEmpty());
            QVERIFY(errorOf([&] { store.saveAiAnswer(added[0].id, QStringLiteral("[1, 2]")); })
                        .contains(QStringLiteral("not a JSON object")));
            QVERIFY(errorOf([&] { store.saveAiAnswer(999, QStringLiteral("{}")); })
                        .contains(QStringLiteral("no case 999")));
        }
        ReviewStore store = ReviewStore::open(file);
        QCOMPARE(*store.worklist(made.id), made);
        const QList<WorklistCase> read = store.cases(made.id);
        QCOMPARE(read.size(), 3);
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(read[i].id, added[i].id);
            QCOMPARE(read[i].position, i);
            QCOMPARE(read[i].key, added[i].key);
            QCOMPARE(read[i].file, added[i].file);
            QCOMPARE(read[i].slice, i);
            QCOMPARE(read[i].title, added[i].title);
            QCOMPARE(read[i].groundTruth, added[i].groundTruth);
        }
        QVERIFY(!read[0].answered());
        QCOMPARE(read[1].aiAnswer, QStringLiteral("{\"answer\": \"nodule\"}"));
        QVERIFY(read[1].answeredAt.isValid() && read[1].aiError.isEmpty());
        QCOMPARE(read[2].aiError, QStringLiteral("cannot read /data/case2.dcm"));
        QVERIFY(read[2].answered());
    }

    void summaryCountsAgreementAccuracyAndReaderChanges() {
        // Four dataset cases, ground truth nodule, normal, nodule, (none); the AI says
        // nodule/nodule, nodule/normal, normal/normal, nodule/- (VLM/TSM); case 3 unanswered.
        const char* truths[] = {"nodule", "normal", "nodule", ""};
        const char* vlm[] = {"nodule", "nodule", "normal", "nodule"};
        const char* tsm[] = {"nodule", "normal", "normal", ""};
        QList<WorklistCase> cases;
        for (int i = 0; i < 4; ++i) {
            WorklistCase c;
            c.position = i;
            c.key = makeReview(1, 2 * i + 1).caseKey;  // odd: dataset samples
            c.groundTruth = QString::fromLatin1(truths[i]);
            if (i < 3)
                c.aiAnswer = QStringLiteral("{\"vlm_label\": \"%1\", \"tsm_label\": \"%2\"}")
                                 .arg(QLatin1String(vlm[i]), QLatin1String(tsm[i]));
            cases << c;
        }
        const auto review = [&](int i, Decision decision, const QString& label, std::optional<QString> unaided,
                                double seconds) {
            Review r = makeReview(1, 2 * i + 1);
            r.aiSnapshot = QStringLiteral("{\"vlm_label\": \"%1\", \"tsm_label\": \"%2\"}")
                               .arg(QLatin1String(vlm[i]), QLatin1String(tsm[i]));
            r.decision = decision;
            r.reason = decision == Decision::Accept ? Reason::None : Reason::WrongLabel;
            r.read.label = label;
            r.read.secondsSpent = seconds;
            r.unaidedRead.reset();
            if (unaided) {
                Read u;
                u.label = *unaided;
                u.secondsSpent = 2 * seconds;
                r.unaidedRead = u;
            }
            return r;
        };
        QList<Review> reviews = {
            review(0, Decision::Accept, {}, QStringLiteral("normal"), 10),        // final nodule: right, changed to right
            review(1, Decision::Correct, QStringLiteral("normal"), QStringLiteral("normal"), 20),  // right, unchanged
            review(2, Decision::Accept, {}, QStringLiteral("nodule"), 40),        // final normal: wrong, changed to wrong
        };
        Review other = review(0, Decision::Reject, QStringLiteral("normal"), std::nullopt, 5);
        other.reviewer = QStringLiteral("Dr. Second");
        reviews << other;

        const WorklistSummary s = summarizeWorklist(cases, reviews, QStringLiteral("Dr. Reader"));
        QCOMPARE(s.cases, 4);
        QCOMPARE(s.answered, 3);
        QCOMPARE(s.reviewed, 3);
        QCOMPARE(s.accepted, 2);
        QCOMPARE(s.corrected, 1);
        QCOMPARE(s.rejected, 0);
        QCOMPARE(s.reasons.value(QStringLiteral("wrong_label")), 1);
        QCOMPARE(s.agreesWithVlm.hits, 2);   // cases 0 and 2 accepted; case 1 corrected away
        QCOMPARE(s.agreesWithVlm.total, 3);
        QCOMPARE(s.agreesWithTsm.hits, 3);   // nodule/nodule, normal/normal, normal/normal
        QCOMPARE(s.vlmCorrect.hits, 1);      // case 0 only
        QCOMPARE(s.vlmCorrect.total, 3);
        QCOMPARE(s.tsmCorrect.hits, 2);      // cases 0 and 1
        QCOMPARE(s.reviewerCorrect.hits, 2);
        QCOMPARE(s.reviewerCorrect.total, 3);
        QCOMPARE(s.secondsTotal, 70.0);
        QCOMPARE(s.secondsMedian, 20.0);
        QCOMPARE(s.blinded, 3);
        QCOMPARE(s.unaidedCorrect.hits, 2);  // normal (case 1) and nodule (case 2)... case 0 wrong
        QCOMPARE(s.aidedCorrect.hits, 2);
        QCOMPARE(s.changed, 2);
        QCOMPARE(s.changedToCorrect, 1);
        QCOMPARE(s.changedToWrong, 1);
        QCOMPARE(s.unaidedSecondsMean, 140.0 / 3);
        // Every reviewer: the second reader's rejection counts too.
        QCOMPARE(summarizeWorklist(cases, reviews).reviewed, 4);
        QVERIFY(sameLabel(QStringLiteral("b|A"), QStringLiteral(" a | b")));
        QVERIFY(!sameLabel(QString(), QString()));
    }

    void unaidedReadIsCommittedAndJoinsTheReview() {
        const QString file = path(QStringLiteral("unaided.sqlite"));
        Review review = makeReview(0, 3);  // has an unaided read
        {
            ReviewStore store = ReviewStore::open(file);
            review.caseKey.worklistId = store.createWorklist(makeWorklist()).id;
            store.saveUnaidedRead(review.caseKey, review.reviewer, *review.unaidedRead);
            QVERIFY(!store.unaidedRead(review.caseKey, QStringLiteral("Dr. Other")));
            Read bad = *review.unaidedRead;
            bad.confidence = 9;
            QVERIFY(errorOf([&] { store.saveUnaidedRead(review.caseKey, review.reviewer, bad); })
                        .contains(QStringLiteral("confidence")));
        }
        ReviewStore store = ReviewStore::open(file);  // survives closing
        QCOMPARE(store.unaidedRead(review.caseKey, review.reviewer), review.unaidedRead);
        store.saveReview(review);
        QVERIFY(!store.unaidedRead(review.caseKey, review.reviewer));  // the review holds it now
        QCOMPARE(store.review(review.caseKey, review.reviewer)->unaidedRead, review.unaidedRead);
    }

    void blindedModeKeepsBothReadsAndTimes() {
        const QString file = path(QStringLiteral("blinded.sqlite"));
        Review expected;
        {
            ReviewStore store = ReviewStore::open(file);
            const Worklist worklist = store.createWorklist(makeWorklist(QStringLiteral("reader study")));
            Review review = makeReview(worklist.id, 4);  // correct: aided label "normal"
            review.unaidedRead = Read{QStringLiteral("nodule"), QStringLiteral("small nodule, right upper lobe"), 2,
                                      41.75, ui::test::fixtureTime(10, 1), ui::test::fixtureTime(11, 2)};
            review.read.secondsSpent = 8.5;
            review.read.startedAt = ui::test::fixtureTime(11, 3);
            review.read.finishedAt = ui::test::fixtureTime(11, 999);
            expected = store.saveReview(review);
        }
        ReviewStore store = ReviewStore::open(file);
        const auto back = store.review(expected.caseKey, expected.reviewer);
        QVERIFY(back && back->unaidedRead);
        QCOMPARE(*back->unaidedRead, *expected.unaidedRead);
        QCOMPARE(back->unaidedRead->secondsSpent, 41.75);
        QCOMPARE(back->unaidedRead->startedAt, ui::test::fixtureTime(10, 1));
        QCOMPARE(back->read.label, QStringLiteral("normal"));
        QCOMPARE(back->read.secondsSpent, 8.5);
        QCOMPARE(back->read.finishedAt, ui::test::fixtureTime(11, 999));
        QCOMPARE(*back, expected);
    }

    void invalidReviewsAreRefusedAndNothingIsSaved() {
        ReviewStore store = ReviewStore::open(path(QStringLiteral("invalid.sqlite")));
        const Worklist worklist = store.createWorklist(makeWorklist());
        const Review good = makeReview(worklist.id, 1);
        const auto refused = [&](const char* what, const std::function<void(Review&)>& change, const char* expected) {
            Review review = good;
            change(review);
            const QString message = errorOf([&] { store.saveReview(review); });
            QVERIFY2(message.contains(QLatin1String(expected)), qPrintable(QLatin1String(what) + ": " + message));
            QVERIFY2(!message.contains(QStringLiteral("synth_chest_xray")), "no case identity in the message");
        };
        refused("no reviewer", [](Review& r) { r.reviewer = QStringLiteral("  "); }, "reviewer");
        refused("no case", [](Review& r) { r.caseKey.datasetPath.clear(); }, "case");
        refused("both identities", [](Review& r) { r.caseKey.studyInstanceUid = QStringLiteral("1.2.3"); }, "case");
        refused("SOP without series",
                [](Review& r) {
                    r.caseKey.datasetPath.clear();
                    r.caseKey.datasetSplit.clear();
                    r.caseKey.datasetIndex = -1;
                    r.caseKey.studyInstanceUid = QStringLiteral("1.2");
                    r.caseKey.sopInstanceUid = QStringLiteral("1.2.3.4");
                },
                "case");
        refused("snapshot", [](Review& r) { r.aiSnapshot = QStringLiteral("{\"answer\": "); }, "JSON");
        refused("confidence", [](Review& r) { r.read.confidence = 7; }, "confidence");
        refused("unaided time", [](Review& r) { r.unaidedRead = Read{}; r.unaidedRead->secondsSpent = -1; }, "unaided");
        refused("accept with reason",
                [](Review& r) {
                    r.decision = Decision::Accept;
                    r.reason = Reason::Other;
                },
                "reason");
        refused("empty correction",
                [](Review& r) {
                    r.decision = Decision::Correct;
                    r.read.label.clear();
                    r.read.finding.clear();
                },
                "label");
        refused("unknown worklist", [](Review& r) { r.caseKey.worklistId = 4242; }, "no worklist 4242");
        QVERIFY(store.reviews(worklist.id).isEmpty());
        QVERIFY(errorOf([&] { store.createWorklist(Worklist{}); }).contains(QStringLiteral("name")));
        QCOMPARE(store.saveReview(good).revision, 1);  // the store still works
    }

    void twoStoresOnOneFile() {
        const QString file = path(QStringLiteral("shared.sqlite"));
        ReviewStore first = ReviewStore::open(file);
        ReviewStore second = ReviewStore::open(file);
        const Worklist worklist = first.createWorklist(makeWorklist());
        first.saveReview(makeReview(worklist.id, 1));
        QCOMPARE(second.reviews(worklist.id).size(), 1);
        second.saveReview(makeReview(worklist.id, 2));
        QCOMPARE(first.reviews(worklist.id).size(), 2);
        ReviewStore moved = std::move(first);
        QCOMPARE(moved.reviews(worklist.id).size(), 2);
    }

    void csvAndJsonExportsRoundTrip() {
        ReviewStore store = ReviewStore::open(path(QStringLiteral("export.sqlite")));
        const Worklist worklist = store.createWorklist(makeWorklist(QStringLiteral("export, \"v1\"")));
        QList<Review> saved;
        for (int i = 0; i < 4; ++i) {
            Review review = makeReview(worklist.id, i);
            if (i == 1) review.text = QStringLiteral("commas, \"quotes\" and\r\nCRLF\nLF lines, trailing quote\"");
            if (i == 2) review.aiSnapshot.clear();
            saved << store.saveReview(review);
        }
        const QString csvPath = path(QStringLiteral("export.csv"));
        const QString jsonPath = path(QStringLiteral("export.json"));
        store.exportCsv(worklist.id, csvPath);
        store.exportJson(worklist.id, jsonPath);

        const QList<QStringList> rows = parseCsv(QString::fromUtf8(fileBytes(csvPath)));
        QCOMPARE(rows.size(), 1 + saved.size());
        QCOMPARE(rows[0], kCsvColumns);
        QCOMPARE(reviewCsvColumns(), kCsvColumns);
        for (int i = 0; i < saved.size(); ++i) {
            const Review& review = saved[i];
            QStringList row = rows[i + 1];
            QCOMPARE(row.size(), kCsvColumns.size());
            const auto field = [&](const char* column) { return row[kCsvColumns.indexOf(QLatin1String(column))]; };
            QCOMPARE(field("worklist_id"), QString::number(worklist.id));
            QCOMPARE(field("worklist_name"), worklist.name);
            QCOMPARE(field("study_instance_uid"), review.caseKey.studyInstanceUid);
            QCOMPARE(field("dataset_index"), review.caseKey.isDicom() ? QString() : QString::number(review.caseKey.datasetIndex));
            QCOMPARE(field("reviewer"), review.reviewer);
            QCOMPARE(field("model_weights_hash"), review.model.weightsHash);
            QCOMPARE(field("decision"), decisionName(review.decision));
            QCOMPARE(field("reason"), reasonName(review.reason));
            QCOMPARE(field("text"), review.text);
            QCOMPARE(field("label"), review.read.label);
            QCOMPARE(field("confidence"), QString::number(review.read.confidence));
            QCOMPARE(field("seconds_spent").toDouble(), review.read.secondsSpent);
            QCOMPARE(field("started_at"), timeText(review.read.startedAt));
            QCOMPARE(field("blinded"), review.unaidedRead ? QStringLiteral("true") : QStringLiteral("false"));
            QCOMPARE(field("unaided_label"), review.unaidedRead ? review.unaidedRead->label : QString());
            QCOMPARE(field("unaided_seconds_spent"),
                     review.unaidedRead ? QString::number(review.unaidedRead->secondsSpent) : QString());
            QCOMPARE(field("ai_snapshot"), review.aiSnapshot);
            QCOMPARE(field("saved_at"), timeText(review.savedAt));
            QCOMPARE(field("revision"), QStringLiteral("1"));
        }

        QJsonParseError error{};
        const QJsonDocument document = QJsonDocument::fromJson(fileBytes(jsonPath), &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        QVERIFY(document.isArray());
        const QJsonArray array = document.array();
        QCOMPARE(array.size(), saved.size());
        const QStringList keys{"ai",           "case",   "decision", "model",    "read",     "reason",
                               "reviewer",     "revision", "saved_at", "text",   "tsm",      "unaided_read",
                               "worklist_id",  "worklist_name"};
        for (int i = 0; i < saved.size(); ++i) {
            const Review& review = saved[i];
            const QJsonObject object = array[i].toObject();
            QStringList objectKeys = object.keys();
            objectKeys.sort();
            QStringList expectedKeys = keys;
            expectedKeys.sort();
            QCOMPARE(objectKeys, expectedKeys);
            QCOMPARE(object["worklist_id"].toInteger(), worklist.id);
            QCOMPARE(object["worklist_name"].toString(), worklist.name);
            const QJsonObject caseObject = object["case"].toObject();
            QCOMPARE(caseObject["study_instance_uid"].toString(), review.caseKey.studyInstanceUid);
            QCOMPARE(caseObject["series_instance_uid"].toString(), review.caseKey.seriesInstanceUid);
            QCOMPARE(caseObject["sop_instance_uid"].toString(), review.caseKey.sopInstanceUid);
            QCOMPARE(caseObject["dataset_path"].toString(), review.caseKey.datasetPath);
            QCOMPARE(caseObject["dataset_split"].toString(), review.caseKey.datasetSplit);
            if (review.caseKey.isDicom())
                QVERIFY(caseObject["dataset_index"].isNull());
            else
                QCOMPARE(caseObject["dataset_index"].toInteger(), review.caseKey.datasetIndex);
            QCOMPARE(object["reviewer"].toString(), review.reviewer);
            QCOMPARE(object["model"].toObject()["weights_hash"].toString(), review.model.weightsHash);
            QCOMPARE(object["tsm"].toObject()["name"].toString(), review.tsm.name);
            if (review.aiSnapshot.isEmpty())
                QVERIFY(object["ai"].isNull());
            else
                QCOMPARE(object["ai"].toObject(), QJsonDocument::fromJson(review.aiSnapshot.toUtf8()).object());
            QCOMPARE(object["decision"].toString(), decisionName(review.decision));
            QCOMPARE(object["reason"].toString(), reasonName(review.reason));
            QCOMPARE(object["text"].toString(), review.text);
            const QJsonObject read = object["read"].toObject();
            QCOMPARE(read["label"].toString(), review.read.label);
            QCOMPARE(read["finding"].toString(), review.read.finding);
            QCOMPARE(read["confidence"].toInt(), review.read.confidence);
            QCOMPARE(read["seconds_spent"].toDouble(), review.read.secondsSpent);
            QCOMPARE(read["started_at"].toString(), timeText(review.read.startedAt));
            QCOMPARE(read["finished_at"].toString(), timeText(review.read.finishedAt));
            if (review.unaidedRead) {
                const QJsonObject unaided = object["unaided_read"].toObject();
                QCOMPARE(unaided["label"].toString(), review.unaidedRead->label);
                QCOMPARE(unaided["seconds_spent"].toDouble(), review.unaidedRead->secondsSpent);
                QCOMPARE(unaided["finished_at"].toString(), timeText(review.unaidedRead->finishedAt));
            } else {
                QVERIFY(object["unaided_read"].isNull());
            }
            QCOMPARE(object["saved_at"].toString(), timeText(review.savedAt));
            QCOMPARE(object["revision"].toInt(), 1);
        }

        // An unknown worklist, and a folder that does not exist: errors, no file.
        QVERIFY(errorOf([&] { store.exportCsv(999, path(QStringLiteral("none.csv"))); }).contains(QStringLiteral("999")));
        QVERIFY(!QFileInfo::exists(path(QStringLiteral("none.csv"))));
        QVERIFY(!errorOf([&] { store.exportJson(worklist.id, path(QStringLiteral("missing/x.json"))); }).isEmpty());
        // An empty worklist exports a header / an empty array.
        const Worklist empty = store.createWorklist(makeWorklist(QStringLiteral("empty")));
        store.exportCsv(empty.id, csvPath);
        QCOMPARE(parseCsv(QString::fromUtf8(fileBytes(csvPath))), QList<QStringList>{kCsvColumns});
        store.exportJson(empty.id, jsonPath);
        QCOMPARE(QJsonDocument::fromJson(fileBytes(jsonPath)).array().size(), 0);
    }

    void migratesAVersion1File() {
        // A version-1 file written by hand, as a build with schema 1 leaves it.
        const QString file = path(QStringLiteral("v1.sqlite"));
        withDatabase(file, [](QSqlDatabase& db) {
            execOrFail(db, QStringLiteral("PRAGMA journal_mode = WAL"));
            for (const QString& statement : reviewMigrations().front().statements) execOrFail(db, statement);
            execOrFail(db, QStringLiteral("INSERT INTO schema VALUES (1, '2024-05-01T09:00:00.000Z')"));
            execOrFail(db, QStringLiteral("INSERT INTO worklists (id, name, created_at) "
                                          "VALUES (7, 'old', '2024-05-01T09:00:00.000Z')"));
            execOrFail(db, QStringLiteral("INSERT INTO reviews (worklist_id, study_instance_uid, reviewer, decision, "
                                          "reason, label, confidence, seconds_spent, saved_at) VALUES (7, '1.2.3', "
                                          "'Dr. Old', 'correct', 'wrong_label', 'normal', 4, 9.5, "
                                          "'2024-05-01T09:10:00.000Z')"));
        });
        CaseKey key;
        key.worklistId = 7;
        key.studyInstanceUid = QStringLiteral("1.2.3");
        {
            ReviewStore store = ReviewStore::open(file);  // current: nothing or more to apply
            QCOMPARE(store.schemaVersion(), currentReviewSchemaVersion());
            const auto review = store.review(key, QStringLiteral("Dr. Old"));
            QVERIFY(review);
            QCOMPARE(review->decision, Decision::Correct);
            QCOMPARE(review->reason, Reason::WrongLabel);
            QCOMPARE(review->read.label, QStringLiteral("normal"));
            QCOMPARE(review->read.secondsSpent, 9.5);
            QCOMPARE(review->revision, 1);
            // Version 2's columns and table, with their defaults for the old worklist.
            const auto old = store.worklist(7);
            QVERIFY(old);
            QCOMPARE(old->name, QStringLiteral("old"));
            QVERIFY(old->question.isEmpty() && old->modelFolder.isEmpty() && !old->blinded);
            QVERIFY(store.cases(7).isEmpty());
        }

        // A version this build does not have yet: one more entry in the list.
        std::vector<ReviewMigration> withNextVersion = reviewMigrations();
        withNextVersion.push_back({int(withNextVersion.size()) + 1, QStringLiteral("a test column"),
                                {QStringLiteral("ALTER TABLE reviews ADD COLUMN test_note TEXT NOT NULL DEFAULT 'new'"),
                                 QStringLiteral("CREATE INDEX reviews_by_reviewer ON reviews (reviewer)")}});
        const int next = withNextVersion.back().version;
        {
            ReviewStore store = ReviewStore::open(file, withNextVersion);
            QCOMPARE(store.schemaVersion(), next);
            QVERIFY(store.review(key, QStringLiteral("Dr. Old")));  // the data came along
            Review added = makeReview(7, 1);
            QCOMPARE(store.saveReview(added).revision, 1);  // and the store still writes
        }
        withDatabase(file, [&](QSqlDatabase& db) {
            QSqlQuery query(db);
            QVERIFY(query.exec(QStringLiteral("SELECT version FROM schema ORDER BY version")));
            QList<int> versions;
            while (query.next()) versions << query.value(0).toInt();
            QList<int> expected;
            for (int v = 1; v <= next; ++v) expected << v;
            QCOMPARE(versions, expected);
            QVERIFY(query.exec(QStringLiteral("SELECT test_note FROM reviews WHERE reviewer = 'Dr. Old'")) && query.next());
            QCOMPARE(query.value(0).toString(), QStringLiteral("new"));
        });
        // Opened again with this build's list, the file is from the future: refused.
        const QByteArray before = fileBytes(file);
        const QString message = errorOf([&] { ReviewStore::open(file); });
        QVERIFY2(message.contains(QStringLiteral("schema version %1").arg(next)), qPrintable(message));
        QCOMPARE(fileBytes(file), before);
        QVERIFY(noSidecarFiles(file));
    }

    void failedMigrationLeavesTheOldVersion() {
        const QString file = makeDatabase(QStringLiteral("failed_migration.sqlite"), 2);
        std::vector<ReviewMigration> broken = reviewMigrations();
        broken.push_back({int(broken.size()) + 1, QStringLiteral("broken"),
                          {QStringLiteral("CREATE TABLE half_done (x INTEGER)"), QStringLiteral("THIS IS NOT SQL")}});
        const QString message = errorOf([&] { ReviewStore::open(file, broken); });
        QVERIFY2(message.contains(QStringLiteral("schema version %1").arg(broken.back().version)), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("left at version %1").arg(currentReviewSchemaVersion())),
                 qPrintable(message));
        ReviewStore store = ReviewStore::open(file);
        QCOMPARE(store.schemaVersion(), currentReviewSchemaVersion());
        QCOMPARE(store.reviews(store.worklists().first().id).size(), 2);
        withDatabase(file, [](QSqlDatabase& db) { QVERIFY(!db.tables().contains(QStringLiteral("half_done"))); });

        // A step that leaves a review without its worklist is refused by the foreign-key check.
        std::vector<ReviewMigration> dangling = reviewMigrations();
        dangling.push_back({int(dangling.size()) + 1, QStringLiteral("dangling"),
                            {QStringLiteral("INSERT INTO reviews (worklist_id, study_instance_uid, reviewer, decision, "
                                            "saved_at) VALUES (12345, '9.9', 'x', 'accept', '2024-05-01T09:00:00.000Z')")}});
        const QString keys = errorOf([&] { ReviewStore::open(file, dangling); });
        QVERIFY2(keys.contains(QStringLiteral("does not exist")), qPrintable(keys));
        QCOMPARE(store.reviews(store.worklists().first().id).size(), 2);
        withDatabase(file, [](QSqlDatabase& db) {
            QSqlQuery query(db);
            QVERIFY(query.exec(QStringLiteral("SELECT COUNT(*) FROM reviews WHERE worklist_id = 12345")) && query.next());
            QCOMPARE(query.value(0).toInt(), 0);
        });
    }

    void newerSchemaIsRefusedUntouched() {
        const QString file = makeDatabase(QStringLiteral("newer.sqlite"), 3);
        withDatabase(file, [](QSqlDatabase& db) {
            execOrFail(db, QStringLiteral("INSERT INTO schema VALUES (999, '2031-01-01T00:00:00.000Z')"));
        });
        const QByteArray before = fileBytes(file);
        QVERIFY(!before.isEmpty());
        const QString message = errorOf([&] { ReviewStore::open(file); });
        QVERIFY2(message.contains(QStringLiteral("newer")), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("999")), qPrintable(message));
        QVERIFY2(message.contains(QFileInfo(file).absoluteFilePath()), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("not been modified")), qPrintable(message));
        QCOMPARE(fileBytes(file), before);
        QVERIFY(noSidecarFiles(file));
        QVERIFY(QSqlDatabase::connectionNames().isEmpty());
    }

    void foreignFilesAreRefusedUntouched() {
        // Not SQLite at all.
        const QString garbage = path(QStringLiteral("garbage.sqlite"));
        QByteArray noise;
        for (int i = 0; i < 8192; ++i) noise.append(char((i * 7919 + 13) % 251));
        writeBytes(garbage, noise);
        QString message = errorOf([&] { ReviewStore::open(garbage); });
        QVERIFY2(message.contains(QStringLiteral("not an SQLite database")), qPrintable(message));
        QVERIFY2(message.contains(garbage), qPrintable(message));
        QCOMPARE(fileBytes(garbage), noise);

        // Too short to be SQLite.
        const QString tiny = path(QStringLiteral("tiny.sqlite"));
        writeBytes(tiny, QByteArray("SQLite"));
        QVERIFY(errorOf([&] { ReviewStore::open(tiny); }).contains(QStringLiteral("not an SQLite database")));
        QCOMPARE(fileBytes(tiny), QByteArray("SQLite"));

        // SQLite, but someone else's.
        const QString other = path(QStringLiteral("other.sqlite"));
        withDatabase(other, [](QSqlDatabase& db) { execOrFail(db, QStringLiteral("CREATE TABLE contacts (name TEXT)")); });
        const QByteArray before = fileBytes(other);
        message = errorOf([&] { ReviewStore::open(other); });
        QVERIFY2(message.contains(QStringLiteral("not a VITask review database")), qPrintable(message));
        QCOMPARE(fileBytes(other), before);
    }

    void damagedDatabaseIsRefusedUntouched() {
        const QString bulk = QString(3000, QLatin1Char('x'));
        // Truncated to half: the pages past the end are gone.
        const QString truncated = makeDatabase(QStringLiteral("truncated.sqlite"), 40, bulk);
        QByteArray bytes = fileBytes(truncated);
        QVERIFY(bytes.size() > 64 * 1024);
        bytes.truncate(bytes.size() / 2);
        writeBytes(truncated, bytes);
        QString message = errorOf([&] { ReviewStore::open(truncated); });
        QVERIFY2(message.contains(QStringLiteral("damaged")), qPrintable(message));
        QVERIFY2(message.contains(truncated), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("not been modified")), qPrintable(message));
        QCOMPARE(fileBytes(truncated), bytes);
        QVERIFY(noSidecarFiles(truncated));

        // Pages in the middle overwritten with garbage, the header intact.
        const QString scribbled = makeDatabase(QStringLiteral("scribbled.sqlite"), 40, bulk);
        bytes = fileBytes(scribbled);
        for (int i = 8192; i < 8192 + 3 * 4096; ++i) bytes[i] = char((i * 31 + 7) % 256);
        writeBytes(scribbled, bytes);
        message = errorOf([&] { ReviewStore::open(scribbled); });
        QVERIFY2(message.contains(QStringLiteral("damaged")), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("integrity check")), qPrintable(message));
        QVERIFY2(!message.contains(QStringLiteral("***")), qPrintable(message));
        QCOMPARE(fileBytes(scribbled), bytes);
        QVERIFY(noSidecarFiles(scribbled));
        QVERIFY(QSqlDatabase::connectionNames().isEmpty());
    }

    void unwritablePlacesAreRefused() {
        // Tests run as root, whom permissions do not stop: a path under a regular file and
        // a path in /proc cannot be written by anyone.
        const QString file = path(QStringLiteral("plain_file"));
        writeBytes(file, QByteArray("not a folder"));
        QString message = errorOf([&] { ReviewStore::open(file + QStringLiteral("/reviews.sqlite")); });
        QVERIFY2(message.contains(QStringLiteral("is a file, not a folder")), qPrintable(message));
        message = errorOf([&] { ReviewStore::open(QStringLiteral("/proc/vitask-reviews.sqlite")); });
        QVERIFY2(message.contains(QStringLiteral("/proc/vitask-reviews.sqlite")), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("not writable")), qPrintable(message));
        message = errorOf([&] { ReviewStore::open(path(QStringLiteral("no/such/folder/reviews.sqlite"))); });
        QVERIFY2(message.contains(QStringLiteral("does not exist")), qPrintable(message));
        QVERIFY(!QFileInfo::exists(path(QStringLiteral("no"))));
        message = errorOf([&] { ReviewStore::open(dir_.path()); });
        QVERIFY2(message.contains(QStringLiteral("is a folder")), qPrintable(message));
        QVERIFY(QSqlDatabase::connectionNames().isEmpty());
    }

    void killedWriterLosesNothing_data() {
        QTest::addColumn<int>("count");
        QTest::addColumn<int>("killAfter");
        QTest::newRow("killed while waiting") << 3 << 3;
        QTest::newRow("killed while saving") << 0 << 25;
    }
    void killedWriterLosesNothing() {
        QFETCH(int, count);
        QFETCH(int, killAfter);
        const QString writer = qEnvironmentVariable("VITASK_REVIEW_STORE_WRITER");
        QVERIFY2(QFileInfo::exists(writer), "VITASK_REVIEW_STORE_WRITER: run through ctest");
        const QString file = path(QStringLiteral("killed_%1.sqlite").arg(count));

        QProcess process;
        process.setProcessChannelMode(QProcess::SeparateChannels);
        process.start(writer, {file, QString::number(count)});
        QVERIFY(process.waitForStarted());
        const QByteArray target = "saved " + QByteArray::number(killAfter) + "\n";
        QByteArray output;
        QElapsedTimer timer;
        timer.start();
        while (!output.contains(target) && timer.elapsed() < 60000) {
            if (process.state() != QProcess::Running)
                QFAIL(qPrintable(QStringLiteral("writer ended: ") + QString::fromUtf8(process.readAllStandardError())));
            process.waitForReadyRead(1000);
            output += process.readAllStandardOutput();
        }
        QVERIFY2(output.contains(target), output.constData());
        process.kill();  // SIGKILL: no destructor, no close, no checkpoint
        QVERIFY(process.waitForFinished(10000));
        QCOMPARE(process.exitStatus(), QProcess::CrashExit);
        output += process.readAllStandardOutput();
        int lastSaved = 0;
        for (const QByteArray& line : output.split('\n'))
            if (line.startsWith("saved ")) lastSaved = line.mid(6).toInt();
        QVERIFY(lastSaved >= killAfter);
        QVERIFY(QFileInfo::exists(file + QStringLiteral("-wal")));  // the commits live in the WAL

        QCOMPARE(integrityCheck(file), QStringLiteral("ok"));
        ReviewStore store = ReviewStore::open(file);
        const QList<Worklist> worklists = store.worklists();
        QCOMPARE(worklists.size(), 1);
        const QList<Review> reviews = store.reviews(worklists.first().id);
        // Every review the writer reported is there, whole; at most the one in flight more.
        QVERIFY(reviews.size() >= lastSaved && reviews.size() <= lastSaved + 1);
        if (count > 0) QCOMPARE(reviews.size(), count);
        for (int i = 1; i <= reviews.size(); ++i) {
            const Review expected = makeReview(worklists.first().id, i);
            QVERIFY2(sameContent(reviews[i - 1], expected), qPrintable(QStringLiteral("review %1").arg(i)));
            QCOMPARE(reviews[i - 1].revision, 1);
        }
        QCOMPARE(integrityCheck(file), QStringLiteral("ok"));
    }
};

QTEST_GUILESS_MAIN(TestReviewStore)
#include "test_review_store.moc"

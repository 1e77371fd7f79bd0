#include "vitask/ui/review_store/review_store.h"

#include "vitask/ui/review_store/review_export.h"

#include "vitask/common/atomic_file.h"
#include "vitask/common/error.h"
#include "vitask/common/user_paths.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <string>
#include <type_traits>

namespace vitask::ui {
namespace {

const QString kDriver = QStringLiteral("QSQLITE");
// How long a write waits for another connection's write (another studio on the same
// file) before it fails.
const QString kBusyTimeout = QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000");
const char* const kUntouched = "The file has not been modified.";

std::string text(const QString& value) { return value.toStdString(); }

// The reason a query failed, from SQLite (never a bound value).
std::string sqlError(const QSqlError& error) {
    QString message = error.databaseText();
    if (message.isEmpty()) message = error.driverText();
    return text(message);
}

QVariant timeValue(const QDateTime& time) {
    return time.isValid() ? QVariant(time.toUTC().toString(Qt::ISODateWithMs)) : QVariant();
}
QDateTime timeFrom(const QVariant& value) {
    if (value.isNull()) return {};
    QDateTime time = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    return time.isValid() ? time.toUTC() : QDateTime();
}
// Now, in UTC, at the millisecond precision the database keeps.
QDateTime now() { return timeFrom(timeValue(QDateTime::currentDateTimeUtc())); }

// One Qt SQL connection with a name of its own, closed and removed on destruction. Qt SQL
// connections belong to the thread that made them; names must be unique per process.
class Connection {
public:
    Connection(const QString& path, bool readOnly) : name_(newName()) {
        db_ = QSqlDatabase::addDatabase(kDriver, name_);
        if (!db_.isValid()) {
            release();
            throw Error("Qt's SQLite driver (QSQLITE) is not available", text(path),
                        "Install the Qt 6 SQLite plug-in (Debian: libqt6sql6-sqlite).");
        }
        db_.setDatabaseName(path);
        db_.setConnectOptions(readOnly ? QStringLiteral("QSQLITE_OPEN_READONLY;") + kBusyTimeout : kBusyTimeout);
        if (!db_.open()) {
            const std::string reason = sqlError(db_.lastError());
            release();
            throw Error("cannot open the review database: " + reason, text(path),
                        "Check that the file and its folder may be read and written.");
        }
    }
    ~Connection() { release(); }
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    QSqlDatabase& db() { return db_; }

private:
    static QString newName() {
        static std::atomic<quint64> counter{0};
        return QStringLiteral("vitask_review_store_%1").arg(++counter);
    }
    void release() {
        if (name_.isEmpty()) return;
        if (db_.isOpen()) db_.close();
        db_ = QSqlDatabase();  // no handle may remain when the connection is removed
        QSqlDatabase::removeDatabase(name_);
        name_.clear();
    }

    QString name_;
    QSqlDatabase db_;
};

// The tables of the database (not SQLite's own).
QStringList tableNames(QSqlDatabase& db, const std::string& subject) {
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")))
        throw Error("cannot read the review database: " + sqlError(query.lastError()), subject,
                    std::string("Restore it from a backup, or move it away to start a new review database. ") + kUntouched);
    QStringList names;
    while (query.next()) names << query.value(0).toString();
    return names;
}

// The schema version: 0 for an empty database, -1 for a database that is not ours.
int storedVersion(QSqlDatabase& db, const std::string& subject) {
    const QStringList tables = tableNames(db, subject);
    if (tables.isEmpty()) return 0;
    if (!tables.contains(QStringLiteral("schema"))) return -1;
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("SELECT MAX(version) FROM schema")) || !query.next() || query.value(0).isNull())
        return -1;
    return query.value(0).toInt();
}

// SQLite's integrity report, made readable: the "*** in database main ***" headers
// dropped, the first problem and how many more.
std::string integrityProblems(const QStringList& rows) {
    QStringList problems;
    for (const QString& row : rows)
        for (const QString& line : row.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
            if (!line.startsWith(QLatin1String("***"))) problems << line.trimmed();
    if (problems.isEmpty()) return "no details";
    return text(problems.first()) +
           (problems.size() > 1 ? " and " + std::to_string(problems.size() - 1) + " more problems" : "");
}

// Checks an existing database with a read-only connection: SQLite's quick_check and the
// schema version.
void inspectReadOnly(const QString& path, const std::string& subject, int knownVersion) {
    Connection connection(path, /*readOnly=*/true);
    QSqlQuery check(connection.db());
    const std::string restore =
        std::string("Restore it from a backup, or move it away to start a new review database. ") + kUntouched;
    if (!check.exec(QStringLiteral("PRAGMA quick_check")))
        throw Error("the review database is damaged (" + sqlError(check.lastError()) + ")", subject, restore);
    QStringList rows;
    while (check.next()) rows << check.value(0).toString();
    check.finish();
    if (rows != QStringList{QStringLiteral("ok")})
        throw Error("the review database is damaged (SQLite's integrity check: " + integrityProblems(rows) + ")",
                    subject, restore);
    const int version = storedVersion(connection.db(), subject);
    if (version < 0)
        throw Error("is an SQLite database but not a VITask review database (it has no schema version)", subject,
                    std::string("Choose another file. ") + kUntouched);
    if (version > knownVersion)
        throw Error("was written by a newer VITask Studio (review database schema version " +
                        std::to_string(version) + "; this build reads versions up to " +
                        std::to_string(knownVersion) + ")",
                    subject, std::string("Open it with that newer VITask Studio, or choose another file. ") + kUntouched);
}

// Checks an existing database before anything writes to it: SQLite's header, then
// inspectReadOnly(). The file is never modified here.
void checkExistingDatabase(const QString& path, const std::string& subject, int knownVersion) {
    {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            throw Error("cannot read the review database: " + text(file.errorString()), subject,
                        "Check the file's permissions.");
        static const QByteArray magic("SQLite format 3\0", 16);
        if (file.read(16) != magic)
            throw Error("is not an SQLite database (it does not start with SQLite's header), so it cannot be the "
                        "review database",
                        subject,
                        std::string("Choose another file, or move this one away and a new review database will be "
                                    "created. ") + kUntouched);
    }
    // A read-only connection to a WAL database still creates empty -wal and -shm files;
    // beside a file that is refused they are removed again (never ones that were there).
    const QString wal = path + QStringLiteral("-wal");
    const QString shm = path + QStringLiteral("-shm");
    const bool hadWal = QFileInfo::exists(wal);
    const bool hadShm = QFileInfo::exists(shm);
    try {
        inspectReadOnly(path, subject, knownVersion);
    } catch (...) {
        if (!hadWal && QFileInfo::exists(wal) && QFileInfo(wal).size() == 0) QFile::remove(wal);
        if (!hadShm && !QFileInfo::exists(wal)) QFile::remove(shm);
        throw;
    }
}

// Can this process create files in `folder`? (SQLite needs to, for -wal and -shm.) The
// permission bits do not answer it for root, nor on read-only or special file systems.
std::string folderNotWritable(const QString& folder) {
    const QByteArray probe = QFile::encodeName(folder + QStringLiteral("/.vitask-reviews-probe-%1").arg(::getpid()));
    const int fd = ::open(probe.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) return std::strerror(errno);
    ::close(fd);
    ::unlink(probe.constData());
    return {};
}

void checkMigrationList(const std::vector<ReviewMigration>& migrations) {
    if (migrations.empty()) throw Error("no review database migrations given", "ReviewStore::open");
    for (std::size_t i = 0; i < migrations.size(); ++i)
        if (migrations[i].version != int(i) + 1)
            throw Error("review database migrations must have versions 1, 2, 3, ... in order", "ReviewStore::open");
}

}  // namespace

struct ReviewStore::Impl {
    explicit Impl(QString path_) : path(std::move(path_)), subject(text(path)), connection(path, /*readOnly=*/false) {}

    QString path;
    std::string subject;
    Connection connection;
    int version = 0;

    QSqlDatabase& db() { return connection.db(); }

    // Runs one statement; throws what went wrong on the file, never the bound values.
    void exec(QSqlQuery& query, const std::string& what) {
        if (!query.exec())
            throw Error(what + ": " + sqlError(query.lastError()), subject,
                        "Check free disk space and that the file and its folder are writable.");
    }
    void exec(const QString& sql, const std::string& what) {
        QSqlQuery query(db());
        if (!query.exec(sql))
            throw Error(what + ": " + sqlError(query.lastError()), subject,
                        "Check free disk space and that the file and its folder are writable.");
    }
    QString pragma(const QString& sql) {
        QSqlQuery query(db());
        if (!query.exec(sql))
            throw Error("cannot configure the review database: " + sqlError(query.lastError()), subject,
                        "Check that the file and its folder are writable.");
        return query.next() ? query.value(0).toString() : QString();
    }

    // BEGIN IMMEDIATE takes the write lock at once, so two writers never deadlock on an
    // upgrade from reading to writing.
    void begin() { exec(QStringLiteral("BEGIN IMMEDIATE"), "cannot start a transaction"); }
    void commit() { exec(QStringLiteral("COMMIT"), "cannot save to the review database"); }
    void rollback() noexcept {
        QSqlQuery query(db());
        query.exec(QStringLiteral("ROLLBACK"));
    }
    // Runs `work` in one transaction: committed when it returns, rolled back when it throws.
    template <typename Work>
    auto transaction(Work&& work) {
        begin();
        try {
            if constexpr (std::is_void_v<decltype(work())>) {
                work();
                commit();
            } else {
                auto result = work();
                commit();
                return result;
            }
        } catch (...) {
            rollback();
            throw;
        }
    }

    void configure() {
        // synchronous is per connection; journal_mode=WAL is kept in the file but set on
        // every open anyway (a file made elsewhere may not have it). foreign_keys is
        // switched on after the migrations (see migrate()).
        pragma(QStringLiteral("PRAGMA synchronous = FULL"));
        const QString mode = pragma(QStringLiteral("PRAGMA journal_mode = WAL"));
        if (mode.compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0)
            throw Error("SQLite could not switch the review database to WAL mode (journal mode \"" + text(mode) + "\")",
                        subject, "Keep the review database on a local disk (WAL needs shared memory).");
    }

    // Foreign keys are off while migrations run, as SQLite's procedure for schema changes
    // asks (a step that rebuilds a table must not cascade into the tables that refer to
    // it); each step ends with PRAGMA foreign_key_check inside its transaction instead.
    void migrate(const std::vector<ReviewMigration>& migrations) {
        pragma(QStringLiteral("PRAGMA foreign_keys = OFF"));
        migrateSteps(migrations);
        pragma(QStringLiteral("PRAGMA foreign_keys = ON"));
    }

    void migrateSteps(const std::vector<ReviewMigration>& migrations) {
        const int known = migrations.back().version;
        for (;;) {
            begin();
            int current = 0;
            try {
                // Read again inside the write lock: another program may have migrated it.
                current = storedVersion(db(), subject);
            } catch (...) {
                rollback();
                throw;
            }
            if (current < 0 || current > known) {
                rollback();
                throw Error(current < 0 ? "is not a VITask review database (it has no schema version)"
                                        : "was written by a newer VITask Studio (review database schema version " +
                                              std::to_string(current) + "; this build reads versions up to " +
                                              std::to_string(known) + ")",
                            subject, "Open it with that newer VITask Studio, or choose another file.");
            }
            if (current == known) {
                rollback();  // nothing was written
                version = current;
                return;
            }
            const ReviewMigration& step = migrations[std::size_t(current)];
            try {
                for (const QString& statement : step.statements) {
                    QSqlQuery query(db());
                    if (!query.exec(statement)) throw Error(sqlError(query.lastError()));
                }
                QSqlQuery record(db());
                record.prepare(QStringLiteral("INSERT INTO schema (version, applied_at) VALUES (?, ?)"));
                record.addBindValue(step.version);
                record.addBindValue(timeValue(now()));
                if (!record.exec()) throw Error(sqlError(record.lastError()));
                QSqlQuery keys(db());
                if (!keys.exec(QStringLiteral("PRAGMA foreign_key_check"))) throw Error(sqlError(keys.lastError()));
                if (keys.next())
                    throw Error("a row of table " + text(keys.value(0).toString()) +
                                " refers to a row that does not exist");
            } catch (const Error& error) {
                rollback();
                throw Error("cannot update the review database to schema version " + std::to_string(step.version) +
                                " (" + text(step.description) + "): " + error.problem(),
                            subject,
                            "It was left at version " + std::to_string(current) +
                                ", unchanged. Check free disk space; if this persists, report it.");
            }
            commit();
        }
    }

    bool worklistExists(qint64 id) {
        QSqlQuery query(db());
        query.prepare(QStringLiteral("SELECT 1 FROM worklists WHERE id = ?"));
        query.addBindValue(id);
        exec(query, "cannot read the worklists");
        return query.next();
    }
};

namespace {

const QString kWorklistColumns = QStringLiteral(
    "id, name, source_path, source_kind, model_name, model_version, model_weights_hash, tsm_name, tsm_version, "
    "tsm_weights_hash, created_at, model_folder, tsm_source, question, task, split, blinded");

const QString kCaseColumns = QStringLiteral(
    "id, worklist_id, position, study_instance_uid, series_instance_uid, sop_instance_uid, dataset_path, "
    "dataset_split, dataset_index, file, slice, title, ground_truth, ai_answer, ai_error, answered_at");

const QString kReviewColumns = QStringLiteral(
    "worklist_id, study_instance_uid, series_instance_uid, sop_instance_uid, dataset_path, dataset_split, "
    "dataset_index, reviewer, model_name, model_version, model_weights_hash, tsm_name, tsm_version, "
    "tsm_weights_hash, ai_snapshot, decision, reason, text, label, finding, confidence, seconds_spent, started_at, "
    "finished_at, blinded, unaided_label, unaided_finding, unaided_confidence, unaided_seconds_spent, "
    "unaided_started_at, unaided_finished_at, saved_at, revision");

// Text bound as SQL NULL when the QString is null: store "" instead (the columns are NOT
// NULL and part of the case key).
QVariant nonNull(const QString& value) { return value.isNull() ? QVariant(QString(QLatin1String(""))) : QVariant(value); }

Worklist worklistFrom(const QSqlQuery& query) {
    Worklist worklist;
    worklist.id = query.value(0).toLongLong();
    worklist.name = query.value(1).toString();
    worklist.sourcePath = query.value(2).toString();
    worklist.sourceKind = query.value(3).toString();
    worklist.model = {query.value(4).toString(), query.value(5).toString(), query.value(6).toString()};
    worklist.tsm = {query.value(7).toString(), query.value(8).toString(), query.value(9).toString()};
    worklist.createdAt = timeFrom(query.value(10));
    worklist.modelFolder = query.value(11).toString();
    worklist.tsmSource = query.value(12).toString();
    worklist.question = query.value(13).toString();
    worklist.task = query.value(14).toString();
    worklist.split = query.value(15).toString();
    worklist.blinded = query.value(16).toInt() != 0;
    return worklist;
}

WorklistCase caseFrom(const QSqlQuery& query) {
    WorklistCase c;
    c.id = query.value(0).toLongLong();
    c.key.worklistId = query.value(1).toLongLong();
    c.position = query.value(2).toInt();
    c.key.studyInstanceUid = query.value(3).toString();
    c.key.seriesInstanceUid = query.value(4).toString();
    c.key.sopInstanceUid = query.value(5).toString();
    c.key.datasetPath = query.value(6).toString();
    c.key.datasetSplit = query.value(7).toString();
    c.key.datasetIndex = query.value(8).toLongLong();
    c.file = query.value(9).toString();
    c.slice = query.value(10).toInt();
    c.title = query.value(11).toString();
    c.groundTruth = query.value(12).toString();
    c.aiAnswer = query.value(13).toString();
    c.aiError = query.value(14).toString();
    c.answeredAt = timeFrom(query.value(15));
    return c;
}

Review reviewFrom(const QSqlQuery& query) {
    Review review;
    CaseKey& key = review.caseKey;
    key.worklistId = query.value(0).toLongLong();
    key.studyInstanceUid = query.value(1).toString();
    key.seriesInstanceUid = query.value(2).toString();
    key.sopInstanceUid = query.value(3).toString();
    key.datasetPath = query.value(4).toString();
    key.datasetSplit = query.value(5).toString();
    key.datasetIndex = query.value(6).toLongLong();
    review.reviewer = query.value(7).toString();
    review.model = {query.value(8).toString(), query.value(9).toString(), query.value(10).toString()};
    review.tsm = {query.value(11).toString(), query.value(12).toString(), query.value(13).toString()};
    review.aiSnapshot = query.value(14).toString();
    review.decision = decisionFromName(query.value(15).toString());
    review.reason = reasonFromName(query.value(16).toString());
    review.text = query.value(17).toString();
    review.read.label = query.value(18).toString();
    review.read.finding = query.value(19).toString();
    review.read.confidence = query.value(20).toInt();
    review.read.secondsSpent = query.value(21).toDouble();
    review.read.startedAt = timeFrom(query.value(22));
    review.read.finishedAt = timeFrom(query.value(23));
    if (query.value(24).toInt() != 0) {
        Read unaided;
        unaided.label = query.value(25).toString();
        unaided.finding = query.value(26).toString();
        unaided.confidence = query.value(27).toInt();
        unaided.secondsSpent = query.value(28).toDouble();
        unaided.startedAt = timeFrom(query.value(29));
        unaided.finishedAt = timeFrom(query.value(30));
        review.unaidedRead = unaided;
    }
    review.savedAt = timeFrom(query.value(31));
    review.revision = query.value(32).toInt();
    return review;
}

// Throws vitask::Error for a read that must not be stored (`what`: "review", "unaided read").
void checkRead(const Read& read, const std::string& which, const std::string& what, const std::string& subject) {
    if (read.confidence < 0 || read.confidence > 5)
        throw Error("cannot save the " + what + ": the " + which + " read's confidence is outside 0..5", subject,
                    "Use 1 (very unsure) to 5 (certain), 0 for none.");
    if (!std::isfinite(read.secondsSpent) || read.secondsSpent < 0)
        throw Error("cannot save the " + what + ": the " + which + " read's time spent is negative or not a number",
                    subject, "Pass the seconds spent.");
}

// Throws vitask::Error for a review that must not be stored. Messages name the field,
// never its value (it may identify a patient's case).
void checkReview(const Review& review, const std::string& subject) {
    const auto invalid = [&](const std::string& problem, const std::string& remedy) {
        throw Error("cannot save the review: " + problem, subject, remedy);
    };
    if (review.reviewer.trimmed().isEmpty()) invalid("the reviewer's name is empty", "Enter the reviewer's name.");
    if (!review.caseKey.isValid())
        invalid("the case is identified neither by its Study Instance UID nor by a dataset path and index",
                "Give the Study (and Series, SOP) Instance UIDs, or a dataset path, split and index, not both.");
    if (!review.aiSnapshot.isEmpty()) {
        QJsonParseError error{};
        const QJsonDocument document = QJsonDocument::fromJson(review.aiSnapshot.toUtf8(), &error);
        if (error.error != QJsonParseError::NoError || !(document.isObject() || document.isArray()))
            invalid("the AI snapshot is not a JSON object or array", "Pass the AI's answers as shown, as JSON.");
    }
    decisionName(review.decision);  // throws for a value outside the enum
    reasonName(review.reason);
    if (review.decision == Decision::Accept && review.reason != Reason::None)
        invalid("an accepted answer has a reason code", "Give reasons for corrections and rejections only.");
    if (review.decision == Decision::Correct && review.read.label.isEmpty() && review.read.finding.isEmpty())
        invalid("a correction gives neither the right label nor a finding", "Choose the right label or write the finding.");
    checkRead(review.read, "aided", "review", subject);
    if (review.unaidedRead) checkRead(*review.unaidedRead, "unaided", "review", subject);
}

// Binds the case key's columns, in kReviewColumns' order.
void bindCaseKey(QSqlQuery& query, const CaseKey& key) {
    query.addBindValue(key.worklistId);
    query.addBindValue(nonNull(key.studyInstanceUid));
    query.addBindValue(nonNull(key.seriesInstanceUid));
    query.addBindValue(nonNull(key.sopInstanceUid));
    query.addBindValue(nonNull(key.datasetPath));
    query.addBindValue(nonNull(key.datasetSplit));
    query.addBindValue(key.isDicom() ? qint64(-1) : key.datasetIndex);
}

const QString kCaseKeyMatch = QStringLiteral(
    "worklist_id = ? AND study_instance_uid = ? AND series_instance_uid = ? AND sop_instance_uid = ? AND "
    "dataset_path = ? AND dataset_split = ? AND dataset_index = ? AND reviewer = ?");

}  // namespace

ReviewStore::ReviewStore(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
ReviewStore::ReviewStore(ReviewStore&& other) noexcept = default;
ReviewStore& ReviewStore::operator=(ReviewStore&& other) noexcept = default;
ReviewStore::~ReviewStore() = default;

ReviewStore ReviewStore::open(const QString& path) { return open(path, reviewMigrations()); }

ReviewStore ReviewStore::open(const QString& path, const std::vector<ReviewMigration>& migrations) {
    checkMigrationList(migrations);
    const QFileInfo info(path);
    const QString absolute = info.absoluteFilePath();
    const std::string subject = text(absolute);
    const QFileInfo folder(info.absolutePath());
    if (!folder.exists())
        throw Error("the folder of the review database does not exist", subject,
                    "Create the folder first, or choose a file in an existing folder.");
    if (!folder.isDir())
        throw Error("the review database cannot be created there: " + text(folder.filePath()) + " is a file, not a folder",
                    subject, "Choose a file in a folder.");
    // SQLite writes its -wal and -shm files beside the database: the folder must be
    // writable even when the database exists.
    if (const std::string reason = folderNotWritable(folder.filePath()); !reason.empty())
        throw Error("the folder of the review database is not writable (" + reason + ")", subject,
                    "Choose a folder you may write to, or change its permissions.");
    if (info.exists()) {
        if (info.isDir()) throw Error("is a folder, not a review database", subject, "Choose a file.");
        if (info.size() > 0) checkExistingDatabase(absolute, subject, migrations.back().version);
        // An empty file is what SQLite makes of a new database: it gets the schema.
    }
    auto impl = std::make_unique<Impl>(absolute);
    impl->configure();
    impl->migrate(migrations);
    return ReviewStore(std::move(impl));
}

QString ReviewStore::defaultPath() {
    return QString::fromStdString((userDataDir() / "reviews.sqlite").string());
}

ReviewStore ReviewStore::openDefault() {
    const QString path = defaultPath();
    const QString folder = QFileInfo(path).absolutePath();
    if (!QDir().mkpath(folder))
        throw Error("cannot create the user data folder", text(folder),
                    "Check its permissions, or set VITASK_DATA_DIR to a folder you may write to.");
    return open(path);
}

const QString& ReviewStore::path() const { return impl_->path; }
int ReviewStore::schemaVersion() const { return impl_->version; }

Worklist ReviewStore::createWorklist(const Worklist& worklist) {
    if (worklist.name.trimmed().isEmpty())
        throw Error("cannot create a worklist without a name", impl_->subject, "Name the worklist.");
    Worklist created = worklist;
    created.createdAt = now();
    created.id = impl_->transaction([&] {
        QSqlQuery query(impl_->db());
        query.prepare(QStringLiteral("INSERT INTO worklists (name, source_path, source_kind, model_name, model_version, "
                                     "model_weights_hash, tsm_name, tsm_version, tsm_weights_hash, created_at, "
                                     "model_folder, tsm_source, question, task, split, blinded) "
                                     "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        for (const QString* value : {&worklist.name, &worklist.sourcePath, &worklist.sourceKind, &worklist.model.name,
                                     &worklist.model.version, &worklist.model.weightsHash, &worklist.tsm.name,
                                     &worklist.tsm.version, &worklist.tsm.weightsHash})
            query.addBindValue(nonNull(*value));
        query.addBindValue(timeValue(created.createdAt));
        for (const QString* value :
             {&worklist.modelFolder, &worklist.tsmSource, &worklist.question, &worklist.task, &worklist.split})
            query.addBindValue(nonNull(*value));
        query.addBindValue(worklist.blinded ? 1 : 0);
        impl_->exec(query, "cannot create the worklist");
        return query.lastInsertId().toLongLong();
    });
    return created;
}

QList<Worklist> ReviewStore::worklists() const {
    QSqlQuery query(impl_->db());
    query.prepare(QStringLiteral("SELECT ") + kWorklistColumns + QStringLiteral(" FROM worklists ORDER BY id"));
    impl_->exec(query, "cannot read the worklists");
    QList<Worklist> result;
    while (query.next()) result << worklistFrom(query);
    return result;
}

std::optional<Worklist> ReviewStore::worklist(qint64 id) const {
    QSqlQuery query(impl_->db());
    query.prepare(QStringLiteral("SELECT ") + kWorklistColumns + QStringLiteral(" FROM worklists WHERE id = ?"));
    query.addBindValue(id);
    impl_->exec(query, "cannot read the worklists");
    if (!query.next()) return std::nullopt;
    return worklistFrom(query);
}

QList<WorklistCase> ReviewStore::addCases(qint64 worklistId, const QList<WorklistCase>& cases) {
    QList<WorklistCase> added = cases;
    impl_->transaction([&] {
        if (!impl_->worklistExists(worklistId))
            throw Error("cannot add cases: there is no worklist " + std::to_string(worklistId), impl_->subject,
                        "Create the worklist first.");
        for (WorklistCase& c : added) {
            if (c.key.worklistId != worklistId || !c.key.isValid())
                throw Error("cannot add case " + std::to_string(c.position) +
                                ": its key is incomplete or names another worklist",
                            impl_->subject, "Give each case its worklist's id and its UIDs or dataset index.");
            QSqlQuery query(impl_->db());
            query.prepare(QStringLiteral("INSERT INTO worklist_cases (worklist_id, position, study_instance_uid, "
                                         "series_instance_uid, sop_instance_uid, dataset_path, dataset_split, "
                                         "dataset_index, file, slice, title, ground_truth) "
                                         "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
            query.addBindValue(worklistId);
            query.addBindValue(c.position);
            for (const QString* value : {&c.key.studyInstanceUid, &c.key.seriesInstanceUid, &c.key.sopInstanceUid,
                                         &c.key.datasetPath, &c.key.datasetSplit})
                query.addBindValue(nonNull(*value));
            query.addBindValue(c.key.isDicom() ? qint64(-1) : c.key.datasetIndex);
            query.addBindValue(nonNull(c.file));
            query.addBindValue(c.slice);
            query.addBindValue(nonNull(c.title));
            query.addBindValue(nonNull(c.groundTruth));
            impl_->exec(query, "cannot add case " + std::to_string(c.position));
            c.id = query.lastInsertId().toLongLong();
            c.aiAnswer.clear();
            c.aiError.clear();
            c.answeredAt = {};
        }
    });
    return added;
}

QList<WorklistCase> ReviewStore::cases(qint64 worklistId) const {
    QSqlQuery query(impl_->db());
    query.setForwardOnly(true);  // a 500-case worklist is read in one pass
    query.prepare(QStringLiteral("SELECT ") + kCaseColumns +
                  QStringLiteral(" FROM worklist_cases WHERE worklist_id = ? ORDER BY position"));
    query.addBindValue(worklistId);
    impl_->exec(query, "cannot read the worklist's cases");
    QList<WorklistCase> result;
    while (query.next()) result << caseFrom(query);
    return result;
}

QDateTime ReviewStore::saveAiAnswer(qint64 caseId, const QString& answerJson, const QString& error) {
    if (!answerJson.isEmpty() && !QJsonDocument::fromJson(answerJson.toUtf8()).isObject())
        throw Error("cannot save the AI's answer of case " + std::to_string(caseId) + ": it is not a JSON object",
                    impl_->subject, "Pass the answer as the review panel shows it, as a JSON object.");
    const QDateTime answeredAt = now();
    impl_->transaction([&] {
        QSqlQuery query(impl_->db());
        query.prepare(QStringLiteral("UPDATE worklist_cases SET ai_answer = ?, ai_error = ?, answered_at = ? WHERE id = ?"));
        query.addBindValue(nonNull(answerJson));
        query.addBindValue(nonNull(error));
        query.addBindValue(timeValue(answeredAt));
        query.addBindValue(caseId);
        impl_->exec(query, "cannot save the AI's answer");
        if (query.numRowsAffected() != 1)
            throw Error("cannot save the AI's answer: there is no case " + std::to_string(caseId), impl_->subject,
                        "Add the worklist's cases first.");
    });
    return answeredAt;
}

void ReviewStore::saveUnaidedRead(const CaseKey& caseKey, const QString& reviewer, const Read& read) {
    if (reviewer.trimmed().isEmpty())
        throw Error("cannot save the unaided read: the reviewer's name is empty", impl_->subject,
                    "Enter the reviewer's name.");
    if (!caseKey.isValid())
        throw Error("cannot save the unaided read: the case is identified neither by its Study Instance UID nor by a "
                    "dataset path and index",
                    impl_->subject, "Give the Study (and Series, SOP) Instance UIDs, or a dataset path, split and index.");
    checkRead(read, "unaided", "unaided read", impl_->subject);
    impl_->transaction([&] {
        if (!impl_->worklistExists(caseKey.worklistId))
            throw Error("cannot save the unaided read: there is no worklist " + std::to_string(caseKey.worklistId),
                        impl_->subject, "Create the worklist first.");
        QSqlQuery query(impl_->db());
        query.prepare(QStringLiteral(
            "INSERT INTO unaided_reads (worklist_id, study_instance_uid, series_instance_uid, sop_instance_uid, "
            "dataset_path, dataset_split, dataset_index, reviewer, label, finding, confidence, seconds_spent, "
            "started_at, finished_at, saved_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (worklist_id, study_instance_uid, series_instance_uid, sop_instance_uid, dataset_path, "
            "dataset_split, dataset_index, reviewer) DO UPDATE SET label = excluded.label, finding = excluded.finding, "
            "confidence = excluded.confidence, seconds_spent = excluded.seconds_spent, "
            "started_at = excluded.started_at, finished_at = excluded.finished_at, saved_at = excluded.saved_at"));
        bindCaseKey(query, caseKey);
        query.addBindValue(nonNull(reviewer));
        query.addBindValue(nonNull(read.label));
        query.addBindValue(nonNull(read.finding));
        query.addBindValue(read.confidence);
        query.addBindValue(read.secondsSpent);
        query.addBindValue(timeValue(read.startedAt));
        query.addBindValue(timeValue(read.finishedAt));
        query.addBindValue(timeValue(now()));
        impl_->exec(query, "cannot save the unaided read");
    });
}

std::optional<Read> ReviewStore::unaidedRead(const CaseKey& caseKey, const QString& reviewer) const {
    QSqlQuery query(impl_->db());
    query.prepare(QStringLiteral("SELECT label, finding, confidence, seconds_spent, started_at, finished_at "
                                 "FROM unaided_reads WHERE ") +
                  kCaseKeyMatch);
    bindCaseKey(query, caseKey);
    query.addBindValue(nonNull(reviewer));
    impl_->exec(query, "cannot read the unaided read");
    if (!query.next()) return std::nullopt;
    Read read;
    read.label = query.value(0).toString();
    read.finding = query.value(1).toString();
    read.confidence = query.value(2).toInt();
    read.secondsSpent = query.value(3).toDouble();
    read.startedAt = timeFrom(query.value(4));
    read.finishedAt = timeFrom(query.value(5));
    return read;
}

Review ReviewStore::saveReview(const Review& review) {
    checkReview(review, impl_->subject);
    Review saved = review;
    saved.savedAt = now();
    if (saved.caseKey.isDicom()) saved.caseKey.datasetIndex = -1;
    saved.revision = impl_->transaction([&] {
        if (!impl_->worklistExists(review.caseKey.worklistId))
            throw Error("cannot save the review: there is no worklist " + std::to_string(review.caseKey.worklistId),
                        impl_->subject, "Create the worklist first.");
        QSqlQuery query(impl_->db());
        QStringList placeholders;
        for (int i = 0; i < 32; ++i) placeholders << QStringLiteral("?");
        // The case key and reviewer identify the row; a second save replaces everything
        // else and counts the revision.
        query.prepare(QStringLiteral("INSERT INTO reviews (") + kReviewColumns + QStringLiteral(") VALUES (") +
                      placeholders.join(QStringLiteral(", ")) +
                      QStringLiteral(", 1) ON CONFLICT (worklist_id, study_instance_uid, series_instance_uid, "
                                     "sop_instance_uid, dataset_path, dataset_split, dataset_index, reviewer) DO UPDATE SET "
                                     "model_name = excluded.model_name, model_version = excluded.model_version, "
                                     "model_weights_hash = excluded.model_weights_hash, tsm_name = excluded.tsm_name, "
                                     "tsm_version = excluded.tsm_version, tsm_weights_hash = excluded.tsm_weights_hash, "
                                     "ai_snapshot = excluded.ai_snapshot, decision = excluded.decision, "
                                     "reason = excluded.reason, text = excluded.text, label = excluded.label, "
                                     "finding = excluded.finding, confidence = excluded.confidence, "
                                     "seconds_spent = excluded.seconds_spent, started_at = excluded.started_at, "
                                     "finished_at = excluded.finished_at, blinded = excluded.blinded, "
                                     "unaided_label = excluded.unaided_label, unaided_finding = excluded.unaided_finding, "
                                     "unaided_confidence = excluded.unaided_confidence, "
                                     "unaided_seconds_spent = excluded.unaided_seconds_spent, "
                                     "unaided_started_at = excluded.unaided_started_at, "
                                     "unaided_finished_at = excluded.unaided_finished_at, saved_at = excluded.saved_at, "
                                     "revision = reviews.revision + 1"));
        bindCaseKey(query, saved.caseKey);
        query.addBindValue(nonNull(saved.reviewer));
        for (const QString* value : {&saved.model.name, &saved.model.version, &saved.model.weightsHash, &saved.tsm.name,
                                     &saved.tsm.version, &saved.tsm.weightsHash, &saved.aiSnapshot})
            query.addBindValue(nonNull(*value));
        query.addBindValue(decisionName(saved.decision));
        query.addBindValue(reasonName(saved.reason));
        query.addBindValue(nonNull(saved.text));
        query.addBindValue(nonNull(saved.read.label));
        query.addBindValue(nonNull(saved.read.finding));
        query.addBindValue(saved.read.confidence);
        query.addBindValue(saved.read.secondsSpent);
        query.addBindValue(timeValue(saved.read.startedAt));
        query.addBindValue(timeValue(saved.read.finishedAt));
        query.addBindValue(saved.unaidedRead ? 1 : 0);
        if (saved.unaidedRead) {
            const Read& unaided = *saved.unaidedRead;
            query.addBindValue(nonNull(unaided.label));
            query.addBindValue(nonNull(unaided.finding));
            query.addBindValue(unaided.confidence);
            query.addBindValue(unaided.secondsSpent);
            query.addBindValue(timeValue(unaided.startedAt));
            query.addBindValue(timeValue(unaided.finishedAt));
        } else {
            for (int i = 0; i < 6; ++i) query.addBindValue(QVariant());
        }
        query.addBindValue(timeValue(saved.savedAt));
        impl_->exec(query, "cannot save the review");

        QSqlQuery revision(impl_->db());
        revision.prepare(QStringLiteral("SELECT revision FROM reviews WHERE ") + kCaseKeyMatch);
        bindCaseKey(revision, saved.caseKey);
        revision.addBindValue(nonNull(saved.reviewer));
        impl_->exec(revision, "cannot save the review");
        const int number = revision.next() ? revision.value(0).toInt() : 0;
        revision.finish();  // COMMIT fails while a statement is still open

        // The unaided read recorded before the AI was shown is part of the review now.
        QSqlQuery pending(impl_->db());
        pending.prepare(QStringLiteral("DELETE FROM unaided_reads WHERE ") + kCaseKeyMatch);
        bindCaseKey(pending, saved.caseKey);
        pending.addBindValue(nonNull(saved.reviewer));
        impl_->exec(pending, "cannot save the review");
        return number;
    });
    return saved;
}

QList<Review> ReviewStore::reviews(qint64 worklistId) const {
    QSqlQuery query(impl_->db());
    query.prepare(QStringLiteral("SELECT ") + kReviewColumns +
                  QStringLiteral(" FROM reviews WHERE worklist_id = ? ORDER BY id"));
    query.addBindValue(worklistId);
    impl_->exec(query, "cannot read the reviews");
    QList<Review> result;
    while (query.next()) result << reviewFrom(query);
    return result;
}

std::optional<Review> ReviewStore::review(const CaseKey& caseKey, const QString& reviewer) const {
    QSqlQuery query(impl_->db());
    query.prepare(QStringLiteral("SELECT ") + kReviewColumns + QStringLiteral(" FROM reviews WHERE ") + kCaseKeyMatch);
    bindCaseKey(query, caseKey);
    query.addBindValue(nonNull(reviewer));
    impl_->exec(query, "cannot read the review");
    if (!query.next()) return std::nullopt;
    return reviewFrom(query);
}

namespace {

void writeExport(const QString& path, const QByteArray& bytes) {
    writeTextFileAtomically(std::filesystem::path(QFile::encodeName(QFileInfo(path).absoluteFilePath()).toStdString()),
                            std::string_view(bytes.constData(), std::size_t(bytes.size())));
}

}  // namespace

void ReviewStore::exportCsv(qint64 worklistId, const QString& path) const {
    const auto list = worklist(worklistId);
    if (!list) throw Error("cannot export: there is no worklist " + std::to_string(worklistId), impl_->subject);
    writeExport(path, reviewsToCsv(*list, reviews(worklistId)));
}

void ReviewStore::exportJson(qint64 worklistId, const QString& path) const {
    const auto list = worklist(worklistId);
    if (!list) throw Error("cannot export: there is no worklist " + std::to_string(worklistId), impl_->subject);
    writeExport(path, reviewsToJson(*list, reviews(worklistId)));
}

}  // namespace vitask::ui

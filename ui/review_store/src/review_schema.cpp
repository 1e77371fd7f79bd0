#include "vitask/ui/review_store/review_schema.h"

namespace vitask::ui {

// docs/formats.md, "Review database", describes every table and column; keep it in step.
// Text columns are NOT NULL DEFAULT '' (an empty string, not NULL, for "none"), so the
// UNIQUE key over the case identity works: SQLite treats NULLs as distinct. Decision,
// reason and confidence are checked by ReviewStore, not by CHECK constraints, so that a
// new reason code needs no table rebuild. Times are ISO 8601 UTC text with milliseconds.
const std::vector<ReviewMigration>& reviewMigrations() {
    static const std::vector<ReviewMigration> migrations = {
        {1,
         QStringLiteral("worklists and reviews"),
         {QStringLiteral("CREATE TABLE schema ("
                         " version INTEGER PRIMARY KEY,"
                         " applied_at TEXT NOT NULL)"),
          QStringLiteral("CREATE TABLE worklists ("
                         " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                         " name TEXT NOT NULL,"
                         " source_path TEXT NOT NULL DEFAULT '',"
                         " source_kind TEXT NOT NULL DEFAULT '',"
                         " model_name TEXT NOT NULL DEFAULT '',"
                         " model_version TEXT NOT NULL DEFAULT '',"
                         " model_weights_hash TEXT NOT NULL DEFAULT '',"
                         " tsm_name TEXT NOT NULL DEFAULT '',"
                         " tsm_version TEXT NOT NULL DEFAULT '',"
                         " tsm_weights_hash TEXT NOT NULL DEFAULT '',"
                         " created_at TEXT NOT NULL)"),
          QStringLiteral("CREATE TABLE reviews ("
                         " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                         " worklist_id INTEGER NOT NULL REFERENCES worklists(id) ON DELETE CASCADE,"
                         " study_instance_uid TEXT NOT NULL DEFAULT '',"
                         " series_instance_uid TEXT NOT NULL DEFAULT '',"
                         " sop_instance_uid TEXT NOT NULL DEFAULT '',"
                         " dataset_path TEXT NOT NULL DEFAULT '',"
                         " dataset_split TEXT NOT NULL DEFAULT '',"
                         " dataset_index INTEGER NOT NULL DEFAULT -1,"
                         " reviewer TEXT NOT NULL,"
                         " model_name TEXT NOT NULL DEFAULT '',"
                         " model_version TEXT NOT NULL DEFAULT '',"
                         " model_weights_hash TEXT NOT NULL DEFAULT '',"
                         " tsm_name TEXT NOT NULL DEFAULT '',"
                         " tsm_version TEXT NOT NULL DEFAULT '',"
                         " tsm_weights_hash TEXT NOT NULL DEFAULT '',"
                         " ai_snapshot TEXT NOT NULL DEFAULT '',"
                         " decision TEXT NOT NULL,"
                         " reason TEXT NOT NULL DEFAULT 'none',"
                         " text TEXT NOT NULL DEFAULT '',"
                         " label TEXT NOT NULL DEFAULT '',"
                         " finding TEXT NOT NULL DEFAULT '',"
                         " confidence INTEGER NOT NULL DEFAULT 0,"
                         " seconds_spent REAL NOT NULL DEFAULT 0,"
                         " started_at TEXT,"
                         " finished_at TEXT,"
                         " blinded INTEGER NOT NULL DEFAULT 0,"
                         " unaided_label TEXT,"
                         " unaided_finding TEXT,"
                         " unaided_confidence INTEGER,"
                         " unaided_seconds_spent REAL,"
                         " unaided_started_at TEXT,"
                         " unaided_finished_at TEXT,"
                         " saved_at TEXT NOT NULL,"
                         " revision INTEGER NOT NULL DEFAULT 1,"
                         " UNIQUE (worklist_id, study_instance_uid, series_instance_uid, sop_instance_uid,"
                         "         dataset_path, dataset_split, dataset_index, reviewer))")}},
        {2,
         QStringLiteral("worklist cases, AI answers and how the AI is asked"),
         {QStringLiteral("ALTER TABLE worklists ADD COLUMN model_folder TEXT NOT NULL DEFAULT ''"),
          QStringLiteral("ALTER TABLE worklists ADD COLUMN tsm_source TEXT NOT NULL DEFAULT ''"),
          QStringLiteral("ALTER TABLE worklists ADD COLUMN question TEXT NOT NULL DEFAULT ''"),
          QStringLiteral("ALTER TABLE worklists ADD COLUMN task TEXT NOT NULL DEFAULT ''"),
          QStringLiteral("ALTER TABLE worklists ADD COLUMN split TEXT NOT NULL DEFAULT ''"),
          QStringLiteral("ALTER TABLE worklists ADD COLUMN blinded INTEGER NOT NULL DEFAULT 0"),
          QStringLiteral("CREATE TABLE worklist_cases ("
                         " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                         " worklist_id INTEGER NOT NULL REFERENCES worklists(id) ON DELETE CASCADE,"
                         " position INTEGER NOT NULL,"
                         " study_instance_uid TEXT NOT NULL DEFAULT '',"
                         " series_instance_uid TEXT NOT NULL DEFAULT '',"
                         " sop_instance_uid TEXT NOT NULL DEFAULT '',"
                         " dataset_path TEXT NOT NULL DEFAULT '',"
                         " dataset_split TEXT NOT NULL DEFAULT '',"
                         " dataset_index INTEGER NOT NULL DEFAULT -1,"
                         " file TEXT NOT NULL,"
                         " slice INTEGER NOT NULL DEFAULT 0,"
                         " title TEXT NOT NULL DEFAULT '',"
                         " ground_truth TEXT NOT NULL DEFAULT '',"
                         " ai_answer TEXT NOT NULL DEFAULT '',"
                         " ai_error TEXT NOT NULL DEFAULT '',"
                         " answered_at TEXT,"
                         " UNIQUE (worklist_id, position))")}},
        {3,
         QStringLiteral("unaided reads recorded before the AI was shown"),
         {QStringLiteral("CREATE TABLE unaided_reads ("
                         " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                         " worklist_id INTEGER NOT NULL REFERENCES worklists(id) ON DELETE CASCADE,"
                         " study_instance_uid TEXT NOT NULL DEFAULT '',"
                         " series_instance_uid TEXT NOT NULL DEFAULT '',"
                         " sop_instance_uid TEXT NOT NULL DEFAULT '',"
                         " dataset_path TEXT NOT NULL DEFAULT '',"
                         " dataset_split TEXT NOT NULL DEFAULT '',"
                         " dataset_index INTEGER NOT NULL DEFAULT -1,"
                         " reviewer TEXT NOT NULL,"
                         " label TEXT NOT NULL DEFAULT '',"
                         " finding TEXT NOT NULL DEFAULT '',"
                         " confidence INTEGER NOT NULL DEFAULT 0,"
                         " seconds_spent REAL NOT NULL DEFAULT 0,"
                         " started_at TEXT,"
                         " finished_at TEXT,"
                         " saved_at TEXT NOT NULL,"
                         " UNIQUE (worklist_id, study_instance_uid, series_instance_uid, sop_instance_uid,"
                         "         dataset_path, dataset_split, dataset_index, reviewer))")}},
    };
    return migrations;
}

int currentReviewSchemaVersion() { return reviewMigrations().back().version; }

}  // namespace vitask::ui

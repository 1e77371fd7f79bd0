#pragma once
// The review database's schema as an ordered list of migrations. Migration i brings a
// database from version i - 1 to version i; ReviewStore::open applies the missing ones,
// each in one transaction together with its row in the `schema` table, so a database is
// always at one version or the next, never in between. A new schema version is one more
// entry at the end of reviewMigrations(); entries already released are never edited.

#include <QString>
#include <QStringList>

#include <vector>

namespace vitask::ui {

struct ReviewMigration {
    int version = 0;           // the version the database has after this step (1, 2, ...)
    QString description;       // what it changes, for the error message when it fails
    QStringList statements;    // SQL, executed in order
};

// The migrations this build knows, versions 1, 2, ... in order.
const std::vector<ReviewMigration>& reviewMigrations();

// The schema version this build writes: reviewMigrations().back().version.
int currentReviewSchemaVersion();

}  // namespace vitask::ui

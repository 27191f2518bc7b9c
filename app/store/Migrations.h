#pragma once

#include "core/Error.h"

#include <QSqlDatabase>
#include <QStringList>

#include <functional>

namespace onewindow::store {

// The numbered migrations shipped with the program (db/local/NNNN_name.sql), in order.
struct Migration
{
    int version;
    QString name;
    QString sql;
};
// A file that cannot be read is an error (the installation is damaged), never skipped.
core::Result<QList<Migration>> loadShippedMigrations();
QList<Migration> shippedMigrations(); // empty when loadShippedMigrations() fails

int latestSchemaVersion();

// Splits a SQL script into complete statements (triggers with BEGIN ... END stay whole).
QStringList splitSqlStatements(const QString& script);

// Brings the store from its PRAGMA user_version to the latest one (or to `upTo`, for tests of an
// older store), all in one BEGIN EXCLUSIVE transaction that reads the version inside it, so two
// processes opening one store cannot both migrate it. `seedNew` (the shipped calendars) runs in
// the same transaction when the store was at version 0: all of first start, or none of it.
core::Status migrate(QSqlDatabase& db, int upTo = -1,
                     const std::function<core::Status()>& seedNew = {});

// Test seam: the nth statement that migrate() runs from now on fails (counting the seeding as one
// statement after the migrations'); 0 turns it off.
void failMigrationStatementForTesting(int n);

} // namespace onewindow::store

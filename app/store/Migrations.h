#pragma once

#include "core/Error.h"

#include <QSqlDatabase>
#include <QStringList>

namespace onewindow::store {

// The numbered migrations shipped with the program (db/local/NNNN_name.sql), in order.
struct Migration
{
    int version;
    QString name;
    QString sql;
};
QList<Migration> shippedMigrations();
int latestSchemaVersion();

// Splits a SQL script into complete statements (triggers with BEGIN ... END stay whole).
QStringList splitSqlStatements(const QString& script);

// Brings the store from its PRAGMA user_version to the latest one (or to `upTo`, for tests of an
// older store), one migration per transaction.
core::Status migrate(QSqlDatabase& db, int upTo = -1);

} // namespace onewindow::store

#pragma once

#include "server/storage/CentralDb.h"

#include <QJsonObject>
#include <QList>

namespace onewindow::server {

// Decision 11: a case older than a window's working set, found at the server (GET /v1/search):
// by its case number (issued_numbers, exact), else by the applicant's ID number, phone or name
// as the receipt recorded them (exact, newest first; also the unified social credit code and the
// agent's name and ID number). Each hit: case_id, case_number, applicant, item_code, received_at.
// The applicant's keys come from an index of their own (db/central/0024_applicant_index.sql)
// that each search first brings up to the hall's counter.
class CaseSearch
{
public:
    static constexpr int kMaxHits = 20;
    // Hall orders indexed per transaction: a first search of a large hall never holds the
    // database (SQLite's one writer) for longer than one range takes.
    static constexpr qint64 kIndexRange = 20000;
    explicit CaseSearch(CentralDb& db, qint64 indexRange = kIndexRange)
        : m_db(db), m_range(indexRange)
    {}
    // search.bad_query for an empty text, one over 64 characters, or one holding % _ " or \.
    core::Result<QList<QJsonObject>> find(const QString& hallCode, const QString& text);
    // Indexes the applicant keys of the hall's receipts stored since the last search; the number
    // of receipts indexed.
    core::Result<qint64> catchUp(const QString& hallCode);

private:
    core::Result<qint64> indexRange(const QString& hallCode, qint64& upTo);

    CentralDb& m_db;
    qint64 m_range;
};

} // namespace onewindow::server

#pragma once

// Internal to CaseStore (CaseStore.cpp, CaseStoreBulk.cpp, CaseStorePrint.cpp): the statements
// every action runs, prepared once per store.
#include "store/CaseStore.h"
#include "store/EventRows.h"
#include "store/Projection.h"
#include "store/SqlStatement.h"

namespace onewindow::store {

// The open cases whose notice or correction period ran out before ?1 (a deemed acceptance or
// abandonment may be due), as the window's tick reads them: the open cases walked through their
// partial index and each one's clock looked up by its key. (A join with an OR over clock kind and
// case status scanned every case of the store: 0.3 s a tick on 1,000,000 cases.)
inline QString dueLapseCandidatesSql()
{
    return QStringLiteral(
        "SELECT c.case_id FROM cases c WHERE c.is_open = 1 AND c.status IN ('received', "
        "'awaiting_correction') AND EXISTS (SELECT 1 FROM case_clocks k WHERE k.case_id = "
        "c.case_id AND k.kind = CASE c.status WHEN 'received' THEN 'notice' ELSE 'correction' "
        "END AND k.stopped_date IS NULL AND k.deadline < ?)");
}

struct CaseStore::Statements
{
    // Every statement an action runs goes through SQLite's own API (SqlStatement).
    explicit Statements(const QSqlDatabase& db)
        : lastRowid(db, QStringLiteral("SELECT (SELECT max(rowid) FROM events WHERE case_id = ?1), "
                                       "(SELECT coalesce(max(rowid), 0) FROM placement WHERE "
                                       "case_id = ?1)")),
          // The device's place in its log.
          device(db, QStringLiteral("SELECT device_id, next_seq, hlc_wall_ms, hlc_counter FROM "
                                    "device")),
          deviceInfo(db, QStringLiteral("SELECT device_id, hall_code, device_code, next_seq FROM "
                                        "device")),
          lastOwn(db, QStringLiteral("SELECT device_seq, hlc FROM events WHERE device_id = ? "
                                     "ORDER BY device_seq DESC LIMIT 1")),
          // The highest number is the last key of the day's range: one index seek, however many
          // cases the window took that day (the sequence has four digits, so text order is
          // number order).
          caseNumber(db, QStringLiteral("SELECT case_number FROM cases WHERE case_number > ? AND "
                                        "case_number < ? ORDER BY case_number DESC LIMIT 1")),
          documentTake(db, QStringLiteral("INSERT INTO document_counters (kind, year, last) "
                                          "VALUES (?, ?, 1) ON CONFLICT (kind, year) DO UPDATE "
                                          "SET last = last + 1 RETURNING last")),
          documentPeek(db, QStringLiteral("SELECT coalesce(max(last), 0) + 1 FROM "
                                          "document_counters WHERE kind = ? AND year = ?")),
          insertEvent(db, QStringLiteral("INSERT INTO events (%1, sync_state) VALUES (?, ?, ?, ?, "
                                         "?, ?, ?, ?, ?, ?, ?, ?)")
                              .arg(kEventWriteColumns)),
          // System events: one row whatever produced it, so a second insert changes nothing.
          insertSystemEvent(db, QStringLiteral("INSERT INTO events (%1, sync_state) VALUES (?, ?, "
                                               "?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO "
                                               "NOTHING")
                                    .arg(kEventWriteColumns)),
          projection(db)
    {}
    SqlStatement lastRowid;
    SqlStatement device;
    SqlStatement deviceInfo;
    SqlStatement lastOwn;
    SqlStatement caseNumber;
    SqlStatement documentTake;
    SqlStatement documentPeek;
    SqlStatement insertEvent;
    SqlStatement insertSystemEvent;
    ProjectionWriter projection;
};

} // namespace onewindow::store

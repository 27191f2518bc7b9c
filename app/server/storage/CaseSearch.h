#pragma once

#include "server/storage/CentralDb.h"

#include <QJsonObject>
#include <QList>

namespace onewindow::server {

// Decision 11: a case older than a window's working set, found at the server (GET /v1/search):
// by its case number (issued_numbers, exact), else by the applicant's ID number, phone or name
// as the receipt recorded them (exact, newest first). Each hit: case_id, case_number,
// applicant, item_code, received_at. The receipts are read without an index of their own: on the
// demo hall of 1,000,000 cases a search by ID reads every receipt (docs/sync-protocol.md).
class CaseSearch
{
public:
    static constexpr int kMaxHits = 20;
    explicit CaseSearch(CentralDb& db) : m_db(db) {}
    // search.bad_query for an empty text, one over 64 characters, or one holding % _ " or \.
    core::Result<QList<QJsonObject>> find(const QString& hallCode, const QString& text);

private:
    CentralDb& m_db;
};

} // namespace onewindow::server

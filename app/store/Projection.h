#pragma once

#include "core/CaseClocks.h"
#include "core/CaseFold.h"
#include "core/CaseState.h"
#include "core/Catalog.h"
#include "store/SqlStatement.h"
#include "store/Store.h"

#include <QHash>
#include <QList>
#include <QSqlQuery>

#include <QVariant>
#include <memory>

namespace onewindow::store {

// The projection of one case: its `cases` row and its `case_clocks` rows, as values. The same
// values are written after an action and recomputed by `store check`, so the two compare exactly.
struct CaseProjection
{
    QVariantList caseRow;          // in the column order of kCaseColumns
    QList<QVariantList> clockRows; // in the column order of kClockColumns, sorted by kind

    friend bool operator==(const CaseProjection&, const CaseProjection&) = default;
};

extern const QStringList kCaseColumns;
extern const QStringList kClockColumns;

CaseProjection projectCase(const core::CaseState& state, const core::FoldContext& context,
                           const QList<core::CaseClock>& clocks);

// Replaces stored projections (inside the caller's transaction), with its statements prepared
// once: rebuilding a million cases prepares three statements, not three million.
class ProjectionWriter
{
public:
    explicit ProjectionWriter(const QSqlDatabase& db);
    // With `previous` (what is stored now), only the changed columns and clock rows are written.
    Status write(const CaseProjection& projection, const CaseProjection* previous = nullptr);

private:
    SqlStatement& updateFor(const QList<int>& columns);

    // Written with every action: SQLite's own API (SqlStatement), not QSqlQuery.
    QSqlDatabase m_db;
    SqlStatement m_case;
    SqlStatement m_deleteClocks;
    SqlStatement m_deleteClock;
    SqlStatement m_insertClock;
    QHash<QList<int>, std::shared_ptr<SqlStatement>> m_updates; // by the changed columns' indexes
};

// Replaces the stored projection of one case (inside the caller's transaction).
Status writeProjection(QSqlDatabase& db, const CaseProjection& projection);
// Reads the stored projection of a case (empty caseRow when there is none).
Result<CaseProjection> readProjection(const QSqlDatabase& db, const QString& caseId);

} // namespace onewindow::store

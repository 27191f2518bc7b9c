#include "store/SupervisionQueries.h"

#include "core/CaseClocks.h"
#include "core/ClockText.h"

#include <QHash>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

// The supervisor's board: every open case with its clocks, read whole or, for a board already
// read, only the cases the events since then touched.
namespace onewindow::store {

using core::WarningLevel;

namespace {

int rank(WarningLevel level)
{
    return level == WarningLevel::Red ? 0 : level == WarningLevel::Yellow ? 1 : 2;
}

Error readError(const QString& what, const QSqlQuery& q)
{
    return sqlError("store.supervision_read", what, q.lastError().text());
}

} // namespace

BoardClock SupervisionQueries::clockOf(const QVariant& deadline, const QVariant& yellowFrom,
                                       const QVariant& stopped, const QDate& today,
                                       core::DayUnit unit) const
{
    BoardClock c;
    c.deadline = storedDate(deadline);
    c.yellowFrom = storedDate(yellowFrom);
    c.unit = unit;
    c.running = c.deadline.isValid() && stopped.isNull();
    if (!c.running)
        return c;
    if (unit == core::DayUnit::CalendarDays)
        c.daysLeft = static_cast<int>(today.daysTo(c.deadline));
    else if (Result<int> left = m_calendar.workingDaysBetween(today, c.deadline))
        c.daysLeft = *left;
    c.level = core::warningLevelOn(c.deadline, c.yellowFrom, true, today);
    if (c.level == WarningLevel::Red)
        c.overdueDays = core::overdueDaysOn(m_calendar, unit, c.deadline, today);
    return c;
}

Result<QList<BoardRow>> SupervisionQueries::board(const QDate& today,
                                                  const BoardFilter& filter) const
{
    QString where = QStringLiteral("c.is_open = 1");
    QVariantList binds;
    auto narrow = [&](const char* column, const QString& value) {
        if (value.isEmpty())
            return;
        where += QStringLiteral(" AND c.%1 = ?").arg(QLatin1String(column));
        binds.append(value);
    };
    narrow("window_code", filter.windowCode);
    narrow("clerk_id", filter.clerkId);
    narrow("department", filter.department);
    narrow("item_code", filter.itemCode);
    narrow("profile", filter.profile);
    narrow("status", filter.status);
    auto read = readBoard(today, where, binds);
    if (!read)
        return read.error();
    QList<BoardRow> rows = std::move(read).value();
    if (filter.level)
        rows.removeIf([&](const BoardRow& r) { return r.level != *filter.level; });
    sortBoard(rows);
    return rows;
}

Result<qint64> SupervisionQueries::eventMark() const
{
    QSqlQuery q(m_store.database());
    if (!q.exec(QStringLiteral("SELECT coalesce(max(rowid), 0) FROM events")) || !q.next())
        return readError(QStringLiteral("查询督办看板"), q);
    return q.value(0).toLongLong();
}

Result<QStringList> SupervisionQueries::casesChangedSince(qint64 mark) const
{
    QSqlQuery q(m_store.database());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT DISTINCT case_id FROM events WHERE rowid > ?"));
    q.addBindValue(mark);
    if (!q.exec())
        return readError(QStringLiteral("查询督办看板"), q);
    QStringList ids;
    while (q.next())
        ids.append(q.value(0).toString());
    return ids;
}

Result<QList<BoardRow>> SupervisionQueries::boardCases(const QDate& today,
                                                       const QStringList& caseIds) const
{
    QList<BoardRow> out;
    // In chunks well below SQLite's bound-parameter limit.
    for (qsizetype from = 0; from < caseIds.size(); from += 500) {
        const QStringList chunk = caseIds.mid(from, 500);
        QVariantList binds(chunk.begin(), chunk.end());
        QStringList marks(chunk.size(), QStringLiteral("?"));
        auto rows = readBoard(
            today,
            QStringLiteral("c.is_open = 1 AND c.case_id IN (%1)").arg(marks.join(QLatin1Char(','))),
            binds);
        if (!rows)
            return rows.error();
        out.append(std::move(rows).value());
    }
    return out;
}

Result<QList<BoardRow>> SupervisionQueries::readBoard(const QDate& today, const QString& where,
                                                      const QVariantList& binds) const
{
    const auto run = [&](QSqlQuery& q, const QString& sql) {
        q.setForwardOnly(true);
        q.prepare(sql);
        for (const QVariant& b : binds)
            q.addBindValue(b);
        return q.exec();
    };
    // Two passes, each one b-tree seek per open case: the cases, then all clock rows of each case
    // in one range (three joins by kind would seek three times per case).
    QSqlQuery cases(m_store.database());
    if (!run(cases, QStringLiteral("SELECT %1 FROM cases c WHERE %2")
                        .arg(caseRowColumns(QStringLiteral("c")), where)))
        return readError(QStringLiteral("查询督办看板"), cases);
    QList<BoardRow> rows;
    QHash<QString, qsizetype> at;
    while (cases.next()) {
        BoardRow r;
        r.row = caseRowFrom(cases);
        at.insert(r.row.caseId, rows.size());
        rows.append(r);
    }
    QSqlQuery clocks(m_store.database());
    if (!run(clocks, QStringLiteral("SELECT k.case_id, k.kind, k.deadline, k.yellow_from, "
                                    "k.stopped_date, k.unit, k.provisional FROM cases c CROSS JOIN "
                                    "case_clocks k ON k.case_id = c.case_id WHERE %1")
                         .arg(where)))
        return readError(QStringLiteral("查询督办看板"), clocks);
    const QString statutory = core::clockKindKey(core::ClockKind::Statutory);
    const QString promised = core::clockKindKey(core::ClockKind::Promised);
    const QString notice = core::clockKindKey(core::ClockKind::Notice);
    while (clocks.next()) {
        const QString kind = clocks.value(1).toString();
        BoardClock BoardRow::*member = kind == statutory  ? &BoardRow::statutory
                                       : kind == promised ? &BoardRow::promised
                                       : kind == notice   ? &BoardRow::notice
                                                          : nullptr;
        const auto it = at.constFind(clocks.value(0).toString());
        if (!member || it == at.constEnd())
            continue;
        BoardRow& r = rows[*it];
        const core::DayUnit unit =
            core::dayUnitFromKey(clocks.value(5).toString()).value_or(core::DayUnit::WorkingDays);
        // A suspended case's clocks are paused (行政许可法 Art. 45): none of them runs.
        r.*member = clockOf(clocks.value(2), clocks.value(3),
                            r.row.suspended ? QVariant(1) : clocks.value(4), today, unit);
        (r.*member).provisional = clocks.value(6).toInt() != 0;
    }
    for (BoardRow& r : rows) {
        r.level = r.row.levelOn(today);
        if (r.row.dueDate.isValid())
            if (Result<int> left = m_calendar.workingDaysBetween(today, r.row.dueDate))
                r.daysLeft = *left;
    }
    return rows;
}

void SupervisionQueries::sortBoard(QList<BoardRow>& rows)
{
    std::sort(rows.begin(), rows.end(), [](const BoardRow& a, const BoardRow& b) {
        if (rank(a.level) != rank(b.level))
            return rank(a.level) < rank(b.level);
        if (a.daysLeft.has_value() != b.daysLeft.has_value())
            return a.daysLeft.has_value();
        if (a.daysLeft != b.daysLeft)
            return *a.daysLeft < *b.daysLeft;
        if (a.row.dueDate != b.row.dueDate)
            return a.row.dueDate < b.row.dueDate;
        return a.row.caseNumber < b.row.caseNumber;
    });
}

QString SupervisionQueries::groupKey(const BoardRow& r, BoardGrouping grouping)
{
    switch (grouping) {
    case BoardGrouping::None:
        return QString();
    case BoardGrouping::Window:
        return r.row.windowCode;
    case BoardGrouping::Clerk:
        return r.row.clerkId;
    case BoardGrouping::Department:
        return r.row.department;
    case BoardGrouping::Item:
        return r.row.itemCode;
    case BoardGrouping::Profile:
        return r.row.profile;
    case BoardGrouping::Status:
        return r.row.status;
    case BoardGrouping::Level:
        return QString::number(rank(r.level));
    }
    return QString();
}

QList<BoardGroup> SupervisionQueries::group(const QList<BoardRow>& rows, BoardGrouping grouping)
{
    QList<BoardGroup> groups;
    QHash<QString, qsizetype> at;
    for (int i = 0; i < rows.size(); ++i) {
        const QString k = groupKey(rows[i], grouping);
        auto it = at.find(k);
        if (it == at.end()) {
            it = at.insert(k, groups.size());
            groups.append(BoardGroup{k, {}, 0, 0, 0});
        }
        BoardGroup& g = groups[*it];
        g.rows.append(i);
        const WarningLevel level = rows[i].level;
        (level == WarningLevel::Red      ? g.red
         : level == WarningLevel::Yellow ? g.yellow
                                         : g.normal)++;
    }
    std::stable_sort(groups.begin(), groups.end(), [](const BoardGroup& a, const BoardGroup& b) {
        if (a.red != b.red)
            return a.red > b.red;
        if (a.yellow != b.yellow)
            return a.yellow > b.yellow;
        return a.key < b.key;
    });
    return groups;
}

} // namespace onewindow::store

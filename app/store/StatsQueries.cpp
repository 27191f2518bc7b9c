#include "store/StatsQueries.h"

#include "store/CaseQueries.h"
#include "store/UserRepository.h"

#include <QSqlError>
#include <QSqlQuery>

#include <functional>

namespace onewindow::store {

namespace {

QString iso(const QDate& d)
{
    return d.toString(Qt::ISODate);
}

// The group key as an SQL expression (the columns the figures' indexes hold).
QString groupColumn(core::GroupBy by)
{
    switch (by) {
    case core::GroupBy::None:
        return QStringLiteral("''");
    case core::GroupBy::Window:
        return QStringLiteral("window_code");
    case core::GroupBy::Clerk:
        return QStringLiteral("clerk_id");
    case core::GroupBy::Department:
        return QStringLiteral("department");
    case core::GroupBy::Item:
        return QStringLiteral("item_code");
    }
    return QStringLiteral("''");
}

struct Pass
{
    const char* dateColumn;
    QString values; // aggregate expressions after (day, key)
    QString where;  // more conditions
    std::function<void(const QSqlQuery&, core::FigureSet&)> read;
    QString extraGroup = {}; // a third GROUP BY column
};

} // namespace

Status StatsQueries::check(const FigureQuery& q)
{
    if (!q.from.isValid() || !q.to.isValid())
        return Error{QStringLiteral("stats.bad_date"),
                     QStringLiteral("统计的起止日期无效，请按 2026-11-22 的格式填写")};
    if (q.to < q.from)
        return Error{QStringLiteral("stats.bad_range"),
                     QStringLiteral("统计的结束日期早于开始日期，请检查起止日期")};
    if (q.from.daysTo(q.to) > 3660)
        return Error{QStringLiteral("stats.range_too_long"),
                     QStringLiteral("统计范围不能超过十年，请缩短起止日期")};
    if (!q.asOf.isValid())
        return Error{QStringLiteral("stats.bad_date"), QStringLiteral("统计的当前日期无效")};
    return {};
}

Result<bool> StatsQueries::needsRebuild() const
{
    QSqlQuery q(m_store.database());
    if (!q.exec(
            QStringLiteral("SELECT count(*) FROM store_meta WHERE key = 'figures_need_rebuild'")) ||
        !q.next())
        return sqlError("stats.read", QStringLiteral("读取统计状态"), q.lastError().text());
    return q.value(0).toInt() > 0;
}

Result<qint64> StatsQueries::overdueNow(const QDate& asOf) const
{
    QSqlQuery q(m_store.database());
    // A suspended case has no due date (its clocks are paused), so it is never counted.
    q.prepare(QStringLiteral("SELECT count(*) FROM cases WHERE is_open = 1 AND due_date < ?"));
    q.addBindValue(iso(asOf));
    if (!q.exec() || !q.next())
        return sqlError("stats.read", QStringLiteral("统计超期办件"), q.lastError().text());
    return q.value(0).toLongLong();
}

Result<core::FigureTable> StatsQueries::figures(const FigureQuery& query) const
{
    if (Status s = check(query); !s)
        return s.error();
    auto stale = needsRebuild();
    if (!stale)
        return stale.error();
    if (*stale)
        return Error{QStringLiteral("stats.needs_rebuild"),
                     QStringLiteral("数据库刚升级，统计所需的办件索引尚未重建。请先运行 "
                                    "onewindowctl store rebuild，完成后再统计。")};

    QSqlQuery q(m_store.database());
    q.setForwardOnly(true);
    QHash<QString, QString> names; // group key -> what people read
    if (query.groupBy == core::GroupBy::Clerk) {
        auto users = UserRepository(m_store).users();
        if (!users)
            return users.error();
        for (const User& u : *users)
            names.insert(u.userId, u.displayName);
    } else if (query.groupBy == core::GroupBy::Item) {
        // The item's current name (the cases' own may be an older version's).
        if (!q.exec(QStringLiteral("SELECT code, name FROM catalog_items")))
            return sqlError("stats.read", QStringLiteral("读取事项名称"), q.lastError().text());
        while (q.next())
            names.insert(q.value(0).toString(), q.value(1).toString());
        q.finish();
    }

    // One GROUP BY per kind of day. Each reads only an index that holds the day, the group columns
    // and the pass's values (migration 0008), written once when the day is set: a year of a busy
    // hall is ~100,000 index entries per pass and no table row.
    const QList<Pass> passes{
        {"received_date",
         QStringLiteral("count(*)"),
         {},
         [](const QSqlQuery& r, core::FigureSet& f) { f.received = r.value(2).toLongLong(); }},
        {"received_date", QStringLiteral("total(notice_count), total(repeat_notices)"),
         QStringLiteral(" AND notice_count > 0"),
         [](const QSqlQuery& r, core::FigureSet& f) {
             f.notices = r.value(2).toLongLong();
             f.repeatNotices = r.value(3).toLongLong();
         }},
        // The overdue are found among the open cases (a few thousand), not by day of receipt.
        {"+received_date", QStringLiteral("count(*)"),
         QStringLiteral(" AND is_open = 1 AND due_date < '%1'").arg(iso(query.asOf)),
         [](const QSqlQuery& r, core::FigureSet& f) { f.overdue = r.value(2).toLongLong(); }},
        {"accepted_date",
         QStringLiteral("count(*)"),
         {},
         [](const QSqlQuery& r, core::FigureSet& f) { f.accepted = r.value(2).toLongLong(); }},
        {"refused_date",
         QStringLiteral("count(*)"),
         {},
         [](const QSqlQuery& r, core::FigureSet& f) { f.refused = r.value(2).toLongLong(); }},
        {"decided_date",
         QStringLiteral("count(*), total(promised_on_time), total(statutory_on_time), "
                        "total(decision_days)"),
         {},
         [](const QSqlQuery& r, core::FigureSet& f) {
             f.decided = r.value(2).toLongLong();
             f.onTimePromised = r.value(3).toLongLong();
             f.onTimeStatutory = r.value(4).toLongLong();
             f.decisionDays = r.value(5).toLongLong();
         }},
        {"rated_date",
         QStringLiteral("count(*), rating"),
         {},
         [](const QSqlQuery& r, core::FigureSet& f) {
             const int level = r.value(3).toInt();
             if (level >= 1 && level <= 5)
                 f.ratings[static_cast<std::size_t>(level - 1)] = r.value(2).toLongLong();
         },
         QStringLiteral(", rating")},
    };

    const QString key = groupColumn(query.groupBy);
    core::FigureAccumulator acc(query.kind, query.groupBy, query.from, query.to, query.asOf);
    for (const Pass& pass : passes) {
        const QString day = QString::fromLatin1(pass.dateColumn);
        q.prepare(QStringLiteral("SELECT %1, %2, %3 FROM cases WHERE %1 BETWEEN ? AND ?%4 "
                                 "GROUP BY %1, %2%5")
                      .arg(day, key, pass.values, pass.where, pass.extraGroup));
        q.addBindValue(iso(query.from));
        q.addBindValue(iso(query.to));
        if (!q.exec())
            return sqlError("stats.read", QStringLiteral("统计办件"), q.lastError().text());
        while (q.next()) {
            core::FigureSet f;
            pass.read(q, f);
            const QString k = q.value(1).toString();
            acc.add(storedDate(q.value(0)), k, names.value(k, k), f);
        }
        q.finish();
    }
    return acc.finish();
}

} // namespace onewindow::store

#include "store/StatsQueries.h"

#include "store/UserRepository.h"

#include <QSqlError>
#include <QSqlQuery>

#include <functional>

namespace onewindow::store {

namespace {

// YYYY-MM-DD as SQLite returns it, read without QDate::fromString's cost.
QDate isoDay(const QVariant& v)
{
    const QString s = v.toString();
    if (s.size() != 10)
        return {};
    const auto digits = [&](int at, int n) {
        int x = 0;
        for (int i = at; i < at + n; ++i)
            x = x * 10 + (s[i].unicode() - u'0');
        return x;
    };
    return QDate(digits(0, 4), digits(5, 2), digits(8, 2));
}

QString iso(const QDate& d)
{
    return d.toString(Qt::ISODate);
}

// The group key and its label as SQL expressions.
std::pair<QString, QString> groupColumns(core::GroupBy by)
{
    switch (by) {
    case core::GroupBy::None:
        return {QStringLiteral("''"), QStringLiteral("''")};
    case core::GroupBy::Window:
        return {QStringLiteral("window_code"), QStringLiteral("window_code")};
    case core::GroupBy::Clerk:
        return {QStringLiteral("clerk_id"), QStringLiteral("clerk_id")};
    case core::GroupBy::Department:
        return {QStringLiteral("department"), QStringLiteral("department")};
    case core::GroupBy::Item:
        return {QStringLiteral("item_code"), QStringLiteral("max(item_name)")};
    }
    return {QStringLiteral("''"), QStringLiteral("''")};
}

struct Pass
{
    const char* dateColumn;
    QString values; // aggregate expressions after (day, key, label)
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
    q.prepare(QStringLiteral("SELECT count(*) FROM cases WHERE is_open = 1 AND suspended = 0 "
                             "AND due_date < ?"));
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

    QHash<QString, QString> names; // clerk id -> display name
    if (query.groupBy == core::GroupBy::Clerk) {
        auto users = UserRepository(m_store).users();
        if (!users)
            return users.error();
        for (const User& u : *users)
            names.insert(u.userId, u.displayName);
    }

    const QString asOf = iso(query.asOf);
    const QList<Pass> passes{
        {"received_date",
         QStringLiteral("count(*), total(notice_count), total(repeat_notices), "
                        "total(is_open = 1 AND suspended = 0 AND due_date < '%1')")
             .arg(asOf),
         [](const QSqlQuery& q, core::FigureSet& f) {
             f.received = q.value(3).toLongLong();
             f.notices = q.value(4).toLongLong();
             f.repeatNotices = q.value(5).toLongLong();
             f.overdue = q.value(6).toLongLong();
         }},
        {"accepted_date", QStringLiteral("count(*)"),
         [](const QSqlQuery& q, core::FigureSet& f) { f.accepted = q.value(3).toLongLong(); }},
        {"refused_date", QStringLiteral("count(*)"),
         [](const QSqlQuery& q, core::FigureSet& f) { f.refused = q.value(3).toLongLong(); }},
        {"decided_date",
         QStringLiteral("count(*), total(promised_on_time), total(statutory_on_time), "
                        "total(decision_days)"),
         [](const QSqlQuery& q, core::FigureSet& f) {
             f.decided = q.value(3).toLongLong();
             f.onTimePromised = q.value(4).toLongLong();
             f.onTimeStatutory = q.value(5).toLongLong();
             f.decisionDays = q.value(6).toLongLong();
         }},
        {"rated_date", QStringLiteral("rating, count(*)"),
         [](const QSqlQuery& q, core::FigureSet& f) {
             const int level = q.value(3).toInt();
             if (level >= 1 && level <= 5)
                 f.ratings[static_cast<std::size_t>(level - 1)] = q.value(4).toLongLong();
         },
         QStringLiteral(", rating")},
    };

    const auto [key, label] = groupColumns(query.groupBy);
    core::FigureAccumulator acc(query.kind, query.groupBy, query.from, query.to, query.asOf);
    QSqlQuery q(m_store.database());
    q.setForwardOnly(true);
    for (const Pass& pass : passes) {
        // Each pass reads one once-set date through its partial index (received_date: every
        // case), grouped by day and group; the days are put into periods by core.
        const QString sql =
            QStringLiteral("SELECT %1, %2, %3, %4 FROM cases WHERE %1 BETWEEN ? AND ? "
                           "GROUP BY %1, %2%5")
                .arg(QLatin1String(pass.dateColumn), key, label, pass.values, pass.extraGroup);
        q.prepare(sql);
        q.addBindValue(iso(query.from));
        q.addBindValue(iso(query.to));
        if (!q.exec())
            return sqlError("stats.read", QStringLiteral("统计办件"), q.lastError().text());
        while (q.next()) {
            core::FigureSet f;
            pass.read(q, f);
            const QString k = q.value(1).toString();
            QString l = q.value(2).toString();
            if (query.groupBy == core::GroupBy::Clerk)
                l = names.value(k, k);
            acc.add(isoDay(q.value(0)), k, l, f);
        }
        q.finish();
    }
    return acc.finish();
}

} // namespace onewindow::store

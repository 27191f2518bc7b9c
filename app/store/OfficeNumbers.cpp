#include "store/OfficeNumbers.h"

#include "store/Ids.h"
#include "store/SyncRepository.h"

#include <QSqlError>
#include <QSqlQuery>

namespace onewindow::store {

namespace {

Error failed(const QSqlQuery& q)
{
    return sqlError("store.office_numbers", QStringLiteral("读写本窗口的文号段"),
                    q.lastError().text());
}

} // namespace

Error noOfficeNumber(const QString& series, int year)
{
    return Error{
        QStringLiteral("office_number.none"),
        QStringLiteral("本窗口已没有可用的“%1〔%2〕”文号：文号段由大厅服务器分配，已申请新的一段。"
                       "请联网同步（通常几秒内自动完成）后再打印")
            .arg(series)
            .arg(year)};
}

bool OfficeNumbers::fromBlocks() const
{
    return SyncRepository::enrolled(m_store);
}

Result<std::optional<qint64>> OfficeNumbers::next(const QString& series, int year, bool take)
{
    QSqlQuery q(m_store.database());
    q.prepare(QStringLiteral("SELECT first_number, next_number FROM office_number_blocks WHERE "
                             "series = ? AND year = ? AND next_number <= last_number ORDER BY "
                             "first_number LIMIT 1"));
    q.addBindValue(series);
    q.addBindValue(year);
    if (!q.exec())
        return failed(q);
    if (!q.next())
        return std::optional<qint64>();
    const qint64 first = q.value(0).toLongLong();
    const qint64 n = q.value(1).toLongLong();
    q.finish();
    if (!take)
        return std::optional<qint64>(n);
    q.prepare(QStringLiteral("UPDATE office_number_blocks SET next_number = next_number + 1 WHERE "
                             "series = ? AND year = ? AND first_number = ?"));
    q.addBindValue(series);
    q.addBindValue(year);
    q.addBindValue(first);
    if (!q.exec())
        return failed(q);
    auto remaining = left(series, year);
    if (!remaining)
        return remaining.error();
    if (*remaining < kLowWater)
        if (Status s = want(series, year, false); !s)
            return s.error();
    return std::optional<qint64>(n);
}

Status OfficeNumbers::prepare(const QStringList& series, int year)
{
    if (!fromBlocks())
        return {};
    auto asked = wants();
    if (!asked)
        return asked.error();
    for (const QString& one : series) {
        bool waiting = false;
        for (const Want& w : std::as_const(*asked))
            waiting = waiting || (w.series == one && w.year == year);
        auto remaining = left(one, year);
        if (!remaining)
            return remaining.error();
        if (!waiting && *remaining == 0)
            if (Status s = want(one, year, true); !s)
                return s;
    }
    return {};
}

Status OfficeNumbers::want(const QString& series, int year, bool ownTransaction)
{
    const auto insert = [&]() -> Status {
        QSqlQuery q(m_store.database());
        q.prepare(QStringLiteral("INSERT OR IGNORE INTO office_number_wants (series, year, "
                                 "request_id) VALUES (?, ?, ?)"));
        q.addBindValue(series);
        q.addBindValue(year);
        q.addBindValue(newUuidV7(m_store.clock().nowUtc().toMSecsSinceEpoch()));
        if (!q.exec())
            return failed(q);
        return {};
    };
    return ownTransaction ? m_store.transaction(insert) : insert();
}

Result<QList<OfficeNumbers::Want>> OfficeNumbers::wants() const
{
    QSqlQuery q(m_store.database());
    if (!q.exec(QStringLiteral(
            "SELECT series, year, request_id FROM office_number_wants ORDER BY series, year")))
        return failed(q);
    QList<Want> out;
    while (q.next())
        out.append(Want{q.value(0).toString(), q.value(1).toInt(), q.value(2).toString()});
    return out;
}

Status OfficeNumbers::allotted(const Want& w, qint64 first, qint64 last)
{
    return m_store.transaction([&]() -> Status {
        QSqlQuery q(m_store.database());
        q.prepare(QStringLiteral("INSERT OR IGNORE INTO office_number_blocks (series, year, "
                                 "first_number, last_number, next_number) VALUES (?, ?, ?, ?, ?)"));
        q.addBindValue(w.series);
        q.addBindValue(w.year);
        q.addBindValue(first);
        q.addBindValue(last);
        q.addBindValue(first);
        if (!q.exec())
            return failed(q);
        q.prepare(QStringLiteral("DELETE FROM office_number_wants WHERE request_id = ?"));
        q.addBindValue(w.requestId);
        if (!q.exec())
            return failed(q);
        return {};
    });
}

Status OfficeNumbers::drop(const Want& w)
{
    return m_store.transaction([&]() -> Status {
        QSqlQuery q(m_store.database());
        q.prepare(QStringLiteral("DELETE FROM office_number_wants WHERE request_id = ?"));
        q.addBindValue(w.requestId);
        return q.exec() ? Status() : Status(failed(q));
    });
}

Result<qint64> OfficeNumbers::left(const QString& series, int year) const
{
    QSqlQuery q(m_store.database());
    q.prepare(QStringLiteral("SELECT COALESCE(SUM(last_number + 1 - next_number), 0) FROM "
                             "office_number_blocks WHERE series = ? AND year = ?"));
    q.addBindValue(series);
    q.addBindValue(year);
    if (!q.exec() || !q.next())
        return failed(q);
    return q.value(0).toLongLong();
}

} // namespace onewindow::store

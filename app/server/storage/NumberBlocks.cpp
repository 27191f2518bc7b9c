#include "server/storage/NumberBlocks.h"

#include "core/EventChecksum.h"

#include <QRegularExpression>

#include <algorithm>

namespace onewindow::server {

namespace {

core::Error badRequest(const QString& why)
{
    return core::Error{QStringLiteral("numbers.bad_request"), why};
}

} // namespace

core::Result<qint64> NumberBlocks::highest(const QString& hallCode, const QString& series, int year)
{
    const QString head = QStringLiteral("%1〔%2〕").arg(series).arg(year);
    QSqlQuery q = m_db.query();
    if (!m_db.run(q,
                  QStringLiteral("SELECT number FROM issued_numbers WHERE hall_code = ? AND kind "
                                 "<> 'case' AND number LIKE ?"),
                  {hallCode, head + QLatin1Char('%')}))
        return databaseError(m_db.lastError());
    qint64 top = 0;
    static const QRegularExpression tail(QStringLiteral("^(\\d+)号$"));
    while (q.next()) {
        const QString number = q.value(0).toString();
        const auto m = tail.match(number.mid(head.size()));
        if (number.startsWith(head) && m.hasMatch())
            top = std::max(top, m.captured(1).toLongLong());
    }
    if (!m_db.run(q,
                  QStringLiteral("SELECT COALESCE(MAX(last_number), 0) FROM number_blocks WHERE "
                                 "hall_code = ? AND series = ? AND year = ?"),
                  {hallCode, series, year}) ||
        !q.next())
        return databaseError(m_db.lastError());
    return std::max(top, q.value(0).toLongLong());
}

core::Result<NumberBlock> NumberBlocks::allot(const Device& device, const QString& series, int year,
                                              int count, const QString& requestId)
{
    if (series.trimmed().isEmpty() || series.size() > 32 || series.contains(QStringLiteral("〔")))
        return badRequest(QStringLiteral("机关代字（series）须为 1 到 32 个字符"));
    if (year < 2000 || year > 2200)
        return badRequest(QStringLiteral("年份（year）须在 2000 到 2200 之间"));
    if (count < 1 || count > kMaxBlock)
        return badRequest(QStringLiteral("每段文号（count）须为 1 到 %1 个").arg(kMaxBlock));
    if (requestId.isEmpty() || requestId.size() > 64)
        return badRequest(QStringLiteral("须带请求编号（request_id，至多 64 个字符）"));
    if (!m_db.begin())
        return databaseError(m_db.lastError());
    const auto fail = [&]() -> core::Error {
        const QString why = m_db.lastError();
        m_db.rollback();
        return databaseError(why);
    };
    QSqlQuery q = m_db.query();
    // The hall's row first: one allotment of the hall at a time, on every server process.
    if (!m_db.run(q,
                  QStringLiteral("SELECT seq FROM halls WHERE hall_code = ?") +
                      m_db.dialect().lockSuffix,
                  {device.hallCode}) ||
        !q.next())
        return fail();
    q.finish();
    if (!m_db.run(q,
                  QStringLiteral("SELECT series, year, first_number, last_number FROM "
                                 "number_blocks WHERE device_id = ? AND request_id = ?"),
                  {device.deviceId, requestId}))
        return fail();
    if (q.next()) { // asked before: the same block
        NumberBlock b{q.value(0).toString(), q.value(1).toInt(), q.value(2).toLongLong(),
                      q.value(3).toLongLong()};
        q.finish();
        m_db.rollback();
        return b;
    }
    q.finish();
    auto top = highest(device.hallCode, series, year);
    if (!top) {
        m_db.rollback();
        return top.error();
    }
    const NumberBlock b{series, year, *top + 1, *top + count};
    if (!m_db.run(q,
                  QStringLiteral("INSERT INTO number_blocks (hall_code, series, year, "
                                 "first_number, last_number, device_id, request_id, allotted_at) "
                                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
                  {device.hallCode, series, year, b.first, b.last, device.deviceId, requestId,
                   QString::fromUtf8(core::canonicalTimeText(m_clock.nowUtc()))}))
        return fail();
    if (!m_db.commit())
        return databaseError(m_db.lastError());
    return b;
}

} // namespace onewindow::server

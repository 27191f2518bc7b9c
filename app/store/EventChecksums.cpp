#include "store/EventChecksums.h"

#include "core/EventChecksum.h"
#include "store/Store.h"

#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>

#include <sqlite3.h>

namespace onewindow::store {

namespace {

sqlite3* handleOf(const QSqlDatabase& db)
{
    const QVariant handle = db.driver() ? db.driver()->handle() : QVariant();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3* const*>(handle.constData());
}

// A column's stored bytes as they are (integers as their decimal text), not decoded: an invalid
// UTF-8 byte written by raw SQL stays what it is and changes the checksum.
QByteArray bytesOf(sqlite3_value* v)
{
    const auto* text = reinterpret_cast<const char*>(sqlite3_value_text(v));
    return text ? QByteArray(text, sqlite3_value_bytes(v)) : QByteArray();
}

void checksumFunction(sqlite3_context* context, int argc, sqlite3_value** argv)
{
    if (argc != 10) {
        sqlite3_result_error(context, "onewindow_event_checksum takes the ten envelope columns",
                             -1);
        return;
    }
    const core::EventEnvelopeText text{
        bytesOf(argv[0]), bytesOf(argv[1]), bytesOf(argv[2]), bytesOf(argv[3]), bytesOf(argv[4]),
        bytesOf(argv[5]), bytesOf(argv[6]), bytesOf(argv[7]), bytesOf(argv[8]), bytesOf(argv[9])};
    const QByteArray hex = core::eventChecksum(text).toLatin1();
    sqlite3_result_text(context, hex.constData(), int(hex.size()), SQLITE_TRANSIENT);
}

} // namespace

core::Status registerEventChecksumFunction(const QSqlDatabase& db)
{
    sqlite3* handle = handleOf(db);
    if (!handle || sqlite3_create_function_v2(
                       handle, "onewindow_event_checksum", 10, SQLITE_UTF8 | SQLITE_DETERMINISTIC,
                       nullptr, checksumFunction, nullptr, nullptr, nullptr) != SQLITE_OK)
        return core::Error{QStringLiteral("store.checksum_function"),
                           QStringLiteral("无法准备办件记录校验，请重新启动程序")};
    return {};
}

core::Result<QStringList> eventsFailingChecksum(const QSqlDatabase& db, qint64& count, int limit)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral(
            "SELECT event_id, case_id, device_id, device_seq FROM events WHERE checksum IS NOT "
            "onewindow_event_checksum(event_id, case_id, device_id, device_seq, hlc, actor_id, "
            "occurred_at_utc, type, type_version, payload) ORDER BY rowid")))
        return sqlError("store.check", QStringLiteral("核对办件记录校验和"), q.lastError().text());
    QStringList out;
    count = 0;
    while (q.next()) {
        if (++count <= limit)
            out.append(
                QStringLiteral("办件记录 %1（办件 %2，设备 %3 第 %4 条）的内容与其校验和不符，"
                               "已被改动或损坏")
                    .arg(q.value(0).toString(), q.value(1).toString(), q.value(2).toString())
                    .arg(q.value(3).toLongLong()));
    }
    return out;
}

} // namespace onewindow::store

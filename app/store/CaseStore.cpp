#include "store/CaseStore.h"

#include "store/CalendarRepository.h"
#include "store/CatalogRepository.h"
#include "store/EventRows.h"
#include "store/Ids.h"
#include "store/Projection.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

namespace onewindow::store {

using core::Event;
using core::EventType;

struct CaseStore::Statements
{
    explicit Statements(const QSqlDatabase& db)
        : lastRowid(db), device(db), deviceUpdate(db), insertEvent(db), projection(db)
    {
        lastRowid.prepare(QStringLiteral("SELECT max(rowid) FROM events WHERE case_id = ?"));
        device.prepare(
            QStringLiteral("SELECT device_id, next_seq, hlc_wall_ms, hlc_counter FROM device"));
        deviceUpdate.prepare(QStringLiteral(
            "UPDATE device SET next_seq = next_seq + 1, hlc_wall_ms = ?, hlc_counter = ?"));
        insertEvent.prepare(
            QStringLiteral(
                "INSERT INTO events (%1, sync_state) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .arg(kEventColumns));
    }
    QSqlQuery lastRowid;
    QSqlQuery device;
    QSqlQuery deviceUpdate;
    QSqlQuery insertEvent;
    ProjectionWriter projection;
};

CaseStore::CaseStore(Store& store, HallSettings settings)
    : m_store(store), m_settings(std::move(settings))
{
    reloadCalendar();
}

CaseStore::~CaseStore() = default;

CaseStore::Statements& CaseStore::sql()
{
    if (!m_sql)
        m_sql = std::make_shared<Statements>(m_store.database());
    return *m_sql;
}

Status CaseStore::reloadCalendar()
{
    auto notices = CalendarRepository(m_store).loadNotices();
    if (!notices)
        return notices.error();
    m_calendar = core::WorkingCalendar(*notices);
    return {};
}

Status CaseStore::ensureDevice(const QString& hallCode, const QString& deviceCode)
{
    if (device().ok())
        return {};
    return m_store.transaction([&]() -> Status {
        QSqlQuery q(m_store.database());
        q.prepare(QStringLiteral(
            "INSERT INTO device (singleton, device_id, hall_code, device_code, next_seq, "
            "hlc_wall_ms, hlc_counter) VALUES (1, ?, ?, ?, 1, 0, 0)"));
        q.addBindValue(newUuidV7(m_store.clock().nowUtc().toMSecsSinceEpoch()));
        q.addBindValue(hallCode);
        q.addBindValue(deviceCode);
        if (!q.exec())
            return sqlError("store.device", QStringLiteral("登记本工作站"), q.lastError().text());
        return {};
    });
}

Result<DeviceInfo> CaseStore::device() const
{
    QSqlQuery q(m_store.database());
    if (!q.exec(QStringLiteral("SELECT device_id, hall_code, device_code, next_seq FROM device")))
        return sqlError("store.device", QStringLiteral("读取工作站信息"), q.lastError().text());
    if (!q.next())
        return Error{QStringLiteral("store.no_device"),
                     QStringLiteral("本工作站尚未完成设置（大厅编码、窗口号）")};
    return DeviceInfo{q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                      q.value(3).toLongLong()};
}

Result<core::FoldContext> CaseStore::contextFor(const QString& itemCode, int itemVersion) const
{
    const QString key = itemCode + QLatin1Char('#') + QString::number(itemVersion);
    auto it = m_items.find(key);
    if (it == m_items.end()) {
        auto version = CatalogRepository(m_store).itemVersion(itemCode, itemVersion);
        if (!version)
            return version.error();
        it = m_items.insert(key, std::make_shared<core::ServiceItem>(version->item));
    }
    core::FoldContext ctx;
    ctx.item = it.value().get();
    ctx.calendar = &m_calendar;
    ctx.zone = m_settings.zone;
    ctx.officeClose = m_settings.officeClose;
    ctx.followUpDays = m_settings.followUpDays;
    return ctx;
}

Result<QList<Event>> CaseStore::events(const QString& caseId) const
{
    QSqlQuery q(m_store.database());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT %1 FROM events WHERE case_id = ? ORDER BY rowid")
                  .arg(kEventColumns));
    q.addBindValue(caseId);
    if (!q.exec())
        return sqlError("store.events_read", QStringLiteral("读取办件记录"), q.lastError().text());
    QList<Event> out;
    while (q.next()) {
        auto e = eventFromRow(q);
        if (!e)
            return e.error();
        out.append(*e);
    }
    return out;
}

Result<CaseStore::LoadedCase> CaseStore::load(const QString& caseId) const
{
    auto list = events(caseId);
    if (!list)
        return list.error();
    if (list->isEmpty())
        return Error{QStringLiteral("case.unknown"), QStringLiteral("没有这个办件")};
    const QJsonObject& first = list->first().payload;
    auto ctx = contextFor(first.value(QStringLiteral("itemCode")).toString(),
                          first.value(QStringLiteral("itemVersion")).toInt());
    if (!ctx)
        return ctx.error();
    auto state = core::foldCase(*list, *ctx);
    if (!state)
        return state.error();
    return LoadedCase{*list, *ctx, *state};
}

Result<core::CaseState> CaseStore::state(const QString& caseId) const
{
    auto loaded = load(caseId);
    if (!loaded)
        return loaded.error();
    return loaded->state;
}

Result<QString> CaseStore::caseIdByNumber(const QString& caseNumber) const
{
    QSqlQuery q(m_store.database());
    q.prepare(QStringLiteral("SELECT case_id FROM cases WHERE case_number = ?"));
    q.addBindValue(caseNumber.trimmed());
    if (!q.exec())
        return sqlError("store.cases_read", QStringLiteral("查找办件"), q.lastError().text());
    if (!q.next())
        return Error{QStringLiteral("case.unknown_number"),
                     QStringLiteral("没有编号为 %1 的办件").arg(caseNumber)};
    return q.value(0).toString();
}

Result<Event> CaseStore::stamp(EventType type, const QString& caseId, const QJsonObject& payload,
                               const QString& actor)
{
    QSqlQuery& q = sql().device;
    if (!q.exec() || !q.next())
        return Error{QStringLiteral("store.no_device"),
                     QStringLiteral("本工作站尚未完成设置（大厅编码、窗口号）")};
    const QDateTime now = m_store.clock().nowUtc();
    const Hlc hlc = Hlc{q.value(2).toLongLong(), q.value(3).toInt()}.tick(now.toMSecsSinceEpoch());
    Event e;
    e.eventId = newUuidV7(now.toMSecsSinceEpoch());
    e.caseId = caseId;
    e.deviceId = q.value(0).toString();
    e.deviceSeq = q.value(1).toLongLong();
    e.hlc = hlc.text(e.deviceId);
    e.actorId = actor;
    e.occurredAtUtc = now;
    e.type = type;
    e.typeVersion = core::currentTypeVersion(type);
    e.payload = payload;
    q.finish();
    QSqlQuery& u = sql().deviceUpdate;
    u.bindValue(0, hlc.wallMs);
    u.bindValue(1, hlc.counter);
    if (!u.exec())
        return sqlError("store.device", QStringLiteral("更新工作站序号"), u.lastError().text());
    return e;
}

Status CaseStore::insertEvent(const Event& e, const QString& syncState)
{
    QSqlQuery& q = sql().insertEvent;
    const QVariant values[] = {e.eventId,
                               e.caseId,
                               e.deviceId,
                               e.deviceSeq,
                               e.hlc,
                               e.actorId,
                               e.occurredAtUtc.toString(Qt::ISODateWithMs),
                               core::eventTypeKey(e.type),
                               e.typeVersion,
                               eventPayloadText(e),
                               syncState};
    for (int i = 0; i < 11; ++i)
        q.bindValue(i, values[i]);
    if (!q.exec())
        return sqlError("store.event_write", QStringLiteral("保存办件记录"), q.lastError().text());
    return {};
}

Status CaseStore::project(const core::CaseState& state, const core::FoldContext& context,
                          const QDate& asOf)
{
    auto clocks = core::clocksOf(state, context, asOf);
    if (!clocks)
        return clocks.error();
    return sql().projection.write(projectCase(state, context, *clocks));
}

Result<QString> CaseStore::nextCaseNumber(const DeviceInfo& device, const QDate& day)
{
    const QString key = day.toString(QStringLiteral("yyyyMMdd"));
    QSqlQuery q(m_store.database());
    q.prepare(QStringLiteral("INSERT INTO case_number_counters (day, last) VALUES (?, 1) "
                             "ON CONFLICT (day) DO UPDATE SET last = last + 1 RETURNING last"));
    q.addBindValue(key);
    if (!q.exec() || !q.next())
        return sqlError("store.case_number", QStringLiteral("生成办件编号"), q.lastError().text());
    return QStringLiteral("%1-%2-%3-%4")
        .arg(device.hallCode, key, device.deviceCode)
        .arg(q.value(0).toLongLong(), 4, 10, QLatin1Char('0'));
}

Result<CaseStore::Appended> CaseStore::appendInTransaction(const QString& caseId, EventType type,
                                                           const QJsonObject& payload,
                                                           const QString& actor)
{
    core::CaseState state;
    std::optional<CaseProjection> previous;
    QString itemCode = payload.value(QStringLiteral("itemCode")).toString();
    int itemVersion = payload.value(QStringLiteral("itemVersion")).toInt();
    if (type != EventType::Received) {
        QSqlQuery& last = sql().lastRowid;
        last.bindValue(0, caseId);
        if (!last.exec() || !last.next())
            return sqlError("store.events_read", QStringLiteral("读取办件记录"),
                            last.lastError().text());
        const QVariant lastRowid = last.value(0);
        last.finish();
        if (lastRowid.isNull())
            return Error{QStringLiteral("case.unknown"), QStringLiteral("没有这个办件")};
        auto cached = m_cache.constFind(caseId);
        if (cached != m_cache.constEnd() && cached->lastRowid == lastRowid.toLongLong()) {
            state = cached->state;
            previous = cached->projection;
        } else {
            auto loaded = load(caseId);
            if (!loaded)
                return loaded.error();
            state = loaded->state;
        }
        itemCode = state.itemCode;
        itemVersion = state.itemVersion;
    }
    auto ctx = contextFor(itemCode, itemVersion);
    if (!ctx)
        return ctx.error();
    auto e = stamp(type, caseId, payload, actor);
    if (!e)
        return e.error();
    if (core::Status s = core::checkEvent(state, *e, *ctx); !s)
        return s.error();
    if (core::Status s = insertEvent(*e, QStringLiteral("pending")); !s)
        return s.error();
    const qint64 rowid = sql().insertEvent.lastInsertId().toLongLong();
    core::applyEvent(state, *e, *ctx);
    auto clocks = core::clocksOf(state, *ctx, core::civilDate(*e, m_settings.zone));
    if (!clocks)
        return clocks.error();
    CaseProjection projection = projectCase(state, *ctx, *clocks);
    if (core::Status s = sql().projection.write(projection, previous ? &*previous : nullptr); !s)
        return s.error();
    m_pending.insert(caseId, CachedCase{state, rowid, projection});
    return Appended{*e, state};
}

void CaseStore::settle(bool committed)
{
    // Only what committed may be remembered; anything else is read from the store next time.
    for (auto it = m_pending.begin(); it != m_pending.end(); ++it) {
        if (committed) {
            if (m_cache.size() > 512)
                m_cache.clear();
            m_cache.insert(it.key(), it.value());
        } else {
            m_cache.remove(it.key());
        }
    }
    m_pending.clear();
}

Result<CaseStore::Appended> CaseStore::receive(core::ReceivedInput input, const QString& actor)
{
    auto dev = device();
    if (!dev)
        return dev.error();
    std::optional<Appended> done;
    const Status status = m_store.transaction([&]() -> Status {
        const QDate today = m_store.clock().todayIn(m_settings.zone);
        auto number = nextCaseNumber(*dev, today);
        if (!number)
            return number.error();
        input.caseNumber = *number;
        input.queryCode = newQueryCode();
        if (!input.receiptDate.isValid())
            input.receiptDate = today;
        input.windowCode = dev->deviceCode;
        const QString caseId = newUuidV7(m_store.clock().nowUtc().toMSecsSinceEpoch());
        auto appended =
            appendInTransaction(caseId, EventType::Received, core::payload::received(input), actor);
        if (!appended)
            return appended.error();
        done = *appended;
        return {};
    });
    settle(status.ok());
    if (!status)
        return status.error();
    return *done;
}

Result<CaseStore::Appended> CaseStore::append(const QString& caseId, EventType type,
                                              const QJsonObject& payload, const QString& actor)
{
    if (type == EventType::Received)
        return Error{QStringLiteral("case.use_receive"), QStringLiteral("收件请使用收件流程")};
    std::optional<Appended> done;
    const Status status = m_store.transaction([&]() -> Status {
        auto appended = appendInTransaction(caseId, type, payload, actor);
        if (!appended)
            return appended.error();
        done = *appended;
        return {};
    });
    settle(status.ok());
    if (!status)
        return status.error();
    return *done;
}

Status CaseStore::reproject(const QString& caseId)
{
    auto loaded = load(caseId);
    if (!loaded)
        return loaded.error();
    return project(loaded->state, loaded->context,
                   core::civilDate(loaded->events.last(), m_settings.zone));
}

} // namespace onewindow::store

#include "store/CaseStore.h"

#include "core/CaseHead.h"
#include "core/CaseNumber.h"
#include "core/ClockOffset.h"
#include "core/EventChecksum.h"
#include "core/EventSpec.h"

#include "store/CalendarRepository.h"
#include "store/CaseStoreStatements.h"
#include "store/CatalogRepository.h"
#include "store/EventRows.h"
#include "store/HallSetup.h"
#include "store/Ids.h"
#include "store/OfflineRule.h"
#include "store/Projection.h"
#include "store/SqlStatement.h"
#include "store/SyncRepository.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

namespace onewindow::store {

using core::Event;
using core::EventType;

CaseStore::CaseStore(Store& store, HallSettings settings)
    : m_store(store), m_settings(std::move(settings))
{
    // A failure is kept and reported by every fold (contextFor): counting with an empty,
    // all-provisional calendar instead would put wrong deadlines before the person.
    m_calendarStatus = reloadCalendar();
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
    if (!notices) {
        m_calendarStatus = Error{notices.error().code,
                                 QStringLiteral("无法读取节假日日历，期限无法计算，请重新打开程序；"
                                                "仍不行请联系管理员（%1）")
                                     .arg(notices.error().message)};
        return m_calendarStatus;
    }
    m_calendar = core::WorkingCalendar(*notices);
    m_calendarStatus = {};
    return {};
}

Status CaseStore::ensureDevice(const QString& hallCode, const QString& deviceCode)
{
    return m_store.transaction(
        [&]() -> Status { return writeDeviceRow(m_store, hallCode, deviceCode); });
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
    if (!m_calendarStatus)
        return m_calendarStatus.error();
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
    // The canonical order: every store holding these events folds them alike.
    q.prepare(canonicalEventsQuery(QStringLiteral("e.case_id = ?")));
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
    if (!ctx->item || !ctx->calendar)
        return Error{QStringLiteral("fold.no_context"),
                     QStringLiteral("缺少事项或日历，无法核对办件")};
    auto state = core::foldOrdered(*list, *ctx);
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

namespace {

Hlc hlcOf(const QString& text) // 13-digit ms - 5-digit counter - device
{
    return Hlc{text.left(13).toLongLong(), text.mid(14, 5).toInt()};
}

bool later(const Hlc& a, const Hlc& b)
{
    return a.wallMs > b.wallMs || (a.wallMs == b.wallMs && a.counter > b.counter);
}

} // namespace

Result<Event> CaseStore::stamp(EventType type, const QString& caseId, const QJsonObject& payload,
                               const QString& actor, const QString& after)
{
    // The device's sequence and hybrid logical clock go on from its last event, read in this
    // transaction off the (device_id, device_seq) index: the event row persists both, so an
    // action writes no counter row of its own. The device row holds a floor (what the device
    // had reached when it was set up or seeded, or an HLC seen from elsewhere).
    SqlStatement& q = sql().device;
    q.reset();
    if (!q.next()) {
        if (!q.error().isEmpty()) // a failed read is no missing setup
            return sqlError("store.device", QStringLiteral("读取工作站信息"), q.error());
        return Error{QStringLiteral("store.no_device"),
                     QStringLiteral("本工作站尚未完成设置（大厅编码、窗口号）")};
    }
    const QString deviceId = q.text(0);
    qint64 seq = q.int64(1);
    Hlc last{q.int64(2), static_cast<int>(q.int64(3))};
    q.reset();
    SqlStatement& own = sql().lastOwn;
    own.bind(0, deviceId);
    if (own.next()) {
        seq = std::max(seq, own.int64(0) + 1);
        if (const Hlc logged = hlcOf(own.text(1)); later(logged, last))
            last = logged;
    } else if (!own.error().isEmpty()) {
        return sqlError("store.events_read", QStringLiteral("读取工作站序号"), own.error());
    }
    own.reset();
    // After the case's last event in the canonical order (another device's or a system event),
    // so an action always lands at the end of its case; decision 7: not a time more than the
    // hall's maxClockGapSeconds ahead of now (the hall order still puts the action after it).
    const QDateTime now = m_store.clock().nowUtc();
    if (!after.isEmpty())
        if (const Hlc seen = hlcOf(after);
            later(seen, last) && core::sync::remoteTimeUsable(seen.wallMs, now.toMSecsSinceEpoch(),
                                                              m_settings.maxClockGapSeconds))
            last = seen;
    const Hlc hlc = last.tick(now.toMSecsSinceEpoch());
    Event e;
    e.eventId = newUuidV7(now.toMSecsSinceEpoch());
    e.caseId = caseId;
    e.deviceId = deviceId;
    e.deviceSeq = seq;
    e.hlc = hlc.text(e.deviceId);
    e.actorId = actor;
    e.occurredAtUtc = now;
    e.type = type;
    e.typeVersion = core::currentTypeVersion(type);
    e.payload = payload;
    return e;
}

Status CaseStore::insertEvent(const Event& e, const QString& syncState)
{
    return insertEventWith(sql().insertEvent, e, syncState);
}

Status CaseStore::insertEventWith(SqlStatement& q, const Event& e, const QString& syncState)
{
    // The columns hold the canonical texts the checksum is made of (core/EventChecksum.h).
    const core::EventEnvelopeText text = core::envelopeText(e);
    q.bindUtf8(0, text.eventId);
    q.bindUtf8(1, text.caseId);
    q.bindUtf8(2, text.deviceId);
    q.bind(3, e.deviceSeq);
    q.bindUtf8(4, text.hlc);
    q.bindUtf8(5, text.actorId);
    q.bindUtf8(6, text.occurredAtUtc);
    q.bindUtf8(7, text.type);
    q.bind(8, qint64{e.typeVersion});
    q.bindUtf8(9, text.payload);
    q.bind(10, core::eventChecksum(text));
    q.bind(11, syncState);
    if (!q.exec())
        return sqlError("store.event_write", QStringLiteral("保存办件记录"), q.error());
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
    // The next number after the highest this window gave that day, read off the case-number
    // index: no counter row to write with every intake, and nothing to get out of step with the
    // cases after a restore or a rebuild.
    const QString prefix = core::caseNumberPrefix(device.hallCode, day, device.deviceCode);
    SqlStatement& q = sql().caseNumber;
    q.bind(0, prefix);
    q.bind(1, prefix + QChar(0x7f));
    int last = 0;
    if (q.next()) {
        Result<core::CaseNumber> stored = core::CaseNumber::parse(q.text(0));
        if (!stored) {
            q.reset();
            return stored.error();
        }
        last = stored->sequence;
    }
    q.reset();
    if (!q.error().isEmpty())
        return sqlError("store.case_number", QStringLiteral("生成办件编号"), q.error());
    if (last >= core::CaseNumber::kLastSequence)
        return Error{QStringLiteral("store.case_numbers_used_up"),
                     QStringLiteral("本窗口今日的办件编号已用完（%1 件），请在其他窗口收件")
                         .arg(core::CaseNumber::kLastSequence)};
    Result<core::CaseNumber> next =
        core::CaseNumber::make(device.hallCode, day, device.deviceCode, last + 1);
    if (!next)
        return next.error();
    return next->text();
}

Result<CaseStore::Appended> CaseStore::appendInTransaction(const QString& caseId, EventType type,
                                                           const QJsonObject& payload,
                                                           const QString& actor)
{
    QList<core::Event> events;
    core::CaseState state;
    std::optional<CaseProjection> previous;
    qint64 lastPlaced = 0;
    QString itemCode = payload.value(QStringLiteral("itemCode")).toString();
    int itemVersion = payload.value(QStringLiteral("itemVersion")).toInt();
    if (type != EventType::Received) {
        auto now = current(caseId);
        if (!now)
            return now.error();
        events = std::move(now->loaded.events);
        state = std::move(now->loaded.state);
        previous = std::move(now->projection);
        lastPlaced = now->lastPlaced;
        itemCode = state.itemCode;
        itemVersion = state.itemVersion;
    }
    auto ctx = contextFor(itemCode, itemVersion);
    if (!ctx)
        return ctx.error();
    if (type != EventType::Received && m_producesSystemEvents) {
        // What fell due before this action happened first (a deemed acceptance before a late
        // notice): produced now, it precedes the action in the case's order.
        LoadedCase loaded{std::move(events), *ctx, std::move(state)};
        bool changed = false;
        if (Status s = catchUp(caseId, loaded, m_store.clock().todayIn(m_settings.zone), changed);
            !s)
            return s.error();
        events = std::move(loaded.events);
        state = std::move(loaded.state);
        if (changed)
            previous.reset();
    }
    // The case's head and the calendar this device judges the act on (decisions 1 and 8).
    QJsonObject stamped = core::sync::withCalendarVersion(
        type, core::sync::withCaseHead(type, payload, events), ctx->calendar->version());
    if (type == EventType::Held || core::eventSpec(type).irreversible) {
        // 领办 names the holding window; offline, only a held case is decided (OfflineRule.h).
        auto device = thisDevice();
        if (!device)
            return device.error();
        if (type == EventType::Held) {
            stamped.insert(QStringLiteral("window"), device->deviceCode);
            if (const QString dept = SyncRepository::backOfficeDepartment(m_store); !dept.isEmpty())
                stamped.insert(QStringLiteral("department"), dept);
        }
        if (Status s = checkOfflineRule(m_store, state, type, device->deviceId, lastPlaced != 0);
            !s)
            return s.error();
    }
    auto e = stamp(type, caseId, stamped, actor, events.isEmpty() ? QString() : events.last().hlc);
    if (!e)
        return e.error();
    if (core::Status s = core::admitEvent(state, e.value(), *ctx); !s)
        return s.error();
    if (core::Status s = insertEvent(*e, QStringLiteral("pending")); !s)
        return s.error();
    const qint64 rowid = sql().insertEvent.lastInsertRowid();
    core::applyEvent(state, *e, *ctx);
    auto clocks = core::clocksOf(state, *ctx, core::civilDate(*e, m_settings.zone));
    if (!clocks)
        return clocks.error();
    CaseProjection projection = projectCase(state, *ctx, *clocks);
    if (core::Status s = sql().projection.write(projection, previous ? &*previous : nullptr); !s)
        return s.error();
    events.append(*e);
    m_pending.insert(caseId, CachedCase{std::move(events), state, rowid, lastPlaced, projection});
    return Appended{*e, state};
}

Result<CaseStore::Current> CaseStore::current(const QString& caseId)
{
    SqlStatement& last = sql().lastRowid;
    last.bind(0, caseId);
    if (!last.next())
        return sqlError("store.events_read", QStringLiteral("读取办件记录"), last.error());
    const bool none = last.isNull(0);
    // The last event and the last placement sync wrote: either moves the case on.
    const qint64 lastRowid = last.int64(0);
    const qint64 lastPlaced = last.int64(1); // sync's placements move a case on too
    last.reset();
    if (none)
        return Error{QStringLiteral("case.unknown"), QStringLiteral("没有这个办件")};
    auto cached = m_cache.constFind(caseId);
    if (cached != m_cache.constEnd() && cached->lastRowid == lastRowid &&
        cached->lastPlaced == lastPlaced) {
        auto ctx = contextFor(cached->state.itemCode, cached->state.itemVersion);
        if (!ctx)
            return ctx.error();
        return Current{LoadedCase{cached->events, *ctx, cached->state}, cached->projection,
                       lastPlaced};
    }
    auto loaded = load(caseId);
    if (!loaded)
        return loaded.error();
    return Current{*loaded, std::nullopt, lastPlaced};
}

Result<DeviceInfo> CaseStore::thisDevice()
{
    SqlStatement& q = sql().deviceInfo;
    if (!q.next()) {
        if (!q.error().isEmpty())
            return sqlError("store.device", QStringLiteral("读取工作站信息"), q.error());
        return Error{QStringLiteral("store.no_device"),
                     QStringLiteral("本工作站尚未完成设置（大厅编码、窗口号）")};
    }
    DeviceInfo d{q.text(0), q.text(1), q.text(2), q.int64(3)};
    q.reset();
    return d;
}

Result<qint64> CaseStore::documentSequence(const QString& kindKey, int year, bool take)
{
    SqlStatement& q = take ? sql().documentTake : sql().documentPeek;
    q.bind(0, kindKey);
    q.bind(1, qint64{year});
    if (!q.next())
        return sqlError("store.document_number", QStringLiteral("生成文书编号"), q.error());
    const qint64 n = q.int64(0);
    q.reset();
    return n;
}

void CaseStore::settle(bool committed)
{
    // Only what committed may be remembered; anything else is read from the store next time.
    for (auto it = m_pending.begin(); it != m_pending.end(); ++it) {
        if (committed) {
            if (m_cache.size() > 512)
                m_cache.clear();
            m_cache.insert(it.key(), std::move(it.value()));
        } else {
            m_cache.remove(it.key());
        }
    }
    m_pending.clear();
}

Result<CaseStore::Appended>
CaseStore::append(const QString& caseId, EventType type, const QJsonObject& payload,
                  const QString& actor, const std::function<Status(const Appended&)>& alongside)
{
    if (type == EventType::Received)
        return Error{QStringLiteral("case.use_receive"), QStringLiteral("收件请使用收件流程")};
    if (Status clock = checkClock(); !clock)
        return clock.error();
    if (m_producesSystemEvents) {
        // A lapse that fell due is recorded on its own first, so it stands even when the action
        // is then refused (a notice after the notice period).
        // Any failure stops the action (an unknown case gives the same message the action would).
        if (auto caught = catchUpCase(caseId, m_store.clock().todayIn(m_settings.zone)); !caught)
            return caught.error();
    }
    std::optional<Appended> done;
    const Status status = m_store.transaction([&]() -> Status {
        auto appended = appendInTransaction(caseId, type, payload, actor);
        if (!appended)
            return appended.error();
        if (alongside)
            if (Status s = alongside(*appended); !s)
                return s;
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

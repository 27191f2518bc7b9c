// CaseStore's work on many cases at once: events made elsewhere, system events that fall due,
// and the recomputation after a calendar import.
#include "store/CalendarRepository.h"
#include "store/CaseStore.h"

#include "core/CaseHold.h"
#include "store/CaseStoreStatements.h"
#include "store/EventRows.h"
#include "store/MasterDataGuard.h"
#include "store/Projection.h"

#include "core/EventChecksum.h"
#include "core/SystemEvents.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

namespace onewindow::store {

using core::Event;
using core::EventType;

Result<int> CaseStore::importEvents(const QList<Event>& events)
{
    int inserted = 0;
    const Status status = m_store.transaction([&]() -> Status {
        QSqlDatabase db = m_store.database();
        QSqlQuery exists(db);
        exists.prepare(QStringLiteral("SELECT 1 FROM events WHERE case_id = ? LIMIT 1"));
        // An event already stored (the same id under the same device sequence) is skipped; a
        // device sequence already used by another event fails the whole import.
        QSqlQuery insert(db);
        insert.prepare(QStringLiteral("INSERT INTO events (%1, sync_state) VALUES (?, ?, ?, ?, ?, "
                                      "?, ?, ?, ?, ?, ?, 'synced') "
                                      "ON CONFLICT (device_id, device_seq) DO NOTHING")
                           .arg(kEventWriteColumns));
        QSqlQuery stored(db);
        stored.prepare(
            QStringLiteral("SELECT event_id FROM events WHERE device_id = ? AND device_seq = ?"));
        QHash<QString, QList<Event>> fresh; // cases new to this store: folded from the batch alone
        QSet<QString> touched;              // cases that had events before: folded from the store
        QStringList order;
        for (const Event& e : events) {
            if (!fresh.contains(e.caseId) && !touched.contains(e.caseId)) {
                exists.addBindValue(e.caseId);
                if (!exists.exec())
                    return sqlError("store.event_write", QStringLiteral("导入办件记录"),
                                    exists.lastError().text());
                (exists.next() ? touched.insert(e.caseId)
                               : (fresh.insert(e.caseId, {}), touched.end()));
                exists.finish();
                order.append(e.caseId);
            }
            const QVariant values[] = {e.eventId,
                                       e.caseId,
                                       e.deviceId,
                                       e.deviceSeq,
                                       e.hlc,
                                       e.actorId,
                                       QString::fromLatin1(eventTimeText(e.occurredAtUtc)),
                                       core::eventTypeKey(e.type),
                                       e.typeVersion,
                                       QString::fromUtf8(eventPayloadText(e)),
                                       core::eventChecksum(e)};
            for (int i = 0; i < 11; ++i)
                insert.bindValue(i, values[i]);
            if (!insert.exec())
                return sqlError("store.event_write", QStringLiteral("导入办件记录"),
                                insert.lastError().text());
            if (insert.numRowsAffected() < 1) {
                stored.addBindValue(e.deviceId);
                stored.addBindValue(e.deviceSeq);
                if (!stored.exec() || !stored.next())
                    return sqlError("store.event_write", QStringLiteral("导入办件记录"),
                                    stored.lastError().text());
                const QString storedId = stored.value(0).toString();
                stored.finish();
                if (storedId != e.eventId)
                    return Error{QStringLiteral("store.sequence_conflict"),
                                 QStringLiteral("导入的记录与已有记录冲突：设备 %1 的序号 %2 "
                                                "已被另一条记录使用，未导入任何记录")
                                     .arg(e.deviceId)
                                     .arg(e.deviceSeq)};
                continue; // already stored
            }
            ++inserted;
            if (fresh.contains(e.caseId))
                fresh[e.caseId].append(e);
        }
        for (const QString& caseId : std::as_const(order)) {
            if (touched.contains(caseId)) {
                if (Status s = reproject(caseId); !s)
                    return s;
                continue;
            }
            QList<Event>& list = fresh[caseId];
            core::sortCanonically(list);
            const QJsonObject& first = list.first().payload;
            auto ctx = contextFor(first.value(QStringLiteral("itemCode")).toString(),
                                  first.value(QStringLiteral("itemVersion")).toInt());
            if (!ctx)
                return ctx.error();
            auto state = core::foldCase(list, *ctx);
            if (!state)
                return state.error();
            if (Status s = project(*state, *ctx, core::civilDate(list.last(), m_settings.zone)); !s)
                return s;
        }
        return {};
    });
    settle(false); // the imported cases are read from the store next time
    m_cache.clear();
    if (!status)
        return status.error();
    return inserted;
}

Result<int> CaseStore::insertSystemEvents(const core::CaseState& state,
                                          const core::FoldContext& context,
                                          QList<core::Event> events)
{
    int inserted = 0;
    core::CaseState s = state;
    for (core::Event& e : events) {
        // One that is not legal now (the case moved on meanwhile) is simply not produced.
        if (!core::admitEvent(s, e, context))
            continue;
        SqlStatement& q = sql().insertSystemEvent;
        if (Status st = insertEventWith(q, e, QStringLiteral("pending")); !st)
            return st.error();
        inserted += static_cast<int>(q.changes());
        core::applyEvent(s, e, context);
    }
    return inserted;
}

Status CaseStore::catchUp(const QString& caseId, LoadedCase& loaded, const QDate& today,
                          bool& changed)
{
    changed = false;
    auto due = core::dueSystemEvents(loaded.state, loaded.context, today);
    if (!due)
        return due.error();
    if (due->isEmpty())
        return {};
    // Decision 4: a held case's time-driven events are its holder's to make, so a notice the
    // holder served offline on the last day does not lose to another window's deemed acceptance.
    if (!loaded.state.holderDevice.isEmpty()) {
        auto device = thisDevice();
        if (!device)
            return device.error();
        if (!core::heldBy(loaded.state, device->deviceId))
            return {};
    }
    auto inserted = insertSystemEvents(loaded.state, loaded.context, *due);
    if (!inserted)
        return inserted.error();
    // Dated when their clock ran out, they may precede events already stored: fold afresh.
    auto fresh = load(caseId);
    if (!fresh)
        return fresh.error();
    loaded = std::move(*fresh);
    changed = true;
    return {};
}

Result<int> CaseStore::catchUpCase(const QString& caseId, const QDate& today)
{
    {
        // Most cases have nothing due: asked of the cached case, without a transaction.
        auto now = current(caseId);
        if (!now)
            return now.error();
        auto due = core::dueSystemEvents(now->loaded.state, now->loaded.context, today);
        if (!due)
            return due.error();
        if (due->isEmpty())
            return 0;
    }
    int produced = 0;
    const Status status = m_store.transaction([&]() -> Status {
        auto loaded = load(caseId);
        if (!loaded)
            return loaded.error();
        bool changed = false;
        const int before = static_cast<int>(loaded->events.size());
        if (Status s = catchUp(caseId, loaded.value(), today, changed); !s)
            return s;
        if (!changed)
            return {};
        produced = static_cast<int>(loaded->events.size()) - before;
        return project(loaded->state, loaded->context,
                       core::civilDate(loaded->events.last(), m_settings.zone));
    });
    if (!status)
        return status.error();
    return produced;
}

Result<int> CaseStore::produceDueSystemEvents(const QDate& today)
{
    if (!m_producesSystemEvents)
        return 0;
    // Candidates from the projection; core decides (dueSystemEvents). Clocks run out at the end
    // of their deadline day: due when the deadline is before today.
    QSqlQuery q(m_store.database());
    q.prepare(dueLapseCandidatesSql());
    q.addBindValue(today.toString(Qt::ISODate));
    if (!q.exec())
        return sqlError("store.cases_read", QStringLiteral("检查到期办件"), q.lastError().text());
    QStringList due;
    while (q.next())
        due.append(q.value(0).toString());
    q.finish();
    int produced = 0;
    for (const QString& caseId : std::as_const(due)) {
        auto done = catchUpCase(caseId, today);
        if (!done)
            return done.error();
        produced += *done;
    }
    return produced;
}

Result<int> CaseStore::importCalendar(const QList<core::HolidayNotice>& notices, int* checked)
{
    if (Status refused = refuseIfHallAuthored(m_store, core::sync::MasterKind::Calendar); !refused)
        return refused.error();
    int recorded = 0;
    const Status status = m_store.transaction([&]() -> Status {
        if (Status s = CalendarRepository(m_store).writeNotices(notices); !s)
            return s;
        if (Status s = reloadCalendar(); !s)
            return s;
        QSqlDatabase db = m_store.database();
        QSet<QString> affected;
        for (const core::HolidayNotice& n : notices) {
            // Any clock whose counting reaches into the notice's year (or the neighbours it lists).
            QSqlQuery q(db);
            q.prepare(QStringLiteral("SELECT DISTINCT case_id FROM case_clocks WHERE deadline >= ? "
                                     "AND trigger_date <= ?"));
            q.addBindValue(QStringLiteral("%1-01-01").arg(n.year - 1));
            q.addBindValue(QStringLiteral("%1-12-31").arg(n.year + 1));
            if (!q.exec())
                return sqlError("store.cases_read", QStringLiteral("查找受影响的办件"),
                                q.lastError().text());
            while (q.next())
                affected.insert(q.value(0).toString());
        }
        if (checked)
            *checked = static_cast<int>(affected.size());
        const QString sources = core::noticeNames(notices); // named on every entry
        for (const QString& caseId : std::as_const(affected)) {
            auto before = readProjection(db, caseId);
            if (!before)
                return before.error();
            if (Status s = reproject(caseId); !s)
                return s;
            auto after = readProjection(db, caseId);
            if (!after)
                return after.error();
            const bool open =
                before->caseRow.value(kCaseColumns.indexOf(QStringLiteral("is_open"))).toInt() == 1;
            if (!open || before->clockRows == after->clockRows)
                continue;
            QJsonArray changes;
            const int deadline =
                static_cast<int>(kClockColumns.indexOf(QStringLiteral("deadline")));
            for (const QVariantList& row : after->clockRows) {
                for (const QVariantList& old : before->clockRows) {
                    if (old[1] == row[1] && old[deadline] != row[deadline])
                        changes.append(
                            QJsonObject{{QStringLiteral("kind"), row[1].toString()},
                                        {QStringLiteral("oldDeadline"), old[deadline].toString()},
                                        {QStringLiteral("newDeadline"), row[deadline].toString()}});
                }
            }
            if (changes.isEmpty())
                continue;
            // A system event: the same import of the same notice elsewhere (another window, the
            // server) names the same change, so the case's timeline holds it once.
            auto loaded = load(caseId);
            if (!loaded)
                return loaded.error();
            auto inserted = insertSystemEvents(
                loaded->state, loaded->context,
                {core::deadlineRecomputed(caseId, sources, changes, loaded->events.last(),
                                          m_store.clock().nowUtc())});
            if (!inserted)
                return inserted.error();
            if (*inserted == 0)
                continue;
            if (Status s = reproject(caseId); !s)
                return s;
            ++recorded;
        }
        return {};
    });
    settle(false);
    m_cache.clear(); // projections were recomputed with the new calendar
    if (!status) {
        reloadCalendar(); // the stored calendar is unchanged: count with it again
        return status.error();
    }
    return recorded;
}

} // namespace onewindow::store

#include "store/SupervisionQueries.h"

#include "core/CaseClocks.h"
#include "core/CaseFold.h"
#include "core/Event.h"
#include "store/EventRows.h"

#include <QHash>
#include <QJsonArray>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

namespace onewindow::store {

using core::EventType;
using core::WarningLevel;

namespace {

const int kEventColumnCount = 10; // kEventColumns

QString key(EventType type)
{
    return core::eventTypeKey(type);
}

Error readError(const QString& what, const QSqlQuery& q)
{
    return sqlError("store.supervision_read", what, q.lastError().text());
}

// The events of a query that selected kEventColumns (prefixed "e.") first and a case row next.
struct EventAndCase
{
    core::Event event;
    CaseRow row;
};

Result<QList<EventAndCase>> eventsWithCases(Store& store, const QString& sql,
                                            const QVariantList& binds, const QString& what)
{
    QSqlQuery q(store.database());
    q.setForwardOnly(true);
    q.prepare(sql);
    for (const QVariant& b : binds)
        q.addBindValue(b);
    if (!q.exec())
        return readError(what, q);
    QList<EventAndCase> out;
    while (q.next()) {
        Result<core::Event> e = eventFromRow(q);
        if (!e)
            return e.error();
        out.append(EventAndCase{*e, caseRowFrom(q, kEventColumnCount)});
    }
    return out;
}

// The types named literally, as the partial indexes of migration 0020 name them: SQLite uses a
// partial index only where it can prove the query stays inside it, which bound values hide.
QString typeIn(std::initializer_list<EventType> types)
{
    QStringList quoted;
    for (EventType t : types)
        quoted.append(QLatin1Char('\'') + key(t) + QLatin1Char('\''));
    return QStringLiteral("e.type IN (%1)").arg(quoted.join(QStringLiteral(", ")));
}

QString eventsOfCasesSql(const QString& where)
{
    // CROSS JOIN keeps the cases as the outer loop: without it SQLite scans the whole log in rowid
    // order to save the sort.
    return QStringLiteral("SELECT %1, %2 FROM cases c CROSS JOIN events e ON e.case_id = c.case_id "
                          "WHERE %3 ORDER BY e.rowid")
        .arg(prefixedColumns(kEventColumns, QStringLiteral("e")),
             caseRowColumns(QStringLiteral("c")), where);
}

} // namespace

QString pendingExtensionsSql()
{
    return eventsOfCasesSql(
        QStringLiteral("c.is_open = 1 AND c.status IN ('in_progress', "
                       "'suspended') AND %1")
            .arg(typeIn({EventType::ExtensionRequested, EventType::ExtensionApproved,
                         EventType::ExtensionRefused})));
}

QString openOrdersSql()
{
    return eventsOfCasesSql(
        QStringLiteral("c.is_open = 1 AND %1")
            .arg(typeIn({EventType::Supervised, EventType::SupervisionAnswered})));
}

Result<QList<PendingExtension>> SupervisionQueries::pendingExtensions() const
{
    auto found = eventsWithCases(m_store, pendingExtensionsSql(), {},
                                 QStringLiteral("查询待审批的延期申请"));
    if (!found)
        return found.error();
    QHash<QString, PendingExtension> pending; // the last request of a case, if undecided
    for (const EventAndCase& ec : *found) {
        if (ec.event.type != EventType::ExtensionRequested) {
            pending.remove(ec.row.caseId);
            continue;
        }
        const QJsonObject& p = ec.event.payload;
        pending.insert(ec.row.caseId,
                       PendingExtension{ec.row, p.value(QStringLiteral("clock")).toString(),
                                        p.value(QStringLiteral("days")).toInt(),
                                        p.value(QStringLiteral("reason")).toString(),
                                        core::civilDate(ec.event, m_zone), ec.event.actorId,
                                        QDate()});
    }
    QList<PendingExtension> out = pending.values();
    QSqlQuery q(m_store.database());
    q.prepare(QStringLiteral("SELECT deadline FROM case_clocks WHERE case_id = ? AND kind = ?"));
    for (PendingExtension& p : out) {
        q.addBindValue(p.row.caseId);
        q.addBindValue(p.clock);
        if (!q.exec())
            return readError(QStringLiteral("查询延期申请的期限"), q);
        if (q.next())
            p.deadline = storedDate(q.value(0));
        q.finish();
    }
    std::sort(out.begin(), out.end(), [&](const PendingExtension& a, const PendingExtension& b) {
        // The request whose deadline comes first waits least.
        if (a.deadline != b.deadline)
            return a.deadline.isValid() && (!b.deadline.isValid() || a.deadline < b.deadline);
        return a.row.caseNumber < b.row.caseNumber;
    });
    return out;
}

Result<QList<SupervisionOrder>> SupervisionQueries::openOrders(const QString& clerkId,
                                                               const QString& windowCode) const
{
    // The orders and their answers in log order: an answer closes the order before it.
    auto found = eventsWithCases(m_store, openOrdersSql(), {}, QStringLiteral("查询督办事项"));
    if (!found)
        return found.error();
    QHash<QString, SupervisionOrder> latest;
    QHash<QString, int> given; // orders met so far, per case
    for (const EventAndCase& ec : *found) {
        const QJsonObject& p = ec.event.payload;
        if (ec.event.type == EventType::SupervisionAnswered) {
            // Only an answer to the latest order closes it (as the fold has it).
            const int order = p.value(QStringLiteral("order")).toInt(given.value(ec.row.caseId));
            if (order == given.value(ec.row.caseId))
                latest.remove(ec.row.caseId);
            continue;
        }
        ++given[ec.row.caseId];
        latest.insert(ec.row.caseId,
                      SupervisionOrder{ec.row, p.value(QStringLiteral("toClerk")).toString(),
                                       p.value(QStringLiteral("toWindow")).toString(),
                                       p.value(QStringLiteral("note")).toString(),
                                       storedDate(p.value(QStringLiteral("dueDate"))),
                                       core::civilDate(ec.event, m_zone), ec.event.actorId});
    }
    QList<SupervisionOrder> out;
    const bool all = clerkId.isEmpty() && windowCode.isEmpty();
    for (const SupervisionOrder& o : std::as_const(latest))
        if (all || (!clerkId.isEmpty() && o.toClerk == clerkId) ||
            (!windowCode.isEmpty() && o.toWindow == windowCode))
            out.append(o);
    std::sort(out.begin(), out.end(), [](const SupervisionOrder& a, const SupervisionOrder& b) {
        if (a.due != b.due)
            return a.due.isValid() && (!b.due.isValid() || a.due < b.due);
        return a.row.caseNumber < b.row.caseNumber;
    });
    return out;
}

Result<QList<RepeatNotice>> SupervisionQueries::repeatNotices(const QDate& receivedFrom,
                                                              int limit) const
{
    auto found =
        eventsWithCases(m_store,
                        eventsOfCasesSql(QStringLiteral(
                            "c.received_date >= ? AND c.repeat_notices > 0 AND e.type = ?")),
                        {receivedFrom.toString(Qt::ISODate), key(EventType::NoticeIssued)},
                        QStringLiteral("查询重复告知"));
    if (!found)
        return found.error();
    QList<RepeatNotice> out;
    for (const EventAndCase& ec : *found) {
        const QJsonObject& p = ec.event.payload;
        if (!p.value(QStringLiteral("repeat")).toBool())
            continue;
        out.append(RepeatNotice{
            ec.row, core::civilDate(ec.event, m_zone), ec.event.actorId,
            p.value(QStringLiteral("repeatReason")).toString(),
            p.value(QStringLiteral("approvedBy")).toString(),
            static_cast<int>(p.value(QStringLiteral("corrections")).toArray().size())});
    }
    std::sort(out.begin(), out.end(), [](const RepeatNotice& a, const RepeatNotice& b) {
        return a.issuedOn != b.issuedOn ? a.issuedOn > b.issuedOn
                                        : a.row.caseNumber < b.row.caseNumber;
    });
    if (out.size() > limit)
        out.resize(limit);
    return out;
}

Result<QList<BadRating>> SupervisionQueries::badRatings(const QDate& decidedFrom,
                                                        const QDate& today, int limit) const
{
    // The follow-up clock row exists only for bad ratings; cases are found by decision day, or by
    // receipt day for those refused at the window.
    const QString from = decidedFrom.toString(Qt::ISODate);
    QSqlQuery q(m_store.database());
    q.setForwardOnly(true);
    // The ids come from the two date indexes alone (no row read); only cases with a follow-up clock
    // row are read in full.
    q.prepare(QStringLiteral("SELECT %1, %2, k.deadline, k.yellow_from, k.stopped_date FROM "
                             "(SELECT case_id FROM cases WHERE decided_date >= ? UNION "
                             "SELECT case_id FROM cases WHERE received_date >= ?) ids "
                             "CROSS JOIN case_clocks k ON k.case_id = ids.case_id AND "
                             "k.kind = 'rating_follow_up' "
                             "CROSS JOIN cases c ON c.case_id = ids.case_id "
                             "CROSS JOIN events e ON e.case_id = c.case_id AND e.type IN (?, ?) "
                             "ORDER BY e.rowid")
                  .arg(prefixedColumns(kEventColumns, QStringLiteral("e")),
                       caseRowColumns(QStringLiteral("c"))));
    q.addBindValue(from);
    q.addBindValue(from);
    q.addBindValue(key(EventType::Rated));
    q.addBindValue(key(EventType::RatingFollowedUp));
    if (!q.exec())
        return readError(QStringLiteral("查询差评回访"), q);
    const int clock =
        kEventColumnCount + static_cast<int>(caseRowColumns().count(QLatin1Char(','))) + 1;
    QHash<QString, qsizetype> at;
    QList<BadRating> out;
    while (q.next()) {
        Result<core::Event> e = eventFromRow(q);
        if (!e)
            return e.error();
        const QString caseId = e->caseId;
        if (!at.contains(caseId)) {
            at.insert(caseId, out.size());
            BadRating r;
            r.row = caseRowFrom(q, kEventColumnCount);
            r.followUp = clockOf(q.value(clock), q.value(clock + 1), q.value(clock + 2), today);
            out.append(r);
        }
        BadRating& r = out[at.value(caseId)];
        if (e->type == EventType::Rated) {
            r.level = e->payload.value(QStringLiteral("level")).toInt();
            r.comment = e->payload.value(QStringLiteral("comment")).toString();
            r.ratedOn = core::civilDate(*e, m_zone);
        } else {
            r.followedUpOn = core::civilDate(*e, m_zone);
            r.result = e->payload.value(QStringLiteral("result")).toString();
        }
    }
    std::sort(out.begin(), out.end(), [](const BadRating& a, const BadRating& b) {
        if (a.followUp.running != b.followUp.running)
            return a.followUp.running;
        if (a.followUp.running)
            return a.followUp.daysLeft != b.followUp.daysLeft
                       ? a.followUp.daysLeft < b.followUp.daysLeft
                       : a.row.caseNumber < b.row.caseNumber;
        return a.ratedOn != b.ratedOn ? a.ratedOn > b.ratedOn : a.row.caseNumber < b.row.caseNumber;
    });
    if (out.size() > limit)
        out.resize(limit);
    return out;
}

Result<QList<CaseRow>> SupervisionQueries::deemedAccepted(const QDate& receivedFrom,
                                                          int limit) const
{
    return CaseQueries(m_store).select(
        QStringLiteral("WHERE deemed_accepted = 1 AND received_date >= ? "
                       "ORDER BY received_date DESC, case_number LIMIT ?"),
        {receivedFrom.toString(Qt::ISODate), limit});
}

Result<QList<CaseRow>> SupervisionQueries::deemedAbandoned(const QDate& receivedFrom,
                                                           int limit) const
{
    return CaseQueries(m_store).select(
        QStringLiteral("WHERE received_date >= ? AND status = ? "
                       "ORDER BY received_date DESC, case_number LIMIT ?"),
        {receivedFrom.toString(Qt::ISODate), core::caseStatusKey(core::CaseStatus::Abandoned),
         limit});
}

} // namespace onewindow::store

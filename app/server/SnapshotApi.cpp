// Decision 11 (docs/sync-protocol.md): a new window of a large hall takes the hall's working set
// (GET /v1/snapshot) and fetches an older case when a pull brings an event of it (GET /v1/case).
#include "server/HttpApi.h"
#include "server/storage/CaseSearch.h"
#include "server/storage/Epochs.h"
#include "server/storage/MasterData.h"
#include "server/storage/WorkingSets.h"

#include <QHttpServerRequest>
#include <QJsonArray>
#include <QUrlQuery>

namespace onewindow::server {

namespace sync = core::sync;
using Status = QHttpServerResponder::StatusCode;

namespace {

QHttpServerResponse refused(const core::Error& e, Status status)
{
    return QHttpServerResponse(
        QJsonObject{{QStringLiteral("error"), e.code}, {QStringLiteral("message"), e.message}},
        status);
}

QHttpServerResponse failed(const core::Error& e)
{
    return refused(e, Status::InternalServerError);
}

// A non-negative whole number from the query; `fallback` when absent, nullopt when bad.
std::optional<qint64> number(const QUrlQuery& query, const QString& name, qint64 fallback)
{
    const QString text = query.queryItemValue(name);
    if (text.isEmpty())
        return fallback;
    bool ok = false;
    const qint64 value = text.toLongLong(&ok);
    return ok && value >= 0 ? std::optional<qint64>(value) : std::nullopt;
}

} // namespace

QHttpServerResponse HttpApi::snapshot(const QHttpServerRequest& r, const Device& device)
{
    const QUrlQuery query = r.query();
    const QString hall = query.queryItemValue(QStringLiteral("hall"));
    if (!hall.isEmpty() && hall != device.hallCode)
        return refused(sync::hallForbidden(hall), Status::Forbidden);
    const auto at = number(query, QStringLiteral("at"), 0);
    const auto after = number(query, QStringLiteral("after"), 0);
    const auto limit = number(query, QStringLiteral("limit"), sync::kDefaultPullLimit);
    if (!at || !after || !limit || *limit < 1 || *limit > sync::kMaxPullLimit ||
        (*at == 0 && *after != 0) || (*at > 0 && *after > *at))
        return refused(sync::badRequest(QStringLiteral("at、after 须为非负整数且 after 不大于 "
                                                       "at（首次不带 at），limit 须为 1–%1")
                                            .arg(sync::kMaxPullLimit)),
                       Status::BadRequest);
    WorkingSets sets(m_db, m_clock);
    std::optional<WorkingSet> set;
    if (*at == 0) { // the first call fixes N: the hall's cursor now
        auto made = sets.make(device.hallCode, m_workingSetDays);
        if (!made)
            return failed(made.error());
        set = *made;
    } else {
        auto found = sets.find(device.hallCode, *at);
        if (!found)
            return failed(found.error());
        if (!*found)
            return refused(sync::snapshotGone(*at), Status::Gone);
        set = **found;
    }
    auto page = sets.page(device.hallCode, set->at, *after, int(*limit));
    if (!page)
        return failed(page.error());
    QJsonArray entries;
    if (*after == 0) { // the first page: the hall's master data as of N, before the events
        auto records = MasterData(m_db, m_clock).asOf(device.hallCode, set->at);
        if (!records)
            return failed(records.error());
        for (const MasterRecord& rec : std::as_const(*records))
            entries.append(QJsonObject{{QStringLiteral("hall_seq"), rec.hallSeq},
                                       {QStringLiteral("record"), rec.toJson()}});
    }
    for (const QJsonObject& e : std::as_const(page->entries))
        entries.append(e);
    auto epoch = Epochs(m_db).of(device.hallCode);
    if (!epoch)
        return failed(epoch.error());
    QJsonObject answer{
        {QStringLiteral("hall"), device.hallCode},
        {QStringLiteral("at"), set->at},
        {QStringLiteral("after"), page->after},
        {QStringLiteral("more"), page->more},
        {QStringLiteral("working_set"), QJsonObject{{QStringLiteral("since"), set->since},
                                                    {QStringLiteral("cases"), set->cases},
                                                    {QStringLiteral("events"), set->events}}},
        {QStringLiteral("events"), entries},
        {QStringLiteral("epoch"), epoch->id},
        {QStringLiteral("epoch_base"), epoch->base}};
    if (!page->more) { // the last page: what the window's store must fold to
        auto digest = sets.digest(device.hallCode, *set);
        if (!digest)
            return failed(digest.error());
        answer.insert(QStringLiteral("digest"), *digest);
    }
    return QHttpServerResponse(answer);
}

QHttpServerResponse HttpApi::caseEvents(const QHttpServerRequest& r, const Device& device)
{
    const QUrlQuery query = r.query();
    const QString hall = query.queryItemValue(QStringLiteral("hall"));
    if (!hall.isEmpty() && hall != device.hallCode)
        return refused(sync::hallForbidden(hall), Status::Forbidden);
    const QString caseId = query.queryItemValue(QStringLiteral("case"));
    const auto upto = number(query, QStringLiteral("upto"), -1);
    if (caseId.isEmpty() || !upto || *upto < 0)
        return refused(
            sync::badRequest(QStringLiteral("须给出 case（办件编号）和 upto（非负整数）")),
            Status::BadRequest);
    auto events = WorkingSets(m_db, m_clock).caseEvents(device.hallCode, caseId, *upto);
    if (!events)
        return failed(events.error());
    QJsonArray entries;
    for (const QJsonObject& e : std::as_const(*events))
        entries.append(e);
    return QHttpServerResponse(QJsonObject{{QStringLiteral("hall"), device.hallCode},
                                           {QStringLiteral("case"), caseId},
                                           {QStringLiteral("upto"), *upto},
                                           {QStringLiteral("events"), entries}});
}

QHttpServerResponse HttpApi::searchCases(const QHttpServerRequest& r, const Device& device)
{
    // Decision 11: a case older than a window's working set, found at the server.
    const QUrlQuery query = r.query();
    const QString hall = query.queryItemValue(QStringLiteral("hall"));
    if (!hall.isEmpty() && hall != device.hallCode)
        return refused(sync::hallForbidden(hall), Status::Forbidden);
    auto hits = CaseSearch(m_db).find(
        device.hallCode, query.queryItemValue(QStringLiteral("q"), QUrl::FullyDecoded));
    if (!hits)
        return hits.error().code == QLatin1String("search.bad_query")
                   ? refused(hits.error(), Status::BadRequest)
                   : failed(hits.error());
    QJsonArray list;
    for (const QJsonObject& h : std::as_const(*hits))
        list.append(h);
    return QHttpServerResponse(
        QJsonObject{{QStringLiteral("hall"), device.hallCode}, {QStringLiteral("cases"), list}});
}

} // namespace onewindow::server

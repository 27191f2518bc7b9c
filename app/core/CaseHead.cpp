#include "core/CaseHead.h"

#include "core/SyncProtocol.h"

namespace onewindow::core::sync {

QString caseHeadAfter(const QList<Event>& canonical)
{
    for (auto it = canonical.crbegin(); it != canonical.crend(); ++it)
        if (movesHead(it->type))
            return it->eventId;
    return {};
}

QJsonObject withCaseHead(EventType type, QJsonObject payload, const QList<Event>& canonical)
{
    if (needsCaseHead(type))
        payload.insert(QLatin1String(kCaseHeadKey), caseHeadAfter(canonical));
    return payload;
}

QJsonObject withCalendarVersion(EventType type, QJsonObject payload, const QString& version)
{
    if (recordsCalendarVersion(type) && !version.isEmpty())
        payload.insert(QLatin1String(kCalendarVersionKey), version);
    return payload;
}

} // namespace onewindow::core::sync

#include "core/RejectedText.h"

#include "core/DocumentKind.h"
#include "core/EventText.h"

namespace onewindow::core {

namespace {

QString who(const EventAuthor& by)
{
    if (by.window.isEmpty())
        return by.name;
    return QStringLiteral("%1（%2 窗口）").arg(by.name, by.window);
}

QString when(const Event& e, const QTimeZone& zone)
{
    return e.occurredAtUtc.toTimeZone(zone).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

} // namespace

QString eventLine(const Event& event, const EventAuthor& by, const QTimeZone& zone)
{
    return QStringLiteral("%1 %2：%3").arg(when(event, zone), who(by), describeEvent(event));
}

QString rejectedText(const Event& lost, const EventAuthor& lostBy, const QString& reason,
                     const std::optional<Event>& winner, const EventAuthor& wonBy,
                     const QTimeZone& zone, bool hasWinner)
{
    const QString head = QStringLiteral("未生效：%1").arg(eventLine(lost, lostBy, zone));
    const QString why = reason.isEmpty() ? QStringLiteral("大厅服务器未采纳") : reason;
    if (!winner && !hasWinner) // nothing stood in its place (an actor refused, a bad event)
        return QStringLiteral("%1。原因：%2").arg(head, why);
    const QString stands = winner
                               ? QStringLiteral("生效的是 %1").arg(eventLine(*winner, wonBy, zone))
                               : QStringLiteral("生效的记录尚未同步到本机");
    return QStringLiteral("%1。原因：%2。%3").arg(head, why, stands);
}

QString voidedDocumentReason(const Event& source, const EventAuthor& by, const QString& reason,
                             const QTimeZone& zone)
{
    return QStringLiteral("所依据的记录未生效（%1；%2），本文书作废，已发出的须追回")
        .arg(eventLine(source, by, zone),
             reason.isEmpty() ? QStringLiteral("大厅服务器未采纳") : reason);
}

QString recallTaskText(const QString& kindKey, const QString& number)
{
    const auto kind = documentKindFromKey(kindKey);
    return QStringLiteral("追回已发文书：%1 %2")
        .arg(kind ? documentKindName(*kind) : kindKey, number);
}

} // namespace onewindow::core

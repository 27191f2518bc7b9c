// Decision 7 from the command line: the events the hall's server flagged for their own time, as
// the supervisor's 时间存疑的记录 lists them and the case timeline marks them
// (docs/sync-protocol.md, "Clocks"). A flag changes no verdict: it tells the supervisor to look at
// the window's clock.
#include "ctl/SyncCommands.h"

#include "core/Event.h"
#include "store/TimeFlagRecords.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace onewindow::ctl {

namespace {

// As many as the supervisor's tab lists.
constexpr int kFlagLimit = 1000;

QString localTime(const QDateTime& utc, const QTimeZone& zone)
{
    return utc.isValid() ? utc.toTimeZone(zone).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))
                         : QStringLiteral("—");
}

QString orDash(const QString& s)
{
    return s.isEmpty() ? QStringLiteral("—") : s;
}

} // namespace

QString timeFlagNote(const store::FlaggedRecord& flagged, const QTimeZone& zone)
{
    // The words of the window's timeline tooltip (CaseView).
    return QStringLiteral("时间存疑：%1（记录时间 %2，大厅服务器收到时间 %3）")
        .arg(flagged.flag.reason, localTime(flagged.event.occurredAtUtc, zone),
             localTime(flagged.receivedAtUtc, zone));
}

int listTimeFlags(CtlContext& ctx, bool json)
{
    auto store = ctx.store();
    if (!store)
        return ctx.failed(store.error());
    auto flagged = store::TimeFlagRecords(**store).all(kFlagLimit);
    if (!flagged)
        return ctx.failed(flagged.error());
    const QTimeZone zone = ctx.hallSettings().zone;
    if (json) {
        QJsonArray out;
        for (const store::FlaggedRecord& r : *flagged)
            out.append(QJsonObject{
                {QStringLiteral("hall_seq"), r.hallSeq},
                {QStringLiteral("case_number"), r.caseNumber},
                {QStringLiteral("case_id"), r.event.caseId},
                {QStringLiteral("event_id"), r.event.eventId},
                {QStringLiteral("event_type"), core::eventTypeKey(r.event.type)},
                {QStringLiteral("event"), core::eventTypeName(r.event.type)},
                {QStringLiteral("window"), r.flag.window},
                {QStringLiteral("occurred_at"), r.event.occurredAtUtc.toString(Qt::ISODateWithMs)},
                {QStringLiteral("received_at"), r.flag.receivedAt},
                {QStringLiteral("last_contact_at"), r.flag.lastContactAt},
                {QStringLiteral("reason_code"), r.flag.code},
                {QStringLiteral("reason"), r.flag.reason}});
        ctx.out() << QString::fromUtf8(QJsonDocument(out).toJson(QJsonDocument::Indented));
        return ExitOk;
    }
    // Newest (hall order) first, the columns of the supervisor's tab.
    for (const store::FlaggedRecord& r : *flagged)
        ctx.out() << QStringLiteral("%1  办件 %2  %3  窗口 %4  记录时间 %5  服务器收到 %6  %7")
                         .arg(QString::number(r.hallSeq), orDash(r.caseNumber),
                              core::eventTypeName(r.event.type), orDash(r.flag.window),
                              localTime(r.event.occurredAtUtc, zone),
                              localTime(r.receivedAtUtc, zone), r.flag.reason)
                  << Qt::endl;
    ctx.err() << (flagged->isEmpty() ? QStringLiteral("没有时间存疑的记录")
                                     : QStringLiteral("时间存疑的记录 %1 条").arg(flagged->size()))
              << Qt::endl;
    return ExitOk;
}

} // namespace onewindow::ctl

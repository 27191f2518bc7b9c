// A pulled page's entries read (the pull's and, decision 11, the working set's pages alike).
#include "core/ClockOffset.h"
#include "core/SyncMessages.h"
#include "core/SyncProtocol.h"
#include "store/HallConfig.h"
#include "sync/MasterRecords.h"
#include "sync/SyncClient.h"

#include <QJsonArray>

namespace onewindow::sync {

namespace proto = core::sync;

Status SyncClient::readEntries(const QJsonArray& items, qint64 eventsAfter, qint64 upTo,
                               qint64 recordsAfter, QList<store::PulledEvent>& page,
                               store::PulledMaster& master, Report& report)
{
    auto window = store::HallConfigRepository(m_cases.store()).loadOrDefaults();
    if (!window)
        return window.error();
    for (const QJsonValue& v : items) {
        const QJsonObject item = v.toObject();
        // Protocol 2: the hall's master data comes on the same cursor as its events, an entry
        // with `record` instead of `event` (docs/sync-protocol.md, decision 8).
        if (item.contains(QStringLiteral("record"))) {
            const qint64 seq = item.value(QStringLiteral("hall_seq")).toInteger(0);
            if (seq <= recordsAfter || seq > upTo)
                return proto::badAnswer(
                    QStringLiteral("主数据记录的大厅序号 %1 不在本页范围内").arg(seq));
            const QJsonObject record = item.value(QStringLiteral("record")).toObject();
            const QString kind = record.value(QStringLiteral("kind")).toString();
            if (isMasterKind(kind)) {
                // Applied with the page, in its transaction (decision 8: the server is the one
                // author of the hall's users, calendar, catalog and settings).
                ++report.records;
                if (Status s = readMasterRecord(record, seq, *window, master); !s)
                    return s;
            } else {
                ++report.ignored;
                Q_EMIT logLine(QStringLiteral("sync: master record of kind %1 ignored").arg(kind));
            }
            continue;
        }
        // New kinds of records come down the same road (master data, issue 17 decision 8):
        // what this program does not know is logged and passed over; the cursor goes on.
        const QString kind = item.value(QStringLiteral("kind")).toString();
        if (!kind.isEmpty() && kind != QLatin1String("event")) {
            ++report.ignored;
            Q_EMIT logLine(QStringLiteral("sync: record of kind %1 ignored").arg(kind));
            continue;
        }
        auto wire = proto::eventFromWire(item.value(QStringLiteral("event")).toObject());
        if (!wire)
            return proto::badAnswer(wire.error().message);
        if (!wire->event) {
            ++report.ignored;
            Q_EMIT logLine(QStringLiteral("sync: event %1 not stored: %2")
                               .arg(wire->eventId, wire->fault ? wire->fault->code : QString()));
            continue;
        }
        store::PulledEvent p;
        p.event = *wire->event;
        p.placement.eventId = p.event.eventId;
        p.placement.caseId = p.event.caseId;
        p.placement.hallSeq = item.value(QStringLiteral("hall_seq")).toInteger(0);
        p.placement.accepted =
            item.value(QStringLiteral("verdict")).toString() == QLatin1String("accepted");
        p.placement.reasonCode = item.value(QStringLiteral("reason_code")).toString();
        p.placement.reason = item.value(QStringLiteral("reason")).toString();
        p.placement.winner = item.value(QStringLiteral("winner")).toString();
        p.timeFlag = proto::timeFlagFromJson(item); // decision 7: absent, no flag
        if (p.placement.hallSeq <= eventsAfter || p.placement.hallSeq > upTo)
            return proto::badAnswer(
                QStringLiteral("记录的大厅序号 %1 不在本页范围内").arg(p.placement.hallSeq));
        page.append(p);
    }
    return {};
}

} // namespace onewindow::sync

#include "core/HallDigest.h"

#include "core/CaseFold.h"
#include "core/Catalog.h"
#include "core/WorkingCalendar.h"

#include <QCryptographicHash>
#include <QMap>

#include <algorithm>

namespace onewindow::core {

namespace {

// The folded state as the digest sees it: what the case is, never what today makes of it.
QByteArray stateText(const CaseState& s)
{
    QStringList rejected;
    for (const RejectedEvent& r : s.rejected)
        rejected.append(r.eventId);
    const QStringList fields{s.caseId,
                             s.caseNumber,
                             s.itemCode,
                             QString::number(s.itemVersion),
                             s.receivedBy,
                             s.windowCode,
                             caseStatusKey(s.status),
                             QString::number(s.notices.size()),
                             QString::number(s.repeatNotices),
                             QString::number(s.extensions.size()),
                             s.forwardedTo,
                             s.decisionOutcome,
                             s.decisionNumber,
                             s.rating ? QString::number(*s.rating) : QString(),
                             QString::number(s.supervisionOrders),
                             QString::number(s.documentsPrinted),
                             s.closedReason,
                             rejected.join(QLatin1Char(',')),
                             QString::number(s.eventCount)};
    return fields.join(QLatin1Char('\x1f')).toUtf8();
}

} // namespace

QString HallDigest::text() const
{
    return QStringLiteral("digest %1 cursor %2 events %3 cases %4 fold %5 calendar %6 catalog %7")
        .arg(sha256)
        .arg(cursor)
        .arg(events)
        .arg(cases)
        .arg(foldVersion)
        .arg(calendarVersion.isEmpty() ? QStringLiteral("-") : calendarVersion,
             catalogVersion.isEmpty() ? QStringLiteral("-") : catalogVersion);
}

HallDigest hallDigest(QList<PlacedEvent> placed)
{
    std::stable_sort(placed.begin(), placed.end(), [](const PlacedEvent& a, const PlacedEvent& b) {
        return a.hallSeq < b.hallSeq;
    });
    static const ServiceItem lifecycleOnly;
    static const WorkingCalendar noCalendar;
    FoldContext context;
    context.item = &lifecycleOnly;
    context.calendar = &noCalendar;

    QCryptographicHash hash(QCryptographicHash::Sha256);
    QMap<QString, QList<Event>> byCase; // sorted by case id: the same order everywhere
    HallDigest out;
    for (const PlacedEvent& p : std::as_const(placed)) {
        hash.addData(p.event.eventId.toUtf8());
        hash.addData(p.accepted ? QByteArrayView("\x1f"
                                                 "a\n")
                                : QByteArrayView("\x1f"
                                                 "r\n"));
        if (p.accepted)
            byCase[p.event.caseId].append(p.event);
        out.cursor = std::max(out.cursor, p.hallSeq);
    }
    hash.addData(QByteArrayView("\x1e"));
    for (auto it = byCase.cbegin(); it != byCase.cend(); ++it) {
        auto state = foldOrdered(it.value(), context);
        hash.addData(it.key().toUtf8());
        hash.addData(QByteArrayView("\x1d"));
        // A case whose first accepted event is no receipt folds to nothing: its error code stands.
        hash.addData(state ? stateText(*state) : state.error().code.toUtf8());
        hash.addData(QByteArrayView("\n"));
    }
    out.sha256 = QString::fromLatin1(hash.result().toHex());
    out.events = static_cast<int>(placed.size());
    out.cases = static_cast<int>(byCase.size());
    return out;
}

} // namespace onewindow::core

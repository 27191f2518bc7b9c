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

HallDigestBuilder::HallDigestBuilder()
{
    static const ServiceItem lifecycleOnly;
    static const WorkingCalendar noCalendar;
    m_context.item = &lifecycleOnly;
    m_context.calendar = &noCalendar;
}

void HallDigestBuilder::addPlacement(qint64 hallSeq, const QString& eventId, bool accepted)
{
    if (m_cases || (m_out.events > 0 && hallSeq < m_lastSeq))
        m_ordered = false;
    m_lastSeq = hallSeq;
    m_hash.addData(eventId.toUtf8());
    m_hash.addData(accepted ? QByteArrayView("\x1f"
                                             "a\n")
                            : QByteArrayView("\x1f"
                                             "r\n"));
    m_out.cursor = std::max(m_out.cursor, hallSeq);
    ++m_out.events;
}

void HallDigestBuilder::addCase(const QString& caseId, const QList<Event>& accepted)
{
    if (!m_cases) {
        m_hash.addData(QByteArrayView("\x1e"));
        m_cases = true;
    } else if (!(m_lastCase < caseId)) {
        m_ordered = false;
    }
    m_lastCase = caseId;
    auto state = foldOrdered(accepted, m_context);
    m_hash.addData(caseId.toUtf8());
    m_hash.addData(QByteArrayView("\x1d"));
    // A case whose first accepted event is no receipt folds to nothing: its error code stands.
    m_hash.addData(state ? stateText(*state) : state.error().code.toUtf8());
    m_hash.addData(QByteArrayView("\n"));
    ++m_out.cases;
}

Result<HallDigest> HallDigestBuilder::finish()
{
    if (!m_ordered)
        return Error{QStringLiteral("digest.order"),
                     QStringLiteral("校验值计算出错：记录未按大厅顺序或办件编号顺序读出，"
                                    "请重新运行；仍出现时请联系技术支持")};
    if (!m_cases)
        m_hash.addData(QByteArrayView("\x1e"));
    HallDigest out = m_out;
    out.sha256 = QString::fromLatin1(m_hash.result().toHex());
    return out;
}

HallDigest hallDigest(QList<PlacedEvent> placed)
{
    std::stable_sort(placed.begin(), placed.end(), [](const PlacedEvent& a, const PlacedEvent& b) {
        return a.hallSeq < b.hallSeq;
    });
    HallDigestBuilder builder;
    QMap<QString, QList<Event>> byCase; // sorted by case id: the same order everywhere
    for (const PlacedEvent& p : std::as_const(placed)) {
        builder.addPlacement(p.hallSeq, p.event.eventId, p.accepted);
        if (p.accepted)
            byCase[p.event.caseId].append(p.event);
    }
    for (auto it = byCase.cbegin(); it != byCase.cend(); ++it)
        builder.addCase(it.key(), it.value());
    return *builder.finish(); // sorted above: always in order
}

} // namespace onewindow::core

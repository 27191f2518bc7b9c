#include "support/CaseBuilder.h"

#include "support/TestSupport.h"

namespace onewindow::test {

CaseBuilder::CaseBuilder(core::ServiceItem item)
    : m_item(std::move(item)), m_calendar(officialCalendar())
{
    m_context.item = &m_item;
    m_context.calendar = &m_calendar;
    m_context.zone = QTimeZone(QByteArrayLiteral("Asia/Shanghai"));
}

core::Event CaseBuilder::make(core::EventType type, const QJsonObject& payload, const char* date,
                              const char* time, const QString& actor) const
{
    core::Event e;
    e.eventId = QStringLiteral("e-%1").arg(m_events.size() + 1);
    e.caseId = QStringLiteral("case-1");
    e.deviceId = m_device;
    e.deviceSeq = m_events.size() + 1;
    e.actorId = actor;
    e.occurredAtUtc =
        QDateTime(d(date), QTime::fromString(QString::fromLatin1(time), QStringLiteral("HH:mm")),
                  m_context.zone)
            .toUTC();
    e.type = type;
    e.payload = payload;
    return e;
}

core::Status CaseBuilder::add(core::EventType type, const QJsonObject& payload, const char* date,
                              const char* time, const QString& actor)
{
    core::Event e = make(type, payload, date, time, actor);
    const core::Status s = core::admitEvent(m_state, e, m_context);
    if (s) {
        m_events.append(e);
        core::applyEvent(m_state, e, m_context);
    }
    return s;
}

void CaseBuilder::force(core::EventType type, const QJsonObject& payload, const char* date,
                        const char* time)
{
    m_events.append(make(type, payload, date, time, QStringLiteral("clerk-2")));
}

core::ReceivedInput CaseBuilder::receivedInput(const char* receiptDate) const
{
    core::ReceivedInput in;
    in.caseNumber = QStringLiteral("620102-20260918-W07-0001");
    in.queryCode = QStringLiteral("123456");
    in.itemCode = m_item.code;
    in.itemVersion = 1;
    in.receiptDate = d(receiptDate);
    in.windowCode = QStringLiteral("W07");
    in.applicant.name = QStringLiteral("张三");
    in.applicant.idNumber = QStringLiteral("11010519491231002X");
    in.applicant.phone = QStringLiteral("13912345678");
    in.materials = core::checklistFor(m_item);
    return in;
}

core::CaseState CaseBuilder::refold() const
{
    auto folded = core::foldCase(m_events, m_context);
    REQUIRE(folded.ok());
    return *folded;
}

QList<core::CaseClock> CaseBuilder::clocks(const char* asOf) const
{
    auto c = core::clocksOf(m_state, m_context, d(asOf));
    REQUIRE(c.ok());
    return *c;
}

const core::CaseClock* CaseBuilder::clock(core::ClockKind kind, const char* asOf) const
{
    m_lastClocks = clocks(asOf);
    for (const core::CaseClock& c : m_lastClocks)
        if (c.kind == kind)
            return &c;
    return nullptr;
}

} // namespace onewindow::test

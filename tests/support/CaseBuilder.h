#pragma once

#include "core/CaseFold.h"
#include "core/CasePayloads.h"
#include "core/WorkingCalendar.h"

#include <QJsonObject>

namespace onewindow::test {

// Builds a case's events one action at a time, at given civil dates and times in Asia/Shanghai,
// and folds them: the fold is tested exactly as the store and the screens use it.
class CaseBuilder
{
public:
    explicit CaseBuilder(core::ServiceItem item);

    // Appends the event if legal (returns the Status either way).
    core::Status add(core::EventType type, const QJsonObject& payload, const char* date,
                     const char* time = "10:00", const QString& actor = QStringLiteral("clerk-1"));
    // Appends without checking: what another window might have logged.
    void force(core::EventType type, const QJsonObject& payload, const char* date,
               const char* time = "10:00");

    // The device the next events come from (dev-1 until set): 领办 tells windows apart by it.
    void setDevice(const QString& deviceId) { m_device = deviceId; }

    core::ReceivedInput receivedInput(const char* receiptDate) const;
    const core::CaseState& state() const { return m_state; }
    core::CaseState refold() const;
    QList<core::CaseClock> clocks(const char* asOf) const;
    const core::CaseClock* clock(core::ClockKind kind, const char* asOf) const;
    const core::FoldContext& context() const { return m_context; }
    const core::ServiceItem& item() const { return m_item; }
    const QList<core::Event>& events() const { return m_events; }

private:
    core::Event make(core::EventType type, const QJsonObject& payload, const char* date,
                     const char* time, const QString& actor) const;

    core::ServiceItem m_item;
    core::WorkingCalendar m_calendar;
    core::FoldContext m_context;
    QList<core::Event> m_events;
    core::CaseState m_state;
    QString m_device = QStringLiteral("dev-1");
    mutable QList<core::CaseClock> m_lastClocks;
};

} // namespace onewindow::test

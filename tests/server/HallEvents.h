#pragma once
// The test hall's events as the server tests push and pull them, and the fold a window of the hall
// makes: shared by the tests of the events the server makes itself (decisions 4, 8 and 9) and of
// its judgement, so that each reads the hall the same way.
#include "ServerFixture.h"

#include "core/CaseFold.h"
#include "core/Catalog.h"
#include "core/WorkingCalendar.h"

#include <QTimeZone>

namespace onewindow::test {

// The test hall's time zone (numberOf's days are its days).
inline const QTimeZone kTestZone{QByteArrayLiteral("Asia/Shanghai")};

// A file of the source tree (resources/...), read whole.
QByteArray readSource(const QString& relative);

// A push's only answer (status 200 and one result required).
QJsonObject onlyResult(const HttpReply& r);

// Pushes `events` of `device`; each one must be accepted.
void pushAccepted(ServerFixture& f, const ServerFixture::Device& device,
                  const QList<core::Event>& events);

// An event as a window pulls it, with the entry it came in (verdict, reason, winner).
struct PulledEvent
{
    core::Event event;
    QJsonObject entry;
    bool accepted() const;
};
// The hall's events from its start as `reader` pulls them, accepted and rejected (master records
// left out).
QList<PulledEvent> pulledEvents(ServerFixture& f, const ServerFixture::Device& reader);
// The accepted ones alone.
QList<core::Event> acceptedEvents(ServerFixture& f, const ServerFixture::Device& reader);
// The hall's master records (each entry's `record`: kind, key, version, body) that `reader`'s
// pull brings after `cursor`, in hall order.
QList<QJsonObject> pulledRecords(ServerFixture& f, const ServerFixture::Device& reader,
                                 qint64 cursor = 0);
// Those of `type` (and of case `caseId`, when given).
QList<core::Event> ofType(const QList<core::Event>& events, core::EventType type,
                          const QString& caseId = {});

// A case W07 took in on Monday 2026-12-07 (its notice period's last day: Monday 2026-12-14) and
// holds (领办), both pushed by `device` and accepted.
struct HeldCase
{
    QString caseId = newId();
    core::Event receipt;
    core::Event hold;
    HeldCase(ServerFixture& f, const ServerFixture::Device& device, EventMaker& make, int number);
};

// What a workstation of the hall folds with: the example catalog's item (kTestItem) and the
// shipped 2026 notice.
struct DeviceView
{
    core::ServiceItem item;
    core::WorkingCalendar calendar;
    core::FoldContext context() const;
};
DeviceView deviceView();

} // namespace onewindow::test

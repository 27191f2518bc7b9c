#include "HallEvents.h"

#include "core/CatalogJson.h"
#include "core/HolidayNotice.h"
#include "core/SyncProtocol.h"

#include <catch2/catch.hpp>

#include <QFile>

namespace onewindow::test {

QByteArray readSource(const QString& relative)
{
    QFile f(QStringLiteral(ONEWINDOW_SOURCE_DIR "/") + relative);
    REQUIRE(f.open(QIODevice::ReadOnly));
    return f.readAll();
}

QJsonObject onlyResult(const HttpReply& r)
{
    REQUIRE(r.status == 200);
    const QJsonArray results = r.json().value(QStringLiteral("results")).toArray();
    REQUIRE(results.size() == 1);
    return results[0].toObject();
}

void pushAccepted(ServerFixture& f, const ServerFixture::Device& device,
                  const QList<core::Event>& events)
{
    QJsonArray wire;
    for (const core::Event& e : events)
        wire.append(core::sync::eventToWire(e));
    REQUIRE(verdicts(f.push(device, wire)) ==
            QStringList(events.size(), QStringLiteral("accepted")));
}

bool PulledEvent::accepted() const
{
    return entry.value(QStringLiteral("verdict")) == QStringLiteral("accepted");
}

QList<PulledEvent> pulledEvents(ServerFixture& f, const ServerFixture::Device& reader)
{
    QList<PulledEvent> out;
    const HttpReply r = f.pull(reader, 0, 1000);
    REQUIRE(r.status == 200);
    for (const QJsonValue& v : r.json().value(QStringLiteral("events")).toArray()) {
        const QJsonObject entry = v.toObject();
        if (!entry.contains(QStringLiteral("event")))
            continue;
        auto wire = core::sync::eventFromWire(entry.value(QStringLiteral("event")).toObject());
        REQUIRE(wire.ok());
        REQUIRE(wire->event);
        out.append({*wire->event, entry});
    }
    return out;
}

QList<core::Event> acceptedEvents(ServerFixture& f, const ServerFixture::Device& reader)
{
    QList<core::Event> out;
    for (const PulledEvent& p : pulledEvents(f, reader))
        if (p.accepted())
            out.append(p.event);
    return out;
}

QList<QJsonObject> pulledRecords(ServerFixture& f, const ServerFixture::Device& reader,
                                 qint64 cursor)
{
    const HttpReply r = f.pull(reader, cursor, 1000);
    REQUIRE(r.status == 200);
    QList<QJsonObject> out;
    for (const QJsonValue& v : r.json().value(QStringLiteral("events")).toArray())
        if (v.toObject().contains(QStringLiteral("record")))
            out.append(v.toObject().value(QStringLiteral("record")).toObject());
    return out;
}

QList<core::Event> ofType(const QList<core::Event>& events, core::EventType type,
                          const QString& caseId)
{
    QList<core::Event> out;
    for (const core::Event& e : events)
        if (e.type == type && (caseId.isEmpty() || e.caseId == caseId))
            out.append(e);
    return out;
}

HeldCase::HeldCase(ServerFixture& f, const ServerFixture::Device& device, EventMaker& make,
                   int number)
{
    receipt = make.make(core::EventType::Received, caseId, {}, receivedPayload(numberOf(number)));
    hold = make.make(core::EventType::Held, caseId, receipt.eventId,
                     {{QStringLiteral("window"), QStringLiteral("W07")}});
    pushAccepted(f, device, {receipt, hold});
}

core::FoldContext DeviceView::context() const
{
    core::FoldContext c;
    c.item = &item;
    c.calendar = &calendar;
    c.zone = kTestZone;
    return c;
}

DeviceView deviceView()
{
    const core::CatalogParse catalog =
        core::parseCatalog(readSource(QStringLiteral("resources/catalog/example.json")), {});
    REQUIRE(catalog.ok());
    const core::NoticeParse notice = core::parseHolidayNotice(
        readSource(QStringLiteral("resources/calendars/2026.json")), QStringLiteral("2026.json"));
    REQUIRE(notice.ok());
    for (const core::ServiceItem& item : catalog.items)
        if (item.code == kTestItem)
            return DeviceView{item,
                              core::WorkingCalendar(QList<core::HolidayNotice>{notice.notice})};
    FAIL("no test item");
    return DeviceView{{}, core::WorkingCalendar(QList<core::HolidayNotice>{})};
}

} // namespace onewindow::test

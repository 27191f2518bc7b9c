// Events with payloads nobody checked: a case's Received event whose payload is the fuzz input's
// JSON, then events of every type with fuzzed payloads, offered (checkEvent / admitEvent) and
// applied as the store does, replayed by foldCase as another window's log would be, shown on the
// timeline and checksummed. Nothing may crash, be undefined or hang.
//
// Input: a JSON object (the Received payload; then every type in turn with that same payload) or
// an array [receivedPayload, {"type": "case.accepted", "payload": {...}, "minutes": 90}, ...].
#include "FuzzSupport.h"

#include "core/CaseFold.h"
#include "core/CatalogJson.h"
#include "core/EventChecksum.h"
#include "core/EventSpec.h"
#include "core/EventText.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <cmath>

using namespace onewindow;

namespace {

const QList<core::ServiceItem>& demoItems()
{
    static const QList<core::ServiceItem> items = [] {
        const core::CatalogParse parsed = core::parseCatalog(
            fuzz::sourceFile("resources/catalog/demo.json"), QStringLiteral("demo.json"));
        if (!parsed.ok() || parsed.items.isEmpty())
            fuzz::fail("demo catalog parses", __FILE__, __LINE__, QString());
        return parsed.items;
    }();
    return items;
}

// The item the Received payload names, or the first of the demo catalog.
const core::ServiceItem& itemFor(const QJsonObject& received)
{
    const QString code = received.value(QStringLiteral("itemCode")).toString();
    for (const core::ServiceItem& item : demoItems())
        if (item.code == code)
            return item;
    return demoItems().first();
}

struct Offered
{
    core::EventType type;
    QJsonObject payload;
    qint64 minutes; // after the receipt
};

QList<Offered> eventsOf(const QJsonDocument& doc)
{
    QList<Offered> out;
    if (doc.isObject()) {
        const QJsonObject payload = doc.object();
        out.append({core::EventType::Received, payload, 0});
        qint64 minutes = 0;
        for (const core::EventSpec* spec : core::eventSpecs())
            out.append({spec->type, payload, minutes += 60});
        return out;
    }
    const QJsonArray array = doc.array();
    if (array.isEmpty())
        return out;
    out.append({core::EventType::Received, array.first().toObject(), 0});
    const QList<const core::EventSpec*>& specs = core::eventSpecs();
    for (qsizetype i = 1; i < array.size() && i < 64; ++i) {
        const QJsonObject o = array[i].toObject();
        const auto type = core::eventTypeFromKey(o.value(QStringLiteral("type")).toString());
        // Any time within a century either side: what a store's events can say.
        const double asked = o.value(QStringLiteral("minutes")).toDouble(60.0 * i);
        const qint64 minutes = static_cast<qint64>(
            std::isfinite(asked) ? std::clamp(asked, -52'560'000.0, 52'560'000.0) : 0.0);
        out.append({type ? *type : specs[i % specs.size()]->type,
                    o.value(QStringLiteral("payload")).toObject(), minutes});
    }
    return out;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QJsonDocument doc = QJsonDocument::fromJson(fuzz::bytesOf(data, size));
    const QList<Offered> offered = eventsOf(doc);
    if (offered.isEmpty())
        return 0;

    const core::ServiceItem& item = itemFor(offered.first().payload);
    core::FoldContext context;
    context.item = &item;
    context.calendar = &fuzz::shippedCalendar();
    context.zone = QTimeZone(QByteArrayLiteral("Asia/Shanghai"));
    // The receipt at 10:00 on the payload's receipt day when it names one the calendar covers.
    QDate receiptDay = QDate::fromString(
        offered.first().payload.value(QStringLiteral("receiptDate")).toString(), Qt::ISODate);
    if (!core::WorkingCalendar::supports(receiptDay))
        receiptDay = QDate(2026, 9, 18);
    const QDateTime received(receiptDay, QTime(10, 0), context.zone);

    core::CaseState state;
    QList<core::Event> log;      // what the store would have appended
    QList<core::Event> everyone; // every event, as another window's log might hold them
    for (qsizetype i = 0; i < offered.size(); ++i) {
        core::Event e;
        e.eventId = QStringLiteral("e-%1").arg(i + 1);
        e.caseId = QStringLiteral("case-1");
        e.deviceId = QStringLiteral("dev-1");
        e.deviceSeq = i + 1;
        e.hlc = QStringLiteral("%1").arg(i + 1, 13, 10, QLatin1Char('0'));
        e.actorId = QStringLiteral("clerk-1");
        e.occurredAtUtc = received.addSecs(offered[i].minutes * 60).toUTC();
        e.type = offered[i].type;
        e.payload = offered[i].payload;
        everyone.append(e);

        core::describeEvent(e);
        core::eventChecksum(e);
        const core::Status checked = core::checkEvent(state, e, context);
        const core::Status admitted = core::admitEvent(state, e, context);
        // What may be appended is appended: admitting adds the deadlines it was judged on and
        // refuses nothing checkEvent let through (on a day the calendar counts; past 2099 it
        // refuses with clock.out_of_range).
        FUZZ_CHECK(checked.ok() == admitted.ok() ||
                       !core::WorkingCalendar::supports(civilDate(e, context.zone)),
                   core::eventTypeKey(e.type) + QLatin1Char(' ') +
                       (admitted ? QString() : admitted.error().code + admitted.error().message));
        if (!admitted) {
            FUZZ_CHECK(!admitted.error().code.isEmpty() && !admitted.error().message.isEmpty(),
                       core::eventTypeKey(e.type));
            continue;
        }
        core::applyEvent(state, e, context);
        log.append(e);
        const QDate today = civilDate(e, context.zone);
        core::legalActions(state, context, today);
        core::clocksOf(state, context, today);
    }

    // The admitted log replays to the state it was built into; every event to something.
    if (!log.isEmpty()) {
        const auto folded = core::foldCase(log, context);
        FUZZ_CHECK(folded.ok(), folded ? QString() : folded.error().message);
        FUZZ_CHECK(folded->eventCount == state.eventCount && folded->status == state.status,
                   QStringLiteral("replay of %1 events").arg(log.size()));
    }
    core::foldCase(everyone, context);
    return 0;
}

// An event's checksum over its canonical bytes (docs/event-log.md, "Event checksums"): the
// example of the documentation, and every envelope field and the payload covered.
#include "core/EventChecksum.h"

#include "support/TestSupport.h"

#include <QJsonObject>
#include <QTimeZone>

#include <functional>

using namespace onewindow;
using core::Event;

namespace {

Event exampleEvent()
{
    Event e;
    e.eventId = QStringLiteral("0190f3a1-2b3c-7d4e-8f50-0123456789ab");
    e.caseId = QStringLiteral("0190f3a1-0000-7000-8000-000000000001");
    e.deviceId = QStringLiteral("dev-1");
    e.deviceSeq = 42;
    e.hlc = QStringLiteral("1764871200123-00000-dev-1");
    e.actorId = QStringLiteral("clerk-1");
    e.occurredAtUtc = QDateTime(QDate(2025, 12, 4), QTime(18, 0, 0, 123), QTimeZone::utc());
    e.type = core::EventType::Note;
    e.typeVersion = 1;
    e.payload = QJsonObject{{QStringLiteral("text"), QStringLiteral("材料已补齐")}};
    return e;
}

} // namespace

TEST_CASE("An event's canonical bytes are the documented serialisation, and its checksum the "
          "documented SHA-256")
{
    // The worked example of docs/event-log.md; its digest was computed outside Qt (Python's
    // hashlib over the same bytes), so a server in any language can test itself against it.
    const QByteArray expected = QStringLiteral("onewindow-event-v1\n"
                                               "36:0190f3a1-2b3c-7d4e-8f50-0123456789ab\n"
                                               "36:0190f3a1-0000-7000-8000-000000000001\n"
                                               "5:dev-1\n"
                                               "2:42\n"
                                               "25:1764871200123-00000-dev-1\n"
                                               "7:clerk-1\n"
                                               "24:2025-12-04T18:00:00.123Z\n"
                                               "9:case.note\n"
                                               "1:1\n"
                                               "26:{\"text\":\"材料已补齐\"}\n")
                                    .toUtf8();
    const Event e = exampleEvent();
    CHECK(core::canonicalEventBytes(core::envelopeText(e)) == expected);
    CHECK(core::eventChecksum(e) ==
          QStringLiteral("42015bc77451ce37ab3720b393a31b735ac60330614d5a777cc035c5f9e259c3"));
}

TEST_CASE("The checksum covers every envelope field and the payload")
{
    const QString base = core::eventChecksum(exampleEvent());
    const std::pair<const char*, std::function<void(Event&)>> edits[] = {
        {"event id", [](Event& e) { e.eventId.back() = QLatin1Char('c'); }},
        {"case id", [](Event& e) { e.caseId.back() = QLatin1Char('2'); }},
        {"device", [](Event& e) { e.deviceId = QStringLiteral("dev-2"); }},
        {"sequence", [](Event& e) { e.deviceSeq = 43; }},
        {"hlc", [](Event& e) { e.hlc = QStringLiteral("1764871200124-00000-dev-1"); }},
        {"actor", [](Event& e) { e.actorId = QStringLiteral("clerk-2"); }},
        {"time", [](Event& e) { e.occurredAtUtc = e.occurredAtUtc.addMSecs(1); }},
        {"type", [](Event& e) { e.type = core::EventType::Rated; }},
        {"type version", [](Event& e) { e.typeVersion = 2; }},
        {"payload value",
         [](Event& e) { e.payload[QStringLiteral("text")] = QStringLiteral("材料未补齐"); }},
        {"payload key", [](Event& e) { e.payload[QStringLiteral("extra")] = 1; }},
    };
    for (const auto& [name, edit] : edits) {
        Event e = exampleEvent();
        edit(e);
        INFO(name);
        CHECK(core::eventChecksum(e) != base);
        CHECK(core::eventChecksum(e).size() == 64);
    }
    // Bytes moved from one field to the next make other canonical bytes (lengths lead).
    core::EventEnvelopeText moved = core::envelopeText(exampleEvent());
    moved.hlc += moved.actorId.left(1);
    moved.actorId.remove(0, 1);
    CHECK(core::eventChecksum(moved) != base);
}

TEST_CASE("The canonical payload sorts object keys and leaves no white space, however it was "
          "built")
{
    QJsonObject a{{QStringLiteral("b"), 1}, {QStringLiteral("a"), QStringLiteral("x y")}};
    QJsonObject b;
    b.insert(QStringLiteral("a"), QStringLiteral("x y"));
    b.insert(QStringLiteral("b"), 1);
    CHECK(core::canonicalPayloadText(a) == QByteArray(R"({"a":"x y","b":1})"));
    CHECK(core::canonicalPayloadText(b) == core::canonicalPayloadText(a));
    CHECK(core::canonicalTimeText(
              QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5, 6), QTimeZone::utc())) ==
          QByteArray("2026-01-02T03:04:05.006Z"));
}

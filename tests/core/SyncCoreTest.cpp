// What the workstation and the server share for sync (issue 18): the case head and the digest.
#include "support/CaseBuilder.h"
#include "support/CatalogFixtures.h"

#include "core/CaseHead.h"
#include "core/HallDigest.h"
#include "core/HallSettings.h"
#include "core/SyncMessages.h"
#include "core/SyncProtocol.h"

#include <catch2/catch.hpp>

using namespace onewindow;
using core::EventType;
namespace payload = core::payload;

namespace {

// Received, a note, accepted, a note: four events of one case in canonical order.
test::CaseBuilder acceptedWithNotes()
{
    test::CaseBuilder c(test::licenceItem());
    REQUIRE(
        c.add(EventType::Received, payload::received(c.receivedInput("2026-09-18")), "2026-09-18")
            .ok());
    REQUIRE(c.add(EventType::Note, payload::note(QStringLiteral("a")), "2026-09-18", "10:01").ok());
    REQUIRE(c.add(EventType::Accepted, payload::accepted(), "2026-09-18", "10:02").ok());
    REQUIRE(c.add(EventType::Note, payload::note(QStringLiteral("b")), "2026-09-18", "10:03").ok());
    return c;
}

QList<core::PlacedEvent> placed(const QList<core::Event>& events)
{
    QList<core::PlacedEvent> out;
    qint64 seq = 0;
    for (const core::Event& e : events)
        out.append(core::PlacedEvent{++seq, true, e});
    return out;
}

} // namespace

TEST_CASE("Case head: the last event that is neither mergeable nor a system event")
{
    const test::CaseBuilder c = acceptedWithNotes();
    const QList<core::Event>& events = c.events();
    CHECK(core::sync::caseHeadAfter(events) == events[2].eventId); // accepted, not the note
    CHECK(core::sync::caseHeadAfter(events.mid(0, 2)) == events[0].eventId);
    CHECK(core::sync::caseHeadAfter({}).isEmpty());
    // Only the types that need a head get one; a note (mergeable) does not.
    const QJsonObject decided = core::sync::withCaseHead(
        EventType::Decided, payload::decided(QStringLiteral("granted")), events);
    CHECK(decided.value(QLatin1String(core::sync::kCaseHeadKey)).toString() == events[2].eventId);
    CHECK_FALSE(
        core::sync::withCaseHead(EventType::Note, payload::note(QStringLiteral("c")), events)
            .contains(QLatin1String(core::sync::kCaseHeadKey)));
}

TEST_CASE("Hall digest: the same events and verdicts give the same digest; a verdict, an event "
          "or the hall's order changes it")
{
    const test::CaseBuilder c = acceptedWithNotes();
    const QList<core::PlacedEvent> base = placed(c.events());
    const core::HallDigest d = core::hallDigest(base);
    CHECK(d.sha256.size() == 64);
    CHECK(d.events == 4);
    CHECK(d.cases == 1);
    CHECK(d.cursor == 4);
    // The input order does not matter: the hall's order does.
    QList<core::PlacedEvent> shuffled = base;
    std::swap(shuffled[0], shuffled[3]);
    CHECK(core::hallDigest(shuffled).sha256 == d.sha256);

    QList<core::PlacedEvent> rejected = base;
    rejected[2].accepted = false; // the acceptance did not take effect
    CHECK(core::hallDigest(rejected).sha256 != d.sha256);

    CHECK(core::hallDigest(base.mid(0, 3)).sha256 != d.sha256);

    QList<core::PlacedEvent> reordered = base; // the notes' places swapped in the hall's order
    std::swap(reordered[1].hallSeq, reordered[3].hallSeq);
    CHECK(core::hallDigest(reordered).sha256 != d.sha256);

    CHECK(d.text().startsWith(QStringLiteral("digest ") + d.sha256 +
                              QStringLiteral(" cursor 4 events 4 cases 1 fold ")));
}

TEST_CASE("Hall digest, streamed (decision 11): placements in hall order, then cases by QString's "
          "order, give hallDigest's value; any other order is refused, never a wrong digest")
{
    // Two cases whose ids a case-insensitive collation orders the other way round: "B-1" before
    // "a-2" by UTF-16 code units, as QMap (and so hallDigest) orders them.
    QList<core::Event> first = acceptedWithNotes().events();
    QList<core::Event> second = acceptedWithNotes().events();
    for (core::Event& e : first)
        e.caseId = QStringLiteral("a-2");
    for (core::Event& e : second)
        e.caseId = QStringLiteral("B-1");
    QList<core::PlacedEvent> all; // the two cases interleaved in the hall's order
    for (qsizetype i = 0; i < first.size(); ++i) {
        all.append(core::PlacedEvent{2 * i + 1, true, first[i]});
        all.append(core::PlacedEvent{2 * i + 2, i != 3, second[i]}); // B-1's last note rejected
    }
    const core::HallDigest whole = core::hallDigest(all);
    const QList<core::Event> secondAccepted = second.mid(0, 3);

    const auto feed = [&](const QStringList& caseOrder) {
        core::HallDigestBuilder b;
        for (const core::PlacedEvent& p : std::as_const(all))
            b.addPlacement(p.hallSeq, p.event.eventId, p.accepted);
        for (const QString& id : caseOrder)
            b.addCase(id, id == QLatin1String("a-2") ? first : secondAccepted);
        return b.finish();
    };
    const auto streamed = feed({QStringLiteral("B-1"), QStringLiteral("a-2")});
    REQUIRE(streamed);
    CHECK(streamed->sha256 == whole.sha256);
    CHECK(streamed->events == 8);
    CHECK(streamed->cases == 2);
    CHECK(streamed->cursor == 8);

    const auto collated = feed({QStringLiteral("a-2"), QStringLiteral("B-1")});
    REQUIRE_FALSE(collated);
    CHECK(collated.error().code == QLatin1String("digest.order"));

    core::HallDigestBuilder backwards; // a placement out of the hall's order
    backwards.addPlacement(2, all[1].event.eventId, true);
    backwards.addPlacement(1, all[0].event.eventId, true);
    CHECK_FALSE(backwards.finish());

    core::HallDigestBuilder late; // a placement after the cases began
    late.addCase(QStringLiteral("a-2"), first);
    late.addPlacement(1, all[0].event.eventId, true);
    CHECK_FALSE(late.finish());

    // An empty store digests as an empty list does.
    CHECK(core::HallDigestBuilder().finish()->sha256 == core::hallDigest({}).sha256);
}

TEST_CASE("Decision 8: offline sign-in is allowed until the hall's hours after the last sync, "
          "never without a sync, and the hours are a checked hall setting")
{
    const QDateTime last(QDate(2026, 12, 7), QTime(2, 0), Qt::UTC);
    const core::sync::OfflineSignIn within =
        core::sync::offlineSignIn(last, last.addSecs(72 * 3600 - 1), 72);
    CHECK(within.allowed);
    CHECK(within.until == last.addSecs(72 * 3600));
    CHECK_FALSE(core::sync::offlineSignIn(last, last.addSecs(72 * 3600), 72).allowed);
    CHECK_FALSE(core::sync::offlineSignIn(last, last.addSecs(2 * 3600), 1).allowed);
    CHECK_FALSE(core::sync::offlineSignIn(QDateTime(), last, 72).allowed);

    core::HallSettings s;
    s.hallName = QStringLiteral("测试大厅");
    s.hallCode = QStringLiteral("620102");
    s.deviceCode = QStringLiteral("W07");
    CHECK(s.offlineSignInHours == 72);
    CHECK(core::validateHallSettings(s).isEmpty());
    s.offlineSignInHours = 0;
    REQUIRE(core::validateHallSettings(s).size() == 1);
    CHECK(core::validateHallSettings(s).first().message ==
          QStringLiteral("离线登录时限应为 1–720 小时"));
    s.offlineSignInHours = 721;
    CHECK(core::validateHallSettings(s).size() == 1);
}

TEST_CASE("Decision 8: a local change of master data at an enrolled window names what, the server "
          "and where to change it")
{
    const core::Error e = core::sync::masterOnServer(core::sync::MasterKind::Catalog,
                                                     QStringLiteral("http://h:8440"));
    CHECK(e.code == QStringLiteral("sync.master_on_server"));
    CHECK(e.message.contains(QStringLiteral("http://h:8440")));
    CHECK(e.message.contains(QStringLiteral("事项目录只能在大厅服务器上修改")));
    CHECK(e.message.contains(QStringLiteral("onewindow-server catalog import")));
    CHECK(core::sync::masterOnServer(core::sync::MasterKind::HallSettings, QString())
              .message.contains(QStringLiteral("大厅设置")));
}

// Master data has one author (decision 8), numbers issued offline (decision 5) and the actor's
// role at the event's time: on both backends, over real HTTP.
#include "HallEvents.h"

#include "core/CatalogJson.h"
#include "core/SyncProtocol.h"
#include "server/Commands.h"
#include "server/MasterAuthor.h"

#include <catch2/catch.hpp>

#include <QFile>
#include <QJsonDocument>

using namespace onewindow;
using namespace onewindow::test;
using core::EventType;

namespace {

const QString kHall = QStringLiteral("620102");

} // namespace

TEST_CASE("master data: a new hall's stream starts with its settings and the shipped calendars, "
          "and the pull carries them on the events' cursor",
          "[server][master]")
{
    ServerFixture f;
    f.createHall(kHall);
    const auto dev = f.enrol(kHall, QStringLiteral("W07"));
    const QList<QJsonObject> seeded = pulledRecords(f, dev);
    QStringList years;
    bool settings = false;
    for (const QJsonObject& r : seeded) {
        if (r.value(QStringLiteral("kind")).toString() == server::record::kCalendarNotice)
            years.append(r.value(QStringLiteral("key")).toString());
        if (r.value(QStringLiteral("kind")).toString() == server::record::kHallSettings)
            settings = r.value(QStringLiteral("body")).toObject().value(QStringLiteral("zone")) ==
                       QStringLiteral("Asia/Shanghai");
    }
    CHECK(settings);
    CHECK(years.contains(QStringLiteral("2026")));
    CHECK(years.contains(QStringLiteral("2007")));
    // The 2026 notice comes down whole: 春节 off days included.
    for (const QJsonObject& r : seeded)
        if (r.value(QStringLiteral("key")).toString() == QStringLiteral("2026"))
            CHECK(QJsonDocument(r.value(QStringLiteral("body")).toObject())
                      .toJson()
                      .contains("2026-02-17"));

    // The test hall's catalog (resources/catalog/example.json, imported by the fixture): one
    // record per item, version 1; importing the same file again changes nothing.
    const core::CatalogParse example =
        core::parseCatalog(readSource(QStringLiteral("resources/catalog/example.json")), {});
    REQUIRE(example.ok());
    int items = 0;
    for (const QJsonObject& r : seeded)
        if (r.value(QStringLiteral("kind")).toString() == server::record::kCatalogItem) {
            ++items;
            CHECK(r.value(QStringLiteral("version")).toInt() == 1);
        }
    CHECK(items == example.items.size());
    server::MasterData data(f.db(), f.clock());
    server::MasterAuthor author(data);
    const qint64 before = f.registry().hall(kHall)->seq;
    auto again = author.importCatalog(
        kHall, readSource(QStringLiteral("resources/catalog/example.json")), QStringLiteral("x"));
    REQUIRE(again.ok());
    CHECK(again->isEmpty());
    CHECK(f.registry().hall(kHall)->seq == before);

    // A changed item becomes version 2, after the cursor the device already has.
    QByteArray edited = readSource(QStringLiteral("resources/catalog/example.json"));
    edited.replace("\"promisedDays\": 5", "\"promisedDays\": 4");
    auto second = author.importCatalog(kHall, edited, QStringLiteral("edited.json"));
    REQUIRE(second.ok());
    REQUIRE(second->size() == 1); // one item of the example promises 5 days
    CHECK(second->first().version == 2);
    const QList<QJsonObject> changed = pulledRecords(f, dev, before);
    REQUIRE(changed.size() == 1);
    CHECK(
        changed[0].value(QStringLiteral("body")).toObject().value(QStringLiteral("promisedDays")) ==
        4);

    // A calendar notice for 2027 (the test fixture) joins the stream; a broken one changes nothing.
    auto notice = author.importCalendar(
        kHall, {readSource(QStringLiteral("tests/fixtures/2027-fixture.json"))},
        {QStringLiteral("2027.json")});
    REQUIRE(notice.ok());
    REQUIRE(notice->size() == 1);
    CHECK(notice->first().key == QStringLiteral("2027"));
    const qint64 seqBefore = f.registry().hall(kHall)->seq;
    auto broken = author.importCalendar(kHall, {QByteArrayLiteral("{\"year\": 2028, \"days\": 3}")},
                                        {QStringLiteral("2028.json")});
    REQUIRE_FALSE(broken.ok());
    CHECK_FALSE(broken.error().message.isEmpty());
    CHECK(f.registry().hall(kHall)->seq == seqBefore);
}

TEST_CASE("master data: users are added and changed through the server with Argon2id "
          "verifiers, and the hall keeps an active administrator",
          "[server][master]")
{
    ServerFixture f;
    f.createHall(kHall);
    QTemporaryDir dir;
    QFile pw(dir.filePath(QStringLiteral("pw")));
    REQUIRE(pw.open(QIODevice::WriteOnly));
    pw.write("correct horse 1\n");
    pw.close();
    QString outText, errText;
    QTextStream out(&outText), err(&errText);
    const server::DatabaseSpec spec = f.spec();
    const QStringList db = spec.kind == server::DatabaseSpec::Kind::Sqlite
                               ? QStringList{QStringLiteral("--store"), spec.sqlitePath}
                               : QStringList{QStringLiteral("--database"),
                                             QString::fromUtf8(qgetenv("ONEWINDOW_TEST_PG"))};
    const int added = server::runCommand(
        db + QStringList{QStringLiteral("user"), QStringLiteral("add"), kHall,
                         QStringLiteral("wangwu"), QStringLiteral("--name"), QStringLiteral("王五"),
                         QStringLiteral("--role"), QStringLiteral("administrator"),
                         QStringLiteral("--password-file"), pw.fileName()},
        out, err, f.clock());
    err.flush();
    INFO(errText.toStdString());
    REQUIRE(added == 0);
    server::MasterData data(f.db(), f.clock());
    auto users = data.latest(kHall, server::record::kUser);
    REQUIRE(users.ok());
    QJsonObject wangwu;
    for (const auto& r : *users)
        if (r.body.value(QStringLiteral("login")) == QStringLiteral("wangwu"))
            wangwu = r.body;
    CHECK(wangwu.value(QStringLiteral("verifier"))
              .toString()
              .startsWith(QStringLiteral("$argon2id$")));
    CHECK_FALSE(QJsonDocument(wangwu).toJson().contains("correct horse"));

    server::MasterAuthor author(data);
    server::MasterAuthor::UserChange demote;
    demote.login = QStringLiteral("wangwu");
    demote.role = QStringLiteral("clerk");
    auto refused = author.changeUser(kHall, demote);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().code == QStringLiteral("user.last_admin"));
    server::MasterAuthor::UserChange weak{QStringLiteral("zhaoliu"),
                                          QStringLiteral("赵六"),
                                          QStringLiteral("clerk"),
                                          {},
                                          {},
                                          QStringLiteral("short"),
                                          {}};
    CHECK_FALSE(author.addUser(kHall, weak).ok());
    server::MasterAuthor::UserChange twice = weak;
    twice.login = QStringLiteral("wangwu");
    twice.password = QStringLiteral("long enough 1");
    auto exists = author.addUser(kHall, twice);
    REQUIRE_FALSE(exists.ok());
    CHECK(exists.error().code == QStringLiteral("user.exists"));
}

TEST_CASE("judgement: the actor must be a user of the hall holding the action's role at the "
          "event's time",
          "[server][master]")
{
    ServerFixture f;
    f.createHall(kHall);
    const auto dev = f.enrol(kHall, QStringLiteral("W07"));
    EventMaker make(dev.id, f.clock());
    const QString caseId = newId();
    const core::Event received =
        make.make(EventType::Received, caseId, {}, receivedPayload(QStringLiteral("A-1")));
    REQUIRE(onlyResult(f.push(dev, {core::sync::eventToWire(received)}))
                .value(QStringLiteral("verdict")) == QStringLiteral("accepted"));

    // A clerk gives no supervision order.
    const QJsonObject clerkOrder =
        onlyResult(f.push(dev, {make.wire(EventType::Supervised, caseId, received.eventId,
                                          {{QStringLiteral("note"), QStringLiteral("今日办结")},
                                           {QStringLiteral("toWindow"), QStringLiteral("W07")}})}));
    CHECK(clerkOrder.value(QStringLiteral("reason_code")).toString() ==
          core::sync::code::kRoleMissing);

    // Someone who is no user of the hall records nothing.
    make.setActor(QStringLiteral("stranger"));
    CHECK(onlyResult(f.push(dev, {make.wire(EventType::Note, caseId, {},
                                            {{QStringLiteral("text"), QStringLiteral("x")}})}))
              .value(QStringLiteral("reason_code"))
              .toString() == core::sync::code::kActorUnknown);

    // clerk-1 becomes a supervisor at 10:00: an order dated after it stands, one dated before
    // (recorded offline, pushed late) is judged by the role held then.
    const core::Event before = [&] {
        make.setActor(QStringLiteral("clerk-1"));
        return make.make(EventType::Supervised, caseId, received.eventId,
                         {{QStringLiteral("note"), QStringLiteral("早")},
                          {QStringLiteral("toWindow"), QStringLiteral("W07")}});
    }();
    f.clock().advanceSeconds(3600);
    server::MasterData data(f.db(), f.clock());
    server::MasterAuthor author(data);
    server::MasterAuthor::UserChange promote;
    promote.login = QStringLiteral("clerk1");
    promote.role = QStringLiteral("supervisor");
    REQUIRE(author.changeUser(kHall, promote).ok());
    f.clock().advanceSeconds(60);
    const core::Event after = make.make(EventType::Supervised, caseId, received.eventId,
                                        {{QStringLiteral("note"), QStringLiteral("晚")},
                                         {QStringLiteral("toWindow"), QStringLiteral("W07")}});
    const HttpReply r =
        f.push(dev, {core::sync::eventToWire(before), core::sync::eventToWire(after)});
    REQUIRE(r.status == 200);
    const QJsonArray results = r.json().value(QStringLiteral("results")).toArray();
    REQUIRE(results.size() == 2);
    CHECK(results[0].toObject().value(QStringLiteral("reason_code")).toString() ==
          core::sync::code::kRoleMissing);
    CHECK(results[1].toObject().value(QStringLiteral("verdict")).toString() ==
          QStringLiteral("accepted"));
}

TEST_CASE("numbers: a case number is issued once per hall, and enrolling the window again hands "
          "down the highest numbers it issued",
          "[server][master]")
{
    ServerFixture f;
    f.createHall(kHall);
    const auto w07 = f.enrol(kHall, QStringLiteral("W07"));
    const auto w08 = f.enrol(kHall, QStringLiteral("W08"));
    EventMaker make07(w07.id, f.clock()), make08(w08.id, f.clock());
    const core::Event first =
        make07.make(EventType::Received, newId(), {},
                    receivedPayload(QStringLiteral("620102-20261207-W07-0002")));
    const core::Event lower =
        make07.make(EventType::Received, newId(), {},
                    receivedPayload(QStringLiteral("620102-20261207-W07-0001")));
    REQUIRE(f.push(w07, {core::sync::eventToWire(first), core::sync::eventToWire(lower)}).status ==
            200);
    const QJsonObject dup = onlyResult(
        f.push(w08, {make08.wire(EventType::Received, newId(), {},
                                 receivedPayload(QStringLiteral("620102-20261207-W07-0002")))}));
    CHECK(dup.value(QStringLiteral("verdict")).toString() == QStringLiteral("rejected"));
    CHECK(dup.value(QStringLiteral("reason_code")).toString() ==
          core::sync::code::kDuplicateNumber);
    CHECK(dup.value(QStringLiteral("winner")).toString() == first.eventId);

    // W07's PC replaced: the new device learns the highest number W07 issued, and the profile.
    auto code = f.registry().createEnrolCode(
        {kHall, QStringLiteral("W07"), QStringLiteral("window"), {}, 3600});
    REQUIRE(code.ok());
    const HttpReply enrolled = httpCall(
        f.net, "POST", f.url(QStringLiteral("/v1/enrol")),
        QJsonDocument(QJsonObject{{QStringLiteral("code"), code->first},
                                  {QStringLiteral("device_name"), QStringLiteral("W07 新电脑")}})
            .toJson(),
        {{core::sync::kProtocolHeader, kProtocolNow},
         {core::sync::kBuildHeader, "test"},
         {core::sync::kFoldHeader, kFoldNow}});
    REQUIRE(enrolled.status == 200);
    CHECK(
        enrolled.json().value(QStringLiteral("numbers")).toObject().value(QStringLiteral("case")) ==
        QStringLiteral("620102-20261207-W07-0002"));
    CHECK(enrolled.json()
              .value(QStringLiteral("profile"))
              .toObject()
              .value(QStringLiteral("hallCode")) == kHall);
    // W08 issued none that stood.
    CHECK(f.registry().issuedNumbers(kHall, QStringLiteral("W08"))->isEmpty());

    // A revoked device is a record of the stream: the other windows learn it on their pull.
    const qint64 cursor = f.registry().hall(kHall)->seq;
    REQUIRE(f.registry().revoke(w08.id).ok());
    const QList<QJsonObject> revoked = pulledRecords(f, w07, cursor);
    REQUIRE(revoked.size() == 1);
    CHECK(revoked[0].value(QStringLiteral("kind")).toString() == server::record::kDeviceRevoked);
    CHECK(revoked[0].value(QStringLiteral("key")).toString() == w08.id);
}

TEST_CASE("master data: a login is one whatever its letters' case, as every window keeps and "
          "signs in with it, so a second user under WangWu beside wangwu is refused",
          "[server][master]")
{
    // The windows hold their users' logins unique without regard to case: a second user whose
    // login differed from a colleague's only in case used to be taken by the server, and every
    // window of the hall then refused the pulled page (sync.user_conflict) and stopped syncing.
    ServerFixture f;
    f.createHall(kHall);
    server::MasterData data(f.db(), f.clock());
    server::MasterAuthor author(data);
    server::MasterAuthor::UserChange wangwu{QStringLiteral("wangwu"),
                                            QStringLiteral("王五"),
                                            QStringLiteral("clerk"),
                                            {},
                                            {},
                                            QStringLiteral("long enough 1"),
                                            {}};
    auto first = author.addUser(kHall, wangwu);
    REQUIRE(first.ok());
    server::MasterAuthor::UserChange other = wangwu;
    other.login = QStringLiteral("WangWu");
    other.displayName = QStringLiteral("汪武");
    auto second = author.addUser(kHall, other);
    REQUIRE_FALSE(second.ok());
    CHECK(second.error().code == QStringLiteral("user.exists"));
    CHECK(second.error().message.contains(QStringLiteral("wangwu")));
    CHECK(second.error().message.contains(QStringLiteral("不区分大小写")));

    // The same login in other letters names the same user: a change reaches wangwu, and the
    // record keeps the login as it was made.
    server::MasterAuthor::UserChange off{QStringLiteral("WANGWU"), {}, {}, {}, false, {}, {}};
    auto changed = author.changeUser(kHall, off);
    REQUIRE(changed.ok());
    auto users = data.latest(kHall, server::record::kUser);
    REQUIRE(users.ok());
    int named = 0;
    for (const auto& r : *users) {
        if (r.body.value(QStringLiteral("login"))
                .toString()
                .compare(QStringLiteral("wangwu"), Qt::CaseInsensitive) != 0)
            continue;
        ++named;
        CHECK(r.body.value(QStringLiteral("login")).toString() == QStringLiteral("wangwu"));
        CHECK(r.body.value(QStringLiteral("userId")) ==
              first->body.value(QStringLiteral("userId")));
        CHECK_FALSE(r.body.value(QStringLiteral("active")).toBool());
    }
    CHECK(named == 1);
}

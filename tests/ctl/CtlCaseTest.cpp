#include "ctl/CtlRunner.h"
#include "support/HallFixture.h"
#include "support/TestSupport.h"

#include "store/CatalogRepository.h"
#include "store/UserRepository.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTimeZone>

using namespace onewindow;
using core::EventType;
using test::runCtl;
namespace payload = core::payload;

namespace {

QStringList args(std::initializer_list<QString> list)
{
    return QStringList(list);
}

} // namespace

TEST_CASE("onewindowctl case list, show and timeline")
{
    test::HallFixture h;
    auto a = h.cases->receive(h.intake(), QStringLiteral("clerk-1"));
    REQUIRE(a.ok());
    REQUIRE(h.cases
                ->append(a->event.caseId, EventType::Accepted, payload::accepted(),
                         QStringLiteral("clerk-1"))
                .ok());
    auto b = h.cases->receive(h.intake(true), QStringLiteral("clerk-1"));
    REQUIRE(b.ok());
    const QString number = a->state.caseNumber;

    const test::CtlRun list =
        runCtl(h.path(), args({QStringLiteral("case"), QStringLiteral("list")}));
    CHECK(list.exitCode == 0);
    CHECK(list.out.contains(number));
    CHECK(list.out.contains(b->state.caseNumber));

    const test::CtlRun json = runCtl(
        h.path(), args({QStringLiteral("case"), QStringLiteral("list"), QStringLiteral("--json"),
                        QStringLiteral("--state"), QStringLiteral("in_progress")}));
    CHECK(json.exitCode == 0);
    const QJsonArray rows = QJsonDocument::fromJson(json.out.toUtf8()).array();
    REQUIRE(rows.size() == 1);
    CHECK(rows.first().toObject().value(QStringLiteral("caseNumber")).toString() == number);
    CHECK(rows.first().toObject().value(QStringLiteral("applicantId")).toString() ==
          QStringLiteral("110105********002X"));

    const test::CtlRun show =
        runCtl(h.path(), args({QStringLiteral("case"), QStringLiteral("show"), number}));
    CHECK(show.exitCode == 0);
    CHECK(show.out.contains(QStringLiteral("状态：办理中")));
    CHECK(show.out.contains(QStringLiteral("法定时限：2026-10-22 届满")));
    CHECK(show.out.contains(QStringLiteral("承诺时限：2026-10-09 届满")));

    const test::CtlRun showJson = runCtl(
        h.path(),
        args({QStringLiteral("case"), QStringLiteral("show"), number, QStringLiteral("--json")}));
    const QJsonObject o = QJsonDocument::fromJson(showJson.out.toUtf8()).object();
    CHECK(o.value(QStringLiteral("status")).toString() == QStringLiteral("in_progress"));
    CHECK(o.value(QStringLiteral("clocks")).toArray().size() == 3);

    const test::CtlRun timeline =
        runCtl(h.path(), args({QStringLiteral("case"), QStringLiteral("timeline"), number}));
    CHECK(timeline.exitCode == 0);
    const QStringList lines = timeline.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    REQUIRE(lines.size() == 2);
    CHECK(lines[0].contains(QStringLiteral("收件")));
    CHECK(lines[0].contains(QStringLiteral("clerk-1")));
    CHECK(lines[1].contains(QStringLiteral("受理")));

    const test::CtlRun unknown =
        runCtl(h.path(), args({QStringLiteral("case"), QStringLiteral("show"),
                               QStringLiteral("620102-20260101-W01-9999")}));
    CHECK(unknown.exitCode == 1);
    CHECK(runCtl(h.path(), args({QStringLiteral("case"), QStringLiteral("list"),
                                 QStringLiteral("--state"), QStringLiteral("bogus")}))
              .exitCode == 2);
}

TEST_CASE("onewindowctl case timeline names the people the store knows, as the window does")
{
    test::HallFixture h;
    auto user = store::UserRepository(*h.store).create(
        QStringLiteral("zhangsan"), QStringLiteral("张三"), core::Role::Clerk,
        QStringLiteral("W07"), QStringLiteral("clerk-password-7"));
    REQUIRE(user.ok());
    auto a = h.cases->receive(h.intake(), user->userId);
    REQUIRE(a.ok());
    REQUIRE(h.cases
                ->append(a->event.caseId, EventType::Accepted, payload::accepted(),
                         QStringLiteral("clerk-gone"))
                .ok());
    const test::CtlRun timeline = runCtl(
        h.path(), args({QStringLiteral("case"), QStringLiteral("timeline"), a->state.caseNumber}));
    REQUIRE(timeline.exitCode == 0);
    const QStringList lines = timeline.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    REQUIRE(lines.size() == 2);
    CHECK(lines[0].contains(QStringLiteral("张三  收件")));
    CHECK_FALSE(lines[0].contains(user->userId));
    CHECK(lines[1].contains(QStringLiteral("clerk-gone  受理"))); // no such user: its id
}

TEST_CASE("onewindowctl store check, rebuild and backup")
{
    test::HallFixture h;
    for (int i = 0; i < 3; ++i)
        REQUIRE(h.cases->receive(h.intake(), QStringLiteral("clerk-1")).ok());
    const test::CtlRun clean =
        runCtl(h.path(), args({QStringLiteral("store"), QStringLiteral("check")}));
    CHECK(clean.exitCode == 0);
    CHECK(clean.out.contains(QStringLiteral("检查通过")));
    CHECK(clean.out.contains(QStringLiteral("核对办件：3 件")));

    QSqlQuery q(h.store->database());
    REQUIRE(q.exec(QStringLiteral("UPDATE cases SET status = 'delivered'")));
    const test::CtlRun dirty =
        runCtl(h.path(), args({QStringLiteral("store"), QStringLiteral("check")}));
    CHECK(dirty.exitCode == 1);
    CHECK(dirty.out.contains(QStringLiteral("索引不一致：3 件")));
    CHECK(runCtl(h.path(), args({QStringLiteral("store"), QStringLiteral("rebuild")})).exitCode ==
          0);
    CHECK(runCtl(h.path(), args({QStringLiteral("store"), QStringLiteral("check")})).exitCode == 0);

    const QString dest = h.dir.filePath(QStringLiteral("b.sqlite"));
    CHECK(runCtl(h.path(), args({QStringLiteral("store"), QStringLiteral("backup"), dest}))
              .exitCode == 0);
    const test::CtlRun again =
        runCtl(h.path(), args({QStringLiteral("store"), QStringLiteral("backup"), dest}));
    CHECK(again.exitCode == 1);
    CHECK(again.err.contains(QStringLiteral("已存在")));
    CHECK(runCtl(h.path(), args({QStringLiteral("store")})).exitCode == 2);
}

TEST_CASE("居民身份证法 Art. 12: case show counts a 60 日 limit in calendar days")
{
    test::HallFixture h(
        QDateTime(QDate(2026, 9, 4), QTime(10, 0), QTimeZone(QByteArrayLiteral("Asia/Shanghai"))));
    core::ServiceItem idCard = h.item;
    idCard.statutoryDays = 60;
    idCard.statutoryUnit = core::DayUnit::CalendarDays;
    idCard.promisedDays = 15;
    REQUIRE(store::CatalogRepository(*h.store).importItems({idCard}, QStringLiteral("test")).ok());
    core::ReceivedInput in = h.intake();
    in.itemVersion = 2;
    auto a = h.cases->receive(in, QStringLiteral("clerk-1"));
    REQUIRE(a.ok());
    REQUIRE(h.cases
                ->append(a->event.caseId, EventType::Accepted, payload::accepted(),
                         QStringLiteral("clerk-1"))
                .ok());

    const test::CtlRun show = runCtl(
        h.path(), args({QStringLiteral("case"), QStringLiteral("show"), a->state.caseNumber}));
    CHECK(show.exitCode == 0);
    // 60 working days would have ended 2026-12-03.
    // (The ctl runs on the real clock, so the level and days left are not checked here.)
    CHECK(show.out.contains(QStringLiteral("法定时限：2026-11-03 届满（60 日）")));
    CHECK(show.out.contains(QStringLiteral("（15 个工作日）")));

    const test::CtlRun json =
        runCtl(h.path(), args({QStringLiteral("case"), QStringLiteral("show"), a->state.caseNumber,
                               QStringLiteral("--json")}));
    const QJsonArray clocks = QJsonDocument::fromJson(json.out.toUtf8())
                                  .object()
                                  .value(QStringLiteral("clocks"))
                                  .toArray();
    bool seen = false;
    for (const QJsonValue& v : clocks) {
        const QJsonObject c = v.toObject();
        if (c.value(QStringLiteral("kind")).toString() != QStringLiteral("statutory"))
            continue;
        seen = true;
        CHECK(c.value(QStringLiteral("unit")).toString() == QStringLiteral("calendar_days"));
        CHECK(c.value(QStringLiteral("deadline")).toString() == QStringLiteral("2026-11-03"));
        CHECK(c.value(QStringLiteral("limit")).toInt() == 60);
    }
    CHECK(seen);

    const test::CtlRun deadline =
        runCtl(h.path(),
               args({QStringLiteral("deadline"), QStringLiteral("2026-09-24"), QStringLiteral("7"),
                     QStringLiteral("--calendar-days"), QStringLiteral("--explain")}));
    CHECK(deadline.exitCode == 0);
    CHECK(deadline.out.startsWith(QStringLiteral("2026-10-08\n"))); // 民法典 Art. 203
    CHECK(deadline.out.contains(QStringLiteral("2026-10-01 星期四 计第 7 日")));
    CHECK(deadline.out.contains(QStringLiteral("2026-10-02 星期五 顺延（期间最后一日为休息日）")));
}

TEST_CASE("onewindowctl store check names an event whose payload byte was edited")
{
    test::HallFixture h;
    auto r = h.cases->receive(h.intake(), QStringLiteral("clerk-1"));
    REQUIRE(r.ok());
    REQUIRE(runCtl(h.path(), args({QStringLiteral("store"), QStringLiteral("check")})).exitCode ==
            0);
    QSqlQuery q(h.store->database());
    REQUIRE(q.exec(QStringLiteral("DROP TRIGGER events_no_update")));
    REQUIRE(q.exec(QStringLiteral("UPDATE events SET payload = replace(payload, '张三', '张四')")));
    REQUIRE(q.numRowsAffected() == 1);
    const test::CtlRun edited =
        runCtl(h.path(), args({QStringLiteral("store"), QStringLiteral("check")}));
    CHECK(edited.exitCode == 1);
    CHECK(edited.out.contains(QStringLiteral("校验和不符的办件记录：1 条")));
    CHECK(edited.out.contains(r->event.eventId));
    CHECK_FALSE(edited.out.contains(QStringLiteral("检查通过")));
}

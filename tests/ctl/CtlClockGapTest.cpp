// Decision 7 of the server issue, "Clocks", at the command line: onewindowctl case act at an
// enrolled window whose last sync measured a clock gap over the hall's maxClockGapSeconds is
// refused with the gap and what to do, and changes nothing; offline the rule rests.
#include "ctl/CtlRunner.h"
#include "support/EnrolledStore.h"
#include "support/HallFixture.h"

#include "store/ClockState.h"
#include "store/UserRepository.h"

#include <catch2/catch.hpp>

using namespace onewindow;
using core::EventType;
using test::args;
namespace payload = core::payload;

TEST_CASE("Decision 7: onewindowctl case act refuses while the measured clock gap exceeds the "
          "hall's setting, and acts once offline or within it")
{
    test::HallFixture h;
    REQUIRE(store::UserRepository(*h.store)
                .create(QStringLiteral("zhangsan"), QStringLiteral("张三"), core::Role::Clerk,
                        QStringLiteral("W07"), QStringLiteral("clerk-password-7"))
                .ok());
    REQUIRE(test::enrolWithoutServer(*h.store).ok());
    auto taken = h.cases->receive(h.intake(), QStringLiteral("clerk-1"));
    REQUIRE(taken.ok());
    REQUIRE(h.cases
                ->append(taken->event.caseId, EventType::Accepted, payload::accepted(),
                         QStringLiteral("clerk-1"))
                .ok());
    const QString number = taken->state.caseNumber;
    const auto events = [&] { return h.count(QStringLiteral("SELECT count(*) FROM events")); };
    const auto act = [&] {
        // Writing runs on the real clock (a fake one refuses writes), corrected by the offset.
        return test::runCtl(h.path(),
                            QStringList{QStringLiteral("case"), QStringLiteral("act"), number} +
                                args({"decided", "--outcome", "granted", "--as", "zhangsan"}));
    };

    // The last sync found this machine 12 minutes fast.
    REQUIRE(store::recordClockOffset(*h.store, -720000, h.clock.nowUtc()).ok());
    const int before = events();
    const test::CtlRun refused = act();
    CHECK(refused.exitCode == 1);
    CHECK(refused.err.contains(QStringLiteral("本机时钟比大厅服务器快 12 分 0 秒")));
    CHECK(refused.err.contains(QStringLiteral("超过大厅允许的 5 分 0 秒（300 秒）")));
    CHECK(refused.err.contains(QStringLiteral("请校正本机")));
    // The server's clock may be the wrong one: the clerk is not told that theirs is.
    CHECK(refused.err.contains(QStringLiteral("请联系管理员校正服务器时间")));
    CHECK(refused.err.contains(QStringLiteral("[clock.gap]")));
    CHECK(events() == before);
    // sync status says it too.
    const test::CtlRun status =
        test::runCtl(h.path(), {QStringLiteral("sync"), QStringLiteral("status")});
    CHECK(status.out.contains(QStringLiteral("本机时钟比大厅服务器快 12 分 0 秒")));

    // The next sync reached no server: offline, the clerk works on.
    REQUIRE(store::markClockOffline(*h.store).ok());
    const test::CtlRun offline = act();
    INFO(offline.err.toStdString());
    CHECK(offline.exitCode == 0);
    CHECK(events() == before + 1);
}

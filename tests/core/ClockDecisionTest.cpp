// Decision 7 of the server issue, "Clocks" (docs/sync-protocol.md): the workstation's "now" is its
// clock plus the offset measured from the server's answers; online it refuses acts while the gap
// exceeds the hall's setting; the HLC ignores remote times more than the setting ahead; the server
// flags (never rejects) an event's time outside [last contact - ε, receipt + ε].
#include "core/Clock.h"
#include "core/ClockOffset.h"
#include "core/HallSettings.h"

#include <catch2/catch.hpp>

using namespace onewindow;
namespace proto = core::sync;

TEST_CASE("Decision 7: the offset is the server's time minus the request's midpoint, measured "
          "only on a short round trip")
{
    // Sent at 1000, answered at 1400 (machine clock), the server read 61200 in between.
    CHECK(proto::measureOffsetMs(1000, 1400, 61200) == 60000);
    // A machine ahead of the server: a negative offset.
    CHECK(proto::measureOffsetMs(100000, 100100, 40050) == -60000);
    // A long-poll pull that waited 25 s says too little; a round trip over 2 s is not measured.
    CHECK_FALSE(proto::measureOffsetMs(0, 25000, 12500).has_value());
    CHECK(proto::measureOffsetMs(0, proto::kMaxMeasuredRoundTripMs, 5000) == 4000);
    CHECK_FALSE(proto::measureOffsetMs(0, proto::kMaxMeasuredRoundTripMs + 1, 5000).has_value());
    // Times that run backwards, or no server time: nothing.
    CHECK_FALSE(proto::measureOffsetMs(2000, 1000, 5000).has_value());
    CHECK(proto::parseServerTime(" 1796608800123 ") == 1796608800123);
    CHECK_FALSE(proto::parseServerTime("Sun, 06 Dec 2026 17:00:00 GMT").has_value());
    CHECK_FALSE(proto::parseServerTime("").has_value());
}

TEST_CASE("Decision 7: the machine's clock gives now as its reading plus the measured offset")
{
    // A machine ten minutes slow (the fault test's skew), corrected by the offset it measured.
    const core::SystemClock slow(-600);
    const QDateTime before = QDateTime::currentDateTimeUtc();
    CHECK(qAbs(slow.nowUtc().msecsTo(before.addSecs(-600))) < 1000);
    slow.setServerOffsetMs(600000);
    CHECK(slow.serverOffsetMs() == 600000);
    CHECK(qAbs(slow.nowUtc().msecsTo(QDateTime::currentDateTimeUtc())) < 1000);
    // The machine's own reading, what requests are timed on, keeps the skew.
    CHECK(qAbs(slow.machineNowUtc().msecsTo(QDateTime::currentDateTimeUtc().addSecs(-600))) < 1000);
    // A fake clock keeps the time a test set.
    const QDateTime at(QDate(2026, 12, 7), QTime(2, 0), Qt::UTC);
    const core::FakeClock fake(at);
    fake.setServerOffsetMs(600000);
    CHECK(fake.nowUtc() == at);
}

TEST_CASE("Decision 7: a gap over maxClockGapSeconds is refused with the gap, the way and what to "
          "do")
{
    CHECK(core::HallSettings().maxClockGapSeconds == 300);
    CHECK_FALSE(proto::clockGapExceeded(300000, 300));
    CHECK_FALSE(proto::clockGapExceeded(-300000, 300));
    CHECK(proto::clockGapExceeded(300001, 300));
    CHECK(proto::clockGapExceeded(-300001, 300));

    const core::Error slow = proto::clockGap(432000, 300); // server 7 min 12 s ahead
    CHECK(slow.code == QStringLiteral("clock.gap"));
    CHECK(slow.message.contains(QStringLiteral("本机时钟比大厅服务器慢 7 分 12 秒")));
    CHECK(slow.message.contains(QStringLiteral("5 分 0 秒（300 秒）")));
    CHECK(slow.message.contains(QStringLiteral("请核对本机的日期和时间")));
    CHECK(slow.message.contains(QStringLiteral("请联系管理员校正服务器时间")));
    CHECK(slow.message.contains(QStringLiteral("未作任何改动")));
    const core::Error fast = proto::clockGap(-3725000, 300);
    CHECK(fast.message.contains(QStringLiteral("快 1 小时 2 分 5 秒")));

    // The setting's range: a bad value is named in Chinese and cannot be saved.
    core::HallSettings s;
    s.hallName = QStringLiteral("测试大厅");
    s.hallCode = QStringLiteral("620102");
    s.deviceCode = QStringLiteral("W07");
    CHECK(core::validateHallSettings(s).isEmpty());
    s.maxClockGapSeconds = 29;
    REQUIRE(core::validateHallSettings(s).size() == 1);
    CHECK(core::validateHallSettings(s).first().message ==
          QStringLiteral("允许的时钟偏差应为 30–3600 秒"));
    s.maxClockGapSeconds = 3601;
    CHECK(core::validateHallSettings(s).size() == 1);
}

TEST_CASE("Decision 7: the HLC takes a remote time up to maxClockGapSeconds ahead, and ignores a "
          "runaway one")
{
    const qint64 now = 1796608800000;
    CHECK(proto::remoteTimeUsable(now - 3600000, now, 300));
    CHECK(proto::remoteTimeUsable(now + 300000, now, 300));
    CHECK_FALSE(proto::remoteTimeUsable(now + 300001, now, 300));
    CHECK_FALSE(proto::remoteTimeUsable(now + 86400000, now, 300));
}

TEST_CASE("Decision 7: the server flags an event's time outside [last contact - ε, receipt + ε]")
{
    const QDateTime contact(QDate(2026, 12, 7), QTime(2, 0), Qt::UTC);
    const QDateTime receipt = contact.addSecs(3600);
    const auto flag = [&](const QDateTime& occurred) {
        return proto::eventTimeFlag(occurred, contact, receipt, 120);
    };
    CHECK_FALSE(flag(contact.addSecs(10)).has_value());
    CHECK_FALSE(flag(contact.addSecs(-120)).has_value()); // the bounds belong inside
    CHECK_FALSE(flag(receipt.addSecs(120)).has_value());
    CHECK(flag(contact.addSecs(-121)) == QString::fromLatin1(proto::kTimeBeforeContact));
    CHECK(flag(receipt.addSecs(121)) == QString::fromLatin1(proto::kTimeAfterReceipt));
    // A device never heard from before has no lower bound.
    CHECK_FALSE(proto::eventTimeFlag(contact.addDays(-30), QDateTime(), receipt, 120).has_value());
    CHECK(proto::eventTimeFlagText(QString::fromLatin1(proto::kTimeAfterReceipt))
              .contains(QStringLiteral("工作站时钟可能偏快")));
}

TEST_CASE("Decision 7: how the measured gap stands before an act: over the allowance (refused), "
          "over half of it (near), within; offline, when the unchecked clock is worth telling")
{
    using proto::ClockGapStanding;
    CHECK(proto::clockGapStanding(0, 300) == ClockGapStanding::Within);
    CHECK(proto::clockGapStanding(150'000, 300) == ClockGapStanding::Within); // exactly half
    CHECK(proto::clockGapStanding(150'001, 300) == ClockGapStanding::Near);
    CHECK(proto::clockGapStanding(-150'001, 300) == ClockGapStanding::Near);
    CHECK(proto::clockGapStanding(300'000, 300) == ClockGapStanding::Near); // the limit is allowed
    CHECK(proto::clockGapStanding(-300'001, 300) == ClockGapStanding::Over);
    // Over is exactly what refuses an act.
    for (const qint64 ms : {299'999LL, 300'000LL, 300'001LL, -300'001LL, 3'600'000LL})
        CHECK((proto::clockGapStanding(ms, 300) == ClockGapStanding::Over) ==
              proto::clockGapExceeded(ms, 300));

    const QDateTime now(QDate(2026, 12, 7), QTime(3, 0), Qt::UTC);
    CHECK_FALSE(proto::uncheckedClockMatters(2000, now.addSecs(-600), now, 300));
    CHECK(proto::uncheckedClockMatters(-200'000, now.addSecs(-600), now, 300)); // near
    CHECK_FALSE(proto::uncheckedClockMatters(2000, now.addSecs(-24 * 3600), now, 300));
    CHECK(proto::uncheckedClockMatters(2000, now.addSecs(-24 * 3600 - 1), now, 300)); // a day
    CHECK_FALSE(proto::uncheckedClockMatters(-400'000, QDateTime(), now, 300)); // never measured
}

TEST_CASE("Decision 7: a time flag on the wire: written and read back; absent or without a code, "
          "no flag; a reason left out is core's own")
{
    const proto::EventTimeFlag flag{QString::fromLatin1(proto::kTimeBeforeContact),
                                    QStringLiteral("理由"), QStringLiteral("W07"),
                                    QStringLiteral("2026-12-07T03:00:00.000Z"),
                                    QStringLiteral("2026-12-07T02:00:00.000Z")};
    QJsonObject entry{{QStringLiteral("hall_seq"), 5},
                      {QString::fromLatin1(proto::kTimeFlagKey), proto::timeFlagToJson(flag)}};
    const auto read = proto::timeFlagFromJson(entry);
    REQUIRE(read);
    CHECK(read->code == flag.code);
    CHECK(read->reason == flag.reason);
    CHECK(read->window == flag.window);
    CHECK(read->receivedAt == flag.receivedAt);
    CHECK(read->lastContactAt == flag.lastContactAt);
    CHECK_FALSE(proto::timeFlagFromJson(QJsonObject{{QStringLiteral("hall_seq"), 5}}));
    entry.insert(QString::fromLatin1(proto::kTimeFlagKey),
                 QJsonObject{{QStringLiteral("reason"), QStringLiteral("x")}});
    CHECK_FALSE(proto::timeFlagFromJson(entry));
    entry.insert(
        QString::fromLatin1(proto::kTimeFlagKey),
        QJsonObject{{QStringLiteral("code"), QString::fromLatin1(proto::kTimeAfterReceipt)}});
    CHECK(proto::timeFlagFromJson(entry)->reason ==
          proto::eventTimeFlagText(QString::fromLatin1(proto::kTimeAfterReceipt)));
}

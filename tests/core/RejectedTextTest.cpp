// How a record the hall did not take reads (decision 3), at every workstation alike.
#include "core/RejectedText.h"

#include <catch2/catch.hpp>

#include <QTimeZone>

using namespace onewindow;

namespace {

core::Event acceptance()
{
    core::Event e;
    e.eventId = QStringLiteral("e1");
    e.caseId = QStringLiteral("c1");
    e.type = core::EventType::Accepted;
    e.occurredAtUtc = QDateTime(QDate(2026, 12, 7), QTime(2, 24), Qt::UTC);
    return e;
}

} // namespace

TEST_CASE("A rejected record names the record that stands, says when that one has not arrived "
          "yet, and promises none where the hall named none")
{
    const QTimeZone zone(QByteArrayLiteral("Asia/Shanghai"));
    const core::EventAuthor zhang{QStringLiteral("张三"), QStringLiteral("W07")};
    const core::Event lost = acceptance();
    core::Event won = acceptance();
    won.eventId = QStringLiteral("e2");
    won.occurredAtUtc = won.occurredAtUtc.addSecs(-60);
    const core::EventAuthor li{QStringLiteral("李四"), QStringLiteral("W08")};

    const QString stands =
        core::rejectedText(lost, zhang, QStringLiteral("已被受理"), won, li, zone);
    CHECK(stands.startsWith(QStringLiteral("未生效：2026-12-07 10:24 张三（W07 窗口）")));
    CHECK(stands.contains(QStringLiteral("生效的是 2026-12-07 10:23 李四（W08 窗口）")));

    // The winner is known to the hall but not pulled here yet.
    const QString pending =
        core::rejectedText(lost, zhang, QStringLiteral("已被受理"), std::nullopt, {}, zone, true);
    CHECK(pending.contains(QStringLiteral("生效的记录尚未同步到本机")));

    // An actor the hall did not know then: nothing won, and nothing is promised to arrive.
    const QString none =
        core::rejectedText(lost, zhang, QStringLiteral("记录人在该时间不是本大厅的在用用户"),
                           std::nullopt, {}, zone, false);
    CHECK(none.contains(QStringLiteral("原因：记录人在该时间不是本大厅的在用用户")));
    CHECK_FALSE(none.contains(QStringLiteral("生效的")));
}

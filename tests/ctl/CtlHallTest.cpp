#include "ctl/CtlRunner.h"
#include "support/HallFixture.h"
#include "support/TestSupport.h"

#include "store/HallConfig.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace onewindow;

namespace {

QString asOfAt(const QDateTime& nowUtc, const QString& store)
{
    const test::CtlRun run = test::runCtlAt(
        nowUtc, store,
        test::args({"stats", "--from", "2026-12-01", "--to", "2026-12-06", "--format", "json"}));
    REQUIRE(run.exitCode == 0);
    return QJsonDocument::fromJson(run.out.toUtf8())
        .object()
        .value(QStringLiteral("asOf"))
        .toString();
}

} // namespace

TEST_CASE("onewindowctl answers with the hall's day: a hall in Urumqi at 23:30 there, 01:30 in "
          "Beijing")
{
    const QDateTime now(QDate(2026, 12, 6), QTime(17, 30), QTimeZone::utc());
    test::HallFixture h(now);
    store::HallConfig config;
    config.hallName = QStringLiteral("乌鲁木齐市天山区政务服务中心");
    config.hallCode = QStringLiteral("620102");
    config.deviceCode = QStringLiteral("W07");
    config.zone = QTimeZone(QByteArrayLiteral("Asia/Urumqi"));
    REQUIRE(store::HallConfigRepository(*h.store).save(config).ok());

    CHECK(asOfAt(now, h.path()) == QStringLiteral("2026-12-06"));
    // Half an hour later it is the 7th in Urumqi too.
    CHECK(asOfAt(now.addSecs(3600), h.path()) == QStringLiteral("2026-12-07"));

    // The same store set up in Beijing time answers with Beijing's day.
    config.zone = QTimeZone(QByteArrayLiteral("Asia/Shanghai"));
    REQUIRE(store::HallConfigRepository(*h.store).save(config).ok());
    CHECK(asOfAt(now, h.path()) == QStringLiteral("2026-12-07"));
}

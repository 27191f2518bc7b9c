#include "support/TestSupport.h"

#include "core/CaseFold.h"
#include "core/HallSettings.h"
#include "core/HallZone.h"

using namespace onewindow;

TEST_CASE("Hall settings: today is the clock's civil date in the hall's zone, not Beijing's")
{
    core::FakeClock clock(QDateTime(QDate(2026, 12, 6), QTime(17, 30), QTimeZone::utc()));
    core::HallSettings hall;
    CHECK(hall.today(clock) == QDate(2026, 12, 7)); // the default zone: Beijing time, 01:30
    hall.zone = QTimeZone(QByteArrayLiteral("Asia/Urumqi"));
    CHECK(hall.today(clock) == QDate(2026, 12, 6)); // 23:30 in Urumqi
    CHECK(hall.now(clock).time() == QTime(23, 30));
    clock.advanceSeconds(30 * 60);
    CHECK(hall.today(clock) == QDate(2026, 12, 7));
}

TEST_CASE("Hall settings: one set of defaults, shared by the fold")
{
    const core::HallSettings hall;
    CHECK(hall.zone.id() == QByteArrayLiteral("Asia/Shanghai"));
    CHECK(hall.officeOpen == QTime(9, 0));
    CHECK(hall.officeClose == QTime(17, 30));
    CHECK(hall.idleLockMinutes == 10);
    CHECK(hall.followUpDays == 5);
    const core::FoldContext fold;
    CHECK(fold.officeClose == hall.officeClose);
    CHECK(fold.followUpDays == hall.followUpDays);
    CHECK(core::hallTimeZones().contains(hall.zone.id()));
    for (const QByteArray& zone : core::hallTimeZones())
        CHECK(QTimeZone(zone).isValid());
}

TEST_CASE("Hall settings: bad values are named in Chinese with stable codes")
{
    core::HallSettings hall;
    hall.hallName = QStringLiteral("兰州市城关区政务服务中心");
    hall.hallCode = QStringLiteral("620102");
    hall.deviceCode = QStringLiteral("W07");
    CHECK(core::validateHallSettings(hall).isEmpty());

    hall.zone = QTimeZone(QByteArrayLiteral("Mars/Olympus"));
    hall.officeClose = QTime(8, 0);
    hall.idleLockMinutes = 0;
    hall.followUpDays = 16;
    QStringList codes;
    for (const core::Error& e : core::validateHallSettings(hall)) {
        codes.append(e.code);
        CHECK_FALSE(e.message.isEmpty());
    }
    CHECK(codes == QStringList{QStringLiteral("hall.zone"), QStringLiteral("hall.hours"),
                               QStringLiteral("hall.idle_lock"), QStringLiteral("hall.follow_up")});
}

TEST_CASE("Hall settings: a hall's zone is an IANA region; UTC+8, GMT+8, +08:00 and an empty zone "
          "are refused with the hint for Beijing (issue 17, F5)")
{
    // A POSIX zone reads "UTC+8" as eight hours behind UTC: a hall so written counted its days
    // a day behind Beijing for most of the working day.
    for (const char* zone : {"Asia/Shanghai", "Asia/Urumqi", "America/Port-au-Prince", "UTC"})
        CHECK(core::checkHallZone(QString::fromUtf8(zone)).ok());
    for (const char* zone :
         {"UTC+8", "utc+8", "GMT+8", "+08:00", "-08:00", "UTC+08:00", "Etc/GMT-8", "UTC−8", "8"}) {
        INFO(zone);
        const core::Status s = core::checkHallZone(QString::fromUtf8(zone));
        REQUIRE_FALSE(s.ok());
        CHECK(s.error().code == QStringLiteral("hall.zone"));
        CHECK(s.error().message.contains(QStringLiteral("北京时间请用 Asia/Shanghai")));
    }
    for (const char* zone : {"", " ", "Mars/Base", " Asia/Shanghai", "Asia/Shanghai "}) {
        INFO(zone);
        const core::Status s = core::checkHallZone(QString::fromUtf8(zone));
        REQUIRE_FALSE(s.ok());
        CHECK(s.error().message.contains(QStringLiteral("Asia/Shanghai")));
    }
    // The window's own settings take the same rule.
    core::HallSettings hall;
    hall.hallName = QStringLiteral("兰州市城关区政务服务中心");
    hall.hallCode = QStringLiteral("620102");
    hall.deviceCode = QStringLiteral("W07");
    hall.zone = QTimeZone(QByteArrayLiteral("UTC+08:00"));
    REQUIRE(core::validateHallSettings(hall).size() == 1);
    CHECK(core::validateHallSettings(hall).first().code == QStringLiteral("hall.zone"));
}

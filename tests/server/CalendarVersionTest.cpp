// Decision 8 (docs/sync-protocol.md): the server judges a pushed act on the calendar version it
// records, when the hall's calendar has ever been that one; otherwise on the hall's calendar as
// recorded at the act's time. Run on SQLite and on PostgreSQL.
#include "HallEvents.h"
#include "MovedNotice.h"
#include "ServerCommand.h"

#include "core/HolidayNotice.h"
#include "core/SyncProtocol.h"
#include "core/WorkingCalendar.h"

#include <catch2/catch.hpp>

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>

using namespace onewindow;
using namespace onewindow::test;
using core::EventType;

namespace {

const QString kHall = QStringLiteral("620102");

// The shipped 2026 notice with Saturday 2026-12-12 made a working day (调休上班): a notice period
// counted from Monday 2026-12-07 then ends on that Saturday instead of Monday 2026-12-14.
QString writeMakeUpNotice(const QTemporaryDir& dir)
{
    return writeNoticeWithDay(dir, QStringLiteral("2026-makeup.json"), QStringLiteral("临时调休"),
                              QStringLiteral("2026-12-12"), false);
}

// The calendar a window of the hall folds with after pulling everything: the latest version of
// each year's notice in the pulled master data.
QString pulledCalendarVersion(ServerFixture& f, const ServerFixture::Device& reader)
{
    QHash<QString, std::pair<int, core::HolidayNotice>> latest;
    for (const QJsonObject& record : pulledRecords(f, reader)) {
        if (record.value(QStringLiteral("kind")) != QStringLiteral("calendar.notice"))
            continue;
        const QJsonObject body = record.value(QStringLiteral("body")).toObject();
        const core::NoticeParse p = core::parseHolidayNotice(
            QJsonDocument(body.value(QStringLiteral("notice")).toObject()).toJson(),
            body.value(QStringLiteral("source")).toString());
        REQUIRE(p.ok());
        const int version = record.value(QStringLiteral("version")).toInt();
        const QString key = record.value(QStringLiteral("key")).toString();
        if (!latest.contains(key) || latest.value(key).first < version)
            latest.insert(key, {version, p.notice});
    }
    REQUIRE(!latest.isEmpty());
    QList<core::HolidayNotice> notices;
    for (const auto& [version, notice] : latest)
        notices.append(notice);
    return core::WorkingCalendar(notices).version();
}

QString verdictOf(const HttpReply& r)
{
    const QJsonObject o = onlyResult(r);
    return o.value(QStringLiteral("verdict")).toString() + QLatin1Char(' ') +
           o.value(QStringLiteral("reason_code")).toString();
}

QJsonObject onCalendar(const QString& version)
{
    return version.isEmpty()
               ? QJsonObject()
               : QJsonObject{{QLatin1String(core::sync::kCalendarVersionKey), version}};
}

} // namespace

TEST_CASE("Decision 8: an acceptance made offline on the calendar its window had is judged on "
          "that calendar, not on a notice imported meanwhile; one that records no calendar, or "
          "one the hall never had, is judged on the hall's calendar of its time",
          "[server][judge][calendarversion]")
{
    ServerFixture f;
    f.createHall(kHall);
    const auto w07 = f.enrol(kHall, QStringLiteral("W07"));
    EventMaker make(w07.id, f.clock());
    const QString before = pulledCalendarVersion(f, w07);

    // Four cases received Monday 2026-12-07 (one-time notice period: up to Monday 2026-12-14).
    QList<core::Event> receipts;
    for (int n = 1; n <= 4; ++n) {
        const core::Event r =
            make.make(EventType::Received, newId(), {}, receivedPayload(numberOf(n)));
        REQUIRE(verdictOf(f.push(w07, {core::sync::eventToWire(r)})) ==
                QStringLiteral("accepted "));
        receipts.append(r);
    }

    // Thursday: the hall imports a notice making Saturday a working day; W07 is offline since.
    QTemporaryDir dir;
    f.clock().set(QDateTime(QDate(2026, 12, 10), QTime(11, 0), kTestZone));
    const CommandRun run = command(
        f, {QStringLiteral("calendar"), QStringLiteral("import"), kHall, writeMakeUpNotice(dir)});
    INFO(run.out.toStdString() << run.err.toStdString());
    REQUIRE(run.exit == 0);
    const QString after = pulledCalendarVersion(f, w07);
    CHECK(after != before);

    // Monday 2026-12-14: W07 accepts on the calendar it had (its last day of the period).
    f.clock().set(QDateTime(QDate(2026, 12, 14), QTime(10, 0), kTestZone));
    const auto accept = [&](int k, const QString& version) {
        return verdictOf(f.push(w07, {make.wire(EventType::Accepted, receipts[k].caseId,
                                                receipts[k].eventId, onCalendar(version))}));
    };
    CHECK(accept(0, before) == QStringLiteral("accepted "));
    // The same act judged on the hall's calendar of its time: the period ended on Saturday.
    CHECK(accept(1, QString()) == QStringLiteral("rejected accept.deemed"));
    CHECK(accept(2, QStringLiteral("cal-0123456789abcdef")) ==
          QStringLiteral("rejected accept.deemed"));
    // A window that had pulled the notice judged it late itself; had it pushed, the same.
    CHECK(accept(3, after) == QStringLiteral("rejected accept.deemed"));

    // The version the hall never had is flagged beside the event (the windows and `flagged` show
    // it); the others, known or none, are not.
    QHash<QString, QString> flagOf; // case id of an acceptance -> its flag's code
    const HttpReply page = f.pull(w07, 0, 1000);
    REQUIRE(page.status == 200);
    for (const QJsonValue& v : page.json().value(QStringLiteral("events")).toArray()) {
        const QJsonObject entry = v.toObject();
        const QJsonObject event = entry.value(QStringLiteral("event")).toObject();
        if (event.value(QStringLiteral("type")) == QStringLiteral("case.accepted"))
            flagOf.insert(event.value(QStringLiteral("case_id")).toString(),
                          entry.value(QStringLiteral("time_flag"))
                              .toObject()
                              .value(QStringLiteral("code"))
                              .toString());
    }
    REQUIRE(flagOf.size() == 4);
    CHECK(flagOf.value(receipts[0].caseId).isEmpty());
    CHECK(flagOf.value(receipts[1].caseId).isEmpty());
    CHECK(flagOf.value(receipts[2].caseId) == QStringLiteral("calendar.unknown_version"));
    CHECK(flagOf.value(receipts[3].caseId).isEmpty());
    const CommandRun flagged = command(f, {QStringLiteral("flagged"), kHall});
    CHECK(flagged.out.contains(QStringLiteral("记录所依据的日历不是本大厅用过的任何一版")));
    CHECK(command(f, {QStringLiteral("check"), kHall}).exit == 0);
}

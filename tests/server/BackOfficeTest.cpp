// The hall's back offices (移交后台), master data the server writes and every window pulls
// (record hall.back_offices, docs/sync-protocol.md): `backoffice add|remove|list`, and a back
// office's enrolment code lists its department. On SQLite and on PostgreSQL.
#include "HallEvents.h"
#include "ServerCommand.h"

#include "server/Commands.h"
#include "server/storage/MasterData.h"

#include <catch2/catch.hpp>

#include <QJsonArray>

using namespace onewindow;
using namespace onewindow::test;

namespace {

const QString kHall = QStringLiteral("620102");
const QString kSocial = QStringLiteral("人力资源和社会保障后台审批组");
const QString kMarket = QStringLiteral("市场监管后台审批组");

CommandRun backoffice(ServerFixture& f, const QStringList& words)
{
    return command(f, QStringList{QStringLiteral("backoffice")} + words);
}

// The back-office records a window's pull brings after `cursor`, each as its list of names.
QList<QStringList> pulledLists(ServerFixture& f, const ServerFixture::Device& d, qint64 cursor)
{
    QList<QStringList> out;
    for (const QJsonObject& record : pulledRecords(f, d, cursor)) {
        if (record.value(QStringLiteral("kind")).toString() != server::record::kBackOffices)
            continue;
        CHECK(record.value(QStringLiteral("key")).toString() == kHall);
        QStringList names;
        for (const QJsonValue& n : record.value(QStringLiteral("body"))
                                       .toObject()
                                       .value(QStringLiteral("departments"))
                                       .toArray())
            names.append(n.toString());
        out.append(names);
    }
    return out;
}

qint64 seqOf(ServerFixture& f)
{
    return f.registry().hall(kHall)->seq;
}

} // namespace

TEST_CASE("backoffice: a back office's enrolment code and `backoffice add` list its department, "
          "the whole list is pulled by every window, a repeat or a bad name writes nothing",
          "[server][backoffice]")
{
    ServerFixture f;
    f.createHall(kHall);
    const auto w07 = f.enrol(kHall, QStringLiteral("W07"));
    CHECK(pulledLists(f, w07, 0).isEmpty()); // a new hall has no back offices
    CommandRun listed = backoffice(f, {QStringLiteral("list"), kHall});
    REQUIRE(listed.exit == 0);
    CHECK(listed.out.isEmpty());

    // The back office's PC is not enrolled yet: its code already lists the department.
    const qint64 before = seqOf(f);
    const CommandRun code =
        command(f, {QStringLiteral("enrol"), kHall, QStringLiteral("B01"), QStringLiteral("--role"),
                    QStringLiteral("backoffice"), QStringLiteral("--department"), kSocial});
    REQUIRE(code.exit == 0);
    CHECK(pulledLists(f, w07, before) == QList<QStringList>{{kSocial}});
    // A second code for the same department (a new PC) writes no new version.
    const qint64 afterCode = seqOf(f);
    REQUIRE(f.registry()
                .createEnrolCode({kHall, QStringLiteral("B02"), QStringLiteral("backoffice"),
                                  QStringLiteral(" ") + kSocial, 3600})
                .ok());
    CHECK(seqOf(f) == afterCode);

    const CommandRun added = backoffice(f, {QStringLiteral("add"), kHall, kMarket});
    REQUIRE(added.exit == 0);
    CHECK(added.out.contains(QStringLiteral("hall.back_offices 620102 version 2")));
    CHECK(pulledLists(f, w07, afterCode) == QList<QStringList>{{kSocial, kMarket}});
    listed = backoffice(f, {QStringLiteral("list"), kHall});
    CHECK(listed.out == kSocial + QLatin1Char('\n') + kMarket + QLatin1Char('\n'));

    // Refused, nothing written: a name listed already, a blank one, a multi-line one, a blank
    // department on a back office's code (and no code made for it).
    const qint64 settled = seqOf(f);
    const CommandRun again = backoffice(f, {QStringLiteral("add"), kHall, kMarket});
    CHECK(again.exit == 1);
    CHECK(again.err.contains(QStringLiteral("本大厅已有后台科室“市场监管后台审批组”")));
    const CommandRun blank = backoffice(f, {QStringLiteral("add"), kHall, QStringLiteral("  ")});
    CHECK(blank.exit == 1);
    CHECK(blank.err.contains(QStringLiteral("后台科室名称须为 1–100 个字符")));
    CHECK(backoffice(f, {QStringLiteral("add"), kHall, QStringLiteral("甲\n乙")}).exit == 1);
    CHECK_FALSE(f.registry()
                    .createEnrolCode({kHall, QStringLiteral("B03"), QStringLiteral("backoffice"),
                                      QStringLiteral("甲\t乙"), 3600})
                    .ok());
    CHECK(backoffice(f, {QStringLiteral("add"), QStringLiteral("999999"), kMarket}).exit == 1);
    CHECK(backoffice(f, {QStringLiteral("add"), kHall}).exit == 2);
    CHECK(seqOf(f) == settled);
    CHECK(pulledLists(f, w07, settled).isEmpty());
}

TEST_CASE("backoffice: a department is removed only once no active back-office device serves "
          "it, and the windows pull the shorter list",
          "[server][backoffice]")
{
    ServerFixture f;
    f.createHall(kHall);
    const auto w07 = f.enrol(kHall, QStringLiteral("W07"));
    auto code = f.registry().createEnrolCode(
        {kHall, QStringLiteral("B01"), QStringLiteral("backoffice"), kSocial, 3600});
    REQUIRE(code.ok());
    auto b01 = f.registry().enrol(code->first, QStringLiteral("b01-pc"));
    REQUIRE(b01.ok());
    REQUIRE(backoffice(f, {QStringLiteral("add"), kHall, kMarket}).exit == 0);

    const qint64 before = seqOf(f);
    const CommandRun inUse = backoffice(f, {QStringLiteral("remove"), kHall, kSocial});
    CHECK(inUse.exit == 1);
    CHECK(inUse.err.contains(QStringLiteral("仍有在用的后台设备（窗口 B01")));
    const CommandRun unknown =
        backoffice(f, {QStringLiteral("remove"), kHall, QStringLiteral("人社审批组")});
    CHECK(unknown.exit == 1);
    CHECK(unknown.err.contains(QStringLiteral("本大厅没有后台科室“人社审批组”（现有：") + kSocial +
                               QStringLiteral("、") + kMarket));
    CHECK(seqOf(f) == before);

    // A department with no PC goes at once; the other once its device is retired.
    REQUIRE(backoffice(f, {QStringLiteral("remove"), kHall, kMarket}).exit == 0);
    CHECK(pulledLists(f, w07, before) == QList<QStringList>{{kSocial}});
    REQUIRE(command(f, {QStringLiteral("device"), QStringLiteral("retire"), b01->device.deviceId})
                .exit == 0);
    REQUIRE(backoffice(f, {QStringLiteral("remove"), kHall, kSocial}).exit == 0);
    CHECK(pulledLists(f, w07, before) == QList<QStringList>{{kSocial}, QStringList{}});
}

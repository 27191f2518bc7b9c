// Decisions 2 and 9 (docs/sync-protocol.md): the events of a device that may no longer push — a
// disk restored from a backup answered sequence_reused and was stopped — come in only through an
// administrator's audited import (`onewindow-server device import`): checked whole first, then
// judged like a push under new identities derived from the originals, the loser of a conflict
// kept as rejected with its winner, who and why recorded, the same file taken once. Run on SQLite
// and on PostgreSQL.
#include "ServerCommand.h"
#include "ServerFixture.h"

#include "core/EventChecksum.h"
#include "core/PendingExport.h"
#include "server/Commands.h"

#include <catch2/catch.hpp>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

using namespace onewindow;
using namespace onewindow::test;
using core::EventType;

namespace {

const QString kHall = QStringLiteral("620102");

QString writeExport(const QTemporaryDir& dir, const QString& name, const QString& device,
                    const QList<QJsonObject>& events)
{
    core::sync::PendingExport file;
    file.hallCode = kHall;
    file.windowCode = QStringLiteral("W07");
    file.deviceId = device;
    file.exportedAtUtc = QStringLiteral("2026-12-07T03:00:00.000Z");
    file.events = events;
    const QString path = dir.filePath(name);
    QFile out(path);
    REQUIRE(out.open(QIODevice::WriteOnly));
    out.write(core::sync::pendingExportJson(file));
    return path;
}

// The hall's events as a device pulls them (verdict, winner, and the event), by event id.
QHash<QString, QJsonObject> pulledById(ServerFixture& f, const ServerFixture::Device& d)
{
    const HttpReply r = f.pull(d, 0, 1000);
    REQUIRE(r.status == 200);
    QHash<QString, QJsonObject> out;
    for (const QJsonValue& v : r.json().value(QStringLiteral("events")).toArray()) {
        const QJsonObject event = v.toObject().value(QStringLiteral("event")).toObject();
        if (!event.isEmpty())
            out.insert(event.value(QStringLiteral("event_id")).toString(), v.toObject());
    }
    return out;
}

int eventCount(ServerFixture& f)
{
    QSqlQuery q = f.db().query();
    REQUIRE(f.db().run(q, QStringLiteral("SELECT COUNT(*) FROM events")));
    REQUIRE(q.next());
    return q.value(0).toInt();
}

} // namespace

TEST_CASE("Decision 2: a restored disk's forked events come in through the audited import, "
          "judged like a push; the loser of a conflict is kept as rejected with its winner",
          "[server][import]")
{
    ServerFixture f;
    f.createHall(kHall);
    const auto dev = f.enrol(kHall, QStringLiteral("W07"));
    const auto sup = f.enrol(kHall, QStringLiteral("SUP"));
    EventMaker before(dev.id, f.clock());
    const QString caseA = newId();
    const core::Event receiptA =
        before.make(EventType::Received, caseA, {}, receivedPayload(numberOf(1)));
    REQUIRE(verdicts(f.push(dev, {core::sync::eventToWire(receiptA)})) ==
            QStringList{QStringLiteral("accepted")});

    // The disk restored from yesterday's backup records on from sequence 1 again.
    f.clock().advanceSeconds(60);
    EventMaker fork(dev.id, f.clock());
    const QString caseB = newId(), caseC = newId();
    const QJsonObject dupReceipt =
        fork.wire(EventType::Received, caseB, {}, receivedPayload(numberOf(1))); // taken
    const QJsonObject note = fork.wire(EventType::Note, caseA, receiptA.eventId,
                                       {{QStringLiteral("text"), QStringLiteral("申请人来电")}});
    const core::Event receiptC =
        fork.make(EventType::Received, caseC, {}, receivedPayload(numberOf(2)));
    const QJsonObject acceptC = fork.wire(EventType::Accepted, caseC, receiptC.eventId);
    const HttpReply reused = f.push(dev, {dupReceipt});
    REQUIRE(reused.status == 409);
    REQUIRE(reused.json().value(QStringLiteral("error")).toString() ==
            core::sync::code::kSequenceReused);

    QTemporaryDir dir;
    const QString path =
        writeExport(dir, QStringLiteral("w07.json"), dev.id,
                    {dupReceipt, note, core::sync::eventToWire(receiptC), acceptC});
    const int stored = eventCount(f);

    // --check reads and checks the file and writes nothing.
    const CommandRun check =
        command(f, {QStringLiteral("device"), QStringLiteral("import"), dev.id,
                    QStringLiteral("--file"), path, QStringLiteral("--check")});
    REQUIRE(check.exit == 0);
    CHECK(check.out.contains(QStringLiteral("4 to judge")));
    CHECK(eventCount(f) == stored);
    // Who and why are required.
    const CommandRun unsigned_ = command(f, {QStringLiteral("device"), QStringLiteral("import"),
                                             dev.id, QStringLiteral("--file"), path});
    CHECK(unsigned_.exit == 1);
    CHECK(unsigned_.err.contains(QStringLiteral("import.unsigned")));

    const QStringList importWords{QStringLiteral("device"),
                                  QStringLiteral("import"),
                                  dev.id,
                                  QStringLiteral("--file"),
                                  path,
                                  QStringLiteral("--by"),
                                  QStringLiteral("王管理员"),
                                  QStringLiteral("--reason"),
                                  QStringLiteral("W07 硬盘从备份恢复")};
    const CommandRun run = command(f, importWords);
    INFO(run.out.toStdString() << run.err.toStdString());
    REQUIRE(run.exit == 0);
    CHECK(run.out.contains(QStringLiteral("0 already in the hall, 3 accepted, 1 rejected")));
    CHECK(eventCount(f) == stored + 4);

    const auto hall = pulledById(f, sup);
    const auto imported = [&](const QJsonObject& original) {
        const QString id = core::nameBasedEventId(
            QStringLiteral("fork/") + original.value(QStringLiteral("event_id")).toString());
        REQUIRE(hall.contains(id));
        return hall.value(id);
    };
    // The forked receipt of a number the hall had issued loses to the first receipt.
    const QJsonObject lost = imported(dupReceipt);
    CHECK(lost.value(QStringLiteral("verdict")).toString() == QStringLiteral("rejected"));
    CHECK(lost.value(QStringLiteral("reason_code")).toString() ==
          core::sync::code::kDuplicateNumber);
    CHECK(lost.value(QStringLiteral("winner")).toString() == receiptA.eventId);
    // The others stand; each names its original; the acceptance's head is the new receipt's id.
    const QJsonObject accepted = imported(acceptC);
    CHECK(accepted.value(QStringLiteral("verdict")).toString() == QStringLiteral("accepted"));
    const QJsonObject event = accepted.value(QStringLiteral("event")).toObject();
    CHECK(
        event.value(QStringLiteral("device_id")).toString().startsWith(QStringLiteral("import-")));
    const QJsonObject payload =
        QJsonDocument::fromJson(event.value(QStringLiteral("payload")).toString().toUtf8())
            .object();
    CHECK(payload.value(QStringLiteral("caseHead")).toString() ==
          core::nameBasedEventId(QStringLiteral("fork/") + receiptC.eventId));
    CHECK(payload.value(QStringLiteral("importedFrom"))
              .toObject()
              .value(QStringLiteral("eventId"))
              .toString() == acceptC.value(QStringLiteral("event_id")).toString());
    CHECK(imported(note).value(QStringLiteral("verdict")).toString() == QStringLiteral("accepted"));

    // The same file again: nothing new, the same report.
    const CommandRun again = command(f, importWords);
    REQUIRE(again.exit == 0);
    CHECK(again.out.contains(QStringLiteral("3 accepted, 1 rejected")));
    CHECK(eventCount(f) == stored + 4);

    // The record: who, why, the counts; the import's device is retired.
    const CommandRun list = command(f, {QStringLiteral("device"), QStringLiteral("imports")});
    REQUIRE(list.exit == 0);
    CHECK(list.out.contains(QStringLiteral("王管理员\tW07 硬盘从备份恢复")));
    CHECK(list.out.contains(QStringLiteral("\t4\t0\t3\t1\t")));
    const CommandRun devices = command(f, {QStringLiteral("device"), QStringLiteral("list")});
    CHECK(devices.out.contains(QStringLiteral("导入：")));
    CHECK(devices.out.contains(QStringLiteral("retired ")));
}

TEST_CASE("Decision 2: an import is refused whole for an active device, another device's file, "
          "a changed event or one the hall holds with other content",
          "[server][import]")
{
    ServerFixture f;
    f.createHall(kHall);
    const auto dev = f.enrol(kHall, QStringLiteral("W07"));
    EventMaker make(dev.id, f.clock());
    const core::Event receipt =
        make.make(EventType::Received, newId(), {}, receivedPayload(numberOf(1)));
    REQUIRE(f.push(dev, {core::sync::eventToWire(receipt)}).status == 200);
    const QJsonObject pending =
        make.wire(EventType::Received, newId(), {}, receivedPayload(numberOf(2)));
    QTemporaryDir dir;
    const auto importOf = [&](const QString& path) {
        return command(f, {QStringLiteral("device"), QStringLiteral("import"), dev.id,
                           QStringLiteral("--file"), path, QStringLiteral("--by"),
                           QStringLiteral("王管理员"), QStringLiteral("--reason"),
                           QStringLiteral("测试")});
    };
    const int stored = eventCount(f);

    // Still active: it pushes its own.
    const CommandRun active =
        importOf(writeExport(dir, QStringLiteral("a.json"), dev.id, {pending}));
    CHECK(active.exit == 1);
    CHECK(active.err.contains(QStringLiteral("import.device_active")));

    REQUIRE(command(f, {QStringLiteral("device"), QStringLiteral("revoke"), dev.id}).exit == 0);
    // Another device's file.
    const CommandRun other = importOf(
        writeExport(dir, QStringLiteral("b.json"), QStringLiteral("someone-else"), {pending}));
    CHECK(other.err.contains(QStringLiteral("import.wrong_device")));
    // An event changed after it was recorded: its checksum no longer holds.
    QJsonObject changed = pending;
    changed.insert(QStringLiteral("actor_id"), QStringLiteral("supervisor-1"));
    const CommandRun tampered =
        importOf(writeExport(dir, QStringLiteral("c.json"), dev.id, {changed}));
    CHECK(tampered.err.contains(QStringLiteral("import.bad_file")));
    // The hall holds this event id with other content.
    QJsonObject forged = core::sync::eventToWire(receipt);
    core::Event other2 = receipt;
    other2.payload.insert(QStringLiteral("caseNumber"), numberOf(9));
    forged = core::sync::eventToWire(other2);
    const CommandRun conflict =
        importOf(writeExport(dir, QStringLiteral("d.json"), dev.id, {forged}));
    CHECK(conflict.err.contains(QStringLiteral("import.conflict")));
    // Not a pending-events file at all.
    QFile junk(dir.filePath(QStringLiteral("e.json")));
    REQUIRE(junk.open(QIODevice::WriteOnly));
    junk.write("{\"events\": []}");
    junk.close();
    const CommandRun notOurs = importOf(junk.fileName());
    CHECK(notOurs.err.contains(QStringLiteral("import.bad_file")));
    CHECK(eventCount(f) == stored);

    // The revoked device's own pending event goes in.
    const CommandRun ok = importOf(writeExport(dir, QStringLiteral("f.json"), dev.id,
                                               {core::sync::eventToWire(receipt), pending}));
    INFO(ok.out.toStdString() << ok.err.toStdString());
    REQUIRE(ok.exit == 0);
    CHECK(ok.out.contains(QStringLiteral("1 already in the hall, 1 accepted, 0 rejected")));
    CHECK(eventCount(f) == stored + 1);
}

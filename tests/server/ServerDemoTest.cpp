// onewindow-server-demo hall demo: the workstation's demo hall on the central store, on both
// backends, answering the protocol and the status page like any hall.
#include "ServerFixture.h"

#include "core/Clock.h"
#include "core/SyncProtocol.h"

#include <catch2/catch.hpp>

#include <QJsonDocument>
#include <QProcess>
#include <QSet>

using namespace onewindow;
using namespace onewindow::test;
using core::EventType;

TEST_CASE("hall demo: the demo generator's cases become a hall's stream that pulls, judges and "
          "answers its status pages",
          "[server][demo]")
{
    ServerFixture f;
    const server::DatabaseSpec spec = f.spec();
    const QStringList db = spec.kind == server::DatabaseSpec::Kind::Sqlite
                               ? QStringList{QStringLiteral("--store"), spec.sqlitePath}
                               : QStringList{QStringLiteral("--database"),
                                             QString::fromUtf8(qgetenv("ONEWINDOW_TEST_PG"))};
    QProcess p;
    p.start(QStringLiteral(ONEWINDOW_SERVER_DEMO_PATH),
            db + QStringList{QStringLiteral("hall"), QStringLiteral("demo"),
                             QStringLiteral("620102"), QStringLiteral("--cases"),
                             QStringLiteral("40")});
    REQUIRE(p.waitForFinished(300000));
    INFO(p.readAllStandardError().toStdString());
    REQUIRE(p.exitCode() == 0);

    const auto dev = f.enrol(QStringLiteral("620102"), QStringLiteral("W13"));
    const HttpReply pull = f.pull(dev, 0, 1000);
    REQUIRE(pull.status == 200);
    QSet<QString> cases;
    QString caseId, caseNumber, queryCode;
    int items = 0, users = 0;
    qint64 cursor = 0;
    while (true) {
        const HttpReply page = f.pull(dev, cursor, 1000);
        REQUIRE(page.status == 200);
        for (const QJsonValue& v : page.json().value(QStringLiteral("events")).toArray()) {
            const QJsonObject entry = v.toObject();
            const QString kind = entry.value(QStringLiteral("record"))
                                     .toObject()
                                     .value(QStringLiteral("kind"))
                                     .toString();
            items += kind == QStringLiteral("catalog.item");
            users += kind == QStringLiteral("user");
            if (kind == QStringLiteral("user")) {
                // Every seeded clerk and supervisor has a name the timelines can show.
                const QString name = entry.value(QStringLiteral("record"))
                                         .toObject()
                                         .value(QStringLiteral("body"))
                                         .toObject()
                                         .value(QStringLiteral("displayName"))
                                         .toString();
                CHECK_FALSE(name.isEmpty());
                CHECK_FALSE(name.contains(QLatin1Char('-')));
            }
            if (!entry.contains(QStringLiteral("event")))
                continue;
            CHECK(entry.value(QStringLiteral("verdict")).toString() == QStringLiteral("accepted"));
            const QJsonObject e = entry.value(QStringLiteral("event")).toObject();
            cases.insert(e.value(QStringLiteral("case_id")).toString());
            if (e.value(QStringLiteral("type")).toString() == QStringLiteral("case.received") &&
                caseId.isEmpty()) {
                caseId = e.value(QStringLiteral("case_id")).toString();
                const QJsonObject payload =
                    QJsonDocument::fromJson(e.value(QStringLiteral("payload")).toString().toUtf8())
                        .object();
                caseNumber = payload.value(QStringLiteral("caseNumber")).toString();
                queryCode = payload.value(QStringLiteral("queryCode")).toString();
            }
        }
        cursor = page.json().value(QStringLiteral("next_cursor")).toInteger();
        if (!page.json().value(QStringLiteral("more")).toBool())
            break;
    }
    CHECK(cases.size() == 40);
    CHECK(items > 30); // the demo catalog's 54 items
    CHECK(users >= 3);

    // The hall judges like any other: a note by the demo clerk zhangsan is accepted. The demo
    // program ran on the system clock, so its people became users of the hall at the real time
    // of the run; the note is made after that, whatever day the suite runs on.
    f.clock().set(std::max(f.clock().nowUtc(), core::SystemClock().nowUtc().addSecs(60)));
    EventMaker make(dev.id, f.clock());
    make.setActor(QStringLiteral("clerk-w07-1"));
    const HttpReply note =
        f.push(dev, {make.wire(EventType::Note, caseId, {},
                               {{QStringLiteral("text"), QStringLiteral("演示")}})});
    REQUIRE(note.status == 200);
    CHECK(note.json()
              .value(QStringLiteral("results"))
              .toArray()[0]
              .toObject()
              .value(QStringLiteral("verdict")) == QStringLiteral("accepted"));

    // Its receipt's QR code answers: the status page of a demo case.
    const HttpReply status = f.get(QStringLiteral("/q/%1?code=%2").arg(caseNumber, queryCode), {});
    CHECK(status.status == 200);
    CHECK(QString::fromUtf8(status.body).contains(caseNumber));

    // The production program does not make demo halls.
    QProcess server;
    server.start(
        QStringLiteral(ONEWINDOW_SERVER_PATH),
        db + QStringList{QStringLiteral("hall"), QStringLiteral("demo"), QStringLiteral("620102")});
    REQUIRE(server.waitForFinished(60000));
    CHECK(server.exitCode() == 2);
    CHECK(QString::fromUtf8(server.readAllStandardError())
              .contains(QStringLiteral("onewindow-server-demo")));
}

// Decision 5: POST /v1/numbers allots a device a block of an office's 文号; the same request
// again gets the same block (Qt resends a POST by itself), blocks never overlap, a hall whose
// windows issued numbers of the series before starts after them, and nonsense is refused.
// Run on SQLite and on PostgreSQL.
#include "ServerFixture.h"

#include "core/CasePayloads.h"
#include "core/DocumentKind.h"

#include <catch2/catch.hpp>

#include <QJsonArray>
#include <QJsonDocument>

using namespace onewindow;
using namespace onewindow::test;

namespace {

const QString kHall = QStringLiteral("620102");

HttpReply askBlock(ServerFixture& f, const ServerFixture::Device& d, const QJsonObject& body)
{
    return httpCall(f.net, "POST", f.url(QStringLiteral("/v1/numbers")),
                    QJsonDocument(body).toJson(QJsonDocument::Compact),
                    {{core::sync::kProtocolHeader, kProtocolNow},
                     {core::sync::kBuildHeader, "test"},
                     {core::sync::kFoldHeader, kFoldNow},
                     {"Authorization", "Bearer " + d.token.toLatin1()},
                     {"Content-Type", "application/json"}});
}

QJsonObject request(const QString& series, int year, int count, const QString& id)
{
    return {{QStringLiteral("series"), series},
            {QStringLiteral("year"), year},
            {QStringLiteral("count"), count},
            {QStringLiteral("request_id"), id}};
}

std::pair<qint64, qint64> block(const HttpReply& r)
{
    REQUIRE(r.status == 200);
    return {r.json().value(QStringLiteral("first")).toInteger(),
            r.json().value(QStringLiteral("last")).toInteger()};
}

} // namespace

TEST_CASE("Decision 5: 文号 blocks never overlap, a resent request gets its block again, and a "
          "series goes on after the numbers its hall issued",
          "[server][numbers]")
{
    ServerFixture f;
    f.createHall(kHall);
    const auto w07 = f.enrol(kHall, QStringLiteral("W07"));
    const auto w08 = f.enrol(kHall, QStringLiteral("W08"));
    const QString series = QStringLiteral("城食经许");

    CHECK(block(askBlock(f, w07, request(series, 2026, 20, QStringLiteral("a")))) ==
          std::pair<qint64, qint64>{1, 20});
    CHECK(block(askBlock(f, w08, request(series, 2026, 20, QStringLiteral("a")))) ==
          std::pair<qint64, qint64>{21, 40});
    // The same request again (its answer was lost): the same block, nothing new allotted.
    CHECK(block(askBlock(f, w07, request(series, 2026, 20, QStringLiteral("a")))) ==
          std::pair<qint64, qint64>{1, 20});
    CHECK(block(askBlock(f, w07, request(series, 2026, 5, QStringLiteral("b")))) ==
          std::pair<qint64, qint64>{41, 45});
    // Another year and another series count on their own.
    CHECK(block(askBlock(f, w07, request(series, 2027, 20, QStringLiteral("c")))).first == 1);
    CHECK(
        block(askBlock(f, w07, request(QStringLiteral("城自然资"), 2026, 20, QStringLiteral("d"))))
            .first == 1);

    // Numbers the windows issued by their own counters before (an upgraded hall): after them.
    QSqlQuery q = f.db().query();
    REQUIRE(f.db().run(q,
                       QStringLiteral("INSERT INTO issued_numbers (hall_code, kind, number, "
                                      "window_code, event_id) VALUES (?, 'refusal', ?, 'W07', "
                                      "'e-1')"),
                       {kHall, QStringLiteral("城市监〔2026〕57号")}));
    CHECK(block(askBlock(f, w08, request(QStringLiteral("城市监"), 2026, 10, QStringLiteral("e"))))
              .first == 58);

    // Nonsense is refused with a reason; a device of no hall cannot ask at all.
    for (const QJsonObject& bad :
         {request(QString(), 2026, 20, QStringLiteral("f")),
          request(series, 1066, 20, QStringLiteral("g")),
          request(series, 2026, 0, QStringLiteral("h")),
          request(series, 2026, 5000, QStringLiteral("i")), request(series, 2026, 20, QString())}) {
        const HttpReply r = askBlock(f, w07, bad);
        CHECK(r.status == 400);
        CHECK(r.json().value(QStringLiteral("error")).toString() ==
              QStringLiteral("numbers.bad_request"));
    }
    ServerFixture::Device stranger = w07;
    stranger.token = QStringLiteral("not-a-token");
    CHECK(askBlock(f, stranger, request(series, 2026, 20, QStringLiteral("j"))).status == 401);
}

TEST_CASE("Decision 5: a document number another case's document bears is refused "
          "document.duplicate_number; a reprint of the same case keeps its number",
          "[server][numbers]")
{
    ServerFixture f;
    f.createHall(kHall);
    const auto dev = f.enrol(kHall, QStringLiteral("W07"));
    EventMaker make(dev.id, f.clock());
    const QString caseA = newId(), caseB = newId();
    const core::Event receiptA =
        make.make(core::EventType::Received, caseA, {},
                  receivedPayload(QStringLiteral("620102-20261207-W07-0001")));
    const core::Event receiptB =
        make.make(core::EventType::Received, caseB, {},
                  receivedPayload(QStringLiteral("620102-20261207-W07-0002")));
    const QString kind = core::documentKindKey(core::DocumentKind::Receipt);
    const QString number = QStringLiteral("620102-SJ-2026-W07-00001");
    const core::Event printedA =
        make.make(core::EventType::DocumentPrinted, caseA, receiptA.eventId,
                  core::payload::documentPrinted(kind, number, 1, false, receiptA.eventId,
                                                 QStringLiteral("a4")));
    const core::Event reprintA =
        make.make(core::EventType::DocumentPrinted, caseA, receiptA.eventId,
                  core::payload::documentPrinted(kind, number, 1, true, receiptA.eventId,
                                                 QStringLiteral("a4")));
    const core::Event printedB =
        make.make(core::EventType::DocumentPrinted, caseB, receiptB.eventId,
                  core::payload::documentPrinted(kind, number, 1, false, receiptB.eventId,
                                                 QStringLiteral("a4")));
    const HttpReply r =
        f.push(dev, {core::sync::eventToWire(receiptA), core::sync::eventToWire(receiptB),
                     core::sync::eventToWire(printedA), core::sync::eventToWire(reprintA),
                     core::sync::eventToWire(printedB)});
    CHECK(verdicts(r) == QStringList{QStringLiteral("accepted"), QStringLiteral("accepted"),
                                     QStringLiteral("accepted"), QStringLiteral("accepted"),
                                     QStringLiteral("rejected")});
    const QJsonObject lost = r.json().value(QStringLiteral("results")).toArray()[4].toObject();
    CHECK(lost.value(QStringLiteral("reason_code")).toString() ==
          core::sync::code::kDuplicateDocumentNumber);
    CHECK(lost.value(QStringLiteral("winner")).toString() == printedA.eventId);
    CHECK(lost.value(QStringLiteral("reason")).toString().contains(number));
}

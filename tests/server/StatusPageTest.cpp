// GET /q/CASE_NO?code=QUERY_CODE: the applicant's status page, on both backends.
#include "ServerFixture.h"

#include "core/CaseState.h"
#include "core/DateText.h"
#include "core/SyncProtocol.h"
#include "server/StatusPage.h"

#include <catch2/catch.hpp>

using namespace onewindow;
using namespace onewindow::test;
using core::EventType;

namespace {

const QString kHall = QStringLiteral("620102");
const QString kNumber = QStringLiteral("620102-20261207-W07-0001");

HttpReply query(ServerFixture& f, const QString& number, const QString& code)
{
    return f.get(QStringLiteral("/q/%1?code=%2").arg(number, code), {});
}

} // namespace

TEST_CASE("status page: the right code shows the case for a phone; a wrong code answers byte for "
          "byte as an unknown case; wrong codes are capped per case and requests per address",
          "[server][status]")
{
    ServerFixture f;
    f.createHall(kHall);
    const auto dev = f.enrol(kHall, QStringLiteral("W07"));
    EventMaker make(dev.id, f.clock());
    const QString caseId = newId();
    const core::Event received =
        make.make(EventType::Received, caseId, {}, receivedPayload(kNumber));
    REQUIRE(f.push(dev, {core::sync::eventToWire(received),
                         make.wire(EventType::Accepted, caseId, received.eventId)})
                .status == 200);

    const HttpReply right = query(f, kNumber, QStringLiteral("123456"));
    REQUIRE(right.status == 200);
    const QString html = QString::fromUtf8(right.body);
    CHECK(html.contains(QStringLiteral("name=\"viewport\"")));
    CHECK(html.contains(core::caseStatusName(core::CaseStatus::InProgress)));
    CHECK(html.contains(QStringLiteral("食品经营许可")));
    CHECK(html.contains(core::chineseDate(QDate(2026, 12, 7))));
    // 5 promised working days from Monday 2026-12-07: Monday 2026-12-14.
    CHECK(html.contains(core::chineseDate(QDate(2026, 12, 14))));
    CHECK(html.contains(QStringLiteral("城关区政务服务中心一楼")));
    // The page holds no personal data beyond the case: not the applicant's ID number.
    CHECK_FALSE(html.contains(QStringLiteral("11010519491231002X")));

    const HttpReply wrong = query(f, kNumber, QStringLiteral("654321"));
    const HttpReply unknown =
        query(f, QStringLiteral("620102-20261207-W07-0999"), QStringLiteral("123456"));
    CHECK(wrong.status == 404);
    CHECK(unknown.status == 404);
    CHECK(wrong.body == unknown.body);
    CHECK(wrong.body == server::unknownCaseHtml());
    // The log line names the path, never the code.
    CHECK_FALSE(f.log().join(QLatin1Char('\n')).contains(QStringLiteral("654321")));

    // Ten wrong codes in a day: the case answers as unknown, even to the right code.
    for (int i = 1; i < server::StatusPages::kWrongCodesPerCase; ++i)
        CHECK(query(f, kNumber, QStringLiteral("%1").arg(100000 + i)).status == 404);
    const HttpReply capped = query(f, kNumber, QStringLiteral("123456"));
    CHECK(capped.status == 404);
    CHECK(capped.body == unknown.body);

    // Twenty requests from one address in ten minutes, then 429 until the window moves on.
    int sent = server::StatusPages::kWrongCodesPerCase + 3;
    while (sent < server::StatusPages::kRequestsPerAddress) {
        query(f, QStringLiteral("620102-20261207-W07-0998"), QStringLiteral("000000"));
        ++sent;
    }
    CHECK(query(f, kNumber, QStringLiteral("123456")).status == 429);
    f.clock().advanceSeconds(server::StatusPages::kCaseWindowSeconds + 1);
    CHECK(query(f, kNumber, QStringLiteral("123456")).status == 200);
}

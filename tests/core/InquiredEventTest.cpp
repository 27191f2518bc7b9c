// An inquiry about a case (咨询, case.inquired; core/Inquiry.h, decision 1): first-inquiry duty
// (首问负责) in the case's own record. Mergeable: it changes neither the case's state nor a clock,
// any window records it on a held case, a finished case takes it, and it moves no head; its payload
// is checked strictly when it is appended.
#include "support/CaseBuilder.h"
#include "support/CatalogFixtures.h"
#include "support/TestSupport.h"

#include "core/CaseHead.h"
#include "core/EventText.h"
#include "core/Inquiry.h"
#include "core/SyncProtocol.h"

using namespace onewindow;
using core::EventType;
namespace payload = core::payload;

namespace {

core::Inquiry askedAtW08()
{
    core::Inquiry in;
    in.inquiryId = QStringLiteral("0193a7c2-0000-7000-8000-000000000001");
    in.windowCode = QStringLiteral("W08");
    in.person = QStringLiteral("王女士");
    in.phone = QStringLiteral("13912345678");
    in.question = QStringLiteral("我的件办到哪了");
    in.answer = QStringLiteral("已受理，正在审查");
    return in;
}

// Received and accepted at W07 (dev-1) on Friday 2026-09-18.
test::CaseBuilder acceptedAtW07()
{
    test::CaseBuilder c(test::licenceItem());
    REQUIRE(
        c.add(EventType::Received, payload::received(c.receivedInput("2026-09-18")), "2026-09-18")
            .ok());
    REQUIRE(c.add(EventType::Accepted, payload::accepted(), "2026-09-18", "10:05").ok());
    return c;
}

// What a case's fold shows a window, except the events counted.
void requireSameCase(const core::CaseState& a, const core::CaseState& b)
{
    CHECK(a.status == b.status);
    CHECK(a.holderDevice == b.holderDevice);
    CHECK(a.documentsPrinted == b.documentsPrinted);
    CHECK(a.supervisionOrders == b.supervisionOrders);
    CHECK(a.rating == b.rating);
    CHECK(a.rejected.size() == b.rejected.size());
    CHECK(a.timeline.recordedDeadlines.size() == b.timeline.recordedDeadlines.size());
}

} // namespace

TEST_CASE("首问负责 on a case: an inquiry changes neither the case's state nor a clock, any window "
          "records it on a case another window holds, and a finished case still takes it")
{
    test::CaseBuilder c = acceptedAtW07();
    c.setDevice(QStringLiteral("dev-2"));
    REQUIRE(c.add(EventType::Held, QJsonObject{{QStringLiteral("window"), QStringLiteral("W08")}},
                  "2026-09-21")
                .ok());
    const core::CaseState before = c.state();
    const QList<core::CaseClock> clocksBefore = c.clocks("2026-09-22");
    const QList<EventType> actionsBefore =
        core::legalActions(c.state(), c.context(), test::d("2026-09-22"));

    // W07 (dev-1) is asked about the case W08 holds: recorded all the same (mergeable).
    c.setDevice(QStringLiteral("dev-1"));
    const core::Status asked =
        c.add(EventType::Inquired, core::inquiredPayload(askedAtW08()), "2026-09-22");
    INFO((asked ? QString() : asked.error().message).toStdString());
    REQUIRE(asked.ok());
    requireSameCase(c.state(), before);
    CHECK(c.state().holderWindow == QStringLiteral("W08"));
    const QList<core::CaseClock> clocksAfter = c.clocks("2026-09-22");
    REQUIRE(clocksAfter.size() == clocksBefore.size());
    for (int i = 0; i < clocksAfter.size(); ++i) {
        CHECK(clocksAfter[i].kind == clocksBefore[i].kind);
        CHECK(clocksAfter[i].clock.deadline == clocksBefore[i].clock.deadline);
        CHECK(clocksAfter[i].clock.stopped == clocksBefore[i].clock.stopped);
    }
    CHECK(core::legalActions(c.state(), c.context(), test::d("2026-09-22")) == actionsBefore);
    // It is no head: the next change of the case names the hold as its head, as before.
    CHECK(core::sync::isMergeable(EventType::Inquired));
    CHECK_FALSE(core::sync::needsCaseHead(EventType::Inquired));
    CHECK_FALSE(core::sync::movesHead(EventType::Inquired));
    CHECK(core::sync::caseHeadAfter(c.events()) == c.events()[2].eventId);
    // Replayed in any order with the rest, the same case.
    requireSameCase(c.refold(), c.state());

    // The timeline says who asked what, and the answer, at which window.
    const QString line = core::describeEvent(c.events().last());
    CHECK(line == QStringLiteral("咨询（W08 窗口）：王女士（13912345678）问：我的件办到哪了；"
                                 "答复：已受理，正在审查"));

    // People ask after the decision too: a withdrawn case takes it.
    c.setDevice(QStringLiteral("dev-2"));
    REQUIRE(c.add(EventType::Withdrawn,
                  QJsonObject{{QStringLiteral("reason"), QStringLiteral("申请人书面撤回")}},
                  "2026-09-23")
                .ok());
    c.setDevice(QStringLiteral("dev-1"));
    core::Inquiry after = askedAtW08();
    after.answer.clear();
    after.referredTo = QStringLiteral("市场监管局窗口");
    REQUIRE(c.add(EventType::Inquired, core::inquiredPayload(after), "2026-09-24").ok());
    CHECK(c.state().status == core::CaseStatus::Withdrawn);
    CHECK(core::describeEvent(c.events().last())
              .endsWith(QStringLiteral("；引导至：市场监管局窗口")));
}

TEST_CASE(
    "首问负责: an inquiry in a case's record names who asked, the question and an answer or a "
    "referral, and nothing else; a bad one is refused when it is appended")
{
    test::CaseBuilder c = acceptedAtW07();
    const auto refused = [&](const QJsonObject& p) {
        const core::Status s = c.add(EventType::Inquired, p, "2026-09-21");
        REQUIRE_FALSE(s.ok());
        return s.error().code;
    };
    const QJsonObject good = core::inquiredPayload(askedAtW08());
    const auto without = [&](const char* key) {
        QJsonObject p = good;
        p.remove(QLatin1String(key));
        return p;
    };
    const auto with = [&](const char* key, const QJsonValue& v) {
        QJsonObject p = good;
        p.insert(QLatin1String(key), v);
        return p;
    };
    CHECK(refused(without("answer")) == QStringLiteral("inquiry.answer"));
    CHECK(refused(with("answer", QStringLiteral("  "))) == QStringLiteral("inquiry.answer"));
    CHECK(refused(without("person")) == QStringLiteral("inquiry.person"));
    CHECK(refused(without("question")) == QStringLiteral("inquiry.question"));
    CHECK(refused(with("phone", QStringLiteral("12345"))) == QStringLiteral("inquiry.phone"));
    CHECK(refused(without("inquiryId")) == QStringLiteral("inquired.id"));
    CHECK(refused(without("window")) == QStringLiteral("inquired.window"));
    CHECK(refused(with("itemCode", QStringLiteral("x"))) == QStringLiteral("inquired.field"));
    CHECK(refused(with("person", 7)) == QStringLiteral("inquired.field"));
    CHECK(c.events().size() == 2); // none of them stored

    // What the form makes is taken; an optional phone may be left out, or a landline.
    REQUIRE(c.add(EventType::Inquired, good, "2026-09-21").ok());
    REQUIRE(c.add(EventType::Inquired, without("phone"), "2026-09-21").ok());
    REQUIRE(c.add(EventType::Inquired, with("phone", QStringLiteral("0931-8888888")), "2026-09-21")
                .ok());
    CHECK(core::inquiredPayload(askedAtW08()).keys() ==
          QStringList{QStringLiteral("answer"), QStringLiteral("inquiryId"),
                      QStringLiteral("person"), QStringLiteral("phone"), QStringLiteral("question"),
                      QStringLiteral("window")});
}

TEST_CASE("Decision 10: an inquiry about a case is a fold 4 type")
{
    CHECK(core::sync::foldIntroducing(EventType::Inquired) == 4);
    CHECK(core::eventTypeKey(EventType::Inquired) == QStringLiteral("case.inquired"));
    CHECK(core::eventTypeName(EventType::Inquired) == QStringLiteral("咨询"));
    CHECK_FALSE(core::isSystemEvent(EventType::Inquired));
}

#include "support/CaseBuilder.h"
#include "support/CatalogFixtures.h"
#include "support/TestSupport.h"

using namespace onewindow;
using core::EventType;
using onewindow::test::d;
namespace payload = core::payload;
using test::licenceItem;

namespace {

// Received on Friday 2026-09-18 with the agent's letter (material 002) missing.
test::CaseBuilder receivedWithMissingLetter()
{
    test::CaseBuilder c(licenceItem());
    core::ReceivedInput in = c.receivedInput("2026-09-18");
    in.materials[1].state = core::MaterialState::Missing;
    REQUIRE(c.add(EventType::Received, payload::received(in), "2026-09-18").ok());
    return c;
}

QList<core::Correction> letterCorrection(const test::CaseBuilder& c)
{
    return core::correctionsFor(c.state(), c.item());
}

} // namespace

TEST_CASE("A standard case: received, accepted, decided, ready, delivered, rated")
{
    test::CaseBuilder c(licenceItem());
    REQUIRE(
        c.add(EventType::Received, payload::received(c.receivedInput("2026-09-18")), "2026-09-18")
            .ok());
    CHECK(c.state().status == core::CaseStatus::Received);
    REQUIRE(c.add(EventType::Accepted, payload::accepted(), "2026-09-18", "10:05").ok());
    CHECK(c.clock(core::ClockKind::Statutory, "2026-09-18")->clock.deadline == d("2026-10-22"));
    CHECK(c.clock(core::ClockKind::Promised, "2026-09-18")->clock.deadline == d("2026-10-09"));
    REQUIRE(c.add(EventType::Decided,
                  payload::decided(QStringLiteral("granted"), QStringLiteral("JY162010200001")),
                  "2026-10-09")
                .ok());
    REQUIRE(c.add(EventType::ResultReady, {}, "2026-10-09").ok());
    REQUIRE(c.add(EventType::Delivered,
                  payload::delivered(QStringLiteral("pickup"), QStringLiteral("张三")),
                  "2026-10-12")
                .ok());
    CHECK_FALSE(c.state().isOpen());
    CHECK(c.clock(core::ClockKind::Promised, "2026-10-30")->clock.status.level ==
          core::WarningLevel::DoneOnTime);
    REQUIRE(c.add(EventType::Rated, payload::rated(5), "2026-10-12").ok());
    CHECK(c.state().rating == 5);
    CHECK(c.refold().status == c.state().status); // the same events always fold to the same state
    CHECK(c.refold().rejected.isEmpty());
}

TEST_CASE("One-time notice rule: the first notice must list every correction")
{
    test::CaseBuilder c(licenceItem());
    core::ReceivedInput in = c.receivedInput("2026-09-18");
    in.materials[0].state = core::MaterialState::Defective;
    in.materials[0].problem = QStringLiteral("申请书未签字");
    in.materials[1].state = core::MaterialState::Missing;
    REQUIRE(c.add(EventType::Received, payload::received(in), "2026-09-18").ok());
    QList<core::Correction> all = core::correctionsFor(c.state(), c.item());
    REQUIRE(all.size() == 2);
    const core::Status partial =
        c.add(EventType::NoticeIssued, payload::notice({all.first()}, 5), "2026-09-18");
    REQUIRE_FALSE(partial.ok());
    CHECK(partial.error().code == QStringLiteral("notice.not_complete"));
    CHECK(partial.error().message.contains(QStringLiteral("授权委托书")));
    REQUIRE(c.add(EventType::NoticeIssued, payload::notice(all, 5), "2026-09-18").ok());
    CHECK(c.state().status == core::CaseStatus::AwaitingCorrection);
    CHECK(c.clock(core::ClockKind::Correction, "2026-09-18")->clock.deadline == d("2026-09-24"));
}

TEST_CASE("One-time notice rule: a later notice names only re-submitted materials still short")
{
    test::CaseBuilder c(licenceItem());
    core::ReceivedInput in = c.receivedInput("2026-09-18");
    in.materials[1].state = core::MaterialState::Missing;
    REQUIRE(c.add(EventType::Received, payload::received(in), "2026-09-18").ok());
    REQUIRE(
        c.add(EventType::NoticeIssued, payload::notice(letterCorrection(c), 5), "2026-09-18").ok());
    // The applicant brings the letter back, still unsigned.
    core::MaterialCheck back = c.state().materials[1];
    back.state = core::MaterialState::Defective;
    back.problem = QStringLiteral("委托书未签字");
    REQUIRE(c.add(EventType::Corrected, payload::corrected({back}), "2026-09-22").ok());
    CHECK(c.state().status == core::CaseStatus::Received);

    // Asking now for the application form too (never named before) needs the supervisor's reason.
    const core::Correction form{c.item().materials[0].code, c.item().materials[0].name,
                                QStringLiteral("需重新填写"), QStringLiteral("原件 1 份")};
    const QList<core::Correction> both{letterCorrection(c).first(), form};
    const core::Status plain =
        c.add(EventType::NoticeIssued, payload::notice(both, 5), "2026-09-22");
    REQUIRE_FALSE(plain.ok());
    CHECK(plain.error().code == QStringLiteral("notice.repeat_needs_reason"));
    REQUIRE(c.add(EventType::NoticeIssued,
                  payload::notice(both, 5, true, QStringLiteral("申请书版本已更新"),
                                  QStringLiteral("supervisor-1")),
                  "2026-09-22")
                .ok());
    CHECK(c.state().repeatNotices == 1);
    CHECK(c.state().notices.size() == 2);
}

TEST_CASE("One-time notice rule: a second notice on the re-submitted material alone is no repeat")
{
    test::CaseBuilder c = receivedWithMissingLetter();
    REQUIRE(
        c.add(EventType::NoticeIssued, payload::notice(letterCorrection(c), 5), "2026-09-18").ok());
    core::MaterialCheck back = c.state().materials[1];
    back.state = core::MaterialState::Defective;
    back.problem = QStringLiteral("委托书未签字");
    REQUIRE(c.add(EventType::Corrected, payload::corrected({back}), "2026-09-22").ok());
    REQUIRE(
        c.add(EventType::NoticeIssued, payload::notice(letterCorrection(c), 5), "2026-09-22").ok());
    CHECK(c.state().repeatNotices == 0);
}

TEST_CASE(
    "行政许可法 Art. 32: no notice in time means accepted from the receipt day, recorded once")
{
    test::CaseBuilder c = receivedWithMissingLetter(); // notice deadline 2026-09-24
    const core::Status early =
        c.add(EventType::DeemedAccepted, {}, "2026-09-24", "18:00", core::kSystemActor);
    REQUIRE_FALSE(early.ok());
    CHECK(early.error().code == QStringLiteral("deemed.early"));
    const core::Status late =
        c.add(EventType::NoticeIssued, payload::notice(letterCorrection(c), 5), "2026-09-25");
    REQUIRE_FALSE(late.ok());
    CHECK(late.error().code == QStringLiteral("notice.too_late"));
    REQUIRE(c.add(EventType::DeemedAccepted, {}, "2026-09-25", "00:05", core::kSystemActor).ok());
    CHECK(c.state().status == core::CaseStatus::InProgress);
    CHECK(c.state().timeline.accepted == d("2026-09-18"));
    CHECK(c.clock(core::ClockKind::Statutory, "2026-09-25")->clock.deadline == d("2026-10-22"));
    // Another window noticed the same lapse offline: the same fact, not a conflict.
    REQUIRE(c.add(EventType::DeemedAccepted, {}, "2026-09-25", "00:07", core::kSystemActor).ok());
    const core::CaseState again = c.refold();
    CHECK(again.rejected.isEmpty());
    CHECK(again.timeline.accepted == d("2026-09-18"));
}

TEST_CASE("Acceptance needs complete materials, or a deferral or commitment the item allows")
{
    test::CaseBuilder c = receivedWithMissingLetter();
    const core::Status refused = c.add(EventType::Accepted, payload::accepted(), "2026-09-18");
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().code == QStringLiteral("accept.materials_short"));
    const QString letter = c.item().materials[1].code;
    CHECK_FALSE(
        c.add(EventType::Accepted, payload::accepted({{letter, QDate()}}), "2026-09-18").ok());
    REQUIRE(c.add(EventType::Accepted, payload::accepted({{letter, d("2026-09-30")}}), "2026-09-18")
                .ok());
    CHECK(c.state().materials[1].state == core::MaterialState::Deferred);
    CHECK(c.state().materials[1].dueDate == d("2026-09-30"));

    test::CaseBuilder other = receivedWithMissingLetter();
    const QString form = other.item().materials[0].code;
    CHECK_FALSE(other.add(EventType::Accepted, payload::accepted({}, {form}), "2026-09-18")
                    .ok()); // no commitment
    REQUIRE(other.add(EventType::Accepted, payload::accepted({}, {letter}), "2026-09-18").ok());
    CHECK(other.state().materials[1].state == core::MaterialState::Committed);
}

TEST_CASE(
    "行政许可法 Art. 38: a refusal gives its reason and, if not competent, the competent office")
{
    test::CaseBuilder c = receivedWithMissingLetter();
    CHECK(c.add(EventType::Refused, payload::refused(QStringLiteral("other"), QString()),
                "2026-09-18")
              .error()
              .code == QStringLiteral("refused.reason"));
    CHECK(c.add(EventType::Refused,
                payload::refused(QStringLiteral("not_competent"), QStringLiteral("不属本机关")),
                "2026-09-18")
              .error()
              .code == QStringLiteral("refused.office"));
    REQUIRE(c.add(EventType::Refused,
                  payload::refused(QStringLiteral("not_competent"), QStringLiteral("不属本机关"),
                                   QStringLiteral("兰州市市场监督管理局")),
                  "2026-09-18")
                .ok());
    CHECK(c.state().status == core::CaseStatus::Refused);
    CHECK_FALSE(c.state().isOpen());
}

TEST_CASE("Illegal actions are refused with the state named")
{
    test::CaseBuilder c = receivedWithMissingLetter();
    const core::Status s =
        c.add(EventType::Decided, payload::decided(QStringLiteral("granted")), "2026-09-18");
    REQUIRE_FALSE(s.ok());
    CHECK(s.error().message.contains(QStringLiteral("已收件")));
    CHECK(s.error().message.contains(QStringLiteral("办结")));
}

TEST_CASE("行政许可法 Art. 45: suspension by event moves the deadline; third-party time is "
          "disclosure only")
{
    test::CaseBuilder c(licenceItem());
    REQUIRE(
        c.add(EventType::Received, payload::received(c.receivedInput("2026-09-18")), "2026-09-18")
            .ok());
    REQUIRE(c.add(EventType::Accepted, payload::accepted(), "2026-09-18").ok());
    CHECK_FALSE(c.add(EventType::Suspended,
                      payload::suspended(QStringLiteral("third_party"), QStringLiteral("征求意见")),
                      "2026-09-30")
                    .ok());
    REQUIRE(c.add(EventType::Suspended,
                  payload::suspended(QStringLiteral("inspection"), QStringLiteral("现场核查")),
                  "2026-09-30")
                .ok());
    CHECK_FALSE(
        c.add(EventType::Decided, payload::decided(QStringLiteral("granted")), "2026-10-08").ok());
    REQUIRE(c.add(EventType::Resumed, {}, "2026-10-09").ok());
    CHECK(c.clock(core::ClockKind::Statutory, "2026-10-12")->clock.deadline == d("2026-10-26"));
}

TEST_CASE("行政许可法 Art. 42: an approved extension adds its days once, within the cap")
{
    test::CaseBuilder c(licenceItem());
    REQUIRE(
        c.add(EventType::Received, payload::received(c.receivedInput("2026-09-18")), "2026-09-18")
            .ok());
    REQUIRE(c.add(EventType::Accepted, payload::accepted(), "2026-09-18").ok());
    CHECK(c.add(EventType::ExtensionRequested,
                payload::extensionRequested(QStringLiteral("statutory"), 11,
                                            QStringLiteral("需专家评审")),
                "2026-10-20")
              .error()
              .code == QStringLiteral("extension.over_cap"));
    REQUIRE(c.add(EventType::ExtensionRequested,
                  payload::extensionRequested(QStringLiteral("statutory"), 10,
                                              QStringLiteral("需专家评审")),
                  "2026-10-20")
                .ok());
    CHECK_FALSE(
        c.add(EventType::ExtensionRequested,
              payload::extensionRequested(QStringLiteral("statutory"), 5, QStringLiteral("x")),
              "2026-10-20")
            .ok()); // one request at a time
    REQUIRE(c.add(EventType::ExtensionApproved, {}, "2026-10-21", "09:00",
                  QStringLiteral("supervisor-1"))
                .ok());
    CHECK(c.clock(core::ClockKind::Statutory, "2026-10-21")->clock.deadline == d("2026-11-05"));
    CHECK(c.state().extensions.first().decidedBy == QStringLiteral("supervisor-1"));
    CHECK(c.add(EventType::ExtensionRequested,
                payload::extensionRequested(QStringLiteral("statutory"), 1, QStringLiteral("再延")),
                "2026-10-22")
              .error()
              .code == QStringLiteral("extension.already_extended"));
}

TEST_CASE("Delivery records the signer, or the carrier and tracking number")
{
    test::CaseBuilder c(licenceItem());
    REQUIRE(
        c.add(EventType::Received, payload::received(c.receivedInput("2026-09-18")), "2026-09-18")
            .ok());
    REQUIRE(c.add(EventType::Accepted, payload::accepted(), "2026-09-18").ok());
    REQUIRE(
        c.add(EventType::Decided, payload::decided(QStringLiteral("granted")), "2026-09-30").ok());
    CHECK_FALSE(
        c.add(EventType::Delivered, payload::delivered(QStringLiteral("pickup")), "2026-10-08")
            .ok());
    CHECK_FALSE(c.add(EventType::Delivered,
                      payload::delivered(QStringLiteral("post"), {}, QStringLiteral("EMS")),
                      "2026-10-08")
                    .ok());
    REQUIRE(c.add(EventType::Delivered,
                  payload::delivered(QStringLiteral("post"), {}, QStringLiteral("EMS"),
                                     QStringLiteral("1234567890")),
                  "2026-10-08")
                .ok());
    CHECK(c.clock(core::ClockKind::Delivery, "2026-10-08")->clock.status.level ==
          core::WarningLevel::DoneOnTime);
}

TEST_CASE("A bad rating starts its follow-up clock; a good one does not")
{
    test::CaseBuilder c(licenceItem());
    REQUIRE(
        c.add(EventType::Received, payload::received(c.receivedInput("2026-11-02")), "2026-11-02")
            .ok());
    REQUIRE(c.add(EventType::Refused,
                  payload::refused(QStringLiteral("no_licence_needed"), QStringLiteral("无需许可")),
                  "2026-11-02")
                .ok());
    REQUIRE(
        c.add(EventType::Rated, payload::rated(2, QStringLiteral("等待太久")), "2026-11-02").ok());
    const core::CaseClock* follow = c.clock(core::ClockKind::RatingFollowUp, "2026-11-03");
    REQUIRE(follow);
    CHECK(follow->clock.deadline == d("2026-11-09"));
    CHECK_FALSE(c.add(EventType::Rated, payload::rated(5), "2026-11-03").ok()); // rated once
    REQUIRE(c.add(EventType::RatingFollowedUp, payload::followedUp(QStringLiteral("已回访并说明")),
                  "2026-11-04")
                .ok());
    CHECK(c.clock(core::ClockKind::RatingFollowUp, "2026-11-05")->clock.status.level ==
          core::WarningLevel::DoneOnTime);
}

TEST_CASE("政府信息公开条例 Art. 30: no correction in time, deemed abandoned")
{
    core::ServiceItem item = licenceItem();
    item.profile = core::ProcedureProfile::Disclosure;
    item.kind = core::ItemKind::Disclosure;
    test::CaseBuilder c(item);
    core::ReceivedInput in = c.receivedInput("2026-11-02");
    in.materials[1].state = core::MaterialState::Missing;
    REQUIRE(c.add(EventType::Received, payload::received(in), "2026-11-02").ok());
    REQUIRE(c.add(EventType::NoticeIssued, payload::notice(letterCorrection(c), 15), "2026-11-03")
                .ok());
    CHECK_FALSE(
        c.add(EventType::DeemedAbandoned, {}, "2026-11-24", "18:00", core::kSystemActor).ok());
    REQUIRE(c.add(EventType::DeemedAbandoned, {}, "2026-11-25", "00:05", core::kSystemActor).ok());
    CHECK(c.state().status == core::CaseStatus::Abandoned);
    REQUIRE(c.add(EventType::DeemedAbandoned, {}, "2026-11-25", "00:09", core::kSystemActor)
                .ok()); // same fact
    CHECK(c.refold().rejected.isEmpty());
}

TEST_CASE("Two windows deciding one case offline: the second decision is rejected, not dropped")
{
    test::CaseBuilder c(licenceItem());
    REQUIRE(
        c.add(EventType::Received, payload::received(c.receivedInput("2026-09-18")), "2026-09-18")
            .ok());
    REQUIRE(c.add(EventType::Accepted, payload::accepted(), "2026-09-18").ok());
    c.force(EventType::Decided, payload::decided(QStringLiteral("granted")), "2026-09-30");
    c.force(EventType::Decided, payload::decided(QStringLiteral("not_granted")), "2026-09-30",
            "11:00");
    const core::CaseState s = c.refold();
    CHECK(s.decisionOutcome == QStringLiteral("granted"));
    REQUIRE(s.rejected.size() == 1);
    CHECK(s.rejected.first().eventId == c.events().last().eventId);
}

TEST_CASE("Intake refuses an applicant whose citizen ID fails its check character")
{
    test::CaseBuilder c(licenceItem());
    core::ReceivedInput in = c.receivedInput("2026-09-18");
    in.applicant.idNumber = QStringLiteral("110105194912310021");
    const core::Status s = c.add(EventType::Received, payload::received(in), "2026-09-18");
    REQUIRE_FALSE(s.ok());
    CHECK(s.error().code == QStringLiteral("case.applicant_id"));
}

TEST_CASE("Legal next actions follow the state")
{
    test::CaseBuilder c = receivedWithMissingLetter();
    const QList<EventType> now = core::legalActions(c.state(), c.context(), d("2026-09-18"));
    CHECK(now.contains(EventType::NoticeIssued));
    CHECK(now.contains(EventType::Refused));
    CHECK_FALSE(now.contains(EventType::Decided));
    // Past the notice period only the deemed acceptance fits, not a late notice or acceptance.
    const QList<EventType> late = core::legalActions(c.state(), c.context(), d("2026-09-28"));
    CHECK_FALSE(late.contains(EventType::NoticeIssued));
    CHECK_FALSE(late.contains(EventType::Accepted));
}

TEST_CASE("行政许可法 Art. 32: the one-time notice carries the clerk's own words for a missing "
          "material")
{
    test::CaseBuilder c(licenceItem());
    core::ReceivedInput in = c.receivedInput("2026-09-18");
    in.materials[1].state = core::MaterialState::Missing;
    in.materials[1].problem = QStringLiteral("只带了复印件，原件在单位");
    REQUIRE(c.add(EventType::Received, payload::received(in), "2026-09-18").ok());
    const QList<core::Correction> corrections = core::correctionsFor(c.state(), c.item());
    REQUIRE(corrections.size() == 1);
    CHECK(corrections.first().problem == QStringLiteral("只带了复印件，原件在单位"));
    // Without words, a missing material is 未提交.
    CHECK(letterCorrection(receivedWithMissingLetter()).first().problem ==
          QStringLiteral("未提交"));
}

TEST_CASE("A material not yet checked at intake cannot be recorded in a received case")
{
    test::CaseBuilder c(licenceItem());
    core::ReceivedInput in = c.receivedInput("2026-09-18");
    in.materials[0].state = core::MaterialState::Unchecked;
    const core::Status refused = c.add(EventType::Received, payload::received(in), "2026-09-18");
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().code == QStringLiteral("case.material_unchecked"));
}

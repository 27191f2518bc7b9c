// One description per event type (core/EventSpec.h): every type has exactly one, keys never
// change, and what a person fills into an action's form makes a payload the action accepts.
#include "core/EventSpec.h"
#include "core/EventText.h"
#include "core/SyncProtocol.h"
#include "support/CaseBuilder.h"
#include "support/CatalogFixtures.h"
#include "support/TestSupport.h"

#include <QSet>

using namespace onewindow;
using core::EventType;
namespace payload = core::payload;

namespace {

// What a careful clerk types into each field: some words, the first choice, the suggested
// number; a date field gets `day`; an override wins.
QJsonObject filledForm(const core::EventSpec& spec, const core::CaseState& state, const QDate& day,
                       const QJsonObject& overrides = {})
{
    QJsonObject values;
    for (const core::FormField& f : spec.form) {
        const QString key = QString::fromLatin1(f.key);
        switch (f.kind) {
        case core::FormField::Kind::Text:
            values.insert(key, key.endsWith(QLatin1String("Date"))
                                   ? day.toString(Qt::ISODate)
                                   : (f.initialText ? f.initialText(state) : QString()) +
                                         QStringLiteral("已核实"));
            break;
        case core::FormField::Kind::Choice:
            values.insert(key, f.options().first().first);
            break;
        case core::FormField::Kind::Number:
            values.insert(key, f.initial);
            break;
        }
    }
    for (auto it = overrides.begin(); it != overrides.end(); ++it)
        values.insert(it.key(), it.value());
    return values;
}

bool runningBefore(const QList<core::CaseClock>& before, const core::CaseClock& after)
{
    for (const core::CaseClock& c : before)
        if (c.kind == after.kind && c.clock.trigger == after.clock.trigger)
            return !c.clock.stopped;
    return false;
}

// Takes the action through its form as the window does, checks it as a log appends it, and
// checks the description's claim about clocks against what the clocks did.
void act(test::CaseBuilder& c, EventType type, const char* date, const QJsonObject& overrides = {})
{
    const core::EventSpec& spec = core::eventSpec(type);
    INFO(QString::fromUtf16(spec.key).toStdString());
    const QDate day = test::d(date);
    REQUIRE(core::legalActions(c.state(), c.context(), day).contains(type));
    // An action with nothing to ask and nothing to compute has an empty payload.
    const QJsonObject p =
        spec.payloadFrom
            ? spec.payloadFrom(filledForm(spec, c.state(), day, overrides), c.state(), c.item())
            : QJsonObject();
    const QList<core::CaseClock> before = c.clocks(date);
    const core::Status added = c.add(type, p, date);
    INFO((added ? QString() : added.error().message).toStdString());
    REQUIRE(added.ok());
    bool stopped = false;
    for (const core::CaseClock& after : c.clocks(date))
        stopped = stopped || (after.clock.stopped && runningBefore(before, after));
    if (stopped)
        CHECK(spec.stopsClocks);
    // The timeline says it in words of its own, not the bare name, when the form asked something.
    if (!spec.form.isEmpty())
        CHECK(core::describeEvent(c.events().last()).size() > core::eventTypeName(type).size());
}

} // namespace

TEST_CASE("Every event type has exactly one description, found again by its stored key")
{
    const QList<const core::EventSpec*>& all = core::eventSpecs();
    REQUIRE(all.size() == static_cast<int>(EventType::RecallClosed) + 1);
    QSet<QString> keys, names;
    for (int i = 0; i < all.size(); ++i) {
        const auto type = static_cast<EventType>(i);
        const core::EventSpec& spec = core::eventSpec(type);
        CHECK(spec.type == type);
        keys.insert(QString::fromUtf16(spec.key));
        names.insert(QString::fromUtf16(spec.name));
        CHECK(core::eventTypeFromKey(core::eventTypeKey(type)) == type);
        CHECK(spec.allowed);
        CHECK(spec.apply);
        // A person is offered only what a person does, with a way to make its payload.
        CHECK(!(spec.offered && spec.system));
        if (!spec.form.isEmpty())
            CHECK(spec.payloadFrom);
        for (const core::FormField& f : spec.form)
            if (f.kind == core::FormField::Kind::Choice)
                CHECK(!f.options().isEmpty());
    }
    CHECK(keys.size() == all.size());
    CHECK(names.size() == all.size());
    CHECK(!core::eventTypeFromKey(QStringLiteral("case.unknown")));
}

TEST_CASE("Decision 10: every event type names the fold that first folds it, none newer than this "
          "build's, and the types added after fold 1 need fold 2")
{
    QSet<QString> fold2;
    for (const core::EventSpec* spec : core::eventSpecs()) {
        CHECK(spec->fold >= 1);
        CHECK(spec->fold <= core::sync::kFoldVersion);
        CHECK(core::sync::foldIntroducing(spec->type) == spec->fold);
        if (spec->fold == 2)
            fold2.insert(QString::fromUtf16(spec->key));
    }
    // Declared with fold 1 (commit 96b555a); these came after it, and a fold 1 build cannot fold
    // them.
    CHECK(fold2 == QSet<QString>{QStringLiteral("case.third_party_answered"),
                                 QStringLiteral("case.disclosure_replied"),
                                 QStringLiteral("case.fee_noticed"),
                                 QStringLiteral("case.fee_paid"), QStringLiteral("case.fee_lapsed"),
                                 QStringLiteral("case.matter_joined")});
}

TEST_CASE("Stored event keys never change: every log and every server reads them")
{
    const char* const keys[] = {"case.received",
                                "case.notice_issued",
                                "case.corrected",
                                "case.accepted",
                                "case.refused",
                                "case.deemed_accepted",
                                "case.withdrawn",
                                "case.deemed_abandoned",
                                "case.suspended",
                                "case.resumed",
                                "case.extension_requested",
                                "case.extension_approved",
                                "case.extension_refused",
                                "case.forwarded",
                                "case.decided",
                                "case.result_ready",
                                "case.delivered",
                                "case.supervised",
                                "case.note",
                                "case.rated",
                                "case.rating_followed_up",
                                "case.document_printed",
                                "case.deadline_recomputed",
                                "case.supervision_answered",
                                "case.document_print_failed",
                                "case.disclosure_replied",
                                "case.fee_noticed",
                                "case.fee_paid",
                                "case.fee_lapsed",
                                "case.third_party_answered",
                                "case.matter_joined",
                                "case.held",
                                "case.hold_released",
                                "case.hold_recalled",
                                "case.inquired",
                                "case.recall_closed"};
    REQUIRE(std::size(keys) == static_cast<std::size_t>(core::eventSpecs().size()));
    for (std::size_t i = 0; i < std::size(keys); ++i)
        CHECK(core::eventTypeKey(static_cast<EventType>(i)) == QLatin1String(keys[i]));
}
TEST_CASE("Each action's form makes a payload the action accepts, and only clock-stopping actions "
          "stop a clock")
{
    SECTION("A whole life: notice, correction, acceptance, suspension, extension, decision")
    {
        test::CaseBuilder c(test::licenceItem());
        core::ReceivedInput in = c.receivedInput("2026-11-02");
        in.materials[1].state = core::MaterialState::Missing;
        REQUIRE(c.add(EventType::Received, payload::received(in), "2026-11-02").ok());
        act(c, EventType::NoticeIssued, "2026-11-03");
        act(c, EventType::Corrected, "2026-11-05");
        act(c, EventType::Accepted, "2026-11-05");
        act(c, EventType::Suspended, "2026-11-06");
        act(c, EventType::Resumed, "2026-11-10");
        act(c, EventType::ExtensionRequested, "2026-11-11");
        act(c, EventType::ExtensionApproved, "2026-11-12");
        act(c, EventType::Forwarded, "2026-11-12");
        act(c, EventType::Supervised, "2026-11-13");
        act(c, EventType::SupervisionAnswered, "2026-11-16");
        act(c, EventType::Note, "2026-11-16");
        act(c, EventType::Decided, "2026-11-17");
        act(c, EventType::ResultReady, "2026-11-18");
        act(c, EventType::Delivered, "2026-11-18");
        act(c, EventType::Rated, "2026-11-18", {{QStringLiteral("level"), QStringLiteral("1")}});
        act(c, EventType::RatingFollowedUp, "2026-11-20");
        CHECK(c.state().status == core::CaseStatus::Delivered);
        CHECK(c.refold().rejected.isEmpty());
    }
    SECTION("A disclosure application: a third party consulted, a fee paid, the reply")
    {
        core::ServiceItem item = test::licenceItem();
        item.profile = core::ProcedureProfile::Disclosure;
        item.kind = core::ItemKind::Disclosure;
        test::CaseBuilder c(item);
        REQUIRE(c.add(EventType::Received, payload::received(c.receivedInput("2026-11-02")),
                      "2026-11-02")
                    .ok());
        act(c, EventType::Accepted, "2026-11-02");
        act(c, EventType::Suspended, "2026-11-03",
            {{QStringLiteral("reasonKind"), QStringLiteral("third_party")}});
        act(c, EventType::ThirdPartyAnswered, "2026-11-10");
        act(c, EventType::FeeNoticed, "2026-11-11",
            {{QStringLiteral("basis"), QStringLiteral("volume")}, {QStringLiteral("units"), 31}});
        act(c, EventType::FeePaid, "2026-11-12");
        act(c, EventType::DisclosureReplied, "2026-11-13");
        act(c, EventType::ResultReady, "2026-11-13");
        act(c, EventType::Delivered, "2026-11-16");
        CHECK(c.state().status == core::CaseStatus::Delivered);
        CHECK(c.state().replies.size() == 1);
        CHECK(c.refold().rejected.isEmpty());
    }
    SECTION("Refusal, with the competent office named")
    {
        test::CaseBuilder c(test::licenceItem());
        REQUIRE(c.add(EventType::Received, payload::received(c.receivedInput("2026-11-02")),
                      "2026-11-02")
                    .ok());
        act(c, EventType::Refused, "2026-11-02",
            {{QStringLiteral("reasonKind"), QStringLiteral("not_competent")}});
        CHECK(c.state().status == core::CaseStatus::Refused);
        act(c, EventType::Rated, "2026-11-02");
    }
    SECTION("Withdrawal, and an extension refused before it")
    {
        test::CaseBuilder c(test::licenceItem());
        REQUIRE(c.add(EventType::Received, payload::received(c.receivedInput("2026-11-02")),
                      "2026-11-02")
                    .ok());
        act(c, EventType::Accepted, "2026-11-02");
        act(c, EventType::ExtensionRequested, "2026-11-03",
            {{QStringLiteral("clock"), QStringLiteral("promised")}});
        act(c, EventType::ExtensionRefused, "2026-11-04");
        act(c, EventType::Withdrawn, "2026-11-05");
        CHECK(c.state().status == core::CaseStatus::Withdrawn);
    }
}

TEST_CASE("A form left empty is refused with the action's own message, not stored")
{
    for (const core::EventSpec* spec : core::eventSpecs()) {
        if (spec->form.isEmpty() || !spec->check)
            continue;
        INFO(QString::fromUtf16(spec->key).toStdString());
        test::CaseBuilder c(test::licenceItem());
        REQUIRE(c.add(EventType::Received, payload::received(c.receivedInput("2026-11-02")),
                      "2026-11-02")
                    .ok());
        core::Event e;
        e.type = spec->type;
        e.occurredAtUtc = QDateTime(test::d("2026-11-02"), QTime(10, 0), QTimeZone::utc());
        e.payload = spec->payloadFrom(QJsonObject(), c.state(), c.item());
        const core::Status checked = spec->check(c.state(), e, c.context());
        CHECK(!checked.ok());
        if (!checked.ok())
            CHECK(!checked.error().message.isEmpty());
    }
}

TEST_CASE("行政许可法 Art. 38: a refusal, like a withdrawal or a decision, is irreversible: its "
          "reason is required and the one question names the case and what follows")
{
    CHECK(core::eventSpec(EventType::Refused).irreversible);
    CHECK(core::eventSpec(EventType::Withdrawn).irreversible);
    CHECK(core::eventSpec(EventType::Decided).irreversible);
    CHECK_FALSE(core::eventSpec(EventType::Note).irreversible);
    CHECK_FALSE(core::eventSpec(EventType::Suspended).irreversible);

    const core::Status noReason = core::checkRequired(
        EventType::Refused, QJsonObject{{QStringLiteral("reasonKind"), QStringLiteral("other")},
                                        {QStringLiteral("reason"), QStringLiteral("  ")}});
    REQUIRE_FALSE(noReason.ok());
    CHECK(noReason.error().code == QStringLiteral("form.required"));
    CHECK(noReason.error().message.contains(QStringLiteral("Art. 38")));
    CHECK(core::checkRequired(EventType::Refused,
                              QJsonObject{{QStringLiteral("reasonKind"), QStringLiteral("other")},
                                          {QStringLiteral("reason"), QStringLiteral("不属本机关")}})
              .ok());
    // The legal ground (行政许可法 Art. 32) is required too: never the first one by default.
    const core::Status noGround = core::checkRequired(
        EventType::Refused, QJsonObject{{QStringLiteral("reason"), QStringLiteral("不属本机关")}});
    REQUIRE_FALSE(noGround.ok());
    CHECK(noGround.error().message.contains(QStringLiteral("Art. 32")));
    CHECK_FALSE(core::checkRequired(EventType::Withdrawn, QJsonObject()).ok());
    CHECK(core::checkRequired(EventType::Note, QJsonObject()).ok()); // nothing required

    test::CaseBuilder c(test::licenceItem());
    REQUIRE(
        c.add(EventType::Received, payload::received(c.receivedInput("2026-11-02")), "2026-11-02")
            .ok());
    const QString question = core::irreversibleQuestion(EventType::Withdrawn, c.state());
    CHECK(question.contains(c.state().caseNumber));
    CHECK(question.contains(c.state().applicant.name));
    CHECK(question.contains(QStringLiteral("不能恢复")));
    CHECK(core::irreversibleQuestion(EventType::Note, c.state()).isEmpty());
    // The log refuses a withdrawal without the applicant's reason as well, whoever appends it.
    const core::Status bare =
        c.add(EventType::Withdrawn, payload::withdrawn(QString()), "2026-11-03");
    REQUIRE_FALSE(bare.ok());
    CHECK(bare.error().code == QStringLiteral("withdrawn.reason"));
    CHECK(c.state().status == core::CaseStatus::Received);
}

#include "support/CatalogFixtures.h"
#include "support/HallFixture.h"
#include "support/TestSupport.h"

#include "store/CatalogRepository.h"
#include "store/SupervisionQueries.h"

using namespace onewindow;
using core::EventType;
using core::WarningLevel;
using onewindow::test::d;
namespace payload = core::payload;

namespace {

QStringList numbers(const QList<store::BoardRow>& rows)
{
    QStringList out;
    for (const store::BoardRow& r : rows)
        out.append(r.row.caseNumber);
    return out;
}

struct Hall : test::HallFixture
{
    QString take(const QString& clerk, bool accept = true, bool letterMissing = false)
    {
        auto r = cases->receive(intake(letterMissing), clerk);
        REQUIRE(r.ok());
        if (accept)
            act(r->event.caseId, EventType::Accepted, payload::accepted(), clerk);
        return r->event.caseId;
    }
    void act(const QString& id, EventType type, const QJsonObject& p,
             const QString& actor = QStringLiteral("clerk-1"))
    {
        auto done = cases->append(id, type, p, actor);
        const QString why = done.ok() ? QString() : done.error().message;
        INFO(why.toStdString());
        REQUIRE(done.ok());
    }
    QString number(const QString& id) const { return cases->state(id)->caseNumber; }
};

} // namespace

TEST_CASE("The board: open cases red and yellow first, then by working days left, with both "
          "clocks and the notice clock; filters and group counts")
{
    Hall h;
    const QString a = h.take(QStringLiteral("clerk-1")); // accepted 09-18: promised 10-09
    h.setNow("2026-10-12");
    const QString b = h.take(QStringLiteral("clerk-1")); // promised 10-26
    const QString e = h.take(QStringLiteral("clerk-2")); // promised 10-26
    h.setNow("2026-10-15");
    // Received, neither noticed nor accepted: its notice period (5 working days) ends 10-22.
    const QString n = h.take(QStringLiteral("clerk-1"), false);
    const QString closed = h.take(QStringLiteral("clerk-1"));
    h.act(closed, EventType::Decided, payload::decided(QStringLiteral("granted")));
    h.act(closed, EventType::Delivered,
          payload::delivered(QStringLiteral("pickup"), QStringLiteral("王五")));

    const QDate today = d("2026-10-22");
    store::SupervisionQueries q(*h.store, h.cases->calendar());
    auto board = q.board(today);
    REQUIRE(board.ok());
    // Red A, then the yellow ones by days left: N (its last day), then B and E (2 days left).
    REQUIRE(numbers(*board) == QStringList{h.number(a), h.number(n), h.number(b), h.number(e)});
    const store::BoardRow& ra = board->at(0);
    CHECK(ra.level == WarningLevel::Red);
    CHECK(ra.promised.level == WarningLevel::Red);
    CHECK(ra.promised.daysLeft < 0);
    CHECK(ra.statutory.running);
    CHECK(ra.statutory.deadline > ra.promised.deadline); // 20 working days against 10
    CHECK_FALSE(ra.notice.running);                      // stopped by the acceptance
    const store::BoardRow& rn = board->at(1);
    CHECK(rn.notice.running);
    CHECK(rn.notice.deadline == today);
    CHECK(rn.notice.level == WarningLevel::Yellow);
    CHECK(rn.notice.daysLeft == 0);
    CHECK_FALSE(rn.statutory.running); // not accepted yet
    CHECK(board->at(2).daysLeft == 2);
    CHECK(board->at(2).promised.level == WarningLevel::Yellow);

    store::BoardFilter mine;
    mine.clerkId = QStringLiteral("clerk-2");
    CHECK(numbers(*q.board(today, mine)) == QStringList{h.number(e)});
    store::BoardFilter red;
    red.level = WarningLevel::Red;
    CHECK(numbers(*q.board(today, red)) == QStringList{h.number(a)});
    store::BoardFilter waiting;
    waiting.status = QStringLiteral("received");
    CHECK(numbers(*q.board(today, waiting)) == QStringList{h.number(n)});

    const QList<store::BoardGroup> byClerk =
        store::SupervisionQueries::group(*board, store::BoardGrouping::Clerk);
    REQUIRE(byClerk.size() == 2);
    CHECK(byClerk[0].key == QStringLiteral("clerk-1")); // the group with red cases comes first
    CHECK(byClerk[0].red == 1);
    CHECK(byClerk[0].yellow == 2);
    CHECK(byClerk[0].normal == 0);
    CHECK(byClerk[0].rows == QList<int>{0, 1, 2});
    CHECK(byClerk[1].yellow == 1);
    const QList<store::BoardGroup> byLevel =
        store::SupervisionQueries::group(*board, store::BoardGrouping::Level);
    CHECK(byLevel.size() == 2);
    // A week earlier only A is late; B, E and N are still green.
    auto earlier = q.board(d("2026-10-14"));
    REQUIRE(earlier.ok());
    int normal = 0;
    for (const store::BoardRow& r : *earlier)
        normal += r.level == WarningLevel::Normal ? 1 : 0;
    CHECK(earlier->first().level == WarningLevel::Red);
    CHECK(normal == 3);
}

TEST_CASE("Supervision orders follow the case: the latest order, to a clerk or a window, while the "
          "case is open")
{
    Hall h;
    const QString b = h.take(QStringLiteral("clerk-1"));
    const QString c = h.take(QStringLiteral("clerk-1"));
    store::SupervisionQueries q(*h.store, h.cases->calendar());
    CHECK(q.openOrders().value().isEmpty());
    h.act(b, EventType::Supervised,
          payload::supervised(QStringLiteral("clerk-2"), {}, QStringLiteral("请于本周内办结"),
                              d("2026-09-25")),
          QStringLiteral("supervisor-1"));
    auto toClerk = q.openOrders(QStringLiteral("clerk-2"));
    REQUIRE(toClerk.ok());
    REQUIRE(toClerk->size() == 1);
    CHECK(toClerk->first().row.caseId == b);
    CHECK(toClerk->first().note == QStringLiteral("请于本周内办结"));
    CHECK(toClerk->first().due == d("2026-09-25"));
    CHECK(toClerk->first().orderedBy == QStringLiteral("supervisor-1"));
    CHECK(toClerk->first().orderedOn == d("2026-09-18"));
    CHECK(q.openOrders(QStringLiteral("clerk-1")).value().isEmpty());

    // A due date before the day of the order is refused and changes nothing.
    auto past = h.cases->append(
        b, EventType::Supervised,
        payload::supervised({}, QStringLiteral("W08"), QStringLiteral("加快办理"), d("2026-09-17")),
        QStringLiteral("supervisor-1"));
    REQUIRE_FALSE(past.ok());
    CHECK(past.error().message.contains(QStringLiteral("不能早于")));
    CHECK(q.openOrders(QStringLiteral("clerk-2")).value().size() == 1);

    // A later order to window W08 replaces it.
    h.act(b, EventType::Supervised,
          payload::supervised({}, QStringLiteral("W08"), QStringLiteral("改由 W08 窗口跟进"),
                              std::nullopt),
          QStringLiteral("supervisor-1"));
    CHECK(q.openOrders(QStringLiteral("clerk-2")).value().isEmpty());
    auto toWindow = q.openOrders(QStringLiteral("clerk-9"), QStringLiteral("W08"));
    REQUIRE(toWindow->size() == 1);
    CHECK_FALSE(toWindow->first().due.isValid());
    h.act(c, EventType::Supervised,
          payload::supervised(QStringLiteral("clerk-1"), {}, QStringLiteral("核实材料"),
                              d("2026-09-21")),
          QStringLiteral("supervisor-1"));
    CHECK(q.openOrders().value().size() == 2);

    // Closed cases have no open orders.
    h.act(b, EventType::Decided, payload::decided(QStringLiteral("granted")));
    h.act(b, EventType::Delivered,
          payload::delivered(QStringLiteral("pickup"), QStringLiteral("王五")));
    auto left = q.openOrders();
    REQUIRE(left->size() == 1);
    CHECK(left->first().row.caseId == c);
}

TEST_CASE("An answered supervision order (督办反馈) leaves the open orders; a new order comes back")
{
    Hall h;
    const QString c = h.take(QStringLiteral("clerk-1"));
    store::SupervisionQueries q(*h.store, h.cases->calendar());
    // Nothing to answer before an order.
    auto early = h.cases->append(c, EventType::SupervisionAnswered,
                                 payload::supervisionAnswered(QStringLiteral("已联系申请人"), 1),
                                 QStringLiteral("clerk-1"));
    REQUIRE_FALSE(early.ok());
    h.act(c, EventType::Supervised,
          payload::supervised(QStringLiteral("clerk-1"), {}, QStringLiteral("请电话联系申请人"),
                              d("2026-09-22")),
          QStringLiteral("supervisor-1"));
    REQUIRE(q.openOrders(QStringLiteral("clerk-1")).value().size() == 1);
    // The answer must say what was done.
    auto blank = h.cases->append(c, EventType::SupervisionAnswered,
                                 payload::supervisionAnswered(QStringLiteral("  "), 1),
                                 QStringLiteral("clerk-1"));
    REQUIRE_FALSE(blank.ok());
    CHECK(blank.error().message.contains(QStringLiteral("办理情况")));
    CHECK(q.openOrders(QStringLiteral("clerk-1")).value().size() == 1);

    h.setNow("2026-09-21");
    auto answered =
        h.cases->append(c, EventType::SupervisionAnswered,
                        payload::supervisionAnswered(QStringLiteral("已电话联系申请人"), 1),
                        QStringLiteral("clerk-1"));
    REQUIRE(answered.ok());
    CHECK(answered->state.supervisionAnsweredOn == d("2026-09-21"));
    CHECK(answered->state.supervisionAnsweredBy == QStringLiteral("clerk-1"));
    CHECK(answered->state.supervisionReply == QStringLiteral("已电话联系申请人"));
    CHECK_FALSE(answered->state.supervisionOpen());
    CHECK(answered->state.isOpen()); // the case itself goes on
    CHECK(q.openOrders().value().isEmpty());
    // Once answered, the order cannot be answered again...
    CHECK_FALSE(h.cases
                    ->append(c, EventType::SupervisionAnswered,
                             payload::supervisionAnswered(QStringLiteral("再次反馈"), 1),
                             QStringLiteral("clerk-1"))
                    .ok());
    // ...until a new order is given.
    h.act(c, EventType::Supervised,
          payload::supervised(QStringLiteral("clerk-1"), {}, QStringLiteral("请本周办结"),
                              d("2026-09-25")),
          QStringLiteral("supervisor-1"));
    auto again = q.openOrders(QStringLiteral("clerk-1"));
    REQUIRE(again->size() == 1);
    CHECK(again->first().note == QStringLiteral("请本周办结"));
    CHECK(h.cases->state(c)->supervisionOpen());
}

TEST_CASE(
    "行政许可法 Art. 42: extension requests wait for approval; approved or refused they leave "
    "the list")
{
    Hall h;
    const QString a = h.take(QStringLiteral("clerk-1"));
    const QString b = h.take(QStringLiteral("clerk-1"));
    store::SupervisionQueries q(*h.store, h.cases->calendar());
    const QDate today = d("2026-09-18");
    const QDate statutoryBefore = q.board(today)->first().statutory.deadline;
    h.act(
        a, EventType::ExtensionRequested,
        payload::extensionRequested(QStringLiteral("statutory"), 10, QStringLiteral("需现场核查")));
    h.act(b, EventType::ExtensionRequested,
          payload::extensionRequested(QStringLiteral("promised"), 3, QStringLiteral("补充核验")));
    auto pending = q.pendingExtensions();
    REQUIRE(pending.ok());
    REQUIRE(pending->size() == 2);
    const store::PendingExtension& pa =
        pending->at(0).row.caseId == a ? pending->at(0) : pending->at(1);
    CHECK(pa.clock == QStringLiteral("statutory"));
    CHECK(pa.days == 10);
    CHECK(pa.reason == QStringLiteral("需现场核查"));
    CHECK(pa.requestedBy == QStringLiteral("clerk-1"));
    CHECK(pa.deadline == statutoryBefore);

    h.act(a, EventType::ExtensionApproved, {}, QStringLiteral("supervisor-1"));
    h.act(b, EventType::ExtensionRefused, payload::extensionRefused(QStringLiteral("理由不充分")),
          QStringLiteral("supervisor-1"));
    CHECK(q.pendingExtensions().value().isEmpty());
    const auto after = q.board(today);
    REQUIRE(after.ok());
    REQUIRE(after->first().row.caseId == a);
    CHECK(after->first().statutory.deadline ==
          h.cases->calendar().nthWorkingDayAfter(statutoryBefore, 10)->date);
}

TEST_CASE("Repeat notices with their reasons, bad ratings with their follow-up clocks, deemed "
          "acceptance and deemed abandonment")
{
    Hall h;
    core::ServiceItem disclosure = test::sampleItem(2, QStringLiteral("政府信息公开申请"));
    disclosure.profile = core::ProcedureProfile::Disclosure;
    disclosure.kind = core::ItemKind::Disclosure;
    REQUIRE(
        store::CatalogRepository(*h.store).importItems({disclosure}, QStringLiteral("test")).ok());
    // A repeat notice: the letter came back unsigned and the form is asked for anew.
    const QString r = h.take(QStringLiteral("clerk-1"), false, true);
    h.act(r, EventType::NoticeIssued,
          payload::notice(core::correctionsFor(*h.cases->state(r), h.item), 5));
    core::MaterialCheck back = h.cases->state(r)->materials[1];
    back.state = core::MaterialState::Defective;
    back.problem = QStringLiteral("委托书未签字");
    h.setNow("2026-09-22");
    h.act(r, EventType::Corrected, payload::corrected({back}));
    QList<core::Correction> both = core::correctionsFor(*h.cases->state(r), h.item);
    both.append(core::Correction{h.item.materials[0].code, h.item.materials[0].name,
                                 QStringLiteral("需重新填写"), QStringLiteral("原件 1 份")});
    h.act(r, EventType::NoticeIssued,
          payload::notice(both, 5, true, QStringLiteral("申请书版本已更新"),
                          QStringLiteral("supervisor-1")));
    // A disclosure application whose correction period lapses, and one never answered.
    core::ReceivedInput in = h.intake(true);
    in.itemCode = disclosure.code;
    in.materials = core::checklistFor(disclosure);
    in.materials[1].state = core::MaterialState::Missing;
    const QString gone = h.cases->receive(in, QStringLiteral("clerk-1"))->event.caseId;
    h.act(gone, EventType::NoticeIssued,
          payload::notice(core::correctionsFor(*h.cases->state(gone), disclosure), 3));
    const QString silent = h.take(QStringLiteral("clerk-1"), false);
    // A bad rating.
    const QString rated = h.take(QStringLiteral("clerk-1"));
    h.act(rated, EventType::Decided, payload::decided(QStringLiteral("granted")));
    h.act(rated, EventType::Delivered,
          payload::delivered(QStringLiteral("pickup"), QStringLiteral("王五")));
    h.act(rated, EventType::Rated, payload::rated(2, QStringLiteral("等待时间太长")));
    h.setNow("2026-10-20");
    REQUIRE(h.cases->produceDueSystemEvents(d("2026-10-20")).value() >= 2);

    store::SupervisionQueries q(*h.store, h.cases->calendar());
    const QDate since = d("2026-09-01");
    auto repeats = q.repeatNotices(since, 50);
    REQUIRE(repeats.ok());
    REQUIRE(repeats->size() == 1);
    CHECK(repeats->first().row.caseId == r);
    CHECK(repeats->first().reason == QStringLiteral("申请书版本已更新"));
    CHECK(repeats->first().approvedBy == QStringLiteral("supervisor-1"));
    CHECK(repeats->first().corrections == 2);
    CHECK(repeats->first().issuedOn == d("2026-09-22"));
    CHECK(q.repeatNotices(d("2026-09-19"), 50).value().isEmpty()); // received before that

    auto ratings = q.badRatings(since, d("2026-10-20"), 50);
    REQUIRE(ratings.ok());
    REQUIRE(ratings->size() == 1);
    CHECK(ratings->first().level == 2);
    CHECK(ratings->first().comment == QStringLiteral("等待时间太长"));
    CHECK(ratings->first().followUp.running);
    CHECK(ratings->first().followUp.level == WarningLevel::Red); // 5 working days from 09-22
    h.act(rated, EventType::RatingFollowedUp, payload::followedUp(QStringLiteral("已电话回访")));
    ratings = q.badRatings(since, d("2026-10-20"), 50);
    CHECK_FALSE(ratings->first().followUp.running);
    CHECK(ratings->first().result == QStringLiteral("已电话回访"));
    CHECK(ratings->first().followedUpOn == d("2026-10-20"));

    auto deemed = q.deemedAccepted(since, 50);
    REQUIRE(deemed.ok());
    REQUIRE(deemed->size() == 1);
    CHECK(deemed->first().caseId == silent);
    auto abandoned = q.deemedAbandoned(since, 50);
    REQUIRE(abandoned.ok());
    REQUIRE(abandoned->size() == 1);
    CHECK(abandoned->first().caseId == gone);
    CHECK(q.deemedAbandoned(d("2026-10-01"), 50).value().isEmpty());
}

TEST_CASE("An answer names its order: one that meets a newer order from another window's log does "
          "not close it, on either workstation")
{
    Hall x; // the clerk's window
    Hall s; // the supervisor's workstation
    const QString c = x.take(QStringLiteral("clerk-1"));
    const auto sync = [](Hall& from, Hall& to, const QString& caseId) {
        auto events = from.cases->events(caseId);
        REQUIRE(events.ok());
        REQUIRE(to.cases->importEvents(*events).ok());
    };
    sync(x, s, c);
    s.act(c, EventType::Supervised,
          payload::supervised(QStringLiteral("clerk-1"), {}, QStringLiteral("请联系申请人"),
                              d("2026-09-22")),
          QStringLiteral("supervisor-1"));
    sync(s, x, c);
    // The supervisor gives order 2 at 10:00; the clerk, not having seen it, answers order 1 at
    // 11:00: in the case's canonical order the answer comes after order 2.
    s.setNow("2026-09-18", "10:00");
    s.act(c, EventType::Supervised,
          payload::supervised(QStringLiteral("clerk-1"), {}, QStringLiteral("请本周办结"),
                              d("2026-09-25")),
          QStringLiteral("supervisor-1"));
    x.setNow("2026-09-18", "11:00");
    x.act(c, EventType::SupervisionAnswered,
          payload::supervisionAnswered(QStringLiteral("已联系"), 1));
    // Here, answering order 1 now is refused with the reason.
    auto late = s.cases->append(c, EventType::SupervisionAnswered,
                                payload::supervisionAnswered(QStringLiteral("已联系"), 1),
                                QStringLiteral("clerk-1"));
    REQUIRE_FALSE(late.ok());
    CHECK(late.error().message.contains(QStringLiteral("取代")));
    // The clerk's answer arrives after order 2: it is kept in the log but closes nothing.
    sync(x, s, c);
    sync(s, x, c);
    for (Hall* h : {&x, &s}) {
        store::SupervisionQueries q(*h->store, h->cases->calendar());
        auto open = q.openOrders(QStringLiteral("clerk-1"));
        REQUIRE(open->size() == 1);
        CHECK(open->first().note == QStringLiteral("请本周办结"));
    }
    CHECK(s.cases->state(c)->supervisionOpen());
    CHECK(s.cases->state(c)->rejected.size() == 1);
}

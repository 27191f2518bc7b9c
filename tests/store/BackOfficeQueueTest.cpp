// Issue 18, the back office: 前台综合受理、后台分类审批 — a department's back office sees the cases
// the windows forwarded (移交后台) to it until it decides them.
#include "store/CaseQueries.h"
#include "store/SyncRepository.h"
#include "support/HallFixture.h"

#include "core/CasePayloads.h"

#include <catch2/catch.hpp>

using namespace onewindow;
using core::EventType;
namespace payload = core::payload;

namespace {

const QString kClerk = QStringLiteral("clerk-1");
const QString kMarket = QStringLiteral("市场监管局");
const QString kTax = QStringLiteral("税务局");

QString accepted(test::HallFixture& h, const QString& name)
{
    auto r = h.cases->receive(h.intake(false, name), kClerk);
    REQUIRE(r.ok());
    REQUIRE(
        h.cases->append(r->event.caseId, EventType::Accepted, payload::accepted(), kClerk).ok());
    return r->event.caseId;
}

QString forward(test::HallFixture& h, const QString& caseId, const QString& to)
{
    auto f = h.cases->append(caseId, EventType::Forwarded, payload::forwarded(to), kClerk);
    REQUIRE(f.ok());
    return f->event.eventId;
}

QStringList names(const QList<store::CaseRow>& rows)
{
    QStringList out;
    for (const store::CaseRow& r : rows)
        out.append(r.applicantName);
    return out;
}

} // namespace

TEST_CASE("Back office: a department's queue holds the open cases last forwarded to it, suspended "
          "ones too, until decided; a forwarding the hall rejected does not count")
{
    test::HallFixture h;
    const QString a = accepted(h, QStringLiteral("甲"));
    forward(h, a, kMarket);
    const QString b = accepted(h, QStringLiteral("乙")); // forwarded on to another department
    forward(h, b, kMarket);
    forward(h, b, kTax);
    accepted(h, QStringLiteral("丙"));                   // never forwarded
    const QString d = accepted(h, QStringLiteral("丁")); // decided by the back office
    forward(h, d, kMarket);
    REQUIRE(
        h.cases->append(d, EventType::Decided, payload::decided(QStringLiteral("granted")), kClerk)
            .ok());
    const QString e = accepted(h, QStringLiteral("戊")); // suspended for an inspection
    forward(h, e, kMarket);
    REQUIRE(
        h.cases
            ->append(e, EventType::Suspended,
                     payload::suspended(QStringLiteral("inspection"), QStringLiteral("现场核查")),
                     kClerk)
            .ok());
    const QString f = accepted(h, QStringLiteral("己")); // its forwarding lost a conflict
    const QString lost = forward(h, f, kMarket);

    store::CaseQueries q(*h.store);
    // By due date; the suspended case's clock is paused (no due date): last.
    CHECK(names(*q.forwardedTo(kMarket, 50)) ==
          QStringList{QStringLiteral("甲"), QStringLiteral("己"), QStringLiteral("戊")});
    CHECK(names(*q.forwardedTo(kTax, 50)) == QStringList{QStringLiteral("乙")});
    CHECK(q.forwardedTo(QStringLiteral("住建局"), 50)->isEmpty());
    CHECK(q.forwardedTo(kMarket, 1)->size() == 1);

    // The hall rejected 己's forwarding (another window decided first): it leaves the queue.
    store::SyncRepository sync(*h.cases);
    store::Placement rejected;
    rejected.eventId = lost;
    rejected.caseId = f;
    rejected.hallSeq = 40;
    rejected.accepted = false;
    rejected.reasonCode = QStringLiteral("case.stale_head");
    rejected.reason = QStringLiteral("办件已被其他窗口处理");
    REQUIRE(sync.recordPush({rejected}, 1).ok());
    CHECK(names(*q.forwardedTo(kMarket, 50)) ==
          QStringList{QStringLiteral("甲"), QStringLiteral("戊")});
}

#include "support/HallFixture.h"
#include "support/TestSupport.h"

#include "store/DraftRepository.h"

#include <QSqlQuery>

using namespace onewindow;

namespace {

core::IntakeDraft draftFor(const QString& name)
{
    core::IntakeDraft d;
    d.step = 1;
    d.itemCode = QStringLiteral("11620102MB1234567X20001100001");
    d.itemName = QStringLiteral("食品经营许可");
    d.applicant.name = name;
    d.confirmedOn = QDate(2026, 9, 18);
    return d;
}

} // namespace

TEST_CASE("Intake drafts: one per clerk, replaced by each save, read back whole, discarded")
{
    test::HallFixture h;
    store::DraftRepository drafts(*h.store);
    auto none = drafts.load(QStringLiteral("clerk-1"));
    REQUIRE(none.ok());
    CHECK_FALSE(none->has_value());
    CHECK_FALSE(drafts.exists(QStringLiteral("clerk-1")));

    REQUIRE(drafts.save(QStringLiteral("clerk-1"), draftFor(QStringLiteral("张三"))).ok());
    h.clock.advanceSeconds(90);
    core::IntakeDraft later = draftFor(QStringLiteral("张三丰"));
    later.step = 3;
    REQUIRE(drafts.save(QStringLiteral("clerk-1"), later).ok());
    REQUIRE(drafts.save(QStringLiteral("clerk-2"), draftFor(QStringLiteral("李四"))).ok());
    CHECK(h.count(QStringLiteral("SELECT count(*) FROM intake_drafts")) == 2);

    auto mine = drafts.load(QStringLiteral("clerk-1"));
    REQUIRE(mine.ok());
    REQUIRE(mine->has_value());
    CHECK((*mine)->draft == later);
    CHECK((*mine)->savedAtUtc == h.clock.nowUtc()); // the time of the last save
    auto theirs = drafts.load(QStringLiteral("clerk-2"));
    REQUIRE(theirs.ok());
    CHECK((*theirs)->draft.applicant.name == QStringLiteral("李四"));

    REQUIRE(drafts.discard(QStringLiteral("clerk-1")).ok());
    CHECK_FALSE(drafts.exists(QStringLiteral("clerk-1")));
    CHECK(drafts.exists(QStringLiteral("clerk-2")));
    REQUIRE(drafts.discard(QStringLiteral("clerk-1")).ok()); // nothing left: still fine
}

TEST_CASE("Intake drafts: a damaged row gives draft.corrupt and stays until discarded")
{
    test::HallFixture h;
    store::DraftRepository drafts(*h.store);
    REQUIRE(drafts.save(QStringLiteral("clerk-1"), draftFor(QStringLiteral("张三"))).ok());
    QSqlQuery q(h.store->database());
    REQUIRE(q.exec(QStringLiteral(
        "UPDATE intake_drafts SET content = substr(content, 1, 40) WHERE clerk_id = 'clerk-1'")));
    auto read = drafts.load(QStringLiteral("clerk-1"));
    REQUIRE_FALSE(read.ok());
    CHECK(read.error().code == QStringLiteral("draft.corrupt"));
    CHECK(drafts.exists(QStringLiteral("clerk-1")));
    REQUIRE(drafts.discard(QStringLiteral("clerk-1")).ok());
    auto after = drafts.load(QStringLiteral("clerk-1"));
    REQUIRE(after.ok());
    CHECK_FALSE(after->has_value());
}

// Which matters the board and the figures fold (一件事一次办, issue 20): the cases projection names
// each part's matter (migration 0022), so the board folds the matters with a part open and the
// figures the matters with a part received or finished in the period, never every matter held.
#include "store/LaterMigrations.h"
#include "support/HallFixture.h"
#include "support/HallVerdicts.h"
#include "support/MatterFixtures.h"
#include "support/TestSupport.h"

#include "core/CasePayloads.h"
#include "store/DraftRepository.h"
#include "store/MatterCases.h"
#include "store/MatterRepository.h"
#include "store/Migrations.h"

#include <QSqlQuery>

using namespace onewindow;
using core::EventType;
namespace payload = core::payload;
using Decision = store::CaseStore::IntakeDecision;

namespace {

const QString kClerk = QStringLiteral("clerk-1");

store::CaseStore::MatterIntake takeIn(test::HallFixture& h, QList<core::ReceivedInput> parts,
                                      const QString& joining = QString())
{
    auto done = h.cases->receiveMatter(
        parts, QStringLiteral("KBQY"), 1,
        [](int, const store::CaseStore::Appended&) -> core::Result<Decision> {
            return Decision{EventType::Accepted, payload::accepted()};
        },
        kClerk, joining);
    REQUIRE(done.ok());
    return *done;
}

void decideAll(test::HallFixture& h, const QString& matterNumber)
{
    auto ids = store::MatterRepository(*h.store).partCaseIds(matterNumber);
    REQUIRE(ids.ok());
    for (const QString& id : *ids)
        REQUIRE(h.cases
                    ->append(id, EventType::Decided,
                             payload::decided(QStringLiteral("granted"), QStringLiteral("准字1号")),
                             kClerk)
                    .ok());
}

QStringList numbersOf(const core::Result<QList<store::LoadedMatter>>& matters)
{
    REQUIRE(matters.ok());
    QStringList out;
    for (const store::LoadedMatter& m : *matters)
        out.append(m.number);
    return out;
}

QStringList touching(test::HallFixture& h, const char* from, const char* to)
{
    auto numbers = store::MatterRepository(*h.store).matterNumbersTouching(
        QDate::fromString(QLatin1String(from), Qt::ISODate),
        QDate::fromString(QLatin1String(to), Qt::ISODate));
    REQUIRE(numbers.ok());
    return *numbers;
}

QMap<QString, QString> matterColumn(test::HallFixture& h)
{
    QSqlQuery q(h.store->database());
    REQUIRE(q.exec(QStringLiteral("SELECT case_id, coalesce(matter_number, '') FROM cases")));
    QMap<QString, QString> out;
    while (q.next())
        out.insert(q.value(0).toString(), q.value(1).toString());
    return out;
}

} // namespace

TEST_CASE("一件事: the board folds the matters with a part open, the figures the matters received "
          "or finished in their period")
{
    test::HallFixture h;
    // A: 开办企业 on Friday 2026-09-18, every part decided that day.
    const auto a = takeIn(h, test::openingABusinessParts(h));
    decideAll(h, a.matterNumber);
    // B: 设立登记 alone that Friday, joined to a matter on Tuesday 2026-09-22.
    QList<core::ReceivedInput> parts = test::openingABusinessParts(h);
    auto alone = h.cases->receive(parts.takeFirst(), kClerk);
    REQUIRE(alone.ok());
    h.setNow("2026-09-22");
    const auto b = takeIn(h, parts, alone->event.caseId);
    // One case taken in alone names no matter.
    auto single = h.cases->receive(test::openingABusinessParts(h).first(), kClerk);
    REQUIRE(single.ok());

    const QDate tuesday(2026, 9, 22);
    // A is done (its parts decided, not yet collected): only B is on the board.
    CHECK(numbersOf(store::loadOpenMatters(*h.cases, tuesday)) == QStringList{b.matterNumber});
    // Only a matter with an unfinished part is folded for the board: A's parts are decided,
    // waiting to be collected. The single case names no matter.
    auto open = store::MatterRepository(*h.store).openMatterNumbers();
    REQUIRE(open.ok());
    CHECK(*open == QStringList{b.matterNumber});
    CHECK(matterColumn(h).value(single->event.caseId).isEmpty());
    CHECK(matterColumn(h).value(alone->event.caseId) == b.matterNumber);

    // September's first half: A received and finished; B's first part was received then too.
    CHECK(touching(h, "2026-09-01", "2026-09-19") == QStringList({a.matterNumber, b.matterNumber}));
    auto september = store::matterFigures(*h.cases, QDate(2026, 9, 1), QDate(2026, 9, 19), tuesday);
    REQUIRE(september.ok());
    CHECK(september->total.received == 1); // B counts from the day it became a matter
    CHECK(september->total.finished == 1);
    // October: nothing happened yet, nothing is folded.
    CHECK(touching(h, "2026-10-01", "2026-10-31").isEmpty());
    h.setNow("2026-10-08");
    decideAll(h, b.matterNumber);
    CHECK(touching(h, "2026-10-01", "2026-10-31") == QStringList{b.matterNumber});
    auto october =
        store::matterFigures(*h.cases, QDate(2026, 10, 1), QDate(2026, 10, 31), QDate(2026, 10, 8));
    REQUIRE(october.ok());
    CHECK(october->total.received == 0);
    CHECK(october->total.finished == 1);
    CHECK(numbersOf(store::loadOpenMatters(*h.cases, QDate(2026, 10, 8))).isEmpty());
}

TEST_CASE("一件事: a store from before the matters' column gets every part's matter filled in as "
          "it migrates, a joined case's too")
{
    test::HallFixture h;
    const auto a = takeIn(h, test::openingABusinessParts(h));
    QList<core::ReceivedInput> parts = test::openingABusinessParts(h);
    auto alone = h.cases->receive(parts.takeFirst(), kClerk);
    REQUIRE(alone.ok());
    const auto b = takeIn(h, parts, alone->event.caseId);
    const QMap<QString, QString> written = matterColumn(h);
    CHECK(written.value(alone->event.caseId) == b.matterNumber);
    CHECK(written.values().count(a.matterNumber) == a.parts.size());

    // Back to migration 0021's shape: no column, no indexes, nothing 0023 to 0025 add,
    // version 21.
    QSqlDatabase db = h.store->database();
    QSqlQuery q(db);
    test::undoLaterMigrations(q);
    for (const char* sql :
         {"DROP INDEX cases_matter_open", "DROP INDEX cases_matter_received",
          "DROP INDEX cases_matter_decided", "DROP INDEX cases_matter_refused",
          "DROP INDEX cases_matter_closed", "ALTER TABLE cases DROP COLUMN matter_number",
          "PRAGMA user_version = 21"})
        REQUIRE(q.exec(QLatin1String(sql)));
    REQUIRE(store::migrate(db).ok());
    CHECK(matterColumn(h) == written);
}

TEST_CASE(
    "一件事: recording a matter drops the clerk's matter draft with it and keeps the draft of "
    "a single case the clerk had cut off")
{
    test::HallFixture h;
    store::DraftRepository drafts(*h.store);
    core::IntakeDraft single;
    single.applicant.name = QStringLiteral("李四");
    REQUIRE(drafts.save(kClerk, single).ok());
    core::MatterIntakeDraft matter;
    matter.matterCode = QStringLiteral("KBQY");
    matter.name = QStringLiteral("张三");
    REQUIRE(drafts.saveMatter(kClerk, matter).ok());
    takeIn(h, test::openingABusinessParts(h));
    CHECK_FALSE(drafts.matterExists(kClerk));
    CHECK(drafts.exists(kClerk));
}

TEST_CASE("一件事: a join the hall's server set aside makes no part: the matter is its new parts "
          "alone, on the board and in its view")
{
    test::HallFixture h;
    QList<core::ReceivedInput> parts = test::openingABusinessParts(h);
    test::enrolWindow(h, QStringLiteral("W07")); // the catalog first: then it is the hall's
    auto alone = h.cases->receive(parts.takeFirst(), kClerk);
    REQUIRE(alone.ok());
    const auto b = takeIn(h, parts, alone->event.caseId);
    REQUIRE(b.joined.has_value());
    // The server took everything but the join (decision 10: a window of fold 1 was still active).
    test::HallVerdicts hall;
    hall.push(h, {{b.joined->event.eventId, QString()}});
    CHECK_FALSE(h.cases->state(alone->event.caseId)->matter.has_value());
    CHECK(matterColumn(h).value(alone->event.caseId).isEmpty());

    auto matter = store::loadMatter(*h.cases, b.matterNumber, QDate(2026, 9, 18));
    REQUIRE(matter.ok());
    CHECK(matter->parts.size() == b.parts.size());
    for (const core::MatterPartCase& part : matter->parts)
        CHECK(part.state.caseId != alone->event.caseId);
    CHECK(numbersOf(store::loadOpenMatters(*h.cases, QDate(2026, 9, 18))) ==
          QStringList{b.matterNumber});
}

// A matter case (一件事一次办, issue 20): one number beside the parts' numbers, the merged
// checklist, one notice across the parts, done when the last part is, and the matter's clock.
#include "support/CaseBuilder.h"
#include "support/MatterFixtures.h"
#include "support/TestSupport.h"

#include "core/MatterCase.h"

#include <QJsonArray>

using namespace onewindow;
using core::EventType;
using core::MaterialState;
using test::d;
namespace payload = core::payload;

namespace {

const QHash<QString, core::Matter> kNoSubMatters;

core::MatterLink link()
{
    return core::MatterLink{QStringLiteral("KBQY"), 1,
                            QStringLiteral("620102-20261204-W07-0042-J")};
}

// A part received on `date` from the merged checklist's rows marked as `checks` say.
test::CaseBuilder receivedPart(const core::ServiceItem& item, int sequence,
                               const QList<core::ChecklistRow>& rows,
                               const QList<core::MaterialCheck>& checks, const char* date)
{
    test::CaseBuilder c(item);
    core::ReceivedInput in = c.receivedInput(date);
    in.caseNumber = QStringLiteral("620102-20261204-W07-%1").arg(sequence, 4, 10, QLatin1Char('0'));
    in.materials = core::partMaterials(rows, checks, item);
    in.matter = link();
    REQUIRE(c.add(EventType::Received, payload::received(in), date).ok());
    return c;
}

QList<core::MaterialCheck> allProvided(const QList<core::ChecklistRow>& rows)
{
    QList<core::MaterialCheck> out;
    for (const core::ChecklistRow& r : rows) {
        core::MaterialCheck m;
        m.code = r.materialCodes.first();
        m.name = r.name;
        m.state = r.requirement == core::Requirement::Required ? MaterialState::Provided
                                                               : MaterialState::NotApplicable;
        out.append(m);
    }
    return out;
}

qsizetype rowNamed(const QList<core::ChecklistRow>& rows, const QString& name)
{
    for (qsizetype i = 0; i < rows.size(); ++i)
        if (rows.at(i).name == name)
            return i;
    return -1;
}

} // namespace

TEST_CASE("一件事: one number for the matter beside each part's case number")
{
    const auto first = core::CaseNumber::parse(QStringLiteral("620102-20261206-W07-0042"));
    REQUIRE(first.ok());
    CHECK(core::matterNumber(*first) == QStringLiteral("620102-20261206-W07-0042-J"));
    const auto back = core::parseMatterNumber(QStringLiteral("620102-20261206-W07-0042-J"));
    REQUIRE(back.ok());
    CHECK(*back == *first);
    const auto bad = core::parseMatterNumber(QStringLiteral("620102-20261206-W07-0042"));
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().code == QStringLiteral("matter.bad_number"));
    CHECK(bad.error().message.contains(QStringLiteral("-J")));

    // Each part's received event records the matter; the fold keeps it on the case.
    const auto items = test::threeItems();
    const auto rows = core::mergedChecklist(test::openingABusiness(items), kNoSubMatters, items);
    test::CaseBuilder part = receivedPart(items.at(0), 42, rows, allProvided(rows), "2026-12-04");
    REQUIRE(part.state().matter.has_value());
    CHECK(*part.state().matter == link());
    CHECK(part.refold().matter == part.state().matter);

    // A received event with a broken matter record is refused with a Chinese reason.
    test::CaseBuilder broken(items.at(0));
    core::ReceivedInput in = broken.receivedInput("2026-12-04");
    in.matter = core::MatterLink{QStringLiteral("KBQY"), 1, QStringLiteral("KBQY-0042")};
    const core::Status refused =
        broken.add(EventType::Received, payload::received(in), "2026-12-04");
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().code == QStringLiteral("case.matter"));
    CHECK(refused.error().message.contains(QStringLiteral("KBQY-0042")));
    in.matter = core::MatterLink{QStringLiteral("KBQY"), 0, link().number};
    CHECK(broken.add(EventType::Received, payload::received(in), "2026-12-04").error().code ==
          QStringLiteral("case.matter"));
    // A case of its own has no matter.
    test::CaseBuilder alone(items.at(0));
    REQUIRE(alone
                .add(EventType::Received, payload::received(alone.receivedInput("2026-12-04")),
                     "2026-12-04")
                .ok());
    CHECK_FALSE(alone.state().matter.has_value());
}

TEST_CASE("一件事: shared materials once")
{
    const auto items = test::threeItems();
    const core::Matter m = test::openingABusiness(items);
    const QList<core::ChecklistRow> rows = core::mergedChecklist(m, kNoSubMatters, items);
    // The ID card all three items ask for is one row naming each of them; every other material
    // (each item's application form and authorisation) its own row.
    REQUIRE(rows.size() == 1 + 3 * 2);
    int idRows = 0;
    for (const core::ChecklistRow& r : rows)
        idRows += r.name == QStringLiteral("申请人身份证件") ? 1 : 0;
    CHECK(idRows == 1);
    const core::ChecklistRow& id = rows.at(rowNamed(rows, QStringLiteral("申请人身份证件")));
    CHECK(id.shared);
    CHECK(id.itemNames == QStringList{QStringLiteral("设立登记"), QStringLiteral("印章刻制备案"),
                                      QStringLiteral("社保登记")});
    CHECK(id.requirement == core::Requirement::Required);

    // Without the seal its item leaves the checklist, and the shared row names the two left.
    const QList<core::ServiceItem> noSeal{items.at(0), items.at(2)};
    const auto fewer = core::mergedChecklist(m, kNoSubMatters, noSeal);
    CHECK(fewer.size() == 1 + 2 * 2);
    CHECK(fewer.at(rowNamed(fewer, QStringLiteral("申请人身份证件"))).itemNames.size() == 2);

    // Checked once, the ID card's state reaches each part's own checklist.
    QList<core::MaterialCheck> checks = allProvided(rows);
    checks[rowNamed(rows, QStringLiteral("申请人身份证件"))].state = MaterialState::Missing;
    for (const core::ServiceItem& item : items) {
        const QList<core::MaterialCheck> own = core::partMaterials(rows, checks, item);
        REQUIRE(own.size() == item.materials.size());
        CHECK(own.last().code == item.code + QStringLiteral("003"));
        CHECK(own.last().state == MaterialState::Missing);
        CHECK(own.first().state == MaterialState::Provided);
    }
}

TEST_CASE("一件事: one notice across parts")
{
    const auto items = test::threeItems();
    const core::Matter m = test::openingABusiness(items);
    const auto rows = core::mergedChecklist(m, kNoSubMatters, items);
    QList<core::MaterialCheck> checks = allProvided(rows);
    checks[rowNamed(rows, QStringLiteral("申请人身份证件"))].state = MaterialState::Missing;
    // 设立登记's own application form is defective too.
    const qsizetype form = [&] {
        for (qsizetype i = 0; i < rows.size(); ++i)
            if (rows.at(i).itemNames == QStringList{QStringLiteral("设立登记")} &&
                rows.at(i).name == QStringLiteral("不动产登记申请书"))
                return i;
        return qsizetype(-1);
    }();
    REQUIRE(form >= 0);
    checks[form].state = MaterialState::Defective;
    checks[form].problem = QStringLiteral("未签字");

    QList<core::MatterPartCase> parts;
    for (int i = 0; i < items.size(); ++i) {
        test::CaseBuilder c = receivedPart(items.at(i), 42 + i, rows, checks, "2026-12-04");
        REQUIRE(c.add(EventType::NoticeIssued,
                      payload::notice(core::correctionsFor(c.state(), c.item()), 5), "2026-12-04",
                      "10:10")
                    .ok());
        parts.append(core::MatterPartCase{c.item(), c.state()});
    }
    const QList<core::MergedCorrection> notice = core::mergedNotice(m, kNoSubMatters, parts);
    // The ID card is told once, naming the three parts and their numbers; the form once.
    REQUIRE(notice.size() == 2);
    CHECK(notice.at(0).name == QStringLiteral("申请人身份证件"));
    CHECK(notice.at(0).problem == QStringLiteral("未提交"));
    CHECK(notice.at(0).itemNames.size() == 3);
    CHECK(notice.at(0).caseNumbers == QStringList{QStringLiteral("620102-20261204-W07-0042"),
                                                  QStringLiteral("620102-20261204-W07-0043"),
                                                  QStringLiteral("620102-20261204-W07-0044")});
    CHECK(notice.at(1).name == QStringLiteral("不动产登记申请书"));
    CHECK(notice.at(1).problem == QStringLiteral("未签字"));
    CHECK(notice.at(1).itemNames == QStringList{QStringLiteral("设立登记")});
    CHECK(notice.at(1).requirement.startsWith(QStringLiteral("提交原件1份")));

    // A part already accepted has nothing on the notice.
    parts[1].state.status = core::CaseStatus::InProgress;
    CHECK(core::mergedNotice(m, kNoSubMatters, parts).at(0).itemNames.size() == 2);
}

TEST_CASE("一件事: done when its last part is")
{
    const auto items = test::threeItems();
    const auto rows = core::mergedChecklist(test::openingABusiness(items), kNoSubMatters, items);
    const auto checks = allProvided(rows);
    test::CaseBuilder a = receivedPart(items.at(0), 42, rows, checks, "2026-12-04");
    test::CaseBuilder b = receivedPart(items.at(1), 43, rows, checks, "2026-12-04");
    test::CaseBuilder c = receivedPart(items.at(2), 44, rows, checks, "2026-12-04");
    for (test::CaseBuilder* p : {&a, &b, &c})
        REQUIRE(p->add(EventType::Accepted, payload::accepted(), "2026-12-04", "10:05").ok());
    const core::WorkingCalendar& calendar = *a.context().calendar;
    const auto progress = [&](const char* asOf) {
        auto p = core::matterProgress(calendar, 1, {a.state(), b.state(), c.state()}, d(asOf));
        REQUIRE(p.ok());
        return *p;
    };
    CHECK_FALSE(progress("2026-12-04").done);
    REQUIRE(a.add(EventType::Decided, payload::decided(QStringLiteral("granted")), "2026-12-04",
                  "15:00")
                .ok());
    // A withdrawn part is finished too: the matter goes on with the others.
    REQUIRE(b.add(EventType::Withdrawn, payload::withdrawn(QStringLiteral("申请人不再刻制公章")),
                  "2026-12-07")
                .ok());
    CHECK(progress("2026-12-07").finished == 2);
    CHECK_FALSE(progress("2026-12-07").done);
    CHECK_FALSE(progress("2026-12-07").doneOn.has_value());
    REQUIRE(
        c.add(EventType::Decided, payload::decided(QStringLiteral("granted")), "2026-12-08").ok());
    const core::MatterProgress done = progress("2026-12-09");
    CHECK(done.done);
    CHECK(done.doneOn == d("2026-12-08"));
    CHECK(done.finished == 3);
}

TEST_CASE("一件事: the matter's clock")
{
    const auto items = test::threeItems();
    const auto rows = core::mergedChecklist(test::openingABusiness(items), kNoSubMatters, items);
    const auto checks = allProvided(rows);
    // Received on Wednesday 2026-09-30, before the National Day holiday (10-01 to 10-07): a
    // promise of 1 working day falls on Thursday 10-08 (行政许可法 Art. 82: working days).
    test::CaseBuilder a = receivedPart(items.at(0), 42, rows, checks, "2026-09-30");
    test::CaseBuilder b = receivedPart(items.at(2), 43, rows, checks, "2026-09-30");
    const core::WorkingCalendar& calendar = *a.context().calendar;
    auto open = core::matterProgress(calendar, 1, {a.state(), b.state()}, d("2026-10-08"));
    REQUIRE(open.ok());
    CHECK(open->received == d("2026-09-30"));
    CHECK(open->clock.deadline == d("2026-10-08"));
    CHECK(open->clock.status.level == core::WarningLevel::Yellow);
    auto late = core::matterProgress(calendar, 1, {a.state(), b.state()}, d("2026-10-09"));
    CHECK(late->clock.status.level == core::WarningLevel::Red);

    // Its parts' own promises are longer; the matter's is the hall's for the whole: the parts
    // decided on 10-08 and 10-09 finish the matter a day late.
    for (test::CaseBuilder* p : {&a, &b})
        REQUIRE(p->add(EventType::Accepted, payload::accepted(), "2026-09-30", "10:05").ok());
    REQUIRE(
        a.add(EventType::Decided, payload::decided(QStringLiteral("granted")), "2026-10-08").ok());
    REQUIRE(
        b.add(EventType::Decided, payload::decided(QStringLiteral("granted")), "2026-10-09").ok());
    auto done = core::matterProgress(calendar, 1, {a.state(), b.state()}, d("2026-10-12"));
    REQUIRE(done.ok());
    CHECK(done->doneOn == d("2026-10-09"));
    CHECK(done->clock.status.level == core::WarningLevel::DoneLate);
    CHECK(done->clock.status.overdueDays == 1);
    // Promised the same day (0), done the same day: on time.
    test::CaseBuilder same = receivedPart(items.at(0), 44, rows, checks, "2026-12-04");
    REQUIRE(same.add(EventType::Accepted, payload::accepted(), "2026-12-04", "10:05").ok());
    REQUIRE(same.add(EventType::Decided, payload::decided(QStringLiteral("granted")), "2026-12-04",
                     "16:00")
                .ok());
    auto today = core::matterProgress(calendar, 0, {same.state()}, d("2026-12-04"));
    CHECK(today->clock.deadline == d("2026-12-04"));
    CHECK(today->clock.status.level == core::WarningLevel::DoneOnTime);
}

// 一件事 started from a case taken in alone: the matter's shared materials (Matter::shared)
// decide which papers of the other parts are the one the case already holds; its acceptance
// must have checked it.
TEST_CASE("一件事 started from a case: a shared paper the case's acceptance holds counts as "
          "received for the parts sharing it, by the matter's shared materials, not by names")
{
    const QList<core::ServiceItem> items = test::threeItems();
    const core::Matter matter = test::openingABusiness(items);
    const QString idOf1 = items.at(1).materials.at(2).code; // 申请人身份证件 of 印章刻制备案
    const QString idOf2 = items.at(2).materials.at(2).code; // and of 社保登记
    const QString formOf2 = items.at(2).materials.at(0).code;
    test::CaseBuilder alone(items.at(0)); // 设立登记, taken in alone with every paper
    core::ReceivedInput in = alone.receivedInput("2026-12-04");
    in.caseNumber = QStringLiteral("620102-20261204-W07-0041");
    REQUIRE(alone.add(EventType::Received, payload::received(in), "2026-12-04").ok());
    // Received but not accepted: its papers are still being checked, nothing is held yet.
    CHECK(core::heldByJoinedCase(matter, kNoSubMatters, alone.state(), idOf2).isEmpty());
    REQUIRE(alone.add(EventType::Accepted, payload::accepted(), "2026-12-04").ok());
    CHECK(core::heldByJoinedCase(matter, kNoSubMatters, alone.state(), idOf2) == in.caseNumber);
    CHECK(core::heldByJoinedCase(matter, kNoSubMatters, alone.state(), idOf1) == in.caseNumber);
    // The same name is not the same paper: each item's application form is its own.
    REQUIRE(items.at(0).materials.at(0).name == items.at(2).materials.at(0).name);
    CHECK(core::heldByJoinedCase(matter, kNoSubMatters, alone.state(), formOf2).isEmpty());
    // A shared paper the case did not have when accepted (容缺, to come later) is not held.
    core::CaseState deferred = alone.state();
    deferred.materials[2].state = MaterialState::Deferred;
    CHECK(core::heldByJoinedCase(matter, kNoSubMatters, deferred, idOf2).isEmpty());
    // Without the matter's shared rule nothing is held, whatever the papers are called.
    core::Matter unshared = matter;
    unshared.shared.clear();
    CHECK(core::heldByJoinedCase(unshared, kNoSubMatters, alone.state(), idOf2).isEmpty());

    // The merged checklist of the two other parts: the ID card's row is held, marked with the
    // case's number; every other row is asked for as usual.
    QList<core::ChecklistRow> rows =
        core::mergedChecklist(matter, kNoSubMatters, {items.at(1), items.at(2)});
    core::markHeldByJoinedCase(rows, matter, kNoSubMatters, alone.state());
    QList<core::MaterialCheck> checks;
    int held = 0;
    for (const core::ChecklistRow& row : rows) {
        if (!row.heldBy.isEmpty()) {
            ++held;
            CHECK(row.heldBy == in.caseNumber);
            CHECK(row.materialCodes == QStringList{idOf1, idOf2});
        }
        core::MaterialCheck c;
        c.code = row.materialCodes.first();
        c.state = MaterialState::Provided;
        c.heldBy = row.heldBy;
        checks.append(c);
    }
    CHECK(held == 1);
    // Each part records the paper as handed in, held by that case.
    for (const core::MaterialCheck& m : core::partMaterials(rows, checks, items.at(2)))
        CHECK(m.heldBy == (m.code == idOf2 ? in.caseNumber : QString()));
    // Recorded in the received event and read back.
    const core::MaterialCheck back = core::MaterialCheck::fromJson(
        core::partMaterials(rows, checks, items.at(2)).at(2).toJson());
    CHECK(back.heldBy == in.caseNumber);
}

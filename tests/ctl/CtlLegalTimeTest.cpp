// Legal time through the ctl: the one calendar import that moves running deadlines and writes the
// timeline, and time-driven events recorded by a store that no window keeps open.
#include "ctl/CtlRunner.h"
#include "support/HallFixture.h"
#include "support/TestSupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace onewindow;
using core::EventType;
using test::runCtl;
namespace payload = core::payload;

namespace {

QJsonObject clockOf(const QString& store, const QString& caseNumber, const QString& kind)
{
    const test::CtlRun show = runCtl(store, {QStringLiteral("case"), QStringLiteral("show"),
                                             caseNumber, QStringLiteral("--json")});
    REQUIRE(show.exitCode == 0);
    const QJsonObject c = QJsonDocument::fromJson(show.out.toUtf8()).object();
    for (const QJsonValue& v : c.value(QStringLiteral("clocks")).toArray())
        if (v.toObject().value(QStringLiteral("kind")).toString() == kind)
            return v.toObject();
    return {};
}

} // namespace

TEST_CASE("onewindowctl calendar import moves a running deadline and writes the timeline")
{
    test::HallFixture h;
    h.setNow("2026-12-10");
    auto r = h.cases->receive(h.intake(), QStringLiteral("clerk-1"));
    REQUIRE(r.ok());
    REQUIRE(h.cases
                ->append(r->event.caseId, EventType::Accepted, payload::accepted(),
                         QStringLiteral("clerk-1"))
                .ok());
    const QString number = r->state.caseNumber;
    h.cases.reset();
    // 20 working days from 2026-12-10 reach into 2027, which has no notice yet: provisional.
    const QJsonObject before = clockOf(h.path(), number, QStringLiteral("statutory"));
    CHECK(before.value(QStringLiteral("provisional")).toBool());
    const QString oldDeadline = before.value(QStringLiteral("deadline")).toString();
    REQUIRE(oldDeadline.startsWith(QStringLiteral("2027-01-")));

    // A 2027 notice (test data) with 01-01, 01-04 and 01-05 off: day 16 is 01-06, day 20 01-12.
    QTemporaryDir dir;
    const QString file =
        test::writeTempFile(dir, "2027.json",
                            R"({"year": 2027, "papers": ["https://www.gov.cn/test/2027"], "days": [
            {"name": "元旦", "date": "2027-01-01", "isOffDay": true},
            {"name": "元旦", "date": "2027-01-04", "isOffDay": true},
            {"name": "元旦", "date": "2027-01-05", "isOffDay": true}]})");
    const test::CtlRun import =
        runCtl(h.path(), {QStringLiteral("calendar"), QStringLiteral("import"), file});
    INFO(import.err.toStdString());
    REQUIRE(import.exitCode == 0);
    CHECK(import.out.contains(QStringLiteral("重算 1 件在办件")));

    const QJsonObject after = clockOf(h.path(), number, QStringLiteral("statutory"));
    CHECK(after.value(QStringLiteral("deadline")).toString() == QStringLiteral("2027-01-12"));
    CHECK_FALSE(after.value(QStringLiteral("provisional")).toBool());
    // The list (the stored projection) says the same as a fresh fold.
    const test::CtlRun list = runCtl(
        h.path(), {QStringLiteral("case"), QStringLiteral("list"), QStringLiteral("--json")});
    REQUIRE(list.exitCode == 0);
    const QJsonArray rows = QJsonDocument::fromJson(list.out.toUtf8()).array();
    REQUIRE(rows.size() == 1);
    CHECK_FALSE(rows.first().toObject().value(QStringLiteral("provisional")).toBool());
    // The timeline names the notice and the move, from the old deadline to the new one.
    const test::CtlRun timeline =
        runCtl(h.path(), {QStringLiteral("case"), QStringLiteral("timeline"), number});
    REQUIRE(timeline.exitCode == 0);
    CHECK(timeline.out.contains(QStringLiteral("2027.json")));
    CHECK(timeline.out.contains(QStringLiteral("法定时限 %1 → 2027-01-12").arg(oldDeadline)));
    const test::CtlRun check = runCtl(h.path(), {QStringLiteral("store"), QStringLiteral("check")});
    INFO(check.out.toStdString());
    CHECK(check.exitCode == 0);
    // The same notice again moves nothing and writes nothing more.
    const test::CtlRun again =
        runCtl(h.path(), {QStringLiteral("calendar"), QStringLiteral("import"), file});
    CHECK(again.exitCode == 0);
    CHECK_FALSE(again.out.contains(QStringLiteral("重算")));
    CHECK(again.out.contains(QStringLiteral("重新核对 1 件办件的期限：届满日均未变动")));
    CHECK(h.count(QStringLiteral("SELECT count(*) FROM events WHERE type = "
                                 "'case.deadline_recomputed'")) == 1);
}

TEST_CASE("行政许可法 Art. 32: onewindowctl store tick records a deemed acceptance no window saw")
{
    test::HallFixture h; // 2026-09-18: the notice period ends 2026-09-24
    auto r = h.cases->receive(h.intake(true), QStringLiteral("clerk-1"));
    REQUIRE(r.ok());
    const QString number = r->state.caseNumber;
    h.cases.reset();
    // Reading changes nothing: the case is still as recorded.
    const test::CtlRun show =
        runCtl(h.path(), {QStringLiteral("case"), QStringLiteral("show"), number});
    REQUIRE(show.exitCode == 0);
    CHECK(h.count(QStringLiteral("SELECT count(*) FROM events")) == 1);

    const test::CtlRun tick = runCtl(h.path(), {QStringLiteral("store"), QStringLiteral("tick")});
    INFO(tick.err.toStdString());
    REQUIRE(tick.exitCode == 0);
    CHECK(tick.out.contains(QStringLiteral("已记录 1 件")));
    const test::CtlRun timeline =
        runCtl(h.path(), {QStringLiteral("case"), QStringLiteral("timeline"), number});
    CHECK(timeline.out.contains(QStringLiteral("视为受理")));
    const test::CtlRun after =
        runCtl(h.path(), {QStringLiteral("case"), QStringLiteral("show"), number});
    CHECK(after.out.contains(QStringLiteral("状态：办理中")));
    // Once: a second tick, and any writing command, finds nothing more to record.
    const test::CtlRun second = runCtl(h.path(), {QStringLiteral("store"), QStringLiteral("tick")});
    CHECK(second.out.contains(QStringLiteral("已记录 0 件")));
    CHECK(h.count(QStringLiteral("SELECT count(*) FROM events WHERE type = "
                                 "'case.deemed_accepted'")) == 1);
    // Now the acceptance notice can be printed, as the receipt told the applicant.
    QTemporaryDir dir;
    const test::CtlRun print =
        runCtl(h.path(), {QStringLiteral("print"), QStringLiteral("acceptance"), number,
                          QStringLiteral("--pdf"), dir.filePath(QStringLiteral("a.pdf"))});
    INFO(print.err.toStdString());
    CHECK(print.exitCode == 0);
    const test::CtlRun check = runCtl(h.path(), {QStringLiteral("store"), QStringLiteral("check")});
    CHECK(check.exitCode == 0);
}

TEST_CASE("Every writing onewindowctl command first records what fell due")
{
    test::HallFixture h;
    auto r = h.cases->receive(h.intake(true), QStringLiteral("clerk-1"));
    REQUIRE(r.ok());
    h.cases.reset();
    QTemporaryDir dir;
    const QString file =
        test::writeTempFile(dir, "2027.json",
                            R"({"year": 2027, "papers": ["https://www.gov.cn/test/2027"], "days": [
            {"name": "元旦", "date": "2027-01-01", "isOffDay": true}]})");
    const test::CtlRun import =
        runCtl(h.path(), {QStringLiteral("calendar"), QStringLiteral("import"), file});
    REQUIRE(import.exitCode == 0);
    CHECK(import.err.contains(QStringLiteral("已记录 1 件")));
    CHECK(h.count(QStringLiteral("SELECT count(*) FROM cases WHERE status = 'in_progress' AND "
                                 "deemed_accepted = 1")) == 1);
}

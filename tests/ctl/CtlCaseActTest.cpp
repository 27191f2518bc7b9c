// onewindowctl case act and demo work (issue 18, "Every action scriptable"): the window's path,
// its checks and its messages, from the command line.
#include "ctl/CtlRunner.h"
#include "support/HallFixture.h"

#include "store/Store.h"
#include "store/UserRepository.h"

#include <catch2/catch.hpp>

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTemporaryDir>

using namespace onewindow;
using core::EventType;
using test::args;
using test::runCtl;
namespace payload = core::payload;

namespace {

struct ActHall
{
    test::HallFixture h;
    QString caseId;
    QString number;
    ActHall()
    {
        store::UserRepository users(*h.store);
        REQUIRE(users
                    .create(QStringLiteral("zhangsan"), QStringLiteral("张三"), core::Role::Clerk,
                            QStringLiteral("W07"), QStringLiteral("clerk-password-7"))
                    .ok());
        auto taken = h.cases->receive(h.intake(), QStringLiteral("clerk-1"));
        REQUIRE(taken.ok());
        REQUIRE(h.cases
                    ->append(taken->event.caseId, EventType::Accepted, payload::accepted(),
                             QStringLiteral("clerk-1"))
                    .ok());
        caseId = taken->event.caseId;
        number = taken->state.caseNumber;
    }
    int events() const
    {
        return h.count(
            QStringLiteral("SELECT count(*) FROM events WHERE case_id = '%1'").arg(caseId));
    }
    test::CtlRun act(QStringList words) const
    {
        return runCtl(h.path(),
                      QStringList{QStringLiteral("case"), QStringLiteral("act"), number} + words);
    }
};

} // namespace

TEST_CASE("onewindowctl case act: each refusal exits 1 with the fold's or the role's reason and "
          "changes nothing")
{
    ActHall a;
    const int before = a.events();

    // The fold says no (an accepted case is not accepted twice): its own message.
    auto folded = a.h.cases->append(a.caseId, EventType::Accepted, payload::accepted(),
                                    QStringLiteral("clerk-1"));
    REQUIRE_FALSE(folded.ok());
    const test::CtlRun twice = a.act(args({"accepted", "--as", "zhangsan"}));
    CHECK(twice.exitCode == 1);
    CHECK(twice.err.contains(folded.error().message));

    // A supervisor's action by a clerk.
    const test::CtlRun role = a.act(args({"extension_approved", "--as", "zhangsan"}));
    CHECK(role.exitCode == 1);
    CHECK(role.err.contains(QStringLiteral("须由大厅主管或管理员办理")));

    // Nobody of that login, and a case number the store does not hold.
    const test::CtlRun nobody = a.act(args({"decided", "--outcome", "granted", "--as", "nobody"}));
    CHECK(nobody.exitCode == 1);
    CHECK(nobody.err.contains(QStringLiteral("没有在用的用户“nobody”")));
    const test::CtlRun unknown =
        runCtl(a.h.path(), args({"case", "act", "620102-20260918-W07-9999", "decided", "--outcome",
                                 "granted", "--as", "zhangsan"}));
    CHECK(unknown.exitCode == 1);
    CHECK_FALSE(unknown.err.isEmpty());

    // Bad usage is 2: an action that does not exist, no --as, a required field missing.
    CHECK(a.act(args({"frobnicated", "--as", "zhangsan"})).exitCode == 2);
    CHECK(a.act(args({"decided", "--outcome", "granted"})).exitCode == 2);
    const test::CtlRun missing = a.act(args({"decided", "--as", "zhangsan"}));
    CHECK(missing.exitCode == 2);
    CHECK(missing.err.contains(QStringLiteral("请选择办理结果")));

    CHECK(a.events() == before);
}

TEST_CASE("onewindowctl case act: a legal action is recorded through the window's path and "
          "changes the case")
{
    ActHall a;
    const int before = a.events();
    const test::CtlRun decided =
        a.act(args({"decided", "--outcome", "granted", "--as", "zhangsan"}));
    INFO(decided.err.toStdString());
    CHECK(decided.exitCode == 0);
    CHECK(decided.out.contains(a.number));
    CHECK(decided.out.contains(QStringLiteral("办结")));
    CHECK(a.events() == before + 1);
    auto state = a.h.cases->state(a.caseId);
    REQUIRE(state.ok());
    CHECK(state->status == core::CaseStatus::Decided);
    CHECK(state->decisionOutcome == QStringLiteral("granted"));
    // The same action again is now the fold's refusal.
    CHECK(a.act(args({"decided", "--outcome", "granted", "--as", "zhangsan"})).exitCode == 1);
    CHECK(runCtl(a.h.path(), args({"store", "check"})).exitCode == 0);
}

TEST_CASE("onewindowctl demo work: the same seed makes the same work, every action admitted, and "
          "the store checks clean")
{
    QTemporaryDir dir;
    QStringList lists;
    QString report;
    for (const char* name : {"a.sqlite", "b.sqlite"}) {
        const QString store = dir.filePath(QString::fromLatin1(name));
        const test::CtlRun seeded =
            runCtl(store, args({"demo", "seed", "--cases", "40", "--seed", "3"}));
        INFO(seeded.err.toStdString());
        REQUIRE(seeded.exitCode == 0);
        {
            // The window's clerks and its supervisor (a seeded store has cases, no accounts).
            core::FakeClock clock(QDateTime(QDate(2026, 12, 7), QTime(2, 0), Qt::UTC));
            auto opened = store::Store::open(store, clock);
            REQUIRE(opened.ok());
            store::UserRepository users(**opened);
            REQUIRE(users
                        .create(QStringLiteral("zhangsan"), QStringLiteral("张三"),
                                core::Role::Clerk, QStringLiteral("W01"),
                                QStringLiteral("clerk-password-7"), QStringLiteral("clerk-w01-9"))
                        .ok());
            REQUIRE(users
                        .create(QStringLiteral("lisi"), QStringLiteral("李四"),
                                core::Role::Supervisor, QString(),
                                QStringLiteral("super-password-7"), QStringLiteral("sup-9"))
                        .ok());
        }
        const test::CtlRun work =
            runCtl(store, args({"demo", "work", "--actions", "60", "--seed", "11"}));
        INFO(work.err.toStdString());
        REQUIRE(work.exitCode == 0);
        static const QRegularExpression counts(
            QStringLiteral("收件 (\\d+) 件，办理 (\\d+) 次，被拒 (\\d+) 次"));
        const auto m = counts.match(work.out);
        REQUIRE(m.hasMatch());
        CHECK(m.captured(1).toInt() + m.captured(2).toInt() == 60);
        CHECK(m.captured(1).toInt() > 0);  // new cases taken in
        CHECK(m.captured(2).toInt() > 0);  // and acts on open ones
        CHECK(m.captured(3).toInt() == 0); // every action legal when made
        if (report.isEmpty())
            report = m.captured(0);
        CHECK(m.captured(0) == report);
        CHECK(runCtl(store, args({"store", "check"})).exitCode == 0);
        const test::CtlRun listed =
            runCtl(store, args({"case", "list", "--json", "--limit", "1000"}));
        REQUIRE(listed.exitCode == 0);
        lists.append(listed.out);
    }
    // The same cases in the same states (ids and times are the real run's own). How many are
    // still open depends on what the work finished: only that some are.
    REQUIRE(!QJsonDocument::fromJson(lists[0].toUtf8()).array().isEmpty());
    CHECK(lists[0] == lists[1]);
}

TEST_CASE("onewindowctl case act refused: the legal ground is given, never the first one taken for "
          "the clerk (行政许可法 Art. 32)")
{
    ActHall a;
    auto taken = a.h.cases->receive(a.h.intake(true), QStringLiteral("clerk-1")); // papers short
    REQUIRE(taken.ok());
    REQUIRE(taken->state.status == core::CaseStatus::Received);
    // Only a reason: the ground on the sealed 不予受理决定书 was silently 依法不需要取得行政许可.
    const test::CtlRun bare =
        runCtl(a.h.path(), QStringList{QStringLiteral("case"), QStringLiteral("act"),
                                       taken->state.caseNumber, QStringLiteral("refused")} +
                               args({"--reason", "不符合条件", "--as", "zhangsan"}));
    CHECK(bare.exitCode == 2);
    CHECK(bare.err.contains(QStringLiteral("不予受理的依据")));
    auto events = a.h.cases->events(taken->event.caseId);
    REQUIRE(events.ok());
    for (const core::Event& e : *events)
        CHECK(e.type != EventType::Refused);
}

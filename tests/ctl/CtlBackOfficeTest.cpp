// Issue 18, the back office's queue as onewindowctl prints it: the cases the windows forwarded
// (移交后台) to this back office's department, and a forwarding that must name one of the hall's
// back offices at an enrolled window.
#include "ctl/CtlRunner.h"
#include "store/CaseStore.h"
#include "store/CatalogRepository.h"
#include "store/SyncRepository.h"
#include "store/UserRepository.h"
#include "support/CatalogFixtures.h"
#include "support/EnrolledStore.h"
#include "support/HallFixture.h"
#include "support/TempStore.h"
#include "support/TestSupport.h"

#include <catch2/catch.hpp>

using namespace onewindow;

TEST_CASE("Back office: onewindowctl case list --backoffice prints this back office's queue; a "
          "window is told it is none, and --forwarded-to names any department")
{
    const QDateTime now(QDate(2026, 12, 7), QTime(2, 0), Qt::UTC);
    const core::ServiceItem item = test::licenceItem();
    auto prepare = [&](test::TempStore& s, const QString& role, const QString& department) {
        REQUIRE(store::CatalogRepository(*s.store).importItems({item}, QStringLiteral("t")).ok());
        REQUIRE(test::enrolWithoutServer(*s.store, QStringLiteral("http://127.0.0.1:1"), role,
                                         department)
                    .ok());
        store::CaseStore cases(*s.store);
        const QString clerk = QStringLiteral("clerk-w07-1");
        for (const char* applicant : {"甲", "乙"}) {
            core::ReceivedInput in = test::completeApplication(item);
            in.applicant.name = QString::fromUtf8(applicant);
            auto r = cases.receive(in, clerk);
            REQUIRE(r.ok());
            REQUIRE(cases
                        .append(r->event.caseId, core::EventType::Accepted,
                                core::payload::accepted(), clerk)
                        .ok());
            if (in.applicant.name == QStringLiteral("甲"))
                REQUIRE(cases
                            .append(r->event.caseId, core::EventType::Forwarded,
                                    core::payload::forwarded(QStringLiteral("市场监管局")), clerk)
                            .ok());
        }
    };
    test::TempStore office(now);
    prepare(office, QStringLiteral("backoffice"), QStringLiteral("市场监管局"));
    const test::CtlRun queue = test::runCtlAt(
        now, office.path(),
        {QStringLiteral("case"), QStringLiteral("list"), QStringLiteral("--backoffice")});
    CHECK(queue.exitCode == 0);
    CHECK(queue.out.contains(QStringLiteral("甲")));
    CHECK_FALSE(queue.out.contains(QStringLiteral("乙")));
    CHECK(queue.err.contains(QStringLiteral("共 1 件")));

    test::TempStore window(now);
    prepare(window, QStringLiteral("window"), QString());
    const test::CtlRun refused = test::runCtlAt(
        now, window.path(),
        {QStringLiteral("case"), QStringLiteral("list"), QStringLiteral("--backoffice")});
    CHECK(refused.exitCode == 1);
    CHECK(refused.err.contains(QStringLiteral("本工作站不是后台工作站（登记角色为 window）")));
    const test::CtlRun named = test::runCtlAt(
        now, window.path(),
        {QStringLiteral("case"), QStringLiteral("list"), QStringLiteral("--forwarded-to"),
         QStringLiteral("市场监管局"), QStringLiteral("--json")});
    CHECK(named.exitCode == 0);
    CHECK(named.out.contains(QStringLiteral("甲")));
    CHECK_FALSE(named.out.contains(QStringLiteral("乙")));
}

TEST_CASE("Back offices: onewindowctl case act forwarded --to at an enrolled window takes only one "
          "of the hall's back offices, naming them when refused (exit 2); an island hall takes any "
          "text")
{
    const QString social = QStringLiteral("人力资源和社会保障后台审批组");
    const QString market = QStringLiteral("市场监管后台审批组");
    // An accepted case of a store, its number; the store enrolled when `hall` says so, and the
    // hall's list (`offices`) pulled. Written at the real time, as the ctl writes.
    auto prepare = [&](test::HallFixture& h, bool hall, const QStringList& offices) {
        auto clerk = store::UserRepository(*h.store).create(
            QStringLiteral("zhangsan"), QStringLiteral("张三"), core::Role::Clerk,
            QStringLiteral("W07"), QStringLiteral("clerk-password-7"));
        REQUIRE(clerk.ok());
        if (hall) {
            REQUIRE(test::enrolWithoutServer(*h.store).ok());
            store::PulledMaster master;
            master.backOffices = offices;
            REQUIRE(store::SyncRepository(*h.cases).applyPull({}, 5, master).ok());
        }
        auto r = h.cases->receive(h.intake(), clerk->userId);
        REQUIRE(r.ok());
        REQUIRE(h.cases
                    ->append(r->event.caseId, core::EventType::Accepted, core::payload::accepted(),
                             clerk->userId)
                    .ok());
        return r->state.caseNumber;
    };
    const auto forward = [&](test::HallFixture& h, const QString& number, const QString& to) {
        return test::runCtl(h.path(), {QStringLiteral("case"), QStringLiteral("act"), number,
                                       QStringLiteral("forwarded"), QStringLiteral("--as"),
                                       QStringLiteral("zhangsan"), QStringLiteral("--to"), to});
    };
    const auto queue = [&](test::HallFixture& h, const QString& to) {
        return test::runCtl(h.path(),
                            {QStringLiteral("case"), QStringLiteral("list"),
                             QStringLiteral("--forwarded-to"), to, QStringLiteral("--json")});
    };

    test::HallFixture window;
    const QString number = prepare(window, true, {social, market});
    const test::CtlRun typo = forward(window, number, QStringLiteral("人社后台审批组"));
    CHECK(typo.exitCode == 2);
    CHECK(typo.err.contains(
        QStringLiteral("“人社后台审批组”不是本大厅的后台科室，请从以下科室中"
                       "选择：人力资源和社会保障后台审批组、市场监管后台审批组")));
    CHECK_FALSE(queue(window, QStringLiteral("人社后台审批组")).out.contains(number));
    const test::CtlRun chosen = forward(window, number, social);
    INFO(chosen.err.toStdString());
    CHECK(chosen.exitCode == 0);
    CHECK(chosen.out.contains(social));
    CHECK(queue(window, social).out.contains(number));

    test::HallFixture empty; // enrolled, the hall lists no back office yet
    const QString waiting = prepare(empty, true, {});
    const test::CtlRun none = forward(empty, waiting, social);
    CHECK(none.exitCode == 2);
    CHECK(none.err.contains(QStringLiteral("本大厅尚未登记后台科室，无法移交")));
    CHECK_FALSE(queue(empty, social).out.contains(waiting));

    test::HallFixture island; // no server: the back office is written as text
    const QString own = prepare(island, false, {});
    CHECK(forward(island, own, QStringLiteral("本中心审批科")).exitCode == 0);
    CHECK(queue(island, QStringLiteral("本中心审批科")).out.contains(own));
}

// Issue 18, the back office's queue as onewindowctl prints it: the cases the windows forwarded
// (移交后台) to this back office's department.
#include "ctl/CtlRunner.h"
#include "store/CaseStore.h"
#include "store/CatalogRepository.h"
#include "support/CatalogFixtures.h"
#include "support/EnrolledStore.h"
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

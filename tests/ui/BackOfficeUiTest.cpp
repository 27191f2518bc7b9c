// Issue 18, the back office: a workstation enrolled as a department's back office has the cases
// the windows forwarded to it as its queue.
#include "store/CalendarRepository.h"
#include "store/CaseStore.h"
#include "store/CatalogRepository.h"
#include "store/HallConfig.h"
#include "store/UserRepository.h"
#include "support/CatalogFixtures.h"
#include "support/EnrolledStore.h"
#include "support/TempStore.h"
#include "support/TestSupport.h"
#include "ui/CaseRowModel.h"
#include "ui/MainWindow.h"

#include "ui/QueuePage.h"
#include <QStatusBar>

#include <catch2/catch.hpp>

#include <QTabWidget>

using namespace onewindow;

namespace {

const QDateTime kNow(QDate(2026, 12, 7), QTime(2, 0), Qt::UTC);

} // namespace

TEST_CASE("Back office: a workstation enrolled as a department's back office lists the cases "
          "forwarded to it in place of the clerk's own")
{
    test::TempStore s{kNow};
    const core::ServiceItem item = test::licenceItem();
    REQUIRE(store::CatalogRepository(*s.store).importItems({item}, QStringLiteral("t")).ok());
    auto admin = store::UserRepository(*s.store).create(
        QStringLiteral("admin"), QStringLiteral("王管理"), core::Role::Administrator, QString(),
        QStringLiteral("admin-password-7"));
    REQUIRE(admin.ok());
    REQUIRE(test::enrolWithoutServer(*s.store, QStringLiteral("http://127.0.0.1:1"),
                                     QStringLiteral("backoffice"), QStringLiteral("市场监管局"))
                .ok());
    store::CaseStore cases(*s.store);
    const QString clerk = QStringLiteral("clerk-w07-1"); // a window's clerk took them in
    QStringList ids;
    for (const QString& to : {QStringLiteral("市场监管局"), QStringLiteral("税务局"), QString()}) {
        core::ReceivedInput in = test::completeApplication(item);
        auto r = cases.receive(in, clerk);
        REQUIRE(r.ok());
        REQUIRE(cases
                    .append(r->event.caseId, core::EventType::Accepted, core::payload::accepted(),
                            clerk)
                    .ok());
        if (!to.isEmpty())
            REQUIRE(cases
                        .append(r->event.caseId, core::EventType::Forwarded,
                                core::payload::forwarded(to), clerk)
                        .ok());
        ids.append(r->event.caseId);
    }
    auto notices = store::CalendarRepository(*s.store).loadNotices();
    REQUIRE(notices.ok());
    ui::MainWindow window(*s.store, s.clock, core::WorkingCalendar(*notices));
    window.setSignedIn(*admin, *store::HallConfigRepository(*s.store).load());
    window.resize(1200, 700);
    window.show();
    ui::QueuePage* queue = window.queuePage();
    CHECK(queue->backOffice() == QStringLiteral("市场监管局"));
    REQUIRE(queue->model()->rowCount() == 1);
    // The department's name heads its queue as it is, nothing added (issue 18: a demo
    // department named …后台审批组 read "…后台审批组后台待办").
    CHECK(
        queue->summary().startsWith(QStringLiteral("市场监管局：移交来的待审批办件 1 件 · 红牌 ")));
    CHECK(queue->model()->rowAt(0)->caseId == ids[0]);
    auto* tabs = window.findChild<QTabWidget*>();
    REQUIRE(tabs);
    CHECK(tabs->tabText(tabs->indexOf(queue)) != QStringLiteral("&My cases"));
    // Its clerk is named as deciding for the department at a back-office station, not as a
    // window clerk at a window.
    const QString who = window.statusBar()->currentMessage();
    INFO(who.toStdString());
    CHECK(who.contains(QStringLiteral("（市场监管局）")));
    CHECK(who.contains(QStringLiteral("后台工作站")));
    CHECK_FALSE(who.contains(QStringLiteral("窗口")));
    window.grab().save(test::screenshotPath("backoffice-queue"));
}

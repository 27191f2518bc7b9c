// Decision 7 at the window (docs/sync-protocol.md "Clocks"): the events the hall's server flagged
// for their time show in the supervisor's 时间存疑的记录 (window, case number, the record, its own
// time beside the server's receipt, the reason; Enter opens the case) and are marked ⚠ on the
// case's timeline with the reason. The hall's answers are given as the server gives them (a
// pulled page with its `time_flag`) through store::SyncRepository; tests/sync/ClockFlagSyncTest
// has the same against a server.
#include "ui/KeysFixture.h"

#include "core/ClockOffset.h"
#include "core/Event.h"
#include "store/CalendarRepository.h"
#include "store/UserRepository.h"
#include "support/HallFixture.h"
#include "support/HallVerdicts.h"
#include "support/TestSupport.h"
#include "ui/CaseView.h"
#include "ui/MainWindow.h"
#include "ui/RecordModel.h"
#include "ui/SupervisorPage.h"

#include <catch2/catch.hpp>

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QListWidget>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

using namespace onewindow;
using core::EventType;

TEST_CASE(
    "Decision 7: the supervisor's 时间存疑的记录 lists a flagged record with its window, case "
    "number, type, both times and the reason, and opens the case; the timeline marks it")
{
    test::HallFixture w07, w08;
    auto wang = store::UserRepository(*w08.store)
                    .create(QStringLiteral("wangdu"), QStringLiteral("王督查"),
                            core::Role::Supervisor, QString(), QStringLiteral("clerk-password-7"));
    REQUIRE(wang.ok());
    test::enrolWindow(w07, QStringLiteral("W07"));
    test::enrolWindow(w08, QStringLiteral("W08"));
    test::HallVerdicts hall;
    // W07's clock ran 10 minutes ahead: its record says 10:10, the server received it at 10:00.
    w07.setNow("2026-09-18", "10:10");
    auto taken = w07.cases->receive(w07.intake(), QStringLiteral("clerk-1"));
    REQUIRE(taken.ok());
    auto other =
        w07.cases->receive(w07.intake(false, QStringLiteral("李四")), QStringLiteral("clerk-1"));
    REQUIRE(other.ok());
    hall.push(w07);
    REQUIRE(hall.log.size() == 2);
    hall.log[0].timeFlag = core::sync::EventTimeFlag{
        QString::fromLatin1(core::sync::kTimeAfterReceipt),
        core::sync::eventTimeFlagText(QString::fromLatin1(core::sync::kTimeAfterReceipt)),
        QStringLiteral("W07"), QStringLiteral("2026-09-18T02:00:00.000Z"),
        QStringLiteral("2026-09-18T01:30:00.000Z")};
    hall.pull(w08);
    hall.pull(w08); // pulled again (a page resent): still one flag
    CHECK(w08.count(QStringLiteral("SELECT count(*) FROM placement_time_flags")) == 1);

    using Page = ui::SupervisorPage;
    Page page(*w08.store);
    page.setSupervisor(*w08.cases, *wang, ui::DocumentPrinting{});
    page.resize(1300, 500);
    page.show();
    ui::RecordModel* list = page.listModel(Page::TimeFlagsTab);
    QAbstractItemModelTester tester(list, QAbstractItemModelTester::FailureReportingMode::Warning);
    REQUIRE(list->rowCount() == 1);
    const ui::RecordModel::Record* r = list->recordAt(0);
    CHECK(r->caseId == taken->event.caseId);
    CHECK(r->cells ==
          QStringList{QStringLiteral("1"), QStringLiteral("W07"), taken->state.caseNumber,
                      core::eventTypeName(EventType::Received),
                      QStringLiteral("2026-09-18 10:10:00"), QStringLiteral("2026-09-18 10:00:00"),
                      QStringLiteral("记录时间晚于服务器收到的时间：工作站时钟可能偏快")});
    QTabWidget* tabs = page.tabs();
    CHECK(tabs->tabText(Page::TimeFlagsTab).startsWith(QStringLiteral("时间存疑的记录")));
    tabs->setCurrentIndex(Page::TimeFlagsTab);
    auto* view = qobject_cast<QTableView*>(tabs->currentWidget());
    REQUIRE(view);
    view->setFocus();
    view->setCurrentIndex(list->index(0, 0));
    QSignalSpy opened(&page, &Page::openCase);
    QTest::keyClick(view, Qt::Key_Return);
    REQUIRE(opened.count() == 1);
    CHECK(opened.first().first().toString() == taken->event.caseId);
    page.grab().save(test::screenshotPath("supervisor-time-flags"));

    // The case's timeline: the flagged receipt marked, the reason and both times in its tooltip;
    // the other case's receipt is not.
    const auto timelineOf = [&](const QString& caseId) {
        ui::CaseView caseView(*w08.cases, *wang, caseId, QDate(2026, 9, 18));
        auto* timeline = caseView.findChild<QListWidget*>(QStringLiteral("timelineList"));
        REQUIRE(timeline);
        QList<std::pair<QString, QString>> lines;
        for (int i = 0; i < timeline->count(); ++i)
            lines.append({timeline->item(i)->text(), timeline->item(i)->toolTip()});
        return lines;
    };
    const auto flagged = timelineOf(taken->event.caseId);
    REQUIRE_FALSE(flagged.isEmpty());
    CHECK(flagged.first().first.startsWith(QStringLiteral("⚠ 2026-09-18 10:10")));
    CHECK(flagged.first().second.contains(QStringLiteral("工作站时钟可能偏快")));
    CHECK(flagged.first().second.contains(QStringLiteral("2026-09-18 10:00:00")));
    for (const auto& [text, tip] : timelineOf(other->event.caseId))
        CHECK_FALSE(text.contains(QStringLiteral("⚠")));
}

TEST_CASE("时间存疑的记录 has its Alt letter: in the window as an administrator sees it, Alt+U "
          "from another page is 大厅督办, and on that page it opens the tab from any other tab")
{
    using Page = ui::SupervisorPage;
    test::KeysDesk d;
    const store::User admin = d.user(QStringLiteral("admin"), QStringLiteral("demo-admin"));
    auto notices = store::CalendarRepository(*d.store).loadNotices();
    REQUIRE(notices.ok());
    ui::MainWindow window(*d.store, d.clock, core::WorkingCalendar(*notices));
    window.setSignedIn(admin, d.config);
    window.resize(1200, 800);
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    QApplication::setActiveWindow(&window);
    auto* page = window.findChild<Page*>();
    REQUIRE(page);
    QTabWidget* tabs = page->tabs();
    // The letter the clerk sees is the translation's.
    CHECK(tabs->tabText(Page::TimeFlagsTab) == QStringLiteral("时间存疑的记录(&U)"));

    // The key is the window's 大厅督办 while another page shows, and lent to the page's tab while
    // the page shows (Qt would hand a key two owners share to each in turn).
    const int hostIndex = window.tabs()->indexOf(page);
    QTest::keyClick(test::keyTarget(&window), Qt::Key_1, Qt::AltModifier); // the queue
    REQUIRE(window.tabs()->currentWidget() != page);
    CHECK(window.tabs()->tabText(hostIndex) == QStringLiteral("大厅督办(&U)"));
    QTest::keyClick(test::keyTarget(&window), Qt::Key_U, Qt::AltModifier);
    CHECK(window.tabs()->currentWidget() == page);
    CHECK(window.tabs()->tabText(hostIndex) == QStringLiteral("大厅督办(U)"));
    CHECK(tabs->currentIndex() == Page::BoardTab);
    for (const Page::Tab from : {Page::BoardTab, Page::ApprovalsTab, Page::RejectedTab}) {
        for (int press = 0; press < 2; ++press) { // one press each time, however often
            tabs->setCurrentIndex(from);
            QTest::keyClick(test::keyTarget(&window), Qt::Key_U, Qt::AltModifier);
            CHECK(window.tabs()->currentWidget() == page);
            CHECK(tabs->currentIndex() == Page::TimeFlagsTab);
        }
    }
    QTest::keyClick(test::keyTarget(&window), Qt::Key_1, Qt::AltModifier);
    CHECK(window.tabs()->tabText(hostIndex) == QStringLiteral("大厅督办(&U)"));
    QTest::keyClick(test::keyTarget(&window), Qt::Key_U, Qt::AltModifier);
    CHECK(window.tabs()->currentWidget() == page);
}

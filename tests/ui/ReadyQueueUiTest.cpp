// Issue 18, 综合窗口出件: the window's 待出件 queue, by keyboard.
#include "store/CalendarRepository.h"
#include "store/HallConfig.h"
#include "store/UserRepository.h"
#include "support/ReadyHall.h"
#include "support/TestSupport.h"
#include "ui/MainWindow.h"
#include "ui/ReadyPage.h"
#include "ui/RecordModel.h"

#include <catch2/catch.hpp>

#include <QAbstractItemModelTester>
#include <QAction>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

using namespace onewindow;

TEST_CASE("Ready for pick-up: the window's 待出件 tab lists the results ready, the longest "
          "waiting first; Enter opens the case")
{
    test::ReadyHall hall;
    auto clerk = store::UserRepository(*hall.store)
                     .create(QStringLiteral("zhangsan"), QStringLiteral("张三"), core::Role::Clerk,
                             QStringLiteral("W07"), QStringLiteral("clerk-password-7"));
    REQUIRE(clerk.ok());
    auto notices = store::CalendarRepository(*hall.store).loadNotices();
    REQUIRE(notices.ok());
    ui::MainWindow window(*hall.store, hall.clock, core::WorkingCalendar(*notices));
    auto config = store::HallConfigRepository(*hall.store).loadOrDefaults();
    REQUIRE(config.ok());
    window.setSignedIn(*clerk, *config);
    window.resize(1200, 700);
    window.show();
    ui::ReadyPage* page = window.readyPage();
    auto* tabs = window.findChild<QTabWidget*>();
    REQUIRE(tabs);
    const int index = tabs->indexOf(page);
    REQUIRE(index >= 0);
    // Reached by keyboard: the View menu's Alt+6 goes to the tab and focuses its list.
    QAction* go = nullptr;
    for (QAction* a : window.findChildren<QAction*>())
        if (a->shortcut() == QKeySequence(Qt::ALT | Qt::Key_6))
            go = a;
    REQUIRE(go);
    go->trigger();
    CHECK(tabs->currentIndex() == index);
    CHECK(window.focusWidget() == page->view());
    QAbstractItemModelTester tester(page->model(),
                                    QAbstractItemModelTester::FailureReportingMode::Warning);
    REQUIRE(page->model()->rowCount() == hall.expected.size());
    for (int row = 0; row < page->model()->rowCount(); ++row)
        CHECK(page->model()->recordAt(row)->cells.at(0) == hall.expected.at(row));
    CHECK(page->model()->recordAt(0)->cells.at(4) == QStringLiteral("2026-09-21 09:30"));
    CHECK(page->summary().contains(QStringLiteral("3")));
    window.grab().save(test::screenshotPath("ready-for-pickup"));

    // The list has the focus and a current row: ↓ and Enter at once. Opening is asked for (the
    // case view itself is modal; the signal is what the window connects).
    QSignalSpy opened(page, &ui::ReadyPage::openCase);
    QObject::disconnect(page, &ui::ReadyPage::openCase, &window, nullptr);
    page->view()->setFocus();
    QTest::keyClick(page->view(), Qt::Key_Down);
    QTest::keyClick(page->view(), Qt::Key_Return);
    REQUIRE(opened.count() == 1);
    const auto* second = page->model()->recordAt(1);
    REQUIRE(second);
    CHECK(opened.first().first().toString() == second->caseId);
}

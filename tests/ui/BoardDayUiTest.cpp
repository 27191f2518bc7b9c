// Issue 16, the supervisor's side of the clerk's day: the overdue wording on every screen, the
// board's columns and groups, where each role starts and the window's size.
#include "support/CatalogFixtures.h"
#include "support/ClerkHall.h"
#include "support/TestSupport.h"

#include "core/CaseClocks.h"
#include "core/CasePayloads.h"
#include "core/Clock.h"
#include "store/CalendarRepository.h"
#include "store/CaseQueries.h"
#include "store/CaseStore.h"
#include "store/HallConfig.h"
#include "store/Store.h"
#include "store/UserRepository.h"
#include "ui/BoardModel.h"
#include "ui/CaseClocksModel.h"
#include "ui/CaseRowModel.h"
#include "ui/MainWindow.h"
#include "ui/SupervisorPage.h"

#include <QAbstractItemModelTester>
#include <QHeaderView>
#include <QScrollBar>
#include <QStyle>
#include <QTabWidget>
#include <QTest>
#include <QTreeView>

#include <cstdlib>

using namespace onewindow;
using core::WarningLevel;

namespace {

// The demo hall with its clerk and supervisor; every case it receives is accepted at once.
struct DemoHall : test::ClerkHall
{
    store::User supervisor = user(QStringLiteral("lisi"), QStringLiteral("demo-supervisor"));

    QString receive() { return ClerkHall::receive(true); }
    QList<core::CaseClock> clocks(const QString& id)
    {
        auto loaded = cases->load(id);
        REQUIRE(loaded.ok());
        auto c = core::clocksOf(loaded->state, loaded->context, today());
        REQUIRE(c.ok());
        return *c;
    }
};

} // namespace

TEST_CASE("Overdue wording: the board and the case page say 已超期 N with the level, never 剩余 0 "
          "beside 红牌")
{
    DemoHall h;
    const QString id = h.receive();
    // 食品经营许可's promised limit has run out well before 2026-11-21, a Saturday.
    h.at("2026-11-21");
    const QList<core::CaseClock> clocks = h.clocks(id);
    ui::CaseClocksModel caseClocks;
    caseClocks.setClocks(clocks);
    int red = 0;
    for (int row = 0; row < caseClocks.rowCount(); ++row) {
        const QString standing =
            caseClocks.index(row, ui::CaseClocksModel::DaysLeftColumn).data().toString();
        CHECK_FALSE(standing.contains(QStringLiteral("剩余 0")));
        if (clocks[row].clock.status.level == WarningLevel::Red) {
            ++red;
            CHECK(standing.startsWith(QStringLiteral("已超期 ")));
            CHECK_FALSE(standing.contains(QStringLiteral("已超期 0")));
        }
    }
    CHECK(red > 0);

    ui::SupervisorPage page(*h.store);
    page.setSupervisor(*h.cases, h.supervisor, ui::DocumentPrinting{});
    ui::BoardModel* m = page.boardModel();
    REQUIRE(m->rowCount() == 1);
    const QString promised = m->index(0, ui::BoardModel::PromisedColumn).data().toString();
    CHECK(promised.contains(QStringLiteral("红牌"))); // the level in words, not only red
    CHECK(promised.contains(QStringLiteral("已超期 ")));
    CHECK_FALSE(promised.contains(QStringLiteral("已超期 0")));
    CHECK_FALSE(promised.contains(QStringLiteral("临时"))); // a 2026 date of an official year
}

TEST_CASE("Overdue wording: the queue marks a due date provisional by its own clock only")
{
    DemoHall h;
    h.at("2026-12-22"); // promised (5) ends in 2026, statutory (10) runs into provisional 2027
    const QString id = h.receive();
    bool statutoryProvisional = false;
    for (const core::CaseClock& c : h.clocks(id))
        if (c.kind == core::ClockKind::Statutory)
            statutoryProvisional = c.clock.provisional;
    REQUIRE(statutoryProvisional);
    auto rows = store::CaseQueries(*h.store).clerkOpen(h.clerk.userId, h.today(), 100);
    REQUIRE(rows.ok());
    REQUIRE(rows->size() == 1);
    REQUIRE(rows->first().dueDate.year() == 2026);
    ui::CaseRowModel queue;
    queue.setRows(*rows, h.today());
    const QString due = queue.index(0, ui::CaseRowModel::DueColumn).data().toString();
    CHECK(due.startsWith(QStringLiteral("2026年")));
    CHECK_FALSE(due.contains(QStringLiteral("临时")));
}

TEST_CASE("The board: sensible column widths remembered per user, groups collapsed to their counts "
          "with red first, grouped rows keep the warning text; it reads only what changed")
{
    DemoHall h;
    h.receive();
    h.at("2026-10-20");
    h.receive();
    h.receive();
    h.at("2026-11-20");
    {
        ui::SupervisorPage page(*h.store);
        page.resize(1600, 900);
        page.setSupervisor(*h.cases, h.supervisor, ui::DocumentPrinting{});
        page.show();
        QTreeView* view = page.boardView();
        const QFontMetrics fm = view->fontMetrics();
        // 事项 gets room for a long item name; the notice column no more than a clock column.
        CHECK(view->columnWidth(ui::BoardModel::ItemColumn) >=
              fm.horizontalAdvance(QStringLiteral("不动产抵押权首次登记（一般抵押）")));
        CHECK(view->columnWidth(ui::BoardModel::NoticeColumn) <=
              view->columnWidth(ui::BoardModel::StatutoryColumn));
        // The supervisor's choice (事项 and 申请人 take what the others leave).
        view->header()->resizeSection(ui::BoardModel::StatusColumn, 377);

        page.setGrouping(2); // by clerk
        ui::BoardModel* m = page.boardModel();
        REQUIRE(m->rowCount() >= 1);
        CHECK_FALSE(view->isExpanded(m->index(0, 0))); // collapsed to its counts
        CHECK(m->index(0, 0).data().toString().contains(QStringLiteral("红牌")));
        const QModelIndex firstCase = m->index(0, ui::BoardModel::LevelColumn, m->index(0, 0));
        CHECK(firstCase.data().toString() == core::warningLevelName(WarningLevel::Red));
        view->expand(m->index(0, 0));
        page.setGrouping(7); // by level: red first
        CHECK(
            m->index(0, 0).data().toString().startsWith(core::warningLevelName(WarningLevel::Red)));
        page.setGrouping(0);

        // One more case: the board reads only it, and shows it; the widths stay the supervisor's.
        view->header()->resizeSection(ui::BoardModel::StatutoryColumn, 150);
        const int before = static_cast<int>(m->shownRows().size());
        h.receive();
        page.refresh();
        CHECK(m->shownRows().size() == before + 1);
        CHECK(view->columnWidth(ui::BoardModel::StatusColumn) == 377);
        CHECK(view->columnWidth(ui::BoardModel::StatutoryColumn) == 150);
        page.grab().save(test::screenshotPath("board-columns"));
    }
    ui::SupervisorPage again(*h.store);
    again.setSupervisor(*h.cases, h.supervisor, ui::DocumentPrinting{});
    CHECK(again.boardView()->columnWidth(ui::BoardModel::StatusColumn) == 377);
    store::UserRepository users(*h.store);
    const auto admin = users.signIn(QStringLiteral("admin"), QStringLiteral("demo-admin"));
    REQUIRE(admin.ok());
    { // another person keeps their own widths
        ui::SupervisorPage theirs(*h.store);
        theirs.setSupervisor(*h.cases, *admin, ui::DocumentPrinting{});
        CHECK(theirs.boardView()->columnWidth(ui::BoardModel::StatusColumn) != 377);
    }
    // One after the other on the same window: the next person's default widths are not saved as
    // the widths of the one before.
    again.setSupervisor(*h.cases, *admin, ui::DocumentPrinting{});
    CHECK(again.boardView()->columnWidth(ui::BoardModel::StatusColumn) != 377);
    again.setSupervisor(*h.cases, h.supervisor, ui::DocumentPrinting{});
    CHECK(again.boardView()->columnWidth(ui::BoardModel::StatusColumn) == 377);
}

TEST_CASE("The main window opens maximised, then at the size it was closed at; a supervisor starts "
          "on the board")
{
    DemoHall h;
    auto notices = store::CalendarRepository(*h.store).loadNotices();
    REQUIRE(notices.ok());
    const store::HallConfig config = *store::HallConfigRepository(*h.store).load();
    {
        ui::MainWindow window(*h.store, h.clock, core::WorkingCalendar(*notices));
        window.setSignedIn(h.supervisor, config);
        CHECK(qobject_cast<ui::SupervisorPage*>(window.tabs()->currentWidget()));
        window.setSignedIn(h.clerk, config);
        CHECK_FALSE(qobject_cast<ui::SupervisorPage*>(window.tabs()->currentWidget()));
        window.showAtRememberedSize();
        CHECK(window.isMaximized());
        window.showNormal();
        window.setGeometry(40, 40, 1234, 777);
        QTest::qWait(20);
        REQUIRE(window.close());
    }
    ui::MainWindow window(*h.store, h.clock, core::WorkingCalendar(*notices));
    window.setSignedIn(h.clerk, config);
    window.showAtRememberedSize();
    CHECK_FALSE(window.isMaximized());
    CHECK(window.size() == QSize(1234, 777));
}

TEST_CASE("The board read again case by case with groups opened and closed, then the window "
          "closed: open groups stay open, no memory error")
{
    DemoHall h;
    h.receive();
    h.at("2026-10-20");
    h.receive();
    h.at("2026-11-20");
    h.receive();
    auto notices = store::CalendarRepository(*h.store).loadNotices();
    REQUIRE(notices.ok());
    const store::HallConfig config = *store::HallConfigRepository(*h.store).load();
    auto window =
        std::make_unique<ui::MainWindow>(*h.store, h.clock, core::WorkingCalendar(*notices));
    window->show();
    for (int signIn = 0; signIn < 3; ++signIn) // as bench_ui does: the page is set up again
        window->setSignedIn(h.supervisor, config);
    auto* page = qobject_cast<ui::SupervisorPage*>(window->tabs()->currentWidget());
    REQUIRE(page);
    QTreeView* view = page->boardView();
    ui::BoardModel* m = page->boardModel();
    QAbstractItemModelTester tester(m, QAbstractItemModelTester::FailureReportingMode::Warning);
    page->setGrouping(7); // by warning level: a red, a yellow and a normal group
    REQUIRE(m->rowCount() >= 2);
    const QString firstKey = m->groups().at(0).key;
    view->expand(m->index(0, 0));
    view->expand(m->index(1, 0));
    for (int round = 0; round < 4; ++round) {
        INFO(round);
        const int before = static_cast<int>(m->shownRows().size());
        h.receive(); // one more case: the board reads only it
        page->refresh();
        QTest::qWait(1); // let the view lay itself out and paint over the new rows
        view->viewport()->repaint();
        CHECK(m->shownRows().size() == before + 1);
        // The group that was open is open again, wherever it now stands.
        int at = -1;
        for (int g = 0; g < m->rowCount(); ++g)
            if (m->groups().at(g).key == firstKey)
                at = g;
        REQUIRE(at >= 0);
        CHECK(view->isExpanded(m->index(at, 0)) == (round % 2 == 0));
        CHECK(view->isFirstColumnSpanned(at, QModelIndex()));
        // A case made current first (that opens its group), then the group opened or closed.
        view->setCurrentIndex(m->index(0, ui::BoardModel::NumberColumn, m->index(at, 0)));
        if (round % 2 == 0)
            view->collapse(m->index(at, 0));
        else
            view->expand(m->index(at, 0));
        page->setFilterText(round % 2 == 0 ? QStringLiteral("红") : QString());
        page->setFilterText(QString());
    }
    page->setGrouping(0);
    h.receive();
    page->refresh();
    QTest::qWait(1);
    REQUIRE(window->close());
    window.reset(); // the board's view goes with the window (it crashed here)
}

TEST_CASE("The board at 1600 px: every column in view without scrolling sideways, each clock "
          "column as wide as its text, 事项 and 申请人 take the rest")
{
    DemoHall h;
    h.receive();
    h.at("2026-10-20");
    h.receive();
    h.at("2026-12-22"); // its statutory clock runs into provisional 2027 (marked 临时)
    h.receive();
    h.at("2026-12-23");
    auto notices = store::CalendarRepository(*h.store).loadNotices();
    REQUIRE(notices.ok());
    const store::HallConfig config = *store::HallConfigRepository(*h.store).load();
    // A supervisor who has not set widths of their own (the other tests' are kept per user).
    auto zhao = store::UserRepository(*h.store).create(
        QStringLiteral("zhaoliu"), QStringLiteral("赵六"), core::Role::Supervisor, QString(),
        QStringLiteral("demo-supervisor-2"));
    REQUIRE(zhao.ok());
    ui::MainWindow window(*h.store, h.clock, core::WorkingCalendar(*notices));
    window.resize(1600, 1000);
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    window.setSignedIn(*zhao, config);
    auto* page = qobject_cast<ui::SupervisorPage*>(window.tabs()->currentWidget());
    REQUIRE(page);
    QTest::qWait(1);
    QTreeView* view = page->boardView();
    ui::BoardModel* m = page->boardModel();
    REQUIRE(m->rowCount() == 3);
    const QFontMetrics fm = view->fontMetrics();
    // What a cell needs: its text and the view's margins on both sides.
    const auto widest = [&](int column) {
        int w =
            fm.horizontalAdvance(m->headerData(column, Qt::Horizontal, Qt::DisplayRole).toString());
        for (int row = 0; row < m->rowCount(); ++row)
            w = std::max(w, fm.horizontalAdvance(m->index(row, column).data().toString()));
        return w + 2 * view->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, view);
    };
    const int viewport = view->viewport()->width();
    INFO("viewport " << viewport << ", header " << view->header()->length());
    CHECK(viewport >= 1500);
    CHECK(view->header()->length() <= viewport);
    CHECK(view->horizontalScrollBar()->maximum() == 0);
    for (int c = 0; c < ui::BoardModel::ColumnCount; ++c) {
        INFO("column " << c << ": " << view->columnWidth(c) << " px, its text " << widest(c));
        CHECK(view->columnViewportPosition(c) + view->columnWidth(c) <= viewport);
        CHECK(view->columnWidth(c) >= widest(c)); // nothing cut off
    }
    for (int c : {ui::BoardModel::StatutoryColumn, ui::BoardModel::PromisedColumn,
                  ui::BoardModel::NoticeColumn}) {
        INFO("clock column " << c << ": " << view->columnWidth(c) << " px, its text " << widest(c));
        CHECK(view->columnWidth(c) <= widest(c) + fm.horizontalAdvance(QStringLiteral("00")));
    }
    // The room left goes to the item and the applicant: the columns end at the view's edge, and
    // the two share what the others leave.
    CHECK(view->header()->length() == viewport);
    CHECK(view->columnWidth(ui::BoardModel::ItemColumn) >=
          fm.horizontalAdvance(QStringLiteral("不动产抵押权首次登记（一般抵押）")));
    // Shared evenly: an odd pixel left over goes to one of them.
    CHECK(std::abs(view->columnWidth(ui::BoardModel::ApplicantColumn) -
                   view->columnWidth(ui::BoardModel::ItemColumn)) <= 1);
    window.grab().save(test::screenshotPath("board-1600"));
}

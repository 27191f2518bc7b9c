#include "support/CatalogFixtures.h"
#include "support/ClerkHall.h"
#include "support/TestSupport.h"

#include "core/CaseClocks.h"
#include "core/CasePayloads.h"
#include "core/Clock.h"
#include "core/DateText.h"
#include "demo/DemoCatalog.h"
#include "demo/DemoHall.h"
#include "store/CalendarRepository.h"
#include "store/CaseStore.h"
#include "store/CatalogRepository.h"
#include "store/HallConfig.h"
#include "store/Store.h"
#include "store/UserRepository.h"
#include "ui/BoardModel.h"
#include "ui/CaseView.h"
#include "ui/MainWindow.h"
#include "ui/QueuePage.h"
#include "ui/RecordModel.h"
#include "ui/SupervisionNotice.h"
#include "ui/SupervisionOrderDialog.h"
#include "ui/SupervisorPage.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeView>

using namespace onewindow;
using core::EventType;
using core::WarningLevel;
namespace payload = core::payload;
using Page = ui::SupervisorPage;

namespace {

struct Hall : test::ClerkHall
{
    store::User supervisor = user(QStringLiteral("lisi"), QStringLiteral("demo-supervisor"));
    store::User other = *store::UserRepository(*store).create(
        QStringLiteral("wangliu"), QStringLiteral("王六"), core::Role::Clerk, QStringLiteral("W08"),
        QStringLiteral("demo-clerk-2"));
    QList<std::pair<QString, core::DocumentKind>> printed;

    QString receive(const store::User& by, bool accept = true)
    {
        return ClerkHall::receive(accept, &by);
    }

    void open(Page& page)
    {
        page.setPrintHook([this](const QString& id, core::DocumentKind kind) {
            printed.append({id, kind});
        });
        page.setSupervisor(*cases, supervisor, ui::DocumentPrinting{});
    }

    std::optional<QDate> deadline(const QString& id, core::ClockKind kind)
    {
        auto loaded = cases->load(id);
        REQUIRE(loaded.ok());
        auto clocks = core::clocksOf(loaded->state, loaded->context, today());
        REQUIRE(clocks.ok());
        for (const core::CaseClock& c : *clocks)
            if (c.kind == kind)
                return c.clock.deadline;
        return std::nullopt;
    }
};

int levelOf(const QAbstractItemModel* m, int row, const QModelIndex& parent = {})
{
    return m->index(row, 0, parent).data(ui::BoardModel::LevelRole).toInt();
}

} // namespace

TEST_CASE("The board: red, then yellow (the notice clock too), then the rest; grouped with counts "
          "per group; filtered; Enter opens a case")
{
    Hall h;
    const QString a = h.receive(h.clerk);
    const QString b = h.receive(h.clerk);
    const QString c = h.receive(h.other);
    h.at("2026-11-23");
    const QString n = h.receive(h.clerk, false); // notice period ends 2026-11-30
    h.at("2026-11-30");
    h.receive(h.other);
    h.receive(h.clerk);

    Page page(*h.store);
    QAbstractItemModelTester tester(page.boardModel(),
                                    QAbstractItemModelTester::FailureReportingMode::Fatal);
    h.open(page);
    ui::BoardModel* m = page.boardModel();
    REQUIRE(m->rowCount() == 6);
    for (int row = 0; row < 3; ++row)
        CHECK(levelOf(m, row) == static_cast<int>(WarningLevel::Red));
    CHECK(levelOf(m, 3) == static_cast<int>(WarningLevel::Yellow));
    CHECK(m->index(3, 0).data(ui::BoardModel::CaseIdRole).toString() == n);
    CHECK(levelOf(m, 5) == static_cast<int>(WarningLevel::Normal));
    CHECK(page.countsLine().contains(ui::BoardModel::countsText(3, 1, 2)));
    CHECK(QStringList({a, b, c}).contains(
        m->index(0, 0).data(ui::BoardModel::CaseIdRole).toString()));

    page.setGrouping(2); // by clerk
    REQUIRE(m->rowCount() == 2);
    const QModelIndex mine = m->index(0, 0);
    CHECK(mine.data().toString().contains(h.clerk.displayName));
    CHECK(mine.data().toString().contains(ui::BoardModel::countsText(2, 1, 1)));
    CHECK(m->rowCount(mine) == 4);
    const QModelIndex theirs = m->index(1, 0);
    CHECK(theirs.data().toString().contains(QStringLiteral("王六")));
    CHECK(theirs.data().toString().contains(ui::BoardModel::countsText(1, 0, 1)));
    CHECK(levelOf(m, 0, theirs) == static_cast<int>(WarningLevel::Red));

    page.setFilterText(core::warningLevelName(WarningLevel::Red) + QStringLiteral(" 王六"));
    REQUIRE(m->rowCount() == 1);
    CHECK(m->rowCount(m->index(0, 0)) == 1);
    CHECK(page.countsLine().contains(ui::BoardModel::countsText(1, 0, 0)));
    page.setFilterText(QString());
    page.setGrouping(7); // by warning level: red, yellow, normal groups
    REQUIRE(m->rowCount() == 3);
    CHECK(m->rowCount(m->index(1, 0)) == 1);

    page.setGrouping(2);
    page.resize(1200, 600);
    page.show();
    page.grab().save(test::screenshotPath("supervisor-board"));

    // One keystroke: Enter on a case opens it.
    QSignalSpy opened(&page, &Page::openCase);
    const QModelIndex first = m->index(0, 0, m->index(1, 0));
    page.boardView()->setCurrentIndex(first);
    QTest::keyClick(page.boardView(), Qt::Key_Return);
    REQUIRE(opened.count() == 1);
    CHECK(opened.first().first().toString() == c);
}

TEST_CASE("A supervision order: checked in the dialog, then on the clerk's queue and the case, and "
          "printable as the supervision order")
{
    Hall h;
    const QString a = h.receive(h.clerk);
    const int eventsBefore = static_cast<int>(h.cases->events(a)->size());
    {
        ui::SupervisionOrderDialog dialog(*h.cases, h.supervisor, a, h.today(), {h.clerk, h.other},
                                          {QStringLiteral("W07"), QStringLiteral("W08")});
        dialog.setOrder(h.clerk.userId, {}, QString(), h.today().addDays(2));
        REQUIRE_FALSE(dialog.submit().ok()); // nothing to do written
        CHECK_FALSE(dialog.problem().isEmpty());
        dialog.setOrder({}, {}, QStringLiteral("请今日内办结"), h.today().addDays(2));
        REQUIRE_FALSE(dialog.submit().ok()); // nobody named
        dialog.setOrder(h.clerk.userId, {}, QStringLiteral("请今日内办结"), h.today().addDays(-1));
        REQUIRE_FALSE(dialog.submit().ok());               // due before today
        CHECK(h.cases->events(a)->size() == eventsBefore); // bad input changes nothing
        dialog.resize(560, 420);
        dialog.grab().save(test::screenshotPath("supervision-order"));
    }

    // Through the board: the dialog opens on the selected case; the order is printed after.
    Page page(*h.store);
    h.open(page);
    page.boardView()->setCurrentIndex(page.boardModel()->index(0, 0));
    bool filled = false;
    QTimer::singleShot(0, [&] {
        // No REQUIRE in here: it would throw through the dialog's exec() and Qt's event loop.
        auto* dialog = qobject_cast<ui::SupervisionOrderDialog*>(QApplication::activeModalWidget());
        if (!dialog) { // never leave the test waiting on a dialog nobody answers
            if (QWidget* modal = QApplication::activeModalWidget())
                modal->close();
            return;
        }
        dialog->setOrder(h.clerk.userId, QStringLiteral("W07"), QStringLiteral("请今日内办结"),
                         QDate(2026, 9, 22));
        filled = dialog->submit().ok();
        if (!filled)
            dialog->reject();
    });
    page.orderSupervision();
    REQUIRE(filled);
    REQUIRE(h.printed.size() == 1);
    CHECK(h.printed.first() == std::make_pair(a, core::DocumentKind::Supervision));
    auto state = h.cases->state(a);
    CHECK(state->supervisionOrders == 1);
    CHECK(state->supervisedBy == h.supervisor.userId);
    CHECK(page.listModel(Page::OrdersTab)->rowCount() == 1);

    // The clerk's queue shows it; another clerk's (at another window) does not.
    ui::QueuePage queue(*h.store);
    queue.setClerk(h.clerk, h.today());
    auto* orders = queue.findChild<ui::SupervisionOrdersList*>();
    REQUIRE(orders);
    CHECK(orders->caseIds() == QStringList{a});
    CHECK(orders->isVisibleTo(&queue));
    CHECK(orders->item(0)->text().contains(QStringLiteral("请今日内办结")));
    ui::QueuePage otherQueue(*h.store);
    otherQueue.setClerk(h.other, h.today());
    CHECK(otherQueue.findChild<ui::SupervisionOrdersList*>()->caseIds().isEmpty());
    queue.resize(1000, 500);
    queue.grab().save(test::screenshotPath("queue-supervised"));

    // The case says so, and the supervision order can be printed from it.
    ui::CaseView view(*h.cases, h.clerk, a, h.today());
    view.setPrinting(ui::DocumentPrinting{h.cases.get(), &h.clock, {}, h.clerk.userId, {}});
    CHECK(view.headerText().contains(QStringLiteral("请今日内办结")));
    CHECK(view.headerText().contains(core::chineseDate(QDate(2026, 9, 22))));
    CHECK(view.printableKinds().contains(core::DocumentKind::Supervision));

    // Once the case is closed the order is no longer open.
    REQUIRE(h.cases
                ->append(a, EventType::Decided, payload::decided(QStringLiteral("granted")),
                         h.clerk.userId)
                .ok());
    REQUIRE(h.cases
                ->append(a, EventType::Delivered,
                         payload::delivered(QStringLiteral("pickup"), QStringLiteral("王五")),
                         h.clerk.userId)
                .ok());
    queue.refresh();
    CHECK(orders->caseIds().isEmpty());
    CHECK_FALSE(orders->isVisibleTo(&queue));
}

TEST_CASE("The clerk answers a supervision order from the case (督办反馈): the order leaves the "
          "queue and the case says what was done, while the case goes on")
{
    Hall h;
    const QString a = h.receive(h.clerk);
    REQUIRE(h.cases
                ->append(a, EventType::Supervised,
                         payload::supervised(h.clerk.userId, {}, QStringLiteral("请电话联系申请人"),
                                             h.today().addDays(2)),
                         h.supervisor.userId)
                .ok());
    ui::QueuePage queue(*h.store);
    queue.setClerk(h.clerk, h.today());
    auto* orders = queue.findChild<ui::SupervisionOrdersList*>();
    REQUIRE(orders->caseIds() == QStringList{a});

    ui::CaseView view(*h.cases, h.clerk, a, h.today());
    REQUIRE(view.actions().contains(EventType::SupervisionAnswered)); // a clerk may answer
    const int before = static_cast<int>(h.cases->events(a)->size());
    auto blank = view.perform(EventType::SupervisionAnswered, {});
    REQUIRE_FALSE(blank.ok()); // the answer must say what was done
    CHECK(h.cases->events(a)->size() == before);
    REQUIRE(view.perform(EventType::SupervisionAnswered,
                         {{QStringLiteral("reply"), QStringLiteral("已电话联系，申请人周五补交")}})
                .ok());
    CHECK(view.headerText().contains(QStringLiteral("已电话联系，申请人周五补交")));
    CHECK_FALSE(view.actions().contains(EventType::SupervisionAnswered));
    CHECK(view.state().isOpen());
    view.resize(1000, 720);
    view.grab().save(test::screenshotPath("case-supervision-answered"));
    queue.refresh();
    CHECK(orders->caseIds().isEmpty());
    CHECK_FALSE(orders->isVisibleTo(&queue));
}

TEST_CASE(
    "行政许可法 Art. 42: the supervisor approves an extension (recorded, the clock moves, the "
    "notice printed) or rejects one with a reason")
{
    Hall h;
    const QString a = h.receive(h.clerk);
    const QString b = h.receive(h.clerk);
    REQUIRE(h.cases
                ->append(a, EventType::ExtensionRequested,
                         payload::extensionRequested(QStringLiteral("statutory"), 5,
                                                     QStringLiteral("需现场核查")),
                         h.clerk.userId)
                .ok());
    REQUIRE(h.cases
                ->append(b, EventType::ExtensionRequested,
                         payload::extensionRequested(QStringLiteral("promised"), 3,
                                                     QStringLiteral("补充核验")),
                         h.clerk.userId)
                .ok());
    const std::optional<QDate> before = h.deadline(a, core::ClockKind::Statutory);
    REQUIRE(before);

    Page page(*h.store);
    QAbstractItemModelTester tester(page.listModel(Page::ApprovalsTab),
                                    QAbstractItemModelTester::FailureReportingMode::Fatal);
    h.open(page);
    ui::RecordModel* list = page.listModel(Page::ApprovalsTab);
    REQUIRE(list->rowCount() == 2);
    page.tabs()->setCurrentIndex(Page::ApprovalsTab);
    page.resize(1200, 500);
    page.show();
    page.grab().save(test::screenshotPath("supervisor-approvals"));

    const int rowA = list->recordAt(0)->caseId == a ? 0 : 1;
    REQUIRE(page.approveExtension(rowA).ok());
    auto state = h.cases->state(a);
    REQUIRE(state->extensions.last().approved == true);
    CHECK(state->extensions.last().decidedBy == h.supervisor.userId);
    CHECK(h.deadline(a, core::ClockKind::Statutory) ==
          h.cases->calendar().nthWorkingDayAfter(*before, 5)->date);
    REQUIRE(h.printed.size() == 1);
    CHECK(h.printed.first() == std::make_pair(a, core::DocumentKind::Extension));
    ui::CaseView view(*h.cases, h.supervisor, a, h.today());
    view.setPrinting(ui::DocumentPrinting{h.cases.get(), &h.clock, {}, h.supervisor.userId, {}});
    CHECK(view.printableKinds().contains(core::DocumentKind::Extension));

    REQUIRE(list->rowCount() == 1);
    CHECK(list->recordAt(0)->caseId == b);
    const auto bEvents = h.cases->events(b)->size();
    REQUIRE_FALSE(page.refuseExtension(0, QStringLiteral("  ")).ok()); // a reason is required
    CHECK_FALSE(page.approvalMessage().isEmpty());
    CHECK(h.cases->events(b)->size() == bEvents);
    CHECK(h.cases->state(b)->pendingExtension());
    REQUIRE(page.refuseExtension(0, QStringLiteral("理由不充分")).ok());
    CHECK(h.cases->state(b)->extensions.last().approved == false);
    CHECK(list->rowCount() == 0);
    CHECK(h.printed.size() == 1); // nothing printed for a rejection
}

TEST_CASE("The supervision tab is there for supervisors and administrators, not for clerks")
{
    Hall h;
    auto notices = store::CalendarRepository(*h.store).loadNotices();
    REQUIRE(notices.ok());
    ui::MainWindow window(*h.store, h.clock, core::WorkingCalendar(*notices));
    const store::HallConfig config = *store::HallConfigRepository(*h.store).load();
    window.setSignedIn(h.clerk, config);
    CHECK_FALSE(window.tabs()->findChild<Page*>());
    window.setSignedIn(h.supervisor, config);
    auto* page = window.tabs()->findChild<Page*>();
    REQUIRE(page);
    CHECK(window.tabs()->isTabVisible(window.tabs()->indexOf(page)));
    window.setSignedIn(h.clerk, config);
    CHECK_FALSE(window.tabs()->isTabVisible(window.tabs()->indexOf(page)));
    CHECK(page->boardModel()->rowCount() == 0);
}

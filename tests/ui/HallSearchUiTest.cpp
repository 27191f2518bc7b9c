// Decision 11 at the window (docs/sync-workstation.md, "Older cases at the hall"): a window holding
// the hall's working set finds an older case through the queue's search at the hall's server,
// takes it in and opens it; a search with no hit, a refused one and a server gone are told, and
// nothing is stored; an island store offers no hall. A real server in this process (SQLite), the
// window driven by the keyboard, Chinese typed through the input method.
#include "sync/SyncHall.h"

#include "ui/KeysFixture.h"

#include "core/CasePayloads.h"
#include "store/CalendarRepository.h"
#include "store/HallConfig.h"
#include "store/SyncRepository.h"
#include "support/ClerkHall.h"
#include "support/TestSupport.h"
#include "ui/CaseRowModel.h"
#include "ui/CaseView.h"
#include "ui/HallHitModel.h"
#include "ui/HallSearchPanel.h"
#include "ui/MainWindow.h"
#include "ui/QueuePage.h"

#include <catch2/catch.hpp>

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QElapsedTimer>
#include <QInputMethodEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QTableView>
#include <QTest>

using namespace onewindow;

namespace {

const QString kHall = QStringLiteral("620102");

bool waitFor(const std::function<bool()>& done, int ms = 15000)
{
    QElapsedTimer t;
    t.start();
    while (!done()) {
        if (t.elapsed() > ms)
            return false;
        QTest::qWait(20);
    }
    return true;
}

QString take(test::SyncWindow& w)
{
    auto taken = w.hall.cases->receive(w.hall.intake(), test::kHallClerk);
    REQUIRE(taken.ok());
    return taken->event.caseId;
}

void refuse(test::SyncWindow& w, const QString& caseId)
{
    REQUIRE(w.hall.cases
                ->append(caseId, core::EventType::Refused,
                         core::payload::refused(QStringLiteral("not_competent"),
                                                QStringLiteral("不属于本机关职权范围"),
                                                QStringLiteral("兰州市市场监督管理局")),
                         test::kHallSupervisor)
                .ok());
}

// A hall whose new window W08 holds only its working set: W07 took `oldFinished` (refused) and
// `oldOpen` on day 0, and `recentFinished` (refused) three days later, all for the same applicant;
// the server counts one day as recent, so W08 holds `oldOpen` and `recentFinished` only.
struct OldHall
{
    std::unique_ptr<test::ServerFixture> server = std::make_unique<test::ServerFixture>();
    test::SyncWindow w07;
    test::SyncWindow w08;
    QString oldFinished, oldOpen, recentFinished;
    OldHall()
    {
        server->createHall(kHall);
        server->setWorkingSet(1, 1);
        w07.enrol(*server, QStringLiteral("W07"));
        oldFinished = take(w07);
        refuse(w07, oldFinished);
        oldOpen = take(w07);
        w07.syncNow();
        w07.hall.clock.set(test::syncWindowTime().addDays(3));
        recentFinished = take(w07);
        refuse(w07, recentFinished);
        w07.syncNow();
        w08.hall.clock.set(w07.hall.clock.nowUtc());
        server->clock().set(w08.hall.clock.nowUtc());
        w08.enrol(*server, QStringLiteral("W08"));
        w08.syncNow();
        REQUIRE_FALSE(holds(oldFinished));
        REQUIRE(holds(oldOpen));
    }
    bool holds(const QString& caseId) const
    {
        return w08.hall.count(
                   QStringLiteral("SELECT count(*) FROM events WHERE case_id = '%1'").arg(caseId)) >
               0;
    }
    // What the store holds of the hall: its events and cases.
    std::pair<int, int> held() const
    {
        return {w08.hall.count(QStringLiteral("SELECT count(*) FROM events")),
                w08.hall.count(QStringLiteral("SELECT count(*) FROM cases"))};
    }
    QString applicantId() const { return w08.hall.intake().applicant.idNumber; }
};

// The real main window on a store, its clerk signed in, shown and active.
struct Window
{
    std::unique_ptr<ui::MainWindow> window;
    ui::QueuePage* queue = nullptr;

    Window(store::Store& store, const core::Clock& clock, const store::User& clerk)
    {
        auto notices = store::CalendarRepository(store).loadNotices();
        REQUIRE(notices.ok());
        auto config = store::HallConfigRepository(store).load();
        REQUIRE(config.ok());
        window = std::make_unique<ui::MainWindow>(store, clock, core::WorkingCalendar(*notices));
        window->setSignedIn(clerk, *config);
        window->resize(1200, 800);
        window->show();
        REQUIRE(QTest::qWaitForWindowExposed(window.get()));
        QApplication::setActiveWindow(window.get());
        queue = window->queuePage();
    }
    // Ctrl+F, then the text as the keyboard or the input method gives it.
    void type(const QString& text)
    {
        QTest::keySequence(window.get(), QKeySequence(Qt::CTRL | Qt::Key_F));
        QLineEdit* edit = queue->searchEdit();
        REQUIRE(QApplication::focusWidget() == edit);
        edit->clear();
        QInputMethodEvent commit;
        commit.setCommitString(text);
        QCoreApplication::sendEvent(edit, &commit);
        REQUIRE(edit->text() == text);
    }
    void enter(Qt::KeyboardModifiers modifiers = Qt::NoModifier)
    {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return, modifiers);
    }
    ui::HallSearchPanel* panel() const { return queue->hallPanel(); }
    bool answered() const { return !panel()->busy(); }
};

store::User hallClerk(store::Store& store)
{
    auto clerk = store::UserRepository(store).byId(test::kHallClerk); // pulled from the hall
    REQUIRE(clerk.ok());
    return *clerk;
}

} // namespace

TEST_CASE("Hall search: a working-set window finds an old case at the hall by the applicant's ID "
          "number, takes it in with Enter, and the case view opens with its timeline")
{
    OldHall h;
    Window w(*h.w08.hall.store, h.w08.hall.clock, hallClerk(*h.w08.hall.store));
    REQUIRE(w.panel());
    QAbstractItemModelTester tester(w.panel()->model());
    CHECK(w.queue->hallButton()->isVisible());
    CHECK_FALSE(w.panel()->isVisible()); // nothing asked yet

    // Here: the two cases of the working set.
    w.type(h.applicantId());
    w.enter();
    CHECK(w.queue->model()->rowCount() == 2);
    CHECK(w.queue->summary().contains(QStringLiteral("Ctrl+Enter")));

    // Ctrl+Enter: the hall's server, asked off the window's thread (this thread also serves the
    // in-process server, so the answer cannot be there before the window is free again).
    w.enter(Qt::ControlModifier);
    CHECK(w.panel()->isVisible());
    CHECK(w.panel()->busy());
    CHECK(w.panel()->statusText().contains(QStringLiteral("正在大厅服务器（测试大厅 620102）")));
    REQUIRE(waitFor([&] { return w.answered(); }));
    INFO(w.panel()->statusText().toStdString());
    ui::HallHitModel* hits = w.panel()->model();
    REQUIRE(hits->rowCount() == 3);
    CHECK(w.panel()->statusText().contains(QStringLiteral("其中本机已有 2 件")));
    QStringList marks;
    for (int row = 0; row < 3; ++row)
        marks.append(hits->index(row, ui::HallHitModel::HeldColumn).data().toString());
    CHECK(marks.count(QStringLiteral("本机已有")) == 2);
    // The old case is the current row, with the keyboard on the hits.
    QTableView* list = w.panel()->view();
    const sync::HallHit* current = hits->hitAt(list->currentIndex().row());
    REQUIRE(current);
    CHECK(current->caseId == h.oldFinished);
    CHECK_FALSE(current->held);
    CHECK(current->itemName == h.w08.hall.item.name);
    CHECK(hits->index(list->currentIndex().row(), ui::HallHitModel::ReceivedColumn)
              .data()
              .toString() == QStringLiteral("2026-12-07"));
    CHECK(QApplication::focusWidget() == list);
    CHECK(w.panel()->takeButton()->text().contains(QStringLiteral("取回本机")));
    w.window->grab().save(test::screenshotPath("hall-search-hits"));

    // Enter: taken in whole, then opened as any case here, its timeline from the receipt on.
    QStringList timeline;
    bool opened = false;
    test::onNextModal(
        nullptr,
        [&](QWidget* modal) {
            auto* view = qobject_cast<ui::CaseView*>(modal);
            if (view) {
                opened = true;
                CHECK(view->state().status == core::CaseStatus::Refused);
                auto* entries = view->findChild<QListWidget*>(QStringLiteral("timelineList"));
                REQUIRE(entries);
                for (int i = 0; i < entries->count(); ++i)
                    timeline.append(entries->item(i)->text());
            }
            modal->close();
        },
        1500);
    w.enter();
    REQUIRE(waitFor([&] { return opened; }));
    INFO(timeline.join(QLatin1Char('\n')).toStdString());
    CHECK(timeline.size() >= 2);
    CHECK(timeline.join(QLatin1Char('\n')).contains(QStringLiteral("不予受理")));
    CHECK(h.holds(h.oldFinished));
    auto state = store::SyncRepository(*h.w08.hall.cases).state();
    REQUIRE(state.ok());
    CHECK((*state)->fetchedCases == 1);
    // Now held here: marked so, and Enter opens it without asking the hall.
    REQUIRE(waitFor([&] { return !QApplication::activeModalWidget(); }));
    CHECK(hits->hitAt(list->currentIndex().row())->held);
    CHECK(w.panel()->statusText().contains(QStringLiteral("已从大厅服务器取回办件")));

    // Esc: back to the search box and the queue, the hall's section gone.
    QApplication::setActiveWindow(w.window.get()); // the case view closed (offscreen: by hand)
    list->setFocus();
    QTest::keyClick(list, Qt::Key_Escape);
    CHECK(QApplication::focusWidget() == w.queue->searchEdit());
    QTest::keyClick(w.queue->searchEdit(), Qt::Key_Escape);
    CHECK_FALSE(w.panel()->isVisible());
}

TEST_CASE("Hall search: nothing here and nothing at the hall is said so (Enter again asks the "
          "hall); a text the server refuses is told with what to type")
{
    OldHall h;
    Window w(*h.w08.hall.store, h.w08.hall.clock, hallClerk(*h.w08.hall.store));
    const auto before = h.held();
    w.type(QStringLiteral("无此人"));
    w.enter();
    CHECK(w.queue->model()->rowCount() == 0);
    CHECK(w.queue->summary().contains(QStringLiteral("再按 Enter")));
    CHECK_FALSE(w.panel()->isVisible());
    w.enter(); // again: the hall's server
    CHECK(w.panel()->isVisible());
    REQUIRE(waitFor([&] { return w.answered(); }));
    CHECK(w.panel()->statusText().contains(QStringLiteral("也没有与“无此人”相符的办件")));
    CHECK(w.panel()->model()->rowCount() == 0);
    CHECK_FALSE(w.panel()->view()->isVisible());

    // The server's own rule on what it searches (search.bad_query, 400).
    w.type(QStringLiteral("张%"));
    w.enter(Qt::ControlModifier);
    REQUIRE(waitFor([&] { return w.answered(); }));
    INFO(w.panel()->statusText().toStdString());
    CHECK(w.panel()->statusText().contains(QStringLiteral("不能按此查找")));
    CHECK(w.panel()->statusText().contains(QStringLiteral("至多 64 个字符")));
    CHECK(h.held() == before);
}

TEST_CASE("Hall search: the hall's server gone, taking a case in and searching say what to do; "
          "the store is left as it was and the window answers meanwhile")
{
    OldHall h;
    Window w(*h.w08.hall.store, h.w08.hall.clock, hallClerk(*h.w08.hall.store));
    w.type(h.applicantId());
    w.enter(Qt::ControlModifier);
    REQUIRE(waitFor([&] { return w.answered(); }));
    REQUIRE(w.panel()->model()->rowCount() == 3);
    const auto before = h.held();

    h.server.reset(); // the hall's server stops
    bool opened = false;
    test::onNextModal(nullptr, [&](QWidget* modal) {
        opened = true;
        modal->close();
    });
    w.enter(); // take the old case in
    REQUIRE(waitFor([&] { return w.answered(); }));
    INFO(w.panel()->statusText().toStdString());
    CHECK(w.panel()->statusText().contains(QStringLiteral("未能从大厅服务器取回办件")));
    CHECK(w.panel()->statusText().contains(QStringLiteral("本机数据未改动")));
    QTest::qWait(100);
    CHECK_FALSE(opened);
    CHECK_FALSE(h.holds(h.oldFinished));
    CHECK(h.held() == before);
    CHECK_FALSE(w.panel()->model()->hitAt(w.panel()->view()->currentIndex().row())->held);

    // A new search: no server.
    w.type(QStringLiteral("张三"));
    w.enter(Qt::ControlModifier);
    REQUIRE(waitFor([&] { return w.answered(); }));
    INFO(w.panel()->statusText().toStdString());
    CHECK(w.panel()->statusText().contains(QStringLiteral("无法连接大厅服务器“测试大厅 620102”")));
    CHECK(w.panel()->statusText().contains(QStringLiteral("请检查网络连接后重试")));
    CHECK(w.panel()->model()->rowCount() == 0);
    CHECK(h.held() == before);
}

TEST_CASE("Hall search: an island store (no hall's server) offers no hall search")
{
    test::ClerkHall hall;
    Window w(*hall.store, hall.clock, hall.clerk);
    CHECK(w.queue->hallPanel() == nullptr);
    CHECK_FALSE(w.queue->hallButton()->isVisible());
    w.type(QStringLiteral("无此人"));
    w.enter();
    CHECK(w.queue->model()->rowCount() == 0);
    CHECK_FALSE(w.queue->summary().contains(QStringLiteral("大厅")));
    w.enter();
    w.enter(Qt::ControlModifier);
    CHECK(w.queue->hallPanel() == nullptr);
    CHECK_FALSE(w.queue->summary().contains(QStringLiteral("大厅")));
}

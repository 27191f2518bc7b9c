// Issue 18, decision 3 at the window: an own record the hall rejected shows on its case beside
// the record that stands, in the supervisor's 未生效记录 with the void letter to recall, and the
// clerk is told once (the status bar offscreen, where there is no tray), across a restart too.
// The hall's verdicts are given as the server gives them (a push's answers, a pulled page)
// through store::SyncRepository; tests/sync/RejectedSyncTest.cpp has the same against a server.
#include "core/CasePayloads.h"
#include "core/DocumentKind.h"
#include "core/SyncProtocol.h"
#include "store/CalendarRepository.h"
#include "store/HallConfig.h"
#include "store/RejectedRecords.h"
#include "store/SyncRepository.h"
#include "store/UserRepository.h"
#include "support/HallFixture.h"
#include "support/HallVerdicts.h"
#include "support/TestSupport.h"
#include "ui/CaseView.h"
#include "ui/MainWindow.h"
#include "ui/RecordModel.h"
#include "ui/SupervisorPage.h"
#include "ui/TrayNotifier.h"

#include <catch2/catch.hpp>

#include <QAbstractItemModelTester>
#include <QListWidget>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QUuid>

using namespace onewindow;
using core::EventType;
namespace payload = core::payload;

namespace {

store::User user(test::HallFixture& w, const char* login, const QString& name, core::Role role,
                 const QString& window)
{
    auto u = store::UserRepository(*w.store).create(QString::fromLatin1(login), name, role, window,
                                                    QStringLiteral("clerk-password-7"));
    REQUIRE(u.ok());
    return *u;
}

} // namespace

TEST_CASE("Decision 3 at the window: the loser's case shows its refusal beside the acceptance "
          "that stands and who made each, the letter void; the supervisor's 未生效记录 opens "
          "the case by keyboard; the clerk is told once, across a restart")
{
    test::HallFixture w07, w08;
    // The hall's users, as the pull brings them (made before enrolment: then the server is their
    // one author).
    const store::User zhang =
        user(w08, "zhangsan", QStringLiteral("张三"), core::Role::Clerk, QStringLiteral("W07"));
    const store::User li =
        user(w08, "lisi", QStringLiteral("李四"), core::Role::Clerk, QStringLiteral("W08"));
    const store::User wang =
        user(w08, "wangdu", QStringLiteral("王督查"), core::Role::Supervisor, QString());
    test::enrolWindow(w07, QStringLiteral("W07"));
    test::enrolWindow(w08, QStringLiteral("W08"));
    test::HallVerdicts hall;
    auto taken = w07.cases->receive(w07.intake(), zhang.userId);
    REQUIRE(taken.ok());
    const QString caseId = taken->event.caseId;
    hall.push(w07);
    hall.pull(w08);

    // Apart: 张三 at W07 accepts; 李四 at W08 refuses and prints the refusal decision.
    w07.setNow("2026-09-18", "10:20");
    auto accepted =
        w07.cases->append(caseId, EventType::Accepted, payload::accepted(), zhang.userId);
    REQUIRE(accepted.ok());
    w08.setNow("2026-09-18", "10:25");
    auto refused = w08.cases->append(caseId, EventType::Refused,
                                     payload::refused(QStringLiteral("not_competent"),
                                                      QStringLiteral("不属于本机关职权范围"),
                                                      QStringLiteral("兰州市市场监督管理局")),
                                     li.userId);
    REQUIRE(refused.ok());
    auto letter = w08.cases->recordPrint(caseId, core::DocumentKind::Refusal, 1, li.userId, {});
    REQUIRE(letter.ok());
    hall.push(w07);
    hall.push(w08, {{refused->event.eventId, accepted->event.eventId}});
    hall.pull(w08);
    REQUIRE(w08.cases->state(caseId)->status == core::CaseStatus::InProgress);

    auto notices = store::CalendarRepository(*w08.store).loadNotices();
    REQUIRE(notices.ok());
    const store::HallConfig config = *store::HallConfigRepository(*w08.store).load();
    {
        ui::MainWindow window(*w08.store, w08.clock, core::WorkingCalendar(*notices));
        QSignalSpy told(window.trayNotifier(), &ui::TrayNotifier::notified);
        window.setSignedIn(li, config);
        REQUIRE_FALSE(window.trayNotifier()->usesTray()); // offscreen: the status bar
        REQUIRE(told.count() == 1);
        const QString line = told.first().first().toString();
        CHECK(line.contains(taken->state.caseNumber));
        CHECK(line.contains(QStringLiteral("未生效：2026-09-18 10:25 李四（W08 窗口）")));
        CHECK(line.contains(QStringLiteral("生效的是 2026-09-18 10:20 张三（W07 窗口）")));
        CHECK(window.statusBar()->currentMessage().contains(QStringLiteral("未生效")));
        // The next tick tells nothing new.
        window.tick();
        CHECK(told.count() == 1);
        CHECK(w08.count(QStringLiteral("SELECT count(*) FROM rejection_notices")) == 1);

        // The case: the refusal that did not take effect beside the acceptance, the letter void.
        ui::CaseView view(*w08.cases, li, caseId, QDate(2026, 9, 18));
        view.resize(1000, 700);
        view.show();
        auto* timeline = view.findChild<QListWidget*>(QStringLiteral("timelineList"));
        REQUIRE(timeline);
        QStringList lines;
        for (int i = 0; i < timeline->count(); ++i)
            lines.append(timeline->item(i)->text());
        const QString all = lines.join(QLatin1Char('\n'));
        INFO(all.toStdString());
        CHECK(all.contains(QStringLiteral("未生效：2026-09-18 10:25 李四（W08 窗口）：不予受理")));
        CHECK(all.contains(QStringLiteral("生效的是 2026-09-18 10:20 张三（W07 窗口）：受理")));
        CHECK(all.contains(QStringLiteral("追回已发文书：不予受理决定书 %1").arg(letter->number)));
        CHECK(all.contains(QStringLiteral("本文书作废")));
        view.grab().save(test::screenshotPath("case-rejected-record"));
    }
    // A restart: nothing told again.
    {
        ui::MainWindow again(*w08.store, w08.clock, core::WorkingCalendar(*notices));
        QSignalSpy told(again.trayNotifier(), &ui::TrayNotifier::notified);
        again.setSignedIn(li, config);
        CHECK(told.isEmpty());
    }

    // The supervisor: 未生效记录, newest first, the void letter under its record; Enter opens.
    using Page = ui::SupervisorPage;
    Page page(*w08.store);
    page.setSupervisor(*w08.cases, wang, ui::DocumentPrinting{});
    page.resize(1200, 600);
    page.show();
    ui::RecordModel* list = page.listModel(Page::RejectedTab);
    QAbstractItemModelTester tester(list, QAbstractItemModelTester::FailureReportingMode::Warning);
    REQUIRE(list->rowCount() == 2);
    CHECK(list->recordAt(0)->caseId == caseId);
    CHECK(list->recordAt(0)->cells.at(0) == taken->state.caseNumber);
    CHECK(list->recordAt(0)->cells.at(1) == QStringLiteral("W08"));
    CHECK(list->recordAt(0)->cells.at(2).contains(QStringLiteral("不予受理")));
    CHECK(list->recordAt(0)->cells.at(4).contains(QStringLiteral("张三（W07 窗口）：受理")));
    CHECK(list->recordAt(1)->cells.at(2) ==
          QStringLiteral("追回已发文书：不予受理决定书 %1").arg(letter->number));
    QTabWidget* tabs = page.tabs();
    CHECK(tabs->tabText(Page::RejectedTab).contains(QStringLiteral("&")));
    tabs->setCurrentIndex(Page::RejectedTab);
    auto* view = tabs->currentWidget()->findChild<QTableView*>(QStringLiteral("rejectedList"));
    REQUIRE(view);
    view->setFocus();
    view->setCurrentIndex(list->index(0, 0));
    QSignalSpy opened(&page, &Page::openCase);
    QTest::keyClick(view, Qt::Key_Return);
    REQUIRE(opened.count() == 1);
    CHECK(opened.first().first().toString() == caseId);
    page.grab().save(test::screenshotPath("supervisor-rejected-records"));
}

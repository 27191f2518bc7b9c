// 追回办结 at the supervisor's 未生效记录 (decision 3), by keyboard only: the void letter's row
// offers the action (Enter, Alt+Z, the context menu), the dialog refuses 无法追回 without why and
// records nothing, then records it as the signed-in supervisor; the row then shows the follow-up
// done (not red) and the case view says the same. A clerk does not get the action.
#include "core/CasePayloads.h"
#include "core/DocumentKind.h"
#include "store/RejectedRecords.h"
#include "store/UserRepository.h"
#include "support/HallFixture.h"
#include "support/HallVerdicts.h"
#include "support/TestSupport.h"
#include "ui/CaseView.h"
#include "ui/RecallCloseDialog.h"
#include "ui/RecordModel.h"
#include "ui/SupervisorPage.h"

#include <catch2/catch.hpp>

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QInputMethodEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTimer>

using namespace onewindow;
using core::EventType;
namespace payload = core::payload;
using Page = ui::SupervisorPage;

namespace {

store::User user(test::HallFixture& w, const char* login, const QString& name, core::Role role,
                 const QString& window)
{
    auto u = store::UserRepository(*w.store).create(QString::fromLatin1(login), name, role, window,
                                                    QStringLiteral("clerk-password-7"));
    REQUIRE(u.ok());
    return *u;
}

// What the keyboard did in the modal dialog (no REQUIRE in there: it would throw through exec()).
struct DialogRun
{
    bool opened = false;
    QString firstProblem;
    bool stayedOpen = false;
};

} // namespace

TEST_CASE("追回办结 by keyboard: the void letter's row in 未生效记录 opens the dialog, 无法追回 "
          "needs why, then the row shows it done and the case view says so; a clerk gets no "
          "action",
          "[recall]")
{
    test::HallFixture w07, w08;
    const store::User zhang =
        user(w08, "zhangsan", QStringLiteral("张三"), core::Role::Clerk, QStringLiteral("W07"));
    const store::User li =
        user(w08, "lisi", QStringLiteral("李四"), core::Role::Clerk, QStringLiteral("W08"));
    const store::User wang =
        user(w08, "wangzr", QStringLiteral("王主任"), core::Role::Supervisor, QString());
    test::enrolWindow(w07, QStringLiteral("W07"));
    test::enrolWindow(w08, QStringLiteral("W08"));
    test::HallVerdicts hall;
    auto taken = w07.cases->receive(w07.intake(), zhang.userId);
    REQUIRE(taken.ok());
    const QString caseId = taken->event.caseId;
    hall.push(w07);
    hall.pull(w08);
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

    // A clerk's page: no action.
    {
        Page clerkPage(*w08.store);
        clerkPage.setSupervisor(*w08.cases, li, ui::DocumentPrinting{});
        auto* button = clerkPage.findChild<QPushButton*>(QStringLiteral("closeRecallButton"));
        REQUIRE(button);
        clerkPage.show();
        CHECK_FALSE(button->isVisible());
        CHECK_FALSE(clerkPage.mayCloseRecall());
    }

    w08.setNow("2026-09-21", "10:20");
    Page page(*w08.store);
    page.setSupervisor(*w08.cases, wang, ui::DocumentPrinting{});
    page.resize(1200, 600);
    page.show();
    ui::RecordModel* list = page.listModel(Page::RejectedTab);
    QAbstractItemModelTester tester(list, QAbstractItemModelTester::FailureReportingMode::Warning);
    REQUIRE(list->rowCount() == 2);
    REQUIRE(list->recordAt(1)->level == core::WarningLevel::Red);
    page.tabs()->setCurrentIndex(Page::RejectedTab);
    auto* view = page.findChild<QTableView*>(QStringLiteral("rejectedList"));
    auto* button = page.findChild<QPushButton*>(QStringLiteral("closeRecallButton"));
    REQUIRE(view);
    REQUIRE(button);
    CHECK(button->text().contains(QLatin1Char('&'))); // an Alt letter
    view->setFocus();
    view->setCurrentIndex(list->index(0, 0));
    // The rejected record's own row: nothing to close there (Enter opens its case).
    CHECK_FALSE(button->isEnabled());
    QTest::keyClick(view, Qt::Key_Down); // the void letter's row
    REQUIRE(view->currentIndex().row() == 1);
    CHECK(button->isVisible());
    CHECK(button->isEnabled());
    CHECK(page.mayCloseRecall());
    const int events = w08.count(QStringLiteral("SELECT count(*) FROM events"));

    // The context menu offers it too.
    bool inMenu = false;
    for (QAction* a : view->actions())
        inMenu = inMenu || (a->objectName() == QStringLiteral("closeRecallAction") &&
                            a->isEnabled() && a->isVisible());
    CHECK(inMenu);

    // Enter opens the dialog: 无法追回 (Down in the outcome), Enter without a note is refused in
    // the dialog; the note typed, Enter records.
    DialogRun run;
    QTimer::singleShot(0, [&] {
        auto* dialog = qobject_cast<ui::RecallCloseDialog*>(QApplication::activeModalWidget());
        if (!dialog) {
            if (QWidget* modal = QApplication::activeModalWidget())
                modal->close();
            return;
        }
        run.opened = true;
        QWidget* focus = dialog->focusWidget();
        if (!qobject_cast<QComboBox*>(focus)) {
            dialog->reject();
            return;
        }
        QTest::keyClick(focus, Qt::Key_Down); // 无法追回
        QTest::keyClick(focus, Qt::Key_Return);
        run.firstProblem = dialog->problem();
        run.stayedOpen = dialog->isVisible();
        dialog->resize(620, 260);
        dialog->grab().save(test::screenshotPath("recall-close-dialog"));
        QWidget* note = dialog->focusWidget(); // the note, where the problem sent the focus
        if (!qobject_cast<QLineEdit*>(note)) {
            dialog->reject();
            return;
        }
        // Typed through the input method, as Chinese is (QTest::keyClicks takes ASCII only).
        QInputMethodEvent typed;
        typed.setCommitString(QStringLiteral("申请人拒绝交回，已书面告知作废"));
        QCoreApplication::sendEvent(note, &typed);
        QTest::keyClick(note, Qt::Key_Return);
        if (dialog->isVisible())
            dialog->reject();
    });
    QTest::keyClick(view, Qt::Key_Return);
    REQUIRE(run.opened);
    CHECK(run.stayedOpen);
    CHECK(run.firstProblem.contains(QStringLiteral("原因")));

    // Recorded as the supervisor: the row shows it done, not red, and offers nothing more.
    auto events2 = w08.cases->events(caseId);
    REQUIRE(events2.ok());
    REQUIRE(w08.count(QStringLiteral("SELECT count(*) FROM events")) == events + 1);
    CHECK(events2->last().type == EventType::RecallClosed);
    CHECK(events2->last().actorId == wang.userId);
    REQUIRE(list->rowCount() == 2);
    const QString done =
        QStringLiteral("无法追回：申请人拒绝交回，已书面告知作废（9月21日 10:20 王主任）");
    CHECK(list->recordAt(1)->cells.at(4) == done);
    CHECK(list->recordAt(1)->level == core::WarningLevel::Normal);
    view->setCurrentIndex(list->index(1, 0));
    CHECK_FALSE(button->isEnabled());
    CHECK_FALSE(page.mayCloseRecall());
    page.grab().save(test::screenshotPath("supervisor-recall-closed"));

    // The case view says the same, no longer in red.
    ui::CaseView caseView(*w08.cases, wang, caseId, QDate(2026, 9, 21));
    auto* timeline = caseView.findChild<QListWidget*>(QStringLiteral("timelineList"));
    REQUIRE(timeline);
    bool shown = false;
    for (int i = 0; i < timeline->count(); ++i)
        if (timeline->item(i)->text().contains(done))
            shown = timeline->item(i)->text().contains(letter->number);
    CHECK(shown);
}

TEST_CASE("追回办结 by keyboard: the button's Alt letter is Z, it opens the dialog, and Escape "
          "leaves everything as it was",
          "[recall]")
{
    test::HallFixture w07, w08;
    const store::User zhang =
        user(w08, "zhangsan", QStringLiteral("张三"), core::Role::Clerk, QStringLiteral("W07"));
    const store::User wang =
        user(w08, "wangzr", QStringLiteral("王主任"), core::Role::Supervisor, QString());
    test::enrolWindow(w07, QStringLiteral("W07"));
    test::enrolWindow(w08, QStringLiteral("W08"));
    test::HallVerdicts hall;
    auto taken = w07.cases->receive(w07.intake(), zhang.userId);
    REQUIRE(taken.ok());
    const QString caseId = taken->event.caseId;
    hall.push(w07);
    hall.pull(w08);
    auto accepted =
        w07.cases->append(caseId, EventType::Accepted, payload::accepted(), zhang.userId);
    REQUIRE(accepted.ok());
    auto refused = w08.cases->append(caseId, EventType::Refused,
                                     payload::refused(QStringLiteral("not_competent"),
                                                      QStringLiteral("不属于本机关职权范围"),
                                                      QStringLiteral("兰州市市场监督管理局")),
                                     zhang.userId);
    REQUIRE(refused.ok());
    REQUIRE(w08.cases->recordPrint(caseId, core::DocumentKind::Refusal, 1, zhang.userId, {}).ok());
    hall.push(w07);
    hall.push(w08, {{refused->event.eventId, accepted->event.eventId}});
    hall.pull(w08);

    Page page(*w08.store);
    page.setSupervisor(*w08.cases, wang, ui::DocumentPrinting{});
    page.show();
    page.tabs()->setCurrentIndex(Page::RejectedTab);
    auto* view = page.findChild<QTableView*>(QStringLiteral("rejectedList"));
    REQUIRE(view);
    view->setFocus();
    view->setCurrentIndex(page.listModel(Page::RejectedTab)->index(1, 0));
    const int events = w08.count(QStringLiteral("SELECT count(*) FROM events"));
    bool opened = false;
    QTimer::singleShot(0, [&] {
        QWidget* modal = QApplication::activeModalWidget();
        opened = qobject_cast<ui::RecallCloseDialog*>(modal) != nullptr;
        if (modal)
            QTest::keyClick(modal, Qt::Key_Escape);
    });
    // Its Alt letter is Z; the offscreen platform delivers no mnemonics, so the button takes
    // the focus it would get and Space presses it.
    auto* button = page.findChild<QPushButton*>(QStringLiteral("closeRecallButton"));
    REQUIRE(button);
    CHECK(button->shortcut() == QKeySequence(Qt::ALT | Qt::Key_Z));
    button->setFocus();
    QTest::keyClick(button, Qt::Key_Space);
    CHECK(opened);
    CHECK(w08.count(QStringLiteral("SELECT count(*) FROM events")) == events);
    CHECK(page.mayCloseRecall()); // still open
}

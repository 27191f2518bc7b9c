#include "support/CatalogFixtures.h"
#include "support/ClerkHall.h"
#include "support/TestSupport.h"

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
#include "ui/ActionForm.h"
#include "ui/CaseClocksModel.h"
#include "ui/CaseRowModel.h"
#include "ui/CaseView.h"
#include "ui/ClockExplanationDialog.h"
#include "ui/ExplanationModel.h"
#include "ui/MainWindow.h"
#include "ui/MaterialCheckModel.h"
#include "ui/QueuePage.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace onewindow;
using core::EventType;
namespace payload = core::payload;

namespace {

struct Desk : test::ClerkHall
{
    QString receive(bool formMissing = false)
    {
        core::ReceivedInput in = test::completeApplication(item);
        if (formMissing)
            in.materials[0].state = core::MaterialState::Missing;
        auto r = cases->receive(in, clerk.userId);
        REQUIRE(r.ok());
        return r->event.caseId;
    }
};

} // namespace

TEST_CASE("My queue lists my open cases with counts; the search box opens a case by number or scan")
{
    Desk d;
    const QString a = d.receive();
    REQUIRE(d.cases->append(a, EventType::Accepted, payload::accepted(), d.clerk.userId).ok());
    d.receive(true);
    ui::QueuePage page(*d.store);
    QAbstractItemModelTester tester(page.model(),
                                    QAbstractItemModelTester::FailureReportingMode::Fatal);
    page.setClerk(d.clerk, QDate(2026, 10, 8));
    CHECK(page.model()->rowCount() == 2);
    CHECK(page.summary().contains(QStringLiteral("在办")));
    // The accepted case is due 2026-10-08 by its promise (5 working days): yellow on its last day.
    QSignalSpy opened(&page, &ui::QueuePage::openCase);
    const QString number = d.cases->state(a)->caseNumber;
    page.search(number +
                QStringLiteral(" 123456")); // what a scanner types from the receipt's QR code
    REQUIRE(opened.count() == 1);
    CHECK(opened.first().first().toString() == a);
    CHECK(ui::caseNumberIn(QStringLiteral("https://zwfw.example/q?no=%1&code=1").arg(number)) ==
          number);
    page.resize(1000, 500);
    page.grab().save(test::screenshotPath("queue"));
}

TEST_CASE(
    "The case view offers the legal actions and records them: a correction that then gets accepted")
{
    Desk d;
    const QString id = d.receive(true);
    REQUIRE(d.cases
                ->append(id, EventType::NoticeIssued,
                         payload::notice(core::correctionsFor(*d.cases->state(id), d.item), 5),
                         d.clerk.userId)
                .ok());
    ui::CaseView view(*d.cases, d.clerk, id, QDate(2026, 9, 18));
    const auto fatal = QAbstractItemModelTester::FailureReportingMode::Fatal;
    QAbstractItemModelTester clocksTester(view.clocksModel(), fatal);
    QAbstractItemModelTester materialsTester(view.materialsModel(), fatal);
    CHECK(view.materialsModel()->rowCount() == d.cases->state(id)->materials.size());
    CHECK(view.clocksModel()->rowCount() >= 1); // the notice clock from receipt
    CHECK(view.actions().contains(EventType::Corrected));
    CHECK_FALSE(view.actions().contains(EventType::Decided));
    REQUIRE(view.perform(EventType::Corrected).ok());
    CHECK(view.state().status == core::CaseStatus::Received);
    REQUIRE(view.actions().contains(EventType::Accepted));
    REQUIRE(view.perform(EventType::Accepted).ok());
    CHECK(view.state().status == core::CaseStatus::InProgress);
    const QList<core::DocumentKind> printable = view.printableKinds();
    CHECK(printable.contains(core::DocumentKind::Acceptance));
    CHECK(printable.contains(
        core::DocumentKind::Notice)); // the notice issued earlier can be reprinted
    CHECK_FALSE(printable.contains(core::DocumentKind::Refusal));
    CHECK(view.actions().contains(EventType::Suspended));
    CHECK_FALSE(view.actions().contains(EventType::ExtensionApproved)); // a clerk never approves
    REQUIRE(
        view.perform(EventType::Decided, {{QStringLiteral("outcome"), QStringLiteral("granted")}})
            .ok());
    const core::Status noSigner =
        view.perform(EventType::Delivered, {{QStringLiteral("method"), QStringLiteral("pickup")},
                                            {QStringLiteral("signer"), QString()}});
    REQUIRE_FALSE(noSigner.ok());
    CHECK(noSigner.error().message.contains(QStringLiteral("签收人")));
    REQUIRE(
        view.perform(EventType::Delivered, {{QStringLiteral("method"), QStringLiteral("pickup")}})
            .ok());
    REQUIRE(view.perform(EventType::Rated, {{QStringLiteral("level"), QStringLiteral("2")}}).ok());
    CHECK(
        view.actions().contains(EventType::RatingFollowedUp)); // a bad rating starts its follow-up
    CHECK(view.headerText().contains(QStringLiteral("已送达")));
    view.resize(1000, 720);
    view.grab().save(test::screenshotPath("case"));
}

TEST_CASE("An action's form: its fields inside the Designer frame, Tab through them first, a "
          "problem shown inline")
{
    Desk d;
    const QString id = d.receive();
    REQUIRE(d.cases->append(id, EventType::Accepted, payload::accepted(), d.clerk.userId).ok());
    ui::ActionForm form(EventType::ExtensionRequested, *d.cases->state(id), d.item);
    form.show();
    REQUIRE(QTest::qWaitForWindowExposed(&form));
    CHECK(form.hasFields());
    CHECK(form.findChild<QLabel*>(QStringLiteral("introLabel"))
              ->text()
              .contains(d.cases->state(id)->caseNumber));
    REQUIRE(form.findChild<QDialogButtonBox*>(QStringLiteral("buttonBox")));
    CHECK(QApplication::focusWidget() == form.findChild<QWidget*>(QStringLiteral("clock")));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    CHECK(QApplication::focusWidget() == form.findChild<QWidget*>(QStringLiteral("days")));
    form.setValue(QStringLiteral("days"), 3);
    CHECK(form.payload().value(QStringLiteral("days")).toInt() == 3);
    auto* problem = form.findChild<QLabel*>(QStringLiteral("problemLabel"));
    CHECK_FALSE(problem->isVisible());
    form.showProblem(QStringLiteral("延期理由不能为空"));
    CHECK(problem->isVisible());
    form.grab().save(test::screenshotPath("case-action"));
}

TEST_CASE("The deadline explained (F4): a suspended case lists its suspended days as skipped and "
          "the totals end on the clock's deadline")
{
    Desk d;
    const QString id = d.receive(); // 2026-09-18
    REQUIRE(d.cases->append(id, EventType::Accepted, payload::accepted(), d.clerk.userId).ok());
    // 行政许可法 Art. 45: suspended on 09-30 and resumed on 10-09, the working days 10-08 and
    // 10-09 are not counted (10-01 to 10-07 are the National Day holiday anyway).
    d.clock.set(QDateTime(QDate(2026, 9, 30), QTime(2, 0), QTimeZone::utc()));
    REQUIRE(
        d.cases
            ->append(id, EventType::Suspended,
                     payload::suspended(QStringLiteral("inspection"), QStringLiteral("现场核查")),
                     d.clerk.userId)
            .ok());
    d.clock.set(QDateTime(QDate(2026, 10, 9), QTime(2, 0), QTimeZone::utc()));
    REQUIRE(d.cases->append(id, EventType::Resumed, {}, d.clerk.userId).ok());

    ui::CaseView view(*d.cases, d.clerk, id, QDate(2026, 10, 12));
    view.show();
    REQUIRE(QTest::qWaitForWindowExposed(&view));
    QTest::keyClick(&view, Qt::Key_F4);
    auto* dialog = view.findChild<ui::ClockExplanationDialog*>();
    REQUIRE(dialog);
    QAbstractItemModelTester tester(dialog->model(),
                                    QAbstractItemModelTester::FailureReportingMode::Fatal);
    const QList<core::CaseClock> clocks = view.clocksModel()->clocks();
    // It opens on the running clock due first: the promise (5 working days, due 09-25, before the
    // suspension, so nothing of it was excluded).
    REQUIRE(dialog->currentClock() == ui::ClockExplanationDialog::likelyClock(clocks));
    CHECK(clocks[dialog->currentClock()].kind == core::ClockKind::Promised);
    int statutory = -1;
    for (int i = 0; i < clocks.size(); ++i) {
        const core::ClockResult& r = clocks[i].clock;
        INFO(core::clockKindName(clocks[i].kind).toStdString());
        dialog->showClock(i);
        const ui::ExplanationModel* model = dialog->model();
        REQUIRE(model->rowCount() > 0);
        CHECK(model->days().first().day.date == r.trigger.addDays(1));
        CHECK(model->days().last().day.date == r.deadline);
        CHECK(model->countedCount() == r.limit + r.extension);
        CHECK(model->suspendedCount() == r.excludedDays);
        CHECK(model->countedCount() + model->skippedCount() == model->rowCount());
        CHECK(dialog->totalsText().contains(core::chineseDate(r.deadline)));
        CHECK(dialog->totalsText().contains(QString::number(model->countedCount())));
        CHECK(dialog->totalsText().contains(QString::number(model->skippedCount())));
        if (clocks[i].kind == core::ClockKind::Statutory)
            statutory = i;
    }
    // The statutory limit (10 working days from 09-18) ran over the suspension.
    REQUIRE(statutory >= 0);
    dialog->showClock(statutory);
    const ui::ExplanationModel* model = dialog->model();
    QStringList suspended;
    for (int row = 0; row < model->rowCount(); ++row) {
        if (!model->days().at(row).suspended)
            continue;
        suspended.append(model->index(row, ui::ExplanationModel::DateColumn).data().toString());
        CHECK(model->days().at(row).ordinal == 0);
    }
    CHECK(suspended == QStringList{QStringLiteral("2026-10-08"), QStringLiteral("2026-10-09")});
    CHECK(clocks[statutory].clock.excludedDays == 2);
    // In English or in the Chinese the tests load.
    CHECK((dialog->detailText().contains(QStringLiteral("2 suspended")) ||
           dialog->detailText().contains(QStringLiteral("中止期间 2 个工作日"))));
    dialog->resize(780, 940); // every day of the count in view
    dialog->grab().save(test::screenshotPath("case-explain"));
    dialog->close();
}

TEST_CASE("行政许可法 Art. 32: the running window records a deemed acceptance when the notice "
          "period lapses")
{
    Desk d;
    const QString id =
        d.receive(true); // received 2026-09-18 with a material missing, no notice given
    auto notices = store::CalendarRepository(*d.store).loadNotices();
    REQUIRE(notices.ok());
    ui::MainWindow window(*d.store, d.clock, core::WorkingCalendar(*notices));
    window.setSignedIn(d.clerk, *store::HallConfigRepository(*d.store).load());
    CHECK(window.tick() == 0); // the notice period runs to 2026-09-24
    d.clock.set(QDateTime(QDate(2026, 9, 25), QTime(0, 30), QTimeZone::utc())); // the day turns
    CHECK(window.tick() == 1);
    CHECK(window.tick() == 0); // once
    auto state = d.cases->state(id);
    REQUIRE(state.ok());
    CHECK(state->status == core::CaseStatus::InProgress);
    CHECK(state->timeline.accepted == QDate(2026, 9, 18)); // as of the receipt day
}

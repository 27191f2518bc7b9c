// A matter at the window (一件事一次办, issue 20): its view with each part and the matter's own
// clock, forwarding, one hand-out when every part is ready (a partial one when the applicant
// asks), and a matter started from a case taken in alone. By keyboard.
#include "ui/KeysFixture.h"

#include "support/CatalogFixtures.h"
#include "support/TestSupport.h"

#include "core/ClockText.h"
#include "core/MatterCase.h"
#include "store/CaseStore.h"
#include "store/CatalogRepository.h"
#include "store/MatterRepository.h"
#include "ui/ActionForm.h"
#include "ui/CaseView.h"
#include "ui/MatterBoard.h"
#include "ui/MatterIntakeDialog.h"
#include "ui/MatterView.h"

#include <QApplication>
#include <QPushButton>
#include <QTableWidget>
#include <QTest>
#include <QTranslator>

using namespace onewindow;
using core::EventType;

namespace {

struct ChineseForThisTest
{
    QTranslator translator;
    ChineseForThisTest()
    {
        REQUIRE(translator.load(QStringLiteral(":/i18n/onewindow_zh_CN.qm")));
        QCoreApplication::installTranslator(&translator);
    }
    ~ChineseForThisTest() { QCoreApplication::removeTranslator(&translator); }
};

// The demo hall's 开办企业 with a seal and staff, no invoices (four items), every part accepted.
store::CaseStore::MatterIntake openBusiness(test::KeysDesk& desk)
{
    auto matter = store::MatterRepository(*desk.store).currentMatter(QStringLiteral("KBQY"));
    REQUIRE(matter.ok());
    QHash<QString, core::Matter> all;
    if (auto current = store::MatterRepository(*desk.store).currentByCode())
        all = *current;
    const core::MatterAnswers yes{{QStringLiteral("seal"), true},
                                  {QStringLiteral("invoice"), false},
                                  {QStringLiteral("staff"), true}};
    QList<core::ReceivedInput> parts;
    for (const QString& code : core::applicableItems(matter->matter, all, yes)) {
        auto item = store::CatalogRepository(*desk.store).currentItem(code);
        REQUIRE(item.ok());
        core::ReceivedInput in = test::completeApplication(item->item);
        in.itemVersion = item->version;
        parts.append(in);
    }
    auto done = desk.cases->receiveMatter(
        parts, QStringLiteral("KBQY"), matter->version,
        [](int,
           const store::CaseStore::Appended&) -> core::Result<store::CaseStore::IntakeDecision> {
            return store::CaseStore::IntakeDecision{EventType::Accepted, core::payload::accepted()};
        },
        desk.clerk.userId);
    REQUIRE(done.ok());
    return *done;
}

void decide(test::KeysDesk& desk, const QString& caseId)
{
    REQUIRE(desk.cases
                ->append(caseId, EventType::Decided,
                         core::payload::decided(QStringLiteral("granted")), desk.clerk.userId)
                .ok());
}

// Enter in the next form (the delivery's: 窗口领取, the applicant signing) records it.
void confirmNextForm(QWidget* under, bool& opened)
{
    test::onNextModal(under, [&opened](QWidget* modal) {
        opened = qobject_cast<ui::ActionForm*>(modal) != nullptr;
        QTest::keyClick(test::keyTarget(modal), Qt::Key_Return);
        if (modal->isVisible())
            modal->close();
    });
}

// Alt+key as the keyboard sends it, to the view's widget with the focus: the button's mnemonic
// (its translated text ends in (&F), (&H), (&C)) clicks it after its 100 ms animation.
void alt(QWidget* view, Qt::Key key)
{
    QApplication::setActiveWindow(view);
    QTest::keyClick(test::keyTarget(view), key, Qt::AltModifier);
    QTest::qWait(250);
}

} // namespace

TEST_CASE("一件事: the matter's view shows each part and the matter's clock, forwards a part, and "
          "hands out once when every part is ready, partly when the applicant asks")
{
    test::KeysDesk desk;
    ChineseForThisTest chinese;
    const auto intake = openBusiness(desk);
    REQUIRE(intake.parts.size() == 4);
    ui::MatterView view(*desk.cases, desk.clerk, intake.matterNumber, desk.today());
    view.show();
    REQUIRE(QTest::qWaitForWindowExposed(&view));
    view.activateWindow();
    QApplication::setActiveWindow(&view);
    QTableWidget* table = view.partsTable();
    REQUIRE(table->rowCount() == 4);
    CHECK(view.headerText().contains(QStringLiteral("开办企业")));
    CHECK(view.headerText().contains(QStringLiteral("0/4"))); // finished of parts
    // The matter's own promise: 开办企业 within its working days from the intake.
    const core::ClockResult& clock = view.matter()->progress.clock;
    CHECK(clock.trigger == desk.today());
    CHECK(view.headerText().contains(core::deadlineText(clock.deadline, clock.provisional)));
    for (int row = 0; row < 4; ++row) {
        const core::MatterPartCase& part = view.matter()->parts.at(row);
        CHECK(table->item(row, ui::MatterView::CaseColumn)->text() == part.state.caseNumber);
        CHECK(table->item(row, ui::MatterView::DepartmentColumn)->text() == part.item.department);
        // Each part's promised clock runs from its acceptance.
        CHECK(table->item(row, ui::MatterView::PromisedColumn)->text() != QStringLiteral("—"));
    }
    QTest::qWait(50);
    view.grab().save(test::screenshotPath("matter-view-1-parts"));

    // Alt+F forwards the selected part to its item's department (the form comes filled in).
    QTest::keyClick(test::keyTarget(&view), Qt::Key_Down);
    bool formOpened = false;
    confirmNextForm(&view, formOpened);
    alt(&view, Qt::Key_F);
    CHECK(formOpened);
    const core::MatterPartCase second = view.matter()->parts.at(1);
    CHECK(second.state.forwardedTo == second.item.department);
    CHECK(desk.cases->state(second.state.caseId)->forwardedTo == second.item.department);

    // Two parts decided: the whole hand-out waits, saying which parts are not finished.
    decide(desk, intake.parts.at(0).received.event.caseId);
    decide(desk, intake.parts.at(1).received.event.caseId);
    view.reload();
    alt(&view, Qt::Key_H);
    CHECK(view.problem().contains(intake.parts.at(2).received.state.caseNumber));
    CHECK(desk.cases->state(intake.parts.at(0).received.event.caseId)->status ==
          core::CaseStatus::Decided);

    // The applicant asks for the first two now: Space marks them, Alt+C hands them out.
    table->setFocus();
    table->selectRow(0);
    QTest::keyClick(table, Qt::Key_Space);
    QTest::keyClick(table, Qt::Key_Down);
    QTest::keyClick(table, Qt::Key_Space);
    CHECK(view.askedParts() == QList<int>{0, 1});
    view.grab().save(test::screenshotPath("matter-view-2-partial"));
    formOpened = false;
    confirmNextForm(&view, formOpened);
    alt(&view, Qt::Key_C);
    CHECK(formOpened);
    for (int i : {0, 1}) {
        auto events = desk.cases->events(intake.parts.at(i).received.event.caseId);
        REQUIRE(events.ok());
        CHECK(events->last().type == EventType::Delivered);
        CHECK(events->last().payload.value(QStringLiteral("matter")).toObject() ==
              QJsonObject{{QStringLiteral("number"), intake.matterNumber},
                          {QStringLiteral("partial"), true}});
    }
    CHECK(view.askedParts().isEmpty());

    // The rest decided: one hand-out of what is left, by Alt+H.
    decide(desk, intake.parts.at(2).received.event.caseId);
    decide(desk, intake.parts.at(3).received.event.caseId);
    view.reload();
    formOpened = false;
    confirmNextForm(&view, formOpened);
    alt(&view, Qt::Key_H);
    CHECK(formOpened);
    for (const auto& part : intake.parts)
        CHECK(desk.cases->state(part.received.event.caseId)->status == core::CaseStatus::Delivered);
    auto last = desk.cases->events(intake.parts.at(3).received.event.caseId);
    CHECK(last->last()
              .payload.value(QStringLiteral("matter"))
              .toObject()
              .value(QStringLiteral("partial")) == QJsonValue(false));
    CHECK(view.headerText().contains(QStringLiteral("4/4")));
    view.grab().save(test::screenshotPath("matter-view-3-handed-out"));
}

TEST_CASE("一件事: a part's case view opens its matter and leaves the hand-out to the matter")
{
    test::KeysDesk desk;
    const auto intake = openBusiness(desk);
    const QString id = intake.parts.at(0).received.event.caseId;
    decide(desk, id);
    ui::CaseView view(*desk.cases, desk.clerk, id, desk.today());
    CHECK(view.inMatter());
    CHECK_FALSE(view.actions().contains(EventType::Delivered));
    auto* button = view.findChild<QPushButton*>(QStringLiteral("matterButton"));
    REQUIRE(button);
    bool opened = false;
    test::onNextModal(&view, [&](QWidget* modal) {
        opened = modal->windowTitle().contains(intake.matterNumber);
        modal->close();
    });
    button->click();
    CHECK(opened);
    // A case taken in alone hands out from its own view as before.
    const QString alone = desk.receive(true);
    decide(desk, alone);
    ui::CaseView own(*desk.cases, desk.clerk, alone, desk.today());
    CHECK(own.actions().contains(EventType::Delivered));
}

TEST_CASE("一件事: a matter started from a case taken in alone takes its applicant and counts the "
          "case as its part")
{
    test::KeysDesk desk;
    // 企业设立登记 taken in alone for 张三 and accepted.
    auto matter = store::MatterRepository(*desk.store).currentMatter(QStringLiteral("KBQY"));
    REQUIRE(matter.ok());
    QHash<QString, core::Matter> all = *store::MatterRepository(*desk.store).currentByCode();
    const QString firstCode = core::applicableItems(matter->matter, all, {}).first();
    auto first = store::CatalogRepository(*desk.store).currentItem(firstCode);
    REQUIRE(first.ok());
    core::ReceivedInput in = test::completeApplication(first->item);
    in.itemVersion = first->version;
    in.applicant.name = QStringLiteral("王五");
    in.applicant.idNumber = QStringLiteral("11010519491231002X");
    auto alone = desk.cases->receive(in, desk.clerk.userId);
    REQUIRE(alone.ok());
    const QString id = alone->event.caseId;
    REQUIRE(
        desk.cases->append(id, EventType::Accepted, core::payload::accepted(), desk.clerk.userId)
            .ok());
    ui::CaseView caseView(*desk.cases, desk.clerk, id, desk.today());
    CHECK(caseView.mayStartMatter());

    ui::MatterIntakeDialog dialog(*desk.store, *desk.cases, desk.clerk);
    dialog.startFrom(*desk.cases->state(id));
    dialog.show();
    QApplication::setActiveWindow(&dialog);
    // Only matters that join its item are offered; 开办企业 is the first by its initials.
    QTest::keyClicks(test::keyTarget(&dialog), QStringLiteral("kbqy"));
    QTest::keyClick(test::keyTarget(&dialog), Qt::Key_Return);
    REQUIRE(dialog.step() == ui::MatterIntakeDialog::QuestionStep);
    QTest::keyClick(test::keyTarget(&dialog), Qt::Key_Space); // 是否刻制公章？ yes
    QTest::keyClick(test::keyTarget(&dialog), Qt::Key_Return);
    REQUIRE(dialog.step() == ui::MatterIntakeDialog::ApplicantStep);
    // The applicant once: the case's, already filled in.
    QTest::keyClick(test::keyTarget(&dialog), Qt::Key_Return);
    REQUIRE(dialog.step() == ui::MatterIntakeDialog::ChecklistStep);
    for (const core::ServiceItem& part : dialog.parts())
        CHECK(part.code != firstCode); // the case is that item's part already
    QTest::keyClick(test::keyTarget(&dialog), Qt::Key_F9);
    REQUIRE(dialog.step() == ui::MatterIntakeDialog::DecisionStep);
    QTest::keyClick(test::keyTarget(&dialog), Qt::Key_Return);
    REQUIRE(dialog.result() == QDialog::Accepted);

    CHECK(dialog.matterNumber() == alone->state.caseNumber + QStringLiteral("-J"));
    CHECK(dialog.joinedCaseNumber() == alone->state.caseNumber);
    auto joined = desk.cases->state(id);
    REQUIRE(joined->matter.has_value());
    CHECK(joined->matter->number == dialog.matterNumber());
    for (const QString& part : dialog.caseIds())
        CHECK(desk.cases->state(part)->applicant.name == QStringLiteral("王五"));
    auto parts = store::MatterRepository(*desk.store).partCaseIds(dialog.matterNumber());
    REQUIRE(parts.ok());
    CHECK(parts->size() == dialog.caseIds().size() + 1);
    CHECK(parts->first() == id);
    // Now in the matter, the case opens it instead of starting another.
    ui::CaseView after(*desk.cases, desk.clerk, id, desk.today());
    CHECK(after.inMatter());
    CHECK_FALSE(after.mayStartMatter());
}

TEST_CASE("一件事: the supervisor's board lists open matters with the matter's own clock, red once "
          "its promise has passed")
{
    test::KeysDesk desk;
    ChineseForThisTest chinese;
    const auto intake = openBusiness(desk);
    ui::MatterBoard board;
    board.setCases(*desk.cases, desk.clerk, desk.printing());
    board.refresh(desk.today());
    QTableWidget* table = board.table();
    REQUIRE(table->rowCount() == 1);
    CHECK(table->item(0, ui::MatterBoard::NumberColumn)->text() == intake.matterNumber);
    CHECK(table->item(0, ui::MatterBoard::PartsColumn)->text() == QStringLiteral("0/4"));
    // 开办企业 is promised within 1 working day: received Friday 09-18, due Sunday 09-20, a
    // make-up working day of the 2026 notice (国庆、中秋).
    CHECK(table->item(0, ui::MatterBoard::DeadlineColumn)
              ->text()
              .startsWith(QStringLiteral("2026年9月20日")));
    CHECK(table->item(0, ui::MatterBoard::StandingColumn)->text() ==
          QStringLiteral("剩余 1 个工作日"));
    desk.at("2026-09-22");
    board.refresh(desk.today());
    CHECK(table->item(0, ui::MatterBoard::StandingColumn)->text() ==
          QStringLiteral("已超期 2 个工作日")); // Monday 09-21 and Tuesday 09-22
    CHECK(board.matters().first().progress.clock.status.level == core::WarningLevel::Red);
    board.resize(900, 300);
    board.grab().save(test::screenshotPath("matter-board"));
    // Done when its last part is: off the board.
    for (const auto& part : intake.parts)
        decide(desk, part.received.event.caseId);
    board.refresh(desk.today());
    CHECK(table->rowCount() == 0);
}

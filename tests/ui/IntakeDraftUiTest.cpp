#include "support/ClerkHall.h"
#include "support/TestSupport.h"
#include "ui/ChildWidget.h"

#include "core/Clock.h"
#include "demo/DemoHall.h"
#include "store/CalendarRepository.h"
#include "store/CaseStore.h"
#include "store/DraftRepository.h"
#include "store/HallConfig.h"
#include "store/Store.h"
#include "store/UserRepository.h"
#include "ui/IntakeDialog.h"
#include "ui/MainWindow.h"

#include <QApplication>
#include <QComboBox>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QSqlQuery>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace onewindow;
using test::child;

namespace {

// A demo hall's window with clerk 张三 signed in; the questions a dialog asks are answered here.
struct Counter : test::ClerkHall
{
    QStringList asked;
    QStringList told;
    bool answer = true;

    std::unique_ptr<ui::IntakeDialog> intake()
    {
        auto dialog = std::make_unique<ui::IntakeDialog>(*store, *cases, clerk, QDate(2026, 9, 18));
        dialog->setPrompts(
            [this](const QString& q) {
                asked.append(q);
                return answer;
            },
            [this](const QString& m) { told.append(m); });
        dialog->show();
        dialog->activateWindow();
        REQUIRE(QTest::qWaitForWindowActive(dialog.get()));
        return dialog;
    }
};

// Typing as a clerk does: Latin keys one by one, Chinese through the input method, then Tab on.
void type(QWidget* parent, const char* name, const QString& text)
{
    auto* e = child<QLineEdit>(parent, name);
    e->setFocus();
    if (std::all_of(text.begin(), text.end(), [](QChar c) { return c.unicode() < 128; })) {
        QTest::keyClicks(e, text);
    } else {
        QInputMethodEvent commit;
        commit.setCommitString(text);
        QCoreApplication::sendEvent(e, &commit);
    }
    QTest::keyClick(e, Qt::Key_Tab); // the field is committed: editingFinished
}

} // namespace

TEST_CASE("Intake drafts: an intake cut off is offered back and every field is restored")
{
    Counter c;
    core::IntakeDraft typed;
    {
        auto first = c.intake();
        type(first.get(), "itemSearchEdit", QStringLiteral("spjyxk"));
        REQUIRE(first->next());
        CHECK(store::DraftRepository(*c.store).exists(c.clerk.userId)); // the item step done
        type(first.get(), "nameEdit", QStringLiteral("张三"));
        type(first.get(), "idEdit", QStringLiteral("11010519491231002X"));
        type(first.get(), "phoneEdit", QStringLiteral("13912345678"));
        type(first.get(), "legalRepEdit", QStringLiteral("张三"));
        type(first.get(), "agentNameEdit", QStringLiteral("李四"));
        REQUIRE(first->next());
        REQUIRE(first->step() == ui::IntakeDialog::MaterialsStep);
        first->setMaterialState(0, core::MaterialState::Missing);
        first->setMaterialState(3, core::MaterialState::Defective, QStringLiteral("未加盖公章"));
        QTest::keyClick(child<QTableWidget>(first.get(), "materialsTable"), Qt::Key_F9);
        REQUIRE(first->step() == ui::IntakeDialog::DecisionStep);
        child<QRadioButton>(first.get(), "refuseRadio")->setChecked(true);
        auto* kind = child<QComboBox>(first.get(), "refuseKindCombo");
        kind->setCurrentIndex(kind->findData(QStringLiteral("not_competent")));
        type(first.get(), "refuseReasonEdit", QStringLiteral("不属于本机关职权范围"));
        type(first.get(), "officeEdit", QStringLiteral("兰州市市场监督管理局"));
        typed = first->draft();
        // The power goes: the dialog is gone without finishing or cancelling.
    }
    REQUIRE(typed.step == ui::IntakeDialog::DecisionStep);
    REQUIRE(typed.applicant.agentName == QStringLiteral("李四"));
    auto stored = store::DraftRepository(*c.store).load(c.clerk.userId);
    REQUIRE(stored.ok());
    REQUIRE(stored->has_value());
    CHECK((*stored)->draft == typed); // the last committed field was written

    auto second = c.intake();
    REQUIRE(second->offerDraft() == ui::IntakeDialog::DraftOffer::Restored);
    REQUIRE(c.asked.size() == 1);
    CHECK(c.asked.first().startsWith(
        ui::IntakeDialog::tr("Continue the intake you did not finish?"))); // 继续上次未完成的收件？
    CHECK(c.asked.first().contains(QStringLiteral("张三")));
    CHECK(c.asked.first().contains(QStringLiteral("食品经营许可")));
    CHECK(second->draft() == typed);
    CHECK(second->step() == ui::IntakeDialog::DecisionStep);
    CHECK(child<QLineEdit>(second.get(), "nameEdit")->text() == QStringLiteral("张三"));
    CHECK(second->checklist().at(3).problem == QStringLiteral("未加盖公章"));
    CHECK(child<QRadioButton>(second.get(), "refuseRadio")->isChecked());
    second->grab().save(test::screenshotPath("intake-restored"));

    // Finishing records the case and the draft is gone.
    REQUIRE(second->next());
    CHECK(c.cases->state(second->caseId())->status == core::CaseStatus::Refused);
    CHECK_FALSE(store::DraftRepository(*c.store).exists(c.clerk.userId));
    auto third = c.intake();
    CHECK(third->offerDraft() == ui::IntakeDialog::DraftOffer::None);
    CHECK(c.asked.size() == 1);
}

TEST_CASE("Intake drafts: a damaged draft is reported and cleared, and the intake goes on")
{
    Counter c;
    {
        auto first = c.intake();
        type(first.get(), "itemSearchEdit", QStringLiteral("spjyxk"));
        REQUIRE(first->next());
    }
    QSqlQuery q(c.store->database());
    REQUIRE(q.exec(QStringLiteral("UPDATE intake_drafts SET content = '{\"format\":1,\"step\":'")));
    q.finish();
    auto dialog = c.intake();
    CHECK(dialog->offerDraft() == ui::IntakeDialog::DraftOffer::Damaged);
    CHECK(c.asked.isEmpty());
    REQUIRE(c.told.size() == 1);
    CHECK(c.told.first().contains(QStringLiteral("草稿已损坏")));
    CHECK_FALSE(store::DraftRepository(*c.store).exists(c.clerk.userId));
    CHECK(dialog->step() == ui::IntakeDialog::ItemStep);
    type(dialog.get(), "itemSearchEdit", QStringLiteral("spjyxk"));
    CHECK(dialog->next()); // a fresh intake works
    CHECK(store::DraftRepository(*c.store).exists(c.clerk.userId));
}

TEST_CASE("Intake drafts: declining the offer starts afresh; cancelling on purpose clears it")
{
    Counter c;
    {
        auto first = c.intake();
        type(first.get(), "itemSearchEdit", QStringLiteral("spjyxk"));
        REQUIRE(first->next());
        type(first.get(), "nameEdit", QStringLiteral("王五"));
    }
    c.answer = false;
    auto fresh = c.intake();
    CHECK(fresh->offerDraft() == ui::IntakeDialog::DraftOffer::Discarded);
    CHECK(child<QLineEdit>(fresh.get(), "nameEdit")->text().isEmpty());
    CHECK_FALSE(store::DraftRepository(*c.store).exists(c.clerk.userId));

    // Esc back to the first step, then Esc once more: asked first, since an applicant was typed.
    type(fresh.get(), "itemSearchEdit", QStringLiteral("spjyxk"));
    REQUIRE(fresh->next());
    type(fresh.get(), "nameEdit", QStringLiteral("王五"));
    REQUIRE(store::DraftRepository(*c.store).exists(c.clerk.userId));
    QTest::keyClick(fresh.get(), Qt::Key_Escape);
    REQUIRE(fresh->step() == ui::IntakeDialog::ItemStep);
    QTest::keyClick(fresh.get(), Qt::Key_Escape); // "no": the intake stays
    CHECK(fresh->isVisible());
    CHECK(store::DraftRepository(*c.store).exists(c.clerk.userId));
    CHECK(c.asked.last().contains(QStringLiteral("王五")));
    c.answer = true;
    QTest::keyClick(fresh.get(), Qt::Key_Escape);
    CHECK_FALSE(fresh->isVisible());
    CHECK(fresh->result() == QDialog::Rejected);
    CHECK_FALSE(store::DraftRepository(*c.store).exists(c.clerk.userId));
}

TEST_CASE("Intake drafts: signing in after a crash offers the interrupted intake at once")
{
    Counter c;
    {
        auto first = c.intake();
        type(first.get(), "itemSearchEdit", QStringLiteral("spjyxk"));
        REQUIRE(first->next());
        type(first.get(), "nameEdit", QStringLiteral("赵六"));
    }
    auto notices = store::CalendarRepository(*c.store).loadNotices();
    REQUIRE(notices.ok());
    ui::MainWindow window(*c.store, c.clock, core::WorkingCalendar(*notices));
    // A person at the screen: "yes" to the offer, then a look at the form and away.
    bool offered = false;
    QString restoredName;
    QTimer person;
    person.setInterval(20);
    QObject::connect(&person, &QTimer::timeout, [&] {
        QWidget* modal = QApplication::activeModalWidget();
        if (auto* box = qobject_cast<QMessageBox*>(modal)) {
            offered = box->text().startsWith(
                ui::IntakeDialog::tr("Continue the intake you did not finish?"));
            box->button(QMessageBox::Yes)->click();
        } else if (auto* intake = qobject_cast<ui::IntakeDialog*>(modal)) {
            restoredName = intake->draft().applicant.name;
            intake->done(QDialog::Rejected); // as if the lock came again: the draft stays
        }
    });
    person.start();
    window.setSignedIn(c.clerk, *store::HallConfigRepository(*c.store).load());
    REQUIRE(QTest::qWaitFor([&] { return !restoredName.isEmpty(); }, 5000));
    person.stop();
    CHECK(offered);
    CHECK(restoredName == QStringLiteral("赵六"));
    CHECK(store::DraftRepository(*c.store).exists(c.clerk.userId));
}

#include "support/CatalogFixtures.h"
#include "support/ClerkHall.h"
#include "support/TestSupport.h"
#include "ui/ChildWidget.h"

#include "core/Clock.h"
#include "demo/DemoHall.h"
#include "store/CatalogRepository.h"
#include "store/HallConfig.h"
#include "store/InquiryRepository.h"
#include "store/Store.h"
#include "store/UserRepository.h"
#include "ui/InquiryModel.h"
#include "ui/InquiryPage.h"

#include <QAbstractItemModelTester>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace onewindow;
using test::child;

namespace {

struct Desk : test::ClerkHall
{
    core::HallSettings hall = *store::HallConfigRepository(*store).load();
};

void type(QWidget* w, const QString& text)
{
    w->setFocus();
    if (std::all_of(text.begin(), text.end(), [](QChar c) { return c.unicode() < 128; })) {
        QTest::keyClicks(w, text);
        return;
    }
    QInputMethodEvent commit;
    commit.setCommitString(text);
    QCoreApplication::sendEvent(w, &commit);
}

} // namespace

TEST_CASE("First-inquiry page: two inquiries recorded by keyboard are listed for today")
{
    Desk d;
    ui::InquiryPage page(*d.store, d.clock, d.hall);
    QAbstractItemModelTester tester(page.model(),
                                    QAbstractItemModelTester::FailureReportingMode::Fatal);
    page.setClerk(d.clerk);
    page.resize(1000, 700);
    page.show();
    page.activateWindow();
    REQUIRE(QTest::qWaitForWindowActive(&page));
    CHECK(page.model()->rowCount() == 0);

    // 1: an item picked by the intake's search, answered here; Ctrl+Enter records.
    type(child<QLineEdit>(&page, "inquiryPerson"), QStringLiteral("王女士"));
    type(child<QLineEdit>(&page, "inquiryPhone"), QStringLiteral("13912345678"));
    auto* item = child<QLineEdit>(&page, "inquiryItem");
    type(item, QStringLiteral("spjyxk"));
    QTest::keyClick(item, Qt::Key_Return);
    CHECK(item->text() == QStringLiteral("食品经营许可"));
    CHECK_FALSE(page.pickedItemCode().isEmpty());
    auto* question = child<QPlainTextEdit>(&page, "inquiryQuestion");
    CHECK(question->hasFocus()); // picking moves on to the question
    type(question, QStringLiteral("开小餐馆需要带哪些材料？"));
    type(child<QPlainTextEdit>(&page, "inquiryAnswer"), QStringLiteral("已按办事指南逐项告知"));
    QTest::keyClick(question, Qt::Key_Return, Qt::ControlModifier);
    REQUIRE(page.model()->rowCount() == 1);
    CHECK(item->text().isEmpty()); // the form is ready for the next person
    CHECK(child<QLineEdit>(&page, "inquiryPerson")->hasFocus());

    // 2: an item in the asker's own words, referred elsewhere, 40 minutes later.
    d.clock.advanceSeconds(40 * 60);
    type(child<QLineEdit>(&page, "inquiryPerson"), QStringLiteral("李先生"));
    type(item, QStringLiteral("社保卡补办"));
    type(question, QStringLiteral("社保卡丢了在哪里补？"));
    type(child<QLineEdit>(&page, "inquiryReferred"), QStringLiteral("人社局窗口 W03"));
    REQUIRE(page.submit());

    ui::InquiryModel* m = page.model();
    REQUIRE(m->rowCount() == 2);
    CHECK(m->index(0, ui::InquiryModel::TimeColumn).data().toString() == QStringLiteral("10:00"));
    CHECK(m->index(0, ui::InquiryModel::PersonColumn)
              .data()
              .toString()
              .contains(QStringLiteral("13912345678")));
    CHECK(m->index(0, ui::InquiryModel::ItemColumn).data().toString() ==
          QStringLiteral("食品经营许可"));
    CHECK(m->index(1, ui::InquiryModel::TimeColumn).data().toString() == QStringLiteral("10:40"));
    CHECK(m->index(1, ui::InquiryModel::ItemColumn).data().toString() ==
          QStringLiteral("社保卡补办"));
    CHECK(m->index(1, ui::InquiryModel::ReferredColumn).data().toString() ==
          QStringLiteral("人社局窗口 W03"));
    CHECK(page.summary().contains(QStringLiteral("2")));
    auto stored =
        store::InquiryRepository(*d.store).onDay(QDate(2026, 9, 18), QStringLiteral("W07"));
    REQUIRE(stored.ok());
    REQUIRE(stored->size() == 2);
    CHECK(stored->at(0).itemCode == page.model()->inquiryAt(0)->itemCode);
    CHECK(stored->at(0).clerkId == d.clerk.userId);
    CHECK(stored->at(1).itemCode.isEmpty());
    QCoreApplication::processEvents(); // the layout settles once the item list is hidden
    page.grab().save(test::screenshotPath("inquiries"));

    // The next day the list starts empty again.
    d.clock.advanceDays(1);
    page.refresh();
    CHECK(page.model()->rowCount() == 0);
}

TEST_CASE("First-inquiry page: an incomplete inquiry shows inline messages and stores nothing")
{
    Desk d;
    ui::InquiryPage page(*d.store, d.clock, d.hall);
    page.setClerk(d.clerk);
    page.show();
    type(child<QPlainTextEdit>(&page, "inquiryQuestion"), QStringLiteral("营业执照怎么办？"));
    type(child<QLineEdit>(&page, "inquiryPhone"), QStringLiteral("12345"));
    CHECK_FALSE(page.submit());
    const QStringList problems = page.problems();
    CHECK(problems.size() == 3);
    CHECK(child<QLabel>(&page, "personProblem")->text().contains(QStringLiteral("咨询人")));
    CHECK(child<QLabel>(&page, "phoneProblem")->text().contains(QStringLiteral("手机号")));
    CHECK(child<QLabel>(&page, "answerProblem")->text().contains(QStringLiteral("首问负责")));
    CHECK(child<QLabel>(&page, "questionProblem")->text().isEmpty());
    CHECK(page.model()->rowCount() == 0);
    CHECK(store::InquiryRepository(*d.store)
              .onDay(QDate(2026, 9, 18), QStringLiteral("W07"))
              ->isEmpty());
    // What was typed stays, so the clerk only fixes what is wrong.
    CHECK(child<QPlainTextEdit>(&page, "inquiryQuestion")->toPlainText() ==
          QStringLiteral("营业执照怎么办？"));
    type(child<QLineEdit>(&page, "inquiryPerson"), QStringLiteral("王女士"));
    CHECK(child<QLabel>(&page, "personProblem")->text().isEmpty()); // touched: cleared
}

TEST_CASE("First-inquiry page: Enter on today's inquiry corrects it in the form; Esc cancels; the "
          "list marks the correction")
{
    Desk d;
    ui::InquiryPage page(*d.store, d.clock, d.hall);
    page.setClerk(d.clerk);
    page.resize(1000, 700);
    page.show();
    page.activateWindow();
    REQUIRE(QTest::qWaitForWindowActive(&page));
    type(child<QLineEdit>(&page, "inquiryPerson"), QStringLiteral("王女士"));
    type(child<QPlainTextEdit>(&page, "inquiryQuestion"), QStringLiteral("营业执照怎么变更？"));
    type(child<QPlainTextEdit>(&page, "inquiryAnswer"), QStringLiteral("已告知"));
    REQUIRE(page.submit());
    REQUIRE(page.model()->rowCount() == 1);

    // Enter on the listed inquiry brings it back into the form.
    auto* list = child<QTableView>(&page, "inquiryList");
    list->setFocus();
    list->setCurrentIndex(page.model()->index(0, 0));
    QTest::keyClick(list, Qt::Key_Return);
    REQUIRE(page.correcting());
    auto* person = child<QLineEdit>(&page, "inquiryPerson");
    CHECK(person->text() == QStringLiteral("王女士"));
    CHECK(person->hasFocus());
    CHECK(child<QPushButton>(&page, "inquiryCancel")->isVisible());

    // Esc leaves it as it was.
    QTest::keyClick(person, Qt::Key_Escape);
    CHECK_FALSE(page.correcting());
    CHECK(person->text().isEmpty());
    CHECK_FALSE(child<QPushButton>(&page, "inquiryCancel")->isVisible());

    // Corrected 30 minutes later: the name misheard, a referral added; still one inquiry.
    d.clock.advanceSeconds(30 * 60);
    page.startCorrecting(0);
    person->clear();
    type(person, QStringLiteral("汪女士"));
    type(child<QLineEdit>(&page, "inquiryReferred"), QStringLiteral("市场监管局 W05"));
    page.grab().save(test::screenshotPath("inquiry-correcting"));
    QTest::keyClick(person, Qt::Key_Return, Qt::ControlModifier);
    CHECK_FALSE(page.correcting());
    REQUIRE(page.model()->rowCount() == 1);
    ui::InquiryModel* m = page.model();
    CHECK(m->index(0, ui::InquiryModel::PersonColumn).data().toString() ==
          QStringLiteral("汪女士"));
    CHECK(m->index(0, ui::InquiryModel::ReferredColumn).data().toString() ==
          QStringLiteral("市场监管局 W05"));
    CHECK(m->index(0, ui::InquiryModel::TimeColumn)
              .data()
              .toString()
              .contains(QStringLiteral("10:30")));
    auto stored =
        store::InquiryRepository(*d.store).onDay(QDate(2026, 9, 18), QStringLiteral("W07"));
    REQUIRE(stored->size() == 1);
    CHECK(stored->first().amendedBy == d.clerk.userId);
}

TEST_CASE("First-inquiry page: an item added to the catalog meanwhile is found when the page is "
          "shown again")
{
    Desk d;
    ui::InquiryPage page(*d.store, d.clock, d.hall);
    page.setClerk(d.clerk);
    page.show();
    REQUIRE(QTest::qWaitForWindowExposed(&page));
    page.hide();
    core::ServiceItem added = test::sampleItem(77, QStringLiteral("犬只登记证核发"));
    REQUIRE(store::CatalogRepository(*d.store).importItems({added}, QStringLiteral("test")).ok());
    page.show();
    REQUIRE(QTest::qWaitForWindowExposed(&page));
    auto* item = child<QLineEdit>(&page, "inquiryItem");
    type(item, QStringLiteral("qzdjz"));
    QTest::keyClick(item, Qt::Key_Return);
    CHECK(item->text() == QStringLiteral("犬只登记证核发"));
    CHECK(page.pickedItemCode() == added.code);
}

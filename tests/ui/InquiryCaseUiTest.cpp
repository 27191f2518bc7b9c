// An inquiry about a case at the window (decision 1, 咨询): the first-inquiry form's case field,
// and the case view's 登记咨询 (Alt+Q) opening that form with the case filled in.
#include "ui/ChildWidget.h"
#include "ui/HeldElsewhere.h"
#include "ui/KeysFixture.h"

#include "support/EnrolledStore.h"
#include "support/TestSupport.h"

#include "store/CaseStore.h"
#include "store/InquiryRepository.h"
#include "store/SyncRepository.h"
#include "ui/CaseView.h"
#include "ui/InquiryModel.h"
#include "ui/InquiryPage.h"

#include <catch2/catch.hpp>

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTest>

using namespace onewindow;
using core::EventType;
using test::child;

namespace {

void type(QWidget* w, const QString& text)
{
    w->setFocus();
    if (auto* line = qobject_cast<QLineEdit*>(w))
        line->selectAll();
    QInputMethodEvent commit;
    commit.setCommitString(text);
    QCoreApplication::sendEvent(w, &commit);
}

int inquiriesOnCase(const test::KeysDesk& d, const QString& caseId)
{
    auto events = d.cases->events(caseId);
    REQUIRE(events.ok());
    return static_cast<int>(
        std::count_if(events->cbegin(), events->cend(),
                      [](const core::Event& e) { return e.type == EventType::Inquired; }));
}

} // namespace

TEST_CASE("First-inquiry form: an unknown case is told under the case field and nothing is stored; "
          "the case's number records the inquiry in the log and in the case's record")
{
    test::KeysDesk d;
    const QString id = d.receive(true);
    const QString number = d.cases->state(id)->caseNumber;
    ui::InquiryPage page(*d.store, d.store->clock(), d.config);
    page.setClerk(d.clerk);
    page.setCases(d.cases.get());
    page.resize(1000, 720);
    page.show();
    page.activateWindow();
    REQUIRE(QTest::qWaitForWindowActive(&page));

    type(child<QLineEdit>(&page, "inquiryPerson"), QStringLiteral("王女士"));
    auto* caseField = child<QLineEdit>(&page, "inquiryCase");
    type(caseField, QStringLiteral("620102-20260918-W07-9999"));
    auto* question = child<QPlainTextEdit>(&page, "inquiryQuestion");
    type(question, QStringLiteral("我的件办到哪了？"));
    type(child<QPlainTextEdit>(&page, "inquiryAnswer"), QStringLiteral("已受理，正在审查"));
    QTest::keyClick(question, Qt::Key_Return, Qt::ControlModifier);
    const QString problem = child<QLabel>(&page, "caseProblem")->text();
    CHECK(problem.contains(QStringLiteral("620102-20260918-W07-9999")));
    CHECK(problem.contains(QStringLiteral("没有")));
    CHECK(caseField->hasFocus());
    CHECK(page.model()->rowCount() == 0);
    CHECK(inquiriesOnCase(d, id) == 0);

    type(caseField, number);
    CHECK(child<QLabel>(&page, "caseProblem")->text().isEmpty()); // touched again: gone
    QTest::keyClick(caseField, Qt::Key_Return, Qt::ControlModifier);
    REQUIRE(page.model()->rowCount() == 1);
    CHECK(page.model()->index(0, ui::InquiryModel::ItemColumn).data().toString() ==
          QStringLiteral("办件 %1").arg(number));
    CHECK(caseField->text().isEmpty()); // ready for the next person
    CHECK(inquiriesOnCase(d, id) == 1);
    CHECK(page.summary().contains(QStringLiteral("1")));
    QCoreApplication::processEvents();
    page.grab().save(test::screenshotPath("inquiry-about-case"));

    // Enter on it: already in the case's record, so not corrected here; the form stays empty.
    page.startCorrecting(0);
    CHECK_FALSE(page.correcting());
    CHECK(child<QLabel>(&page, "inquiryStatus")->text().contains(number));
}

TEST_CASE("The case view's 登记咨询 (Alt+Q) opens the first-inquiry form with the case filled in; "
          "recording it closes the form and the timeline shows the inquiry, on a case another "
          "window holds too")
{
    test::KeysDesk d;
    REQUIRE(test::enrolWithoutServer(*d.store).ok());
    const QString id = d.receive(true);
    const QString number = d.cases->state(id)->caseNumber;
    // W08 holds the case (what a pull brings): this window only notes, and takes inquiries.
    test::pullHoldByW08(d, id);

    ui::CaseView view(*d.cases, d.clerk, id, d.today());
    view.resize(1000, 720);
    view.show();
    view.activateWindow();
    REQUIRE(QTest::qWaitForWindowActive(&view));
    CHECK(view.headerText().contains(QStringLiteral("已由 W08 窗口")));
    CHECK_FALSE(view.actions().contains(EventType::Decided));

    QString filled, title;
    bool recorded = false;
    test::onNextModal(&view, [&](QWidget* modal) {
        title = modal->windowTitle();
        filled = child<QLineEdit>(modal, "inquiryCase")->text();
        // The asker's name is next (the dialog's focus widget, active or not).
        CHECK(modal->focusWidget() == child<QLineEdit>(modal, "inquiryPerson"));
        type(child<QLineEdit>(modal, "inquiryPerson"), QStringLiteral("张三"));
        type(child<QLineEdit>(modal, "inquiryPhone"), QStringLiteral("13912345678"));
        auto* question = child<QPlainTextEdit>(modal, "inquiryQuestion");
        type(question, QStringLiteral("我的件办到哪了？"));
        type(child<QLineEdit>(modal, "inquiryReferred"), QStringLiteral("W08 窗口（领办窗口）"));
        QCoreApplication::processEvents();
        modal->grab().save(test::screenshotPath("inquiry-from-case-view"));
        QTest::keyClick(question, Qt::Key_Return, Qt::ControlModifier);
        recorded = true;
    });
    QTest::keyClick(test::keyTarget(&view), Qt::Key_Q, Qt::AltModifier);
    REQUIRE(test::waitFor([&] { return recorded && !QApplication::activeModalWidget(); }));
    CHECK(filled == number);
    CHECK(title.contains(number));
    CHECK(inquiriesOnCase(d, id) == 1);

    // The timeline says it; the hold and the buttons are as before.
    const QStringList lines = test::timelineLines(view);
    INFO(lines.join(QLatin1Char('\n')).toStdString());
    CHECK(std::any_of(lines.cbegin(), lines.cend(), [](const QString& l) {
        return l.contains(
            QStringLiteral("咨询（W07 窗口）：张三（13912345678）问：我的件办到哪了？；"
                           "引导至：W08 窗口（领办窗口）"));
    }));
    CHECK(view.headerText().contains(QStringLiteral("已由 W08 窗口")));
    CHECK_FALSE(view.actions().contains(EventType::Decided));
    QCoreApplication::processEvents();
    view.grab().save(test::screenshotPath("case-view-inquiry"));

    // Esc closes the form without recording anything.
    view.activateWindow();
    REQUIRE(QTest::qWaitForWindowActive(&view));
    bool escaped = false;
    test::onNextModal(&view, [&](QWidget* modal) {
        QTest::keyClick(child<QLineEdit>(modal, "inquiryPerson"), Qt::Key_Escape);
        escaped = true;
    });
    QTest::keyClick(test::keyTarget(&view), Qt::Key_Q, Qt::AltModifier);
    REQUIRE(test::waitFor([&] { return escaped && !QApplication::activeModalWidget(); }));
    CHECK(inquiriesOnCase(d, id) == 1);
}

// One intake for a whole matter (一件事一次办, issue 20), by keyboard.
#include "ui/KeysFixture.h"

#include "support/TestSupport.h"

#include "store/CaseStore.h"
#include "store/DraftRepository.h"
#include "ui/MatterIntakeDialog.h"

#include <QApplication>
#include <QCheckBox>
#include <QInputMethodEvent>
#include <QLineEdit>
#include <QTableWidget>
#include <QTest>
#include <QTranslator>

using namespace onewindow;
using Dialog = ui::MatterIntakeDialog;

namespace {

// The keys a clerk presses: Latin ones one by one, Chinese through the input method (three
// pinyin keys a character, roughly, as the single intake's test counts them).
struct Keys
{
    int count = 0;
    void type(const QString& text)
    {
        QWidget* w = QApplication::focusWidget();
        REQUIRE(w);
        if (std::all_of(text.begin(), text.end(), [](QChar c) { return c.unicode() < 128; })) {
            QTest::keyClicks(w, text);
            count += static_cast<int>(text.size());
        } else {
            QInputMethodEvent commit;
            commit.setCommitString(text);
            QCoreApplication::sendEvent(w, &commit);
            count += static_cast<int>(text.size()) * 3;
        }
    }
    void key(Qt::Key k, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
    {
        QWidget* w = QApplication::focusWidget();
        REQUIRE(w);
        QTest::keyClick(w, k, modifiers);
        ++count;
    }
};

// The window's Chinese for this test only (the screenshots show what the clerk reads).
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

void shot(QWidget* dialog, const char* name)
{
    QCoreApplication::processEvents();
    dialog->grab().save(test::screenshotPath(name));
}

// 开办企业 up to the checklist: a seal and staff, no invoices; 张三 applies.
void upToChecklist(Dialog& dialog, Keys& k, bool shots)
{
    dialog.show();
    QApplication::setActiveWindow(&dialog);
    k.type(QStringLiteral("kbqy"));
    if (shots)
        shot(&dialog, "matter-1-matter");
    k.key(Qt::Key_Return);
    REQUIRE(dialog.step() == Dialog::QuestionStep);
    k.key(Qt::Key_Space); // 是否刻制公章？ yes
    k.key(Qt::Key_Tab);
    k.key(Qt::Key_Tab);
    k.key(Qt::Key_Space); // 是否招用员工？ yes
    if (shots)
        shot(&dialog, "matter-2-questions");
    k.key(Qt::Key_Return);
    REQUIRE(dialog.step() == Dialog::ApplicantStep);
    k.type(QStringLiteral("张三"));
    k.key(Qt::Key_Tab);
    k.type(QStringLiteral("11010519491231002X"));
    k.key(Qt::Key_Tab);
    k.type(QStringLiteral("13912345678"));
    if (shots)
        shot(&dialog, "matter-3-applicant");
    k.key(Qt::Key_Return);
    REQUIRE(dialog.step() == Dialog::ChecklistStep);
}

QStringList partNames(const Dialog& dialog)
{
    QStringList out;
    for (const core::ServiceItem& i : dialog.parts())
        out.append(i.name);
    return out;
}

} // namespace

TEST_CASE("一件事: a whole 开办企业 intake by keyboard, with its key count")
{
    test::KeysDesk desk;
    ChineseForThisTest chinese;
    Dialog dialog(*desk.store, *desk.cases, desk.clerk);
    Keys k;
    upToChecklist(dialog, k, true);
    CHECK(partNames(dialog) == QStringList{QStringLiteral("企业设立登记"),
                                           QStringLiteral("公章刻制备案"),
                                           QStringLiteral("城镇职工基本养老保险参保登记"),
                                           QStringLiteral("住房公积金单位缴存登记")});
    // The legal representative's ID card is one row for the three items that ask for it.
    int idRows = 0;
    for (const core::ChecklistRow& row : dialog.checklist())
        if (row.name == QStringLiteral("法定代表人居民身份证")) {
            ++idRows;
            CHECK(row.itemNames.size() == 3);
        }
    CHECK(idRows == 1);
    shot(&dialog, "matter-4-checklist");
    k.key(Qt::Key_F9); // the papers looked at: the rest handed in, on to the decisions
    REQUIRE(dialog.step() == Dialog::DecisionStep);
    CHECK(dialog.decisions() == QList<Dialog::PartDecision>(4, Dialog::PartDecision::Accept));
    shot(&dialog, "matter-5-decisions");
    k.key(Qt::Key_Return);
    REQUIRE(dialog.result() == QDialog::Accepted);

    REQUIRE(dialog.caseNumbers().size() == 4);
    CHECK(dialog.matterNumber() == dialog.caseNumbers().first() + QStringLiteral("-J"));
    CHECK(dialog.matterNumber().startsWith(QStringLiteral("620102-20260918-")));
    for (const QString& id : dialog.caseIds()) {
        auto state = desk.cases->state(id);
        REQUIRE(state.ok());
        CHECK(state->status == core::CaseStatus::InProgress);
        CHECK(state->applicant.name == QStringLiteral("张三"));
        REQUIRE(state->matter.has_value());
        CHECK(state->matter->number == dialog.matterNumber());
        CHECK(state->matter->code == QStringLiteral("KBQY"));
    }
    // Four items by one intake; one item alone takes up to 45 (IntakeUiTest).
    CHECK(k.count <= 55);
    WARN("开办企业 (4 items) by keyboard: " << k.count << " keystrokes");
}

TEST_CASE("一件事: a shared paper missing puts every part that needs it on notice, the rest "
          "accepted")
{
    test::KeysDesk desk;
    Dialog dialog(*desk.store, *desk.cases, desk.clerk);
    Keys k;
    upToChecklist(dialog, k, false);
    int idRow = -1;
    for (int r = 0; r < dialog.checklist().size(); ++r)
        if (dialog.checklist().at(r).name == QStringLiteral("法定代表人居民身份证"))
            idRow = r;
    REQUIRE(idRow >= 0);
    for (int r = 0; r < idRow; ++r)
        k.key(Qt::Key_Down);
    k.key(Qt::Key_Space); // 已提交
    k.key(Qt::Key_Space); // 缺
    k.key(Qt::Key_F9);
    REQUIRE(dialog.step() == Dialog::DecisionStep);
    const QList<Dialog::PartDecision> expected{
        Dialog::PartDecision::Notice, Dialog::PartDecision::Notice, Dialog::PartDecision::Accept,
        Dialog::PartDecision::Notice};
    CHECK(dialog.decisions() == expected);
    k.key(Qt::Key_Return);
    REQUIRE(dialog.result() == QDialog::Accepted);
    auto seal = desk.cases->state(dialog.caseIds().at(1));
    REQUIRE(seal.ok());
    CHECK(seal->status == core::CaseStatus::AwaitingCorrection);
    REQUIRE(seal->notices.size() == 1);
    CHECK(seal->notices.first().corrections.first().materialName ==
          QStringLiteral("法定代表人居民身份证"));
    CHECK(desk.cases->state(dialog.caseIds().at(2))->status == core::CaseStatus::InProgress);
}

TEST_CASE("一件事: the intake refuses an applicant without a valid ID and a matter that does not "
          "exist, and Esc goes back a step")
{
    test::KeysDesk desk;
    Dialog dialog(*desk.store, *desk.cases, desk.clerk);
    dialog.show();
    QApplication::setActiveWindow(&dialog);
    Keys k;
    k.type(QStringLiteral("zzzz"));
    CHECK_FALSE(dialog.next()); // no matter matches: the clerk is told, the step stays
    CHECK(dialog.step() == Dialog::MatterStep);
    CHECK(dialog.problems().size() == 1);
    static_cast<QLineEdit*>(QApplication::focusWidget())->clear();
    k.type(QStringLiteral("sh"));
    REQUIRE(dialog.next());
    CHECK(dialog.step() == Dialog::QuestionStep);
    k.key(Qt::Key_Escape);
    CHECK(dialog.step() == Dialog::MatterStep);
    REQUIRE(dialog.next());
    REQUIRE(dialog.next());
    REQUIRE(dialog.step() == Dialog::ApplicantStep);
    k.type(QStringLiteral("李四"));
    k.key(Qt::Key_Tab);
    k.type(QStringLiteral("110105194912310021"));
    CHECK_FALSE(dialog.next());
    CHECK(dialog.step() == Dialog::ApplicantStep);
    CHECK(dialog.problems().join(QString()).contains(QStringLiteral("身份证号码")));
}

TEST_CASE("一件事: a matter intake closed half done (locked, taken over) is kept and offered "
          "again with nothing typed lost; backing out or recording drops it")
{
    test::KeysDesk desk;
    ChineseForThisTest chinese;
    const auto states = [](const Dialog& d) {
        const auto* table = d.findChild<QTableWidget*>(QStringLiteral("matterChecklist"));
        REQUIRE(table);
        QStringList out;
        for (int r = 0; r < table->rowCount(); ++r)
            out.append(table->item(r, 1)->text());
        return out;
    };
    QStringList checked;
    QStringList parts;
    {
        Dialog first(*desk.store, *desk.cases, desk.clerk);
        Keys k;
        upToChecklist(first, k, false);
        k.key(Qt::Key_Space); // the first paper handed in
        // The third one missing (the second, the business licence, is the first part's result).
        k.key(Qt::Key_Down);
        k.key(Qt::Key_Down);
        k.key(Qt::Key_Space);
        k.key(Qt::Key_Space);
        checked = states(first);
        parts = partNames(first);
        REQUIRE(checked.at(0) == QStringLiteral("已提交"));
        REQUIRE(checked.at(2) == QStringLiteral("缺少"));
        // The window closes it as the idle lock's takeover and signing out do.
        first.done(QDialog::Rejected);
    }
    REQUIRE(store::DraftRepository(*desk.store).matterExists(desk.clerk.userId));

    Dialog again(*desk.store, *desk.cases, desk.clerk);
    QString asked;
    again.setPrompts(
        [&](const QString& q) {
            asked = q;
            return true;
        },
        [](const QString& m) { FAIL(m.toStdString()); });
    REQUIRE(again.offerDraft() == Dialog::DraftOffer::Restored);
    CHECK(asked.contains(QStringLiteral("张三（110105********002X） · 开办企业")));
    CHECK(again.step() == Dialog::ChecklistStep);
    CHECK(partNames(again) == parts);
    CHECK(states(again) == checked);
    CHECK(again.findChild<QLineEdit*>(QStringLiteral("matterApplicantName"))->text() ==
          QStringLiteral("张三"));
    CHECK(again.findChild<QLineEdit*>(QStringLiteral("matterApplicantPhone"))->text() ==
          QStringLiteral("13912345678"));
    again.show();
    QApplication::setActiveWindow(&again);
    Keys k;
    k.key(Qt::Key_F9);
    REQUIRE(again.step() == Dialog::DecisionStep);
    // The missing paper's parts are on notice, as they would have been without the break.
    CHECK(again.decisions().contains(Dialog::PartDecision::Notice));
    k.key(Qt::Key_Return);
    REQUIRE(again.result() == QDialog::Accepted);
    auto state = desk.cases->state(again.caseIds().first());
    REQUIRE(state.ok());
    CHECK(state->applicant.idNumber == QStringLiteral("11010519491231002X"));
    // Recorded: nothing left to offer.
    CHECK_FALSE(store::DraftRepository(*desk.store).matterExists(desk.clerk.userId));
    Dialog none(*desk.store, *desk.cases, desk.clerk);
    CHECK(none.offerDraft() == Dialog::DraftOffer::None);

    // Backed out step by step on purpose (Esc past the first step): no draft is kept.
    Dialog left(*desk.store, *desk.cases, desk.clerk);
    left.show();
    QApplication::setActiveWindow(&left);
    k.type(QStringLiteral("kbqy"));
    k.key(Qt::Key_Return);
    REQUIRE(left.step() == Dialog::QuestionStep);
    CHECK(store::DraftRepository(*desk.store).matterExists(desk.clerk.userId));
    k.key(Qt::Key_Escape);
    k.key(Qt::Key_Escape);
    CHECK(left.result() == QDialog::Rejected);
    CHECK_FALSE(store::DraftRepository(*desk.store).matterExists(desk.clerk.userId));
}

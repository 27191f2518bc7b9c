// A matter started from a case (一件事一次办, issue 20) does not ask again for the shared papers
// that case's acceptance holds: the intake shows them as held by it, each part records them so,
// and the matter's letters say so.
#include "ui/KeysFixture.h"

#include "support/CatalogFixtures.h"
#include "support/TestSupport.h"

#include "core/MatterCase.h"
#include "documents/MatterLetters.h"
#include "store/CaseStore.h"
#include "store/CatalogRepository.h"
#include "store/MatterCases.h"
#include "store/MatterRepository.h"
#include "ui/MatterIntakeDialog.h"

#include <QApplication>
#include <QInputMethodEvent>
#include <QLineEdit>
#include <QProcess>
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

// 企业设立登记 taken in alone and accepted, every paper handed in
// (王五); returns its case id and number.
std::pair<QString, QString> registrationAlone(test::KeysDesk& desk)
{
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
    REQUIRE(desk.cases
                ->append(alone->event.caseId, EventType::Accepted, core::payload::accepted(),
                         desk.clerk.userId)
                .ok());
    return {alone->event.caseId, alone->state.caseNumber};
}

// Chinese into the focused line edit, as an input method commits it.
void commitText(QWidget* edit, const QString& text)
{
    QInputMethodEvent commit;
    commit.setCommitString(text);
    QCoreApplication::sendEvent(edit, &commit);
}

} // namespace

// The demo's 开办企业: its shared material 法定代表人居民身份证 names 企业设立登记's 004
// (任职文件及身份证明) and 公章刻制备案's 002; 营业执照 is shared by the parts after the
// registration, so the registration's case cannot hold it. 公章刻制备案's 004 (经办人居民身份证) is
// no shared paper.
TEST_CASE("一件事 started from a case: the shared paper the case's acceptance holds is shown as "
          "held by it, not asked again, recorded so and named in the matter's letters")
{
    ChineseForThisTest chinese;
    test::KeysDesk desk;
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
    const QString number = alone->state.caseNumber;
    REQUIRE(
        desk.cases->append(id, EventType::Accepted, core::payload::accepted(), desk.clerk.userId)
            .ok());

    ui::MatterIntakeDialog dialog(*desk.store, *desk.cases, desk.clerk);
    dialog.startFrom(*desk.cases->state(id));
    dialog.show();
    QApplication::setActiveWindow(&dialog);
    QTest::keyClicks(test::keyTarget(&dialog), QStringLiteral("kbqy"));
    QTest::keyClick(test::keyTarget(&dialog), Qt::Key_Return);
    REQUIRE(dialog.step() == ui::MatterIntakeDialog::QuestionStep);
    QTest::keyClick(test::keyTarget(&dialog), Qt::Key_Space); // 是否刻制公章？ yes
    QTest::keyClick(test::keyTarget(&dialog), Qt::Key_Return);
    QTest::keyClick(test::keyTarget(&dialog), Qt::Key_Return); // the case's applicant
    REQUIRE(dialog.step() == ui::MatterIntakeDialog::ChecklistStep);
    REQUIRE(dialog.parts().size() == 1); // 公章刻制备案
    const auto* table = dialog.findChild<QTableWidget*>(QStringLiteral("matterChecklist"));
    REQUIRE(table);
    const QList<core::ChecklistRow>& rows = dialog.checklist();
    int heldRow = -1;
    for (int r = 0; r < rows.size(); ++r) {
        const QString state = table->item(r, 1)->text();
        if (rows.at(r).name == QStringLiteral("法定代表人居民身份证")) {
            heldRow = r;
            CHECK(rows.at(r).heldBy == number);
            CHECK(state == QStringLiteral("已由办件 %1 收取（不再提交）").arg(number));
        } else {
            // 营业执照, 经办人居民身份证 ... asked as usual: a required one waits to be checked.
            CHECK(rows.at(r).heldBy.isEmpty());
            CHECK(state == (rows.at(r).requirement == core::Requirement::Required
                                ? QStringLiteral("未核验")
                                : QStringLiteral("不适用")));
        }
    }
    REQUIRE(heldRow == 0); // the shared rows come first, the matter's order
    // Space on the held row changes nothing: the paper is not the clerk's to mark again.
    QTest::keyClick(test::keyTarget(&dialog), Qt::Key_Space);
    CHECK(table->item(heldRow, 1)->text() ==
          QStringLiteral("已由办件 %1 收取（不再提交）").arg(number));
    dialog.grab().save(test::screenshotPath("matter-intake-held"));
    QTest::keyClick(test::keyTarget(&dialog), Qt::Key_F9); // the rest looked at and handed in
    REQUIRE(dialog.step() == ui::MatterIntakeDialog::DecisionStep);
    QTest::keyClick(test::keyTarget(&dialog), Qt::Key_Return);
    REQUIRE(dialog.result() == QDialog::Accepted);

    // The seal's part records its ID card as handed in, held by the registration's case.
    REQUIRE(dialog.caseIds().size() == 1);
    auto seal = desk.cases->state(dialog.caseIds().first());
    REQUIRE(seal.ok());
    CHECK(seal->status == core::CaseStatus::InProgress);
    int held = 0;
    for (const core::MaterialCheck& m : seal->materials)
        if (!m.heldBy.isEmpty()) {
            ++held;
            CHECK(m.name == QStringLiteral("法定代表人居民身份证"));
            CHECK(m.heldBy == number);
            CHECK(m.state == core::MaterialState::Provided);
        }
    CHECK(held == 1);

    // The matter's receipt names the paper, the case holding it and the part not asking again.
    auto loaded = store::loadMatter(*desk.cases, dialog.matterNumber(), desk.today());
    REQUIRE(loaded.ok());
    const documents::MatterLetter letter =
        documents::matterLetterFrom(loaded->matter, loaded->matters, loaded->number, loaded->parts,
                                    loaded->progress.clock.deadline);
    REQUIRE(letter.held.size() == 1);
    const QString pdf = desk.dir.filePath(QStringLiteral("matter-receipt.pdf"));
    REQUIRE(
        documents::writeMatterLetterPdf(documents::MatterLetterKind::Receipt, letter, pdf).ok());
    QProcess p;
    p.start(QStringLiteral("pdftotext"), {QStringLiteral("-raw"), QStringLiteral("-enc"),
                                          QStringLiteral("UTF-8"), pdf, QStringLiteral("-")});
    REQUIRE(p.waitForFinished(60000));
    QString text;
    for (const QChar c : QString::fromUtf8(p.readAllStandardOutput()))
        if (!c.isSpace())
            text.append(c);
    CHECK(text.contains(QStringLiteral("法定代表人居民身份证：已由办件%1在受理时收取，公章刻制备案"
                                       "不再重复提交。")
                            .arg(number)));
}

TEST_CASE("一件事 started from a case: F8 takes a held paper again with a reason; it is checked "
          "like any other row, recorded so and named as submitted on the receipt")
{
    ChineseForThisTest chinese;
    test::KeysDesk desk;
    const auto [id, number] = registrationAlone(desk);
    ui::MatterIntakeDialog dialog(*desk.store, *desk.cases, desk.clerk);
    dialog.startFrom(*desk.cases->state(id));
    dialog.show();
    QApplication::setActiveWindow(&dialog);
    QTest::keyClicks(test::keyTarget(&dialog), QStringLiteral("kbqy"));
    QTest::keyClick(test::keyTarget(&dialog), Qt::Key_Return);
    QTest::keyClick(test::keyTarget(&dialog), Qt::Key_Space); // 是否刻制公章？ yes
    QTest::keyClick(test::keyTarget(&dialog), Qt::Key_Return);
    QTest::keyClick(test::keyTarget(&dialog), Qt::Key_Return); // the case's applicant
    REQUIRE(dialog.step() == ui::MatterIntakeDialog::ChecklistStep);
    auto* table = dialog.findChild<QTableWidget*>(QStringLiteral("matterChecklist"));
    auto* reason = dialog.findChild<QLineEdit*>(QStringLiteral("matterRetakeReason"));
    REQUIRE(table);
    REQUIRE(reason);
    REQUIRE(dialog.checklist().at(0).heldBy == number); // the ID card, the current row
    CHECK_FALSE(reason->isVisible());

    // F8: the ID card expired since the case was accepted; taken again, to be checked.
    QTest::keyClick(test::keyTarget(&dialog), Qt::Key_F8);
    CHECK(table->item(0, 1)->text() ==
          QStringLiteral("未核验（重新收取；办件 %1 已收取）").arg(number));
    CHECK(reason->isVisible());
    CHECK(QApplication::focusWidget() == reason);
    // F9 without a reason: the step stays, says why, and waits in the reason field.
    QTest::keyClick(test::keyTarget(&dialog), Qt::Key_F9);
    CHECK(dialog.step() == ui::MatterIntakeDialog::ChecklistStep);
    REQUIRE_FALSE(dialog.problems().isEmpty());
    CHECK(dialog.problems().join(QString()).contains(number));
    CHECK(QApplication::focusWidget() == reason);
    // F8 twice gives it back to the case; F8 once more takes it again.
    table->setFocus();
    QTest::keyClick(test::keyTarget(&dialog), Qt::Key_F8);
    CHECK(table->item(0, 1)->text() == QStringLiteral("已由办件 %1 收取（不再提交）").arg(number));
    QTest::keyClick(test::keyTarget(&dialog), Qt::Key_F8);
    commitText(reason, QStringLiteral("身份证已过期"));
    QTest::keyClick(test::keyTarget(&dialog), Qt::Key_Return); // back to the list
    CHECK(QApplication::focusWidget() == table);
    CHECK(dialog.step() == ui::MatterIntakeDialog::ChecklistStep);
    QTest::keyClick(test::keyTarget(&dialog), Qt::Key_Space); // the new card handed in
    CHECK(table->item(0, 1)->text() ==
          QStringLiteral("已提交（重新收取；办件 %1 已收取）").arg(number));
    dialog.grab().save(test::screenshotPath("matter-intake-retaken"));
    QTest::keyClick(test::keyTarget(&dialog), Qt::Key_F9);
    REQUIRE(dialog.step() == ui::MatterIntakeDialog::DecisionStep);
    QTest::keyClick(test::keyTarget(&dialog), Qt::Key_Return);
    REQUIRE(dialog.result() == QDialog::Accepted);

    auto seal = desk.cases->state(dialog.caseIds().first());
    REQUIRE(seal.ok());
    int retaken = 0;
    for (const core::MaterialCheck& m : seal->materials) {
        CHECK(m.heldBy.isEmpty());
        if (!m.retakenFrom.isEmpty()) {
            ++retaken;
            CHECK(m.name == QStringLiteral("法定代表人居民身份证"));
            CHECK(m.retakenFrom == number);
            CHECK(m.retakenReason == QStringLiteral("身份证已过期"));
            CHECK(m.state == core::MaterialState::Provided);
        }
    }
    CHECK(retaken == 1);

    auto loaded = store::loadMatter(*desk.cases, dialog.matterNumber(), desk.today());
    REQUIRE(loaded.ok());
    const documents::MatterLetter letter =
        documents::matterLetterFrom(loaded->matter, loaded->matters, loaded->number, loaded->parts,
                                    loaded->progress.clock.deadline);
    CHECK(letter.held.isEmpty());
    REQUIRE(letter.retaken.size() == 1);
    const QString pdf = desk.dir.filePath(QStringLiteral("matter-receipt-retaken.pdf"));
    REQUIRE(
        documents::writeMatterLetterPdf(documents::MatterLetterKind::Receipt, letter, pdf).ok());
    QProcess p;
    p.start(QStringLiteral("pdftotext"), {QStringLiteral("-raw"), QStringLiteral("-enc"),
                                          QStringLiteral("UTF-8"), pdf, QStringLiteral("-")});
    REQUIRE(p.waitForFinished(60000));
    QString text;
    for (const QChar c : QString::fromUtf8(p.readAllStandardOutput()))
        if (!c.isSpace())
            text.append(c);
    CHECK(
        text.contains(QStringLiteral("法定代表人居民身份证：本次已重新提交（办件%1受理时收取的不再"
                                     "使用，原因：身份证已过期），用于公章刻制备案。")
                          .arg(number)));
    CHECK_FALSE(text.contains(QStringLiteral("不再重复提交")));
}

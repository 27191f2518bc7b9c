// 移交后台 at an enrolled window: the case view hands the form the hall's back offices, the clerk
// chooses one with the keys, and the case goes exactly there; with no list the form says so; an
// island hall still writes the back office as text.
#include "KeysFixture.h"

#include "store/CaseStore.h"
#include "store/SyncRepository.h"
#include "support/EnrolledStore.h"
#include "ui/ActionForm.h"
#include "ui/CaseView.h"

#include <catch2/catch.hpp>

#include <QApplication>
#include <QComboBox>
#include <QInputMethodEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTest>

using namespace onewindow;

namespace {

const QString kSocial = QStringLiteral("人力资源和社会保障后台审批组");
const QString kMarket = QStringLiteral("市场监管后台审批组");

// The demo hall's clerk at a window enrolled in a hall whose server listed `offices`.
void enrolWith(test::ClerkHall& d, const QStringList& offices)
{
    REQUIRE(test::enrolWithoutServer(*d.store).ok());
    store::PulledMaster master;
    master.backOffices = offices;
    REQUIRE(store::SyncRepository(*d.cases).applyPull({}, 5, master).ok());
}

QPushButton* forwardButton(ui::CaseView& view)
{
    for (QPushButton* b : view.findChildren<QPushButton*>())
        if (b->text().startsWith(QStringLiteral("移交后台")))
            return b;
    return nullptr;
}

} // namespace

TEST_CASE("移交后台: an enrolled window's form offers exactly the hall's back offices, chosen with "
          "the keys, and records the chosen one")
{
    test::ClerkHall d;
    enrolWith(d, {kSocial, kMarket});
    const QString id = d.receive(true);
    ui::CaseView view(*d.cases, d.clerk, id, d.today());
    view.show();
    REQUIRE(QTest::qWaitForWindowExposed(&view));
    QPushButton* forward = forwardButton(view);
    REQUIRE(forward);

    QStringList offered;
    bool hadText = true;
    bool focused = false;
    test::onNextModal(&view, [&](QWidget* modal) {
        hadText = modal->findChild<QLineEdit*>(QStringLiteral("to")) != nullptr;
        auto* to = modal->findChild<QComboBox*>(QStringLiteral("to"));
        focused = to && test::keyTarget(modal) == to;
        for (int i = 0; to && i < to->count(); ++i)
            offered.append(to->itemData(i).toString());
        // The field has the focus: Down twice, then Enter records the second office.
        QTest::keyClick(test::keyTarget(modal), Qt::Key_Down);
        QTest::keyClick(test::keyTarget(modal), Qt::Key_Down);
        QTest::keyClick(test::keyTarget(modal), Qt::Key_Return);
        if (modal->isVisible())
            modal->close();
    });
    forward->click();
    CHECK_FALSE(hadText);
    CHECK(focused);
    CHECK(offered == QStringList{QString(), kSocial, kMarket}); // "(choose)" first, nothing else
    CHECK(d.cases->state(id)->forwardedTo == kMarket);
}

TEST_CASE("移交后台: an enrolled window whose hall lists no back office says so in the form and "
          "records nothing")
{
    test::ClerkHall d;
    enrolWith(d, {});
    const QString id = d.receive(true);
    ui::CaseView view(*d.cases, d.clerk, id, d.today());
    view.show();
    REQUIRE(QTest::qWaitForWindowExposed(&view));
    QPushButton* forward = forwardButton(view);
    REQUIRE(forward);
    QString note;
    bool stayed = false;
    test::onNextModal(&view, [&](QWidget* modal) {
        if (auto* label = modal->findChild<QLabel*>(QStringLiteral("toNote")))
            note = label->text();
        QTest::keyClick(test::keyTarget(modal), Qt::Key_Return);
        stayed = modal->isVisible();
        modal->close();
    });
    forward->click();
    CHECK(note.contains(QStringLiteral("本大厅尚未登记后台科室")));
    CHECK(note.contains(QStringLiteral("onewindow-server backoffice add")));
    CHECK(stayed);
    CHECK(d.cases->state(id)->forwardedTo.isEmpty());
}

TEST_CASE("移交后台: an island hall (no server) writes the back office as text")
{
    test::ClerkHall d;
    const QString id = d.receive(true);
    CHECK(ui::hallChoices(*d.store, core::EventType::Forwarded).isEmpty());
    ui::CaseView view(*d.cases, d.clerk, id, d.today());
    view.show();
    REQUIRE(QTest::qWaitForWindowExposed(&view));
    QPushButton* forward = forwardButton(view);
    REQUIRE(forward);
    test::onNextModal(&view, [&](QWidget* modal) {
        // Chinese typed as an input method commits it (QTest::keyClicks cannot type it).
        QInputMethodEvent commit;
        commit.setCommitString(QStringLiteral("本中心审批科"));
        QApplication::sendEvent(test::keyTarget(modal), &commit);
        QTest::keyClick(test::keyTarget(modal), Qt::Key_Return);
        if (modal->isVisible())
            modal->close();
    });
    forward->click();
    CHECK(d.cases->state(id)->forwardedTo == QStringLiteral("本中心审批科"));
}

// 领办 in the case view (issue 18; core/CaseHold.h): a window of a hall holds a case with Alt+H,
// sees it in the header and releases it with Alt+L; a store with no server offers no hold.
#include "support/EnrolledStore.h"
#include "ui/HeldElsewhere.h"
#include "ui/KeysFixture.h"

#include "core/SystemEvents.h"
#include "store/CaseQueries.h"
#include "store/CaseStore.h"
#include "store/ClockState.h"
#include "store/SyncRepository.h"
#include "ui/CaseRowModel.h"
#include "ui/CaseView.h"

#include <catch2/catch.hpp>

#include <QPushButton>
#include <QTest>

using namespace onewindow;
using core::EventType;

namespace {

// The view's button whose Alt key is `key` ("L"), once it is shown. The view rebuilds its buttons
// after each act, and a button added to a shown layout is shown by a queued call
// (QLayout::addChildWidget): until then it is hidden and its Alt key reaches nothing.
bool buttonShown(const QWidget& view, const QString& key)
{
    for (const QPushButton* b : view.findChildren<QPushButton*>())
        if (b->isVisible() &&
            QKeySequence::mnemonic(b->text()) == QKeySequence(QStringLiteral("Alt+") + key))
            return true;
    return false;
}

} // namespace

TEST_CASE("领办 at a window of a hall: Alt+H holds the case, the header names this window, and "
          "Alt+L lets it go")
{
    test::KeysDesk d;
    REQUIRE(test::enrolWithoutServer(*d.store).ok());
    // The last sync reached the server: online, so the hold may be taken.
    REQUIRE(store::recordClockOffset(*d.store, 0, d.store->clock().nowUtc()).ok());
    const QString id = d.receive(true);
    ui::CaseView view(*d.cases, d.clerk, id, d.today());
    view.resize(1000, 720);
    view.show();
    view.activateWindow();
    REQUIRE(QTest::qWaitForWindowActive(&view));
    REQUIRE(view.actions().contains(EventType::Held));
    CHECK_FALSE(view.actions().contains(EventType::HoldReleased));
    CHECK_FALSE(view.actions().contains(EventType::HoldRecalled)); // a clerk never recalls

    // From where the focus is when the case opens (its clocks).
    QTest::keyClick(test::keyTarget(&view), Qt::Key_H, Qt::AltModifier);
    REQUIRE(test::waitFor([&] { return !d.cases->state(id)->holderWindow.isEmpty(); }));
    CHECK(d.cases->state(id)->holderWindow == QStringLiteral("W07"));
    CHECK(view.headerText().contains(QStringLiteral("本窗口（W07，张三）")));
    CHECK(view.actions().contains(EventType::HoldReleased));
    CHECK_FALSE(view.actions().contains(EventType::Held));
    CHECK(view.actions().contains(EventType::Decided)); // the holder decides
    // The queue says whose it is.
    auto rows = store::CaseQueries(*d.store).openByUrgency(d.today(), 10);
    REQUIRE(rows.ok());
    ui::CaseRowModel queue;
    queue.setRows(*rows, d.today());
    REQUIRE(queue.rowCount() == 1);
    CHECK(queue.index(0, ui::CaseRowModel::StatusColumn).data().toString() ==
          QStringLiteral("办理中（W07 领办）"));

    // Alt+L once its button is there to take it (the hold's rebuild shows it a moment later).
    REQUIRE(test::waitFor([&] { return buttonShown(view, QStringLiteral("L")); }));
    QTest::keyClick(test::keyTarget(&view), Qt::Key_L, Qt::AltModifier);
    REQUIRE(test::waitFor([&] { return d.cases->state(id)->holderDevice.isEmpty(); }));
    CHECK_FALSE(view.headerText().contains(QStringLiteral("领办")));
    CHECK(view.actions().contains(EventType::Held));
}

TEST_CASE("领办 from another window reaches an open case view with the sync: its header names the "
          "holder and its buttons leave only what the hold allows")
{
    test::KeysDesk d;
    REQUIRE(test::enrolWithoutServer(*d.store).ok());
    const QString id = d.receive(true);
    ui::CaseView view(*d.cases, d.clerk, id, d.today());
    REQUIRE(view.actions().contains(EventType::Decided));
    // What a pull brings: the case in the hall's order, then another device's hold.
    test::pullHoldByW08(d, id);

    view.refreshFromHall();
    CHECK(view.headerText().contains(QStringLiteral("已由 W08 窗口")));
    CHECK_FALSE(view.actions().contains(EventType::Decided));
    CHECK_FALSE(view.actions().contains(EventType::Held));
    CHECK(view.actions().contains(EventType::Note));
}

TEST_CASE("领办 is not offered where there is no hall server to grant it")
{
    test::KeysDesk d;
    const QString id = d.receive(true);
    ui::CaseView view(*d.cases, d.clerk, id, d.today());
    CHECK_FALSE(view.actions().contains(EventType::Held));
    CHECK(view.actions().contains(EventType::Decided));
}

TEST_CASE("Decision 9 at the window: a hold the hall's server took back at a retirement frees the "
          "case, and the timeline names its author 中心服务器")
{
    test::KeysDesk d;
    REQUIRE(test::enrolWithoutServer(*d.store).ok());
    const QString id = d.receive(true);
    // What pulls bring: W08's hold, then the server's recall when W08's PC was retired.
    auto [held, seq] =
        test::pullHoldByW08(d, id, QStringLiteral("0190f000-0000-7000-8000-0000000000a2"),
                            QStringLiteral("9999999999998-00000-other"));
    auto heldState = d.cases->state(id);
    REQUIRE(heldState.ok());
    REQUIRE(heldState->holderWindow == QStringLiteral("W08"));
    const core::Event recall = core::serverHoldRecall(
        *heldState, held.eventId, d.store->clock().nowUtc(), QStringLiteral("停用"));
    store::Placement placed;
    placed.eventId = recall.eventId;
    placed.caseId = id;
    placed.hallSeq = ++seq;
    REQUIRE(store::SyncRepository(*d.cases).applyPull({{placed, recall, {}}}, seq).ok());

    ui::CaseView view(*d.cases, d.clerk, id, d.today());
    view.resize(1000, 720);
    view.show();
    CHECK_FALSE(view.headerText().contains(QStringLiteral("领办")));
    CHECK(view.actions().contains(EventType::Decided));
    const QStringList lines = test::timelineLines(view);
    INFO(lines.join(QLatin1Char('\n')).toStdString());
    CHECK(lines.last().endsWith(QStringLiteral(
        "中心服务器  收回领办：W08 窗口的设备已停用，中心服务器收回其领办，各窗口均可办理")));
}

// 领办 in the case view (issue 18; core/CaseHold.h): a window of a hall holds a case with Alt+H,
// sees it in the header and releases it with Alt+L; a store with no server offers no hold.
#include "support/EnrolledStore.h"
#include "ui/KeysFixture.h"

#include "store/CaseStore.h"
#include "store/ClockState.h"
#include "ui/CaseView.h"

#include <catch2/catch.hpp>

#include <QTest>

#include <functional>

using namespace onewindow;
using core::EventType;

namespace {

// A button's Alt key clicks it a moment later (QAbstractButton::animateClick): wait for it.
bool waitFor(const std::function<bool()>& done)
{
    for (int i = 0; i < 40 && !done(); ++i)
        QTest::qWait(50);
    return done();
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
    REQUIRE(waitFor([&] { return !d.cases->state(id)->holderWindow.isEmpty(); }));
    CHECK(d.cases->state(id)->holderWindow == QStringLiteral("W07"));
    CHECK(view.headerText().contains(QStringLiteral("本窗口（W07，张三）")));
    CHECK(view.actions().contains(EventType::HoldReleased));
    CHECK_FALSE(view.actions().contains(EventType::Held));
    CHECK(view.actions().contains(EventType::Decided)); // the holder decides

    QTest::keyClick(test::keyTarget(&view), Qt::Key_L, Qt::AltModifier);
    REQUIRE(waitFor([&] { return d.cases->state(id)->holderDevice.isEmpty(); }));
    CHECK_FALSE(view.headerText().contains(QStringLiteral("领办")));
    CHECK(view.actions().contains(EventType::Held));
}

TEST_CASE("领办 is not offered where there is no hall server to grant it")
{
    test::KeysDesk d;
    const QString id = d.receive(true);
    ui::CaseView view(*d.cases, d.clerk, id, d.today());
    CHECK_FALSE(view.actions().contains(EventType::Held));
    CHECK(view.actions().contains(EventType::Decided));
}

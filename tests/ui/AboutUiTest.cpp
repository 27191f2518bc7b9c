// Issue 21: Help → About, from the keyboard (Alt+J, A), shows the version and the commit the
// build came from, in Chinese, and closes with Esc.
#include "ui/KeysFixture.h"

#include "support/TestSupport.h"

#include "store/CalendarRepository.h"
#include "ui/AboutDialog.h"
#include "ui/MainWindow.h"
#include "version/Version.h"

#include <QApplication>
#include <QMenu>
#include <QMenuBar>
#include <QTest>

using namespace onewindow;

TEST_CASE("Help → About is reached from the keyboard and names the version and the commit of the "
          "build")
{
    test::KeysDesk d;
    auto notices = store::CalendarRepository(*d.store).loadNotices();
    REQUIRE(notices.ok());
    ui::MainWindow window(*d.store, d.clock, core::WorkingCalendar(*notices));
    window.setSignedIn(d.clerk, d.config);
    window.resize(1200, 800);
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    QApplication::setActiveWindow(&window);

    // The menu is the last of the bar, in Chinese, with its Alt key.
    const QList<QAction*> menus = window.menuBar()->actions();
    REQUIRE(!menus.isEmpty());
    CHECK(menus.last()->text() == QStringLiteral("帮助(&J)"));

    QString title, shown;
    bool wasAbout = false;
    test::onNextModal(&window, [&](QWidget* modal) {
        auto* about = qobject_cast<ui::AboutDialog*>(modal);
        wasAbout = about != nullptr;
        title = modal->windowTitle();
        if (about) {
            shown = about->versionText();
            about->grab().save(test::screenshotPath("about"));
        }
        QTest::keyClick(modal, Qt::Key_Escape);
    });
    // Alt+J opens the menu (办件 has Alt+H, and most letters are taken on some page: the mnemonic
    // test walks them), A its only entry.
    QTest::keyClick(&window, Qt::Key_J, Qt::AltModifier);
    QWidget* popup = QApplication::activePopupWidget();
    REQUIRE(qobject_cast<QMenu*>(popup) != nullptr);
    CHECK(qobject_cast<QMenu*>(popup)->menuAction() == menus.last());
    QTest::keyClick(popup, Qt::Key_A);
    for (int i = 0; i < 300 && (!wasAbout || QApplication::activeModalWidget()); ++i)
        QTest::qWait(10);
    REQUIRE(wasAbout);
    CHECK(QApplication::activeModalWidget() == nullptr); // Esc closed it
    CHECK(title == QStringLiteral("关于一窗通办受理工作站"));
    CHECK(shown.contains(QStringLiteral("版本 ") + version::number()));
    CHECK(shown.contains(QStringLiteral("构建提交 ") + version::commit()));
    CHECK(!version::commit().isEmpty());
}

// A damaged store is told: when the window opens its store, SQLite's quick check runs off the UI
// thread, and a failure shows a lasting warning above the pages (what is wrong, that records may
// be lost, to stop and call the administrator, what the administrator runs).
#include "support/ClerkHall.h"
#include "support/TestSupport.h"

#include "store/CalendarRepository.h"
#include "store/CaseStore.h"
#include "store/HallConfig.h"
#include "ui/KeysFixture.h"
#include "ui/MainWindow.h"
#include "ui/Startup.h"
#include "ui/StoreHealthBanner.h"

#include <QApplication>
#include <QFile>
#include <QMessageBox>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>

using namespace onewindow;

namespace {

// Opens the hall's store again (after it was closed and perhaps damaged) in a signed-in window
// and waits for the check at opening to finish; returns whether it found damage.
bool openWindowAndCheck(test::ClerkHall& h, std::unique_ptr<ui::MainWindow>& window)
{
    auto reopened = store::Store::open(h.path(), h.clock);
    REQUIRE(reopened.ok()); // the damage leaves the file openable
    h.store = std::move(reopened).value();
    h.cases = std::make_unique<store::CaseStore>(*h.store);
    auto notices = store::CalendarRepository(*h.store).loadNotices();
    REQUIRE(notices.ok());
    auto config = store::HallConfigRepository(*h.store).load();
    REQUIRE(config.ok());
    window = std::make_unique<ui::MainWindow>(*h.store, h.clock, core::WorkingCalendar(*notices));
    ui::StoreHealthBanner* banner = window->findChild<ui::StoreHealthBanner*>();
    REQUIRE(banner);
    QSignalSpy checked(banner, &ui::StoreHealthBanner::checked);
    window->setSignedIn(h.clerk, *config);
    window->show();
    REQUIRE(QTest::qWaitForWindowExposed(window.get()));
    if (checked.isEmpty())
        REQUIRE(checked.wait(30000));
    REQUIRE(checked.size() == 1);
    return checked.first().first().toBool();
}

} // namespace

TEST_CASE("A store damaged inside a table page opens with a lasting warning to stop and call the "
          "administrator")
{
    test::ClerkHall h;
    h.receive(true);
    // The root page of a table the window does not read at start: the store still opens and
    // works, but SQLite's quick check finds the page broken.
    QSqlQuery q(h.store->database());
    REQUIRE(q.exec(QStringLiteral("SELECT rootpage FROM sqlite_master WHERE name = "
                                  "'calendar_imports'")));
    REQUIRE(q.next());
    const qint64 page = q.value(0).toLongLong();
    REQUIRE(q.exec(QStringLiteral("PRAGMA page_size")));
    REQUIRE(q.next());
    const qint64 pageSize = q.value(0).toLongLong();
    q.finish();
    h.cases.reset();
    h.store.reset(); // closed: everything in the file itself
    {
        QFile file(h.path());
        REQUIRE(file.open(QIODevice::ReadWrite));
        REQUIRE(file.seek((page - 1) * pageSize));
        REQUIRE(file.write(QByteArray(8, '\xff')) == 8); // the b-tree page header
    }

    std::unique_ptr<ui::MainWindow> window;
    CHECK(openWindowAndCheck(h, window));
    ui::StoreHealthBanner* banner = window->findChild<ui::StoreHealthBanner*>();
    CHECK(banner->isVisible());
    const QString text = banner->text();
    INFO(text.toStdString());
    CHECK(text.contains(h.path()));
    CHECK(text.contains(QStringLiteral("已损坏")));
    CHECK(text.contains(QStringLiteral("Page %1").arg(page))); // SQLite's own finding
    CHECK(text.contains(QStringLiteral("可能已丢失")));
    CHECK(text.contains(QStringLiteral("停止")));
    CHECK(text.contains(QStringLiteral("系统管理员")));
    CHECK(text.contains(QStringLiteral("onewindowctl store check")));
    CHECK(text.contains(QStringLiteral("onewindowctl store backup")));
    // Lasting: still there after the minute's tick and a change of page.
    window->tick();
    window->tabs()->setCurrentIndex(1);
    QTest::qWait(50);
    CHECK(banner->isVisible());
    window->grab().save(test::screenshotPath("store-damaged"));
}

TEST_CASE("A sound store opens without the damage warning")
{
    test::ClerkHall h;
    h.receive(true);
    h.cases.reset();
    h.store.reset();
    std::unique_ptr<ui::MainWindow> window;
    CHECK_FALSE(openWindowAndCheck(h, window));
    CHECK_FALSE(window->findChild<ui::StoreHealthBanner*>()->isVisible());
}

TEST_CASE("A store that cannot be opened at all is refused at start with a message, the file "
          "untouched")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("s.sqlite"));
    QByteArray bytes("SQLite format 3");
    bytes.append(8192, '\x5a'); // the header and everything after it overwritten
    {
        QFile f(path);
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write(bytes);
    }
    QString title, said;
    test::onNextModal(nullptr, [&](QWidget* modal) {
        if (auto* box = qobject_cast<QMessageBox*>(modal)) {
            title = box->windowTitle();
            said = box->text() + QLatin1Char('\n') + box->informativeText();
        }
        modal->close();
    });
    ui::StartupOptions options;
    options.storePath = path;
    auto* app = qobject_cast<QApplication*>(QCoreApplication::instance());
    REQUIRE(app);
    CHECK(ui::runWorkstation(*app, options) == 1);
    INFO(said.toStdString());
    CHECK(title == QStringLiteral("无法打开数据文件"));
    CHECK(said.contains(path));
    CHECK(said.contains(QStringLiteral("数据文件未被改动")));
    QFile f(path);
    REQUIRE(f.open(QIODevice::ReadOnly));
    CHECK(f.readAll() == bytes);
}

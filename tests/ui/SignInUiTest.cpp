#include "support/TempStore.h"
#include "support/TestSupport.h"

#include "core/Clock.h"
#include "demo/DemoBuild.h"
#include "demo/DemoHall.h"
#include "store/CaseQueries.h"
#include "store/CaseStore.h"
#include "store/HallConfig.h"
#include "store/Migrations.h"
#include "store/Store.h"
#include "store/UserRepository.h"
#include "ui/SetupDialog.h"
#include "ui/SignInDialog.h"
#include "ui/Startup.h"

#include <QFile>
#include <QLineEdit>
#include <QSqlDatabase>
#include <QTemporaryDir>
#include <QTest>

using namespace onewindow;

namespace {

struct EmptyStore : test::TempStore
{
    EmptyStore() : test::TempStore(QDateTime(QDate(2026, 11, 20), QTime(1, 30), QTimeZone::utc()))
    {}
};

void type(QWidget* parent, const char* name, const QString& text)
{
    auto* edit = parent->findChild<QLineEdit*>(QString::fromLatin1(name));
    REQUIRE(edit);
    edit->clear();
    if (std::all_of(text.begin(), text.end(), [](QChar c) { return c.unicode() < 128; })) {
        QTest::keyClicks(edit, text);
    } else { // Chinese arrives through the input method, as on a real desk
        edit->setFocus();
        QInputMethodEvent commit;
        commit.setCommitString(text);
        QCoreApplication::sendEvent(edit, &commit);
    }
}

} // namespace

TEST_CASE(
    "First start: the setup dialog checks every field, then records hall, window and administrator")
{
    EmptyStore s;
    ui::SetupDialog setup(*s.store);
    setup.show();
    type(&setup, "hallNameEdit", QStringLiteral("兰州市城关区政务服务中心"));
    type(&setup, "hallCodeEdit", QStringLiteral("6201"));
    type(&setup, "windowEdit", QStringLiteral("w07"));
    type(&setup, "loginEdit", QStringLiteral("admin"));
    type(&setup, "adminNameEdit", QStringLiteral("王管理"));
    type(&setup, "passwordEdit", QStringLiteral("secret-pass"));
    type(&setup, "repeatEdit", QStringLiteral("secret-pas"));
    CHECK_FALSE(setup.submit());
    REQUIRE(setup.problems().size() == 2);
    CHECK(setup.problems()[0].contains(QStringLiteral("大厅编码")));
    CHECK(setup.problems()[1].contains(QStringLiteral("两次输入的密码不一致")));
    CHECK_FALSE(store::HallConfigRepository(*s.store).configured()); // nothing stored yet
    setup.grab().save(test::screenshotPath("setup"));

    type(&setup, "hallCodeEdit", QStringLiteral("620102"));
    type(&setup, "repeatEdit", QStringLiteral("secret-pass"));
    REQUIRE(setup.submit());
    auto config = store::HallConfigRepository(*s.store).load();
    REQUIRE(config.ok());
    CHECK(config->deviceCode == QStringLiteral("W07")); // typed lower case, kept upper
    CHECK(store::CaseStore(*s.store).device()->hallCode == QStringLiteral("620102"));
    CHECK(store::UserRepository(*s.store)
              .signIn(QStringLiteral("admin"), QStringLiteral("secret-pass"))
              ->role == core::Role::Administrator);
}

TEST_CASE("Sign-in: a wrong password is refused with a message, the right one signs in")
{
    EmptyStore s;
    REQUIRE(demo::prepareDemoHall(*s.store).ok());
    ui::SignInDialog dialog(*s.store, QStringLiteral("演示大厅"), demo::demoAccountsText());
    dialog.show();
    type(&dialog, "loginEdit", QStringLiteral("zhangsan"));
    type(&dialog, "passwordEdit", QStringLiteral("nope"));
    CHECK_FALSE(dialog.submit());
    CHECK(dialog.message() == QStringLiteral("用户名或密码错误"));
    dialog.grab().save(test::screenshotPath("sign-in"));
    type(&dialog, "passwordEdit", QStringLiteral("demo-clerk"));
    REQUIRE(dialog.submit());
    CHECK(dialog.user().displayName == QStringLiteral("张三"));
    CHECK(dialog.user().userId == QStringLiteral("clerk-w07-1"));
}

TEST_CASE("The lock screen opens only with the signed-in user's password")
{
    EmptyStore s;
    REQUIRE(demo::prepareDemoHall(*s.store).ok());
    auto clerk = store::UserRepository(*s.store).signIn(QStringLiteral("zhangsan"),
                                                        QStringLiteral("demo-clerk"));
    REQUIRE(clerk.ok());
    ui::SignInDialog lock(*s.store, QStringLiteral("演示大厅"), QString(), *clerk);
    lock.setCredentials(QStringLiteral("lisi"),
                        QStringLiteral("demo-supervisor")); // another user's password
    CHECK_FALSE(lock.submit());
    lock.setCredentials(QString(), QStringLiteral("demo-clerk"));
    REQUIRE(lock.submit());
    CHECK(lock.user().userId == clerk->userId);
}

TEST_CASE("The demo hall is a living hall: catalog, users and seeded cases in the clerk's queue")
{
    QTemporaryDir dir;
    core::FakeClock clock(QDateTime(QDate(2026, 11, 20), QTime(1, 30), QTimeZone::utc()));
    const QString path = dir.filePath(QStringLiteral("demo-hall.sqlite"));
    REQUIRE(demo::buildDemoStore(path, clock, demo::DemoBuild{400, 1, true}).ok());
    auto opened = store::Store::open(path, clock);
    REQUIRE(opened.ok());
    CHECK(store::HallConfigRepository(**opened).configured());
    store::CaseQueries q(**opened);
    CHECK(*q.caseCount() == 400);
    auto queue = q.clerkOpen(QStringLiteral("clerk-w07-1"), QDate(2026, 11, 20), 50);
    REQUIRE(queue.ok());
    CHECK_FALSE(queue->isEmpty());
    // Set up once: the hall is there, so setting it up again changes nothing, and a second
    // build is refused without touching it.
    REQUIRE(demo::prepareDemoHall(**opened).ok());
    auto again = demo::buildDemoStore(path, clock, demo::DemoBuild{400, 1, true});
    REQUIRE_FALSE(again.ok());
    CHECK(again.error().code == QStringLiteral("demo.store_exists"));
    CHECK(*q.caseCount() == 400);
}

TEST_CASE("An older store is upgraded to the program's schema before it opens")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("old.sqlite"));
    {
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("old"));
        db.setDatabaseName(path);
        REQUIRE(db.open());
        REQUIRE(store::migrate(db, 6).ok());
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("old"));
    REQUIRE(store::Store::pendingMigrations(path) > 0);
    core::FakeClock clock(QDateTime(QDate(2026, 11, 20), QTime(1, 30), QTimeZone::utc()));
    CHECK_FALSE(ui::upgradeStore(path, clock).has_value());
    CHECK(store::Store::pendingMigrations(path) == 0);
    auto opened = store::Store::open(path, clock);
    REQUIRE(opened.ok());
    CHECK((*opened)->schemaVersion() == store::latestSchemaVersion());

    // A file that is not a store: the upgrade has nothing to do and open() gives the message.
    const QString other = dir.filePath(QStringLiteral("notes.txt"));
    QFile f(other);
    REQUIRE(f.open(QIODevice::WriteOnly));
    f.write("not a database");
    f.close();
    CHECK_FALSE(ui::upgradeStore(other, clock).has_value());
    CHECK_FALSE(store::Store::open(other, clock).ok());
}

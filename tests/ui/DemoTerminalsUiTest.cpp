// The four-terminal demo (issue 18, README "四个终端的演示"): onewindow-server-demo prepares the
// demo hall and its terminals' codes on a server store, `onewindow --demo --join URL --window W`
// joins a new store as each terminal (ui::joinDemoHall, the path the window's startup takes),
// and a case taken at W07 and forwarded reaches BACK's queue and SUP's board through their
// running windows' own background sync.
#include "support/TestSupport.h"

#include "core/Clock.h"
#include "core/SyncMessages.h"
#include "demo/DemoTerminals.h"
#include "server/ChildServer.h"
#include "store/CalendarRepository.h"
#include "store/CaseStore.h"
#include "store/CatalogRepository.h"
#include "store/HallConfig.h"
#include "store/Store.h"
#include "store/SyncRepository.h"
#include "store/UserRepository.h"
#include "support/CatalogFixtures.h"
#include "sync/SyncClient.h"
#include "ui/ActionForm.h"
#include "ui/BoardModel.h"
#include "ui/CalendarPage.h"
#include "ui/CaseRowModel.h"
#include "ui/DeadlinePage.h"
#include "ui/DemoJoin.h"
#include "ui/MainWindow.h"
#include "ui/QueuePage.h"
#include "ui/Startup.h"
#include "ui/SupervisorPage.h"
#include "ui/SyncStatusWidget.h"

#include <catch2/catch.hpp>

#include <QElapsedTimer>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <functional>
#include <memory>
#include <vector>

using namespace onewindow;

namespace {

// Terminal 1 of the README: the demo hall prepared on a SQLite server store, then served on a
// free loopback port.
struct DemoServer
{
    QTemporaryDir dir;
    test::ChildServer server; // stopped when the test ends
    QString base;
    QString prepared; // what onewindow-server-demo printed

    DemoServer()
    {
        const QString central = dir.filePath(QStringLiteral("central.sqlite"));
        QProcess demo;
        demo.start(QStringLiteral(ONEWINDOW_SERVER_DEMO_PATH),
                   {QStringLiteral("--store"), central, QStringLiteral("hall"),
                    QStringLiteral("demo"), QStringLiteral("620102"), QStringLiteral("--cases"),
                    QStringLiteral("30")});
        REQUIRE(demo.waitForFinished(300000));
        INFO(QString::fromUtf8(demo.readAllStandardError()).toStdString());
        REQUIRE(demo.exitCode() == 0);
        prepared = QString::fromUtf8(demo.readAllStandardOutput());
        server.start({QStringLiteral("--store"), central, QStringLiteral("serve"),
                      QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")});
        base = server.base();
    }
};

// One terminal's workstation: its own store file, joined as the demo's startup joins it.
struct Terminal
{
    demo::DemoTerminal terminal;
    std::unique_ptr<store::Store> store;
    store::User user;
};

bool waitFor(const std::function<bool()>& done, int ms)
{
    QElapsedTimer t;
    t.start();
    while (!done()) {
        if (t.elapsed() > ms)
            return false;
        QTest::qWait(100);
    }
    return true;
}

bool boardHolds(const QAbstractItemModel& m, const QString& caseId, const QModelIndex& parent = {})
{
    for (int r = 0; r < m.rowCount(parent); ++r) {
        const QModelIndex i = m.index(r, 0, parent);
        if (i.data(ui::BoardModel::CaseIdRole).toString() == caseId || boardHolds(m, caseId, i))
            return true;
    }
    return false;
}

bool queueHolds(ui::QueuePage& queue, const QString& caseId)
{
    for (int r = 0; r < queue.model()->rowCount(); ++r)
        if (queue.model()->rowAt(r)->caseId == caseId)
            return true;
    return false;
}

std::unique_ptr<ui::MainWindow> signedInWindow(Terminal& t, const core::Clock& clock)
{
    auto notices = store::CalendarRepository(*t.store).loadNotices();
    REQUIRE(notices.ok());
    auto window =
        std::make_unique<ui::MainWindow>(*t.store, clock, core::WorkingCalendar(*notices));
    window->setSignedIn(t.user, *store::HallConfigRepository(*t.store).load());
    window->resize(1200, 700);
    window->show();
    return window;
}

} // namespace

TEST_CASE("Four-terminal demo: --join and --window name a terminal of the demo hall; a bad "
          "combination is refused in Chinese")
{
    auto o =
        ui::parseStartupOptions({QStringLiteral("onewindow"), QStringLiteral("--demo"),
                                 QStringLiteral("--join"), QStringLiteral("http://127.0.0.1:8440"),
                                 QStringLiteral("--window"), QStringLiteral("back")});
    CHECK(o.error.isEmpty());
    CHECK(o.terminal == QStringLiteral("BACK"));
    CHECK(ui::storePathFor(o).endsWith(QStringLiteral("/onewindow/demo-BACK.sqlite")));
    o.storePath = QStringLiteral("/tmp/x.sqlite");
    CHECK(ui::storePathFor(o) == QStringLiteral("/tmp/x.sqlite"));

    CHECK(ui::parseStartupOptions({QStringLiteral("onewindow"), QStringLiteral("--join"),
                                   QStringLiteral("http://127.0.0.1:8440"),
                                   QStringLiteral("--window"), QStringLiteral("W07")})
              .error.contains(QStringLiteral("--demo")));
    CHECK(ui::parseStartupOptions({QStringLiteral("onewindow"), QStringLiteral("--demo"),
                                   QStringLiteral("--join"), QStringLiteral("http://h"),
                                   QStringLiteral("--window"), QStringLiteral("W09")})
              .error.contains(QStringLiteral("W07, W08, BACK, SUP")));
    CHECK(ui::parseStartupOptions({QStringLiteral("onewindow"), QStringLiteral("--demo"),
                                   QStringLiteral("--window"), QStringLiteral("W07")})
              .error.contains(QStringLiteral("--join")));
    CHECK(ui::parseStartupOptions({QStringLiteral("onewindow"), QStringLiteral("--demo")})
              .error.isEmpty());
}

TEST_CASE("Four-terminal demo: without the demo server the window says in Chinese how to start "
          "it and its store stays new")
{
    QTemporaryDir dir;
    const core::SystemClock clock;
    auto st = store::Store::open(dir.filePath(QStringLiteral("w07.sqlite")), clock);
    REQUIRE(st.ok());
    const core::Status joined = ui::joinDemoHall(**st, QStringLiteral("http://127.0.0.1:1"),
                                                 *demo::demoTerminal(QStringLiteral("W07")));
    REQUIRE_FALSE(joined.ok());
    CHECK(joined.error().code == QStringLiteral("demo.server_missing"));
    CHECK(joined.error().message.contains(QStringLiteral("http://127.0.0.1:1")));
    // The command it names listens where this window looks for the server.
    CHECK(joined.error().message.contains(QStringLiteral("serve --listen 127.0.0.1:1（")));
    CHECK(joined.error().message.contains(QStringLiteral("onewindow-server")));
    CHECK(joined.error().message.contains(QStringLiteral("未作任何改动")));
    CHECK_FALSE(store::SyncRepository::enrolled(**st));
    CHECK_FALSE(store::HallConfigRepository(**st).configured());
}

TEST_CASE("Four-terminal demo: four stores join the demo server as W07, W08, BACK and SUP; a case "
          "taken at W07 and forwarded shows in BACK's queue and on SUP's board",
          "[demo4]")
{
    DemoServer server;
    for (const demo::DemoTerminal& t : demo::demoTerminals())
        CHECK(server.prepared.contains(QStringLiteral("code ") +
                                       demo::demoEnrolCode(QStringLiteral("620102"), t.name)));
    QTemporaryDir dir;
    const core::SystemClock clock;
    std::vector<Terminal> terminals;
    for (const demo::DemoTerminal& t : demo::demoTerminals()) {
        auto st = store::Store::open(dir.filePath(t.name + QStringLiteral(".sqlite")), clock);
        REQUIRE(st.ok());
        const core::Status joined = ui::joinDemoHall(**st, server.base, t);
        INFO(t.name.toStdString() << ": " << (joined ? "" : joined.error().message.toStdString()));
        REQUIRE(joined.ok());
        store::CaseStore cases(**st);
        auto state = store::SyncRepository(cases).state();
        REQUIRE(state.ok());
        REQUIRE(state->has_value());
        CHECK((*state)->windowCode == t.name);
        CHECK((*state)->role == t.role);
        CHECK((*state)->department == t.department);
        CHECK(store::HallConfigRepository(**st).load()->deviceCode == t.name);
        // The terminal's account came down with the pull: it signs in with the demo's password.
        auto user = store::UserRepository(**st).signIn(t.login, t.password);
        INFO(t.login.toStdString());
        REQUIRE(user.ok());
        CHECK(user->role == t.userRole);
        // A restart joins again without a code; another terminal's name is refused.
        CHECK(ui::joinDemoHall(**st, server.base, t).ok());
        const auto other = ui::joinDemoHall(**st, server.base,
                                            *demo::demoTerminal(t.name == QLatin1String("W07")
                                                                    ? QStringLiteral("W08")
                                                                    : QStringLiteral("W07")));
        REQUIRE_FALSE(other.ok());
        CHECK(other.error().code == QStringLiteral("demo.other_terminal"));
        terminals.push_back(Terminal{t, std::move(st).value(), *user});
    }
    Terminal& w07 = terminals[0];
    Terminal& back = terminals[2];
    Terminal& sup = terminals[3];
    REQUIRE(back.terminal.name == QStringLiteral("BACK"));
    REQUIRE(sup.terminal.name == QStringLiteral("SUP"));

    // BACK and SUP run their windows (each syncs in the background, as started by the demo).
    auto backWindow = signedInWindow(back, clock);
    auto supWindow = signedInWindow(sup, clock);
    auto* board = supWindow->findChild<ui::SupervisorPage*>();
    REQUIRE(board);
    CHECK(backWindow->queuePage()->backOffice() == back.terminal.department);
    // W07's forwarding form offers the hall's one back office, BACK's department (its demo code
    // listed it at the server): the clerk chooses it rather than typing it.
    CHECK(ui::hallChoices(*w07.store, core::EventType::Forwarded)
              .value(QStringLiteral("to"))
              .options == QStringList{back.terminal.department});

    // At W07 the clerk takes in an application of the back office's department, accepts it and
    // forwards it there.
    auto items = store::CatalogRepository(*w07.store).currentItems();
    REQUIRE(items.ok());
    std::optional<core::ItemVersion> item;
    for (const core::ItemVersion& v : *items)
        if (back.terminal.department.startsWith(v.item.department) &&
            v.item.profile != core::ProcedureProfile::Disclosure &&
            v.item.profile != core::ProcedureProfile::SameDay && !item)
            item = v;
    REQUIRE(item);
    core::ReceivedInput in = test::completeApplication(item->item);
    in.itemVersion = item->version;
    for (core::MaterialCheck& m : in.materials)
        m.state = core::MaterialState::Provided;
    store::CaseStore cases(*w07.store, *store::HallConfigRepository(*w07.store).load());
    auto received = cases.receive(in, w07.user.userId);
    INFO((received ? "" : received.error().message.toStdString()));
    REQUIRE(received.ok());
    const QString caseId = received->event.caseId;
    REQUIRE(
        cases.append(caseId, core::EventType::Accepted, core::payload::accepted(), w07.user.userId)
            .ok());
    REQUIRE(cases
                .append(caseId, core::EventType::Forwarded,
                        core::payload::forwarded(back.terminal.department), w07.user.userId)
                .ok());
    CHECK_FALSE(queueHolds(*backWindow->queuePage(), caseId));
    CHECK_FALSE(boardHolds(*board->boardModel(), caseId));
    {
        store::CaseStore pushing(*w07.store);
        sync::SyncClient client(pushing);
        auto pushed = client.syncNow();
        REQUIRE(pushed.ok());
        CHECK(pushed->pushed == 3);
        CHECK(pushed->pending == 0);
    }
    // The running windows' waiting pulls bring it (pokes): BACK's queue and SUP's board.
    CHECK(waitFor([&] { return queueHolds(*backWindow->queuePage(), caseId); }, 20000));
    CHECK(waitFor([&] { return boardHolds(*board->boardModel(), caseId); }, 20000));
    // Its heading names the back office once, as it is called (人力资源和社会保障后台审批组):
    // not "…后台审批组后台待办".
    const QString heading = backWindow->queuePage()->summary();
    INFO(heading.toStdString());
    CHECK(heading.startsWith(back.terminal.department + QStringLiteral("：移交来的待审批办件 ")));
    CHECK(heading.count(QStringLiteral("后台")) == 1);
    backWindow->grab().save(test::screenshotPath("demo4-back-queue"));
    supWindow->grab().save(test::screenshotPath("demo4-sup-board"));
}

TEST_CASE("Hall settings pulled: a running window takes the hall's new name, zone, office hours, "
          "offline sign-in hours and clock gap at once: title, today and its pages follow",
          "[demo4]")
{
    DemoServer server;
    QTemporaryDir dir;
    const core::SystemClock clock;
    const demo::DemoTerminal w07 = *demo::demoTerminal(QStringLiteral("W07"));
    auto st = store::Store::open(dir.filePath(QStringLiteral("W07.sqlite")), clock);
    REQUIRE(st.ok());
    REQUIRE(ui::joinDemoHall(**st, server.base, w07).ok());
    auto user = store::UserRepository(**st).signIn(w07.login, w07.password);
    REQUIRE(user.ok());
    Terminal t{w07, std::move(st).value(), *user};
    auto window = signedInWindow(t, clock);
    CHECK(window->settings().zone.id() == QByteArrayLiteral("Asia/Shanghai"));
    auto* sync = window->findChild<ui::SyncStatusWidget*>();
    REQUIRE(sync);
    auto* syncNow = sync->findChild<QPushButton*>();
    REQUIRE(syncNow);

    // The hall's administrator changes the settings at the server; the clerk presses 立即同步.
    const auto change = [&](const QStringList& options) {
        QProcess p;
        p.start(QStringLiteral(ONEWINDOW_SERVER_PATH),
                QStringList{QStringLiteral("--store"),
                            server.dir.filePath(QStringLiteral("central.sqlite")),
                            QStringLiteral("settings"), QStringLiteral("620102")} +
                    options);
        REQUIRE(p.waitForFinished(30000));
        INFO(QString::fromUtf8(p.readAllStandardError()).toStdString());
        REQUIRE(p.exitCode() == 0);
        syncNow->click();
    };
    // Two zones more than a day apart (UTC-11 and UTC+14): whatever the hour, "today" differs.
    const QTimeZone pago(QByteArrayLiteral("Pacific/Pago_Pago"));
    const QTimeZone kiritimati(QByteArrayLiteral("Pacific/Kiritimati"));
    change({QStringLiteral("--name"), QStringLiteral("城关区政务服务大厅（新址）"),
            QStringLiteral("--zone"), QStringLiteral("Pacific/Pago_Pago"),
            QStringLiteral("--office-hours"), QStringLiteral("08:30-18:00"),
            QStringLiteral("--offline-sign-in-hours"), QStringLiteral("24"),
            QStringLiteral("--max-clock-gap-seconds"), QStringLiteral("120")});
    REQUIRE(waitFor([&] { return window->settings().zone == pago; }, 20000));
    CHECK(window->windowTitle().contains(QStringLiteral("城关区政务服务大厅（新址）")));
    CHECK(window->settings().hallName == QStringLiteral("城关区政务服务大厅（新址）"));
    CHECK(window->settings().officeOpen == QTime(8, 30));
    CHECK(window->settings().officeClose == QTime(18, 0));
    CHECK(window->settings().offlineSignInHours == 24);
    CHECK(window->settings().maxClockGapSeconds == 120);
    CHECK(window->settings().deviceCode == QStringLiteral("W07"));
    core::HallSettings inPago;
    inPago.zone = pago;
    CHECK(window->calendarPage()->today() == inPago.today(clock));
    CHECK(window->deadlinePage()->today() == inPago.today(clock));

    // A zone that does not exist is refused in Chinese and nothing is written.
    {
        QProcess bad;
        bad.start(QStringLiteral(ONEWINDOW_SERVER_PATH),
                  {QStringLiteral("--store"), server.dir.filePath(QStringLiteral("central.sqlite")),
                   QStringLiteral("settings"), QStringLiteral("620102"), QStringLiteral("--zone"),
                   QStringLiteral("Mars/Base")});
        REQUIRE(bad.waitForFinished(30000));
        CHECK(bad.exitCode() == 1);
        CHECK(QString::fromUtf8(bad.readAllStandardError())
                  .contains(QStringLiteral("时区“Mars/Base”无效")));
        CHECK(QString::fromUtf8(bad.readAllStandardOutput()).isEmpty());
    }
    change({QStringLiteral("--zone"), QStringLiteral("Pacific/Kiritimati")});
    REQUIRE(waitFor([&] { return window->settings().zone == kiritimati; }, 20000));
    core::HallSettings inKiritimati;
    inKiritimati.zone = kiritimati;
    REQUIRE(inKiritimati.today(clock) != inPago.today(clock));
    CHECK(window->calendarPage()->today() == inKiritimati.today(clock));
    CHECK(window->deadlinePage()->today() == inKiritimati.today(clock));
    CHECK(window->settings().hallName == QStringLiteral("城关区政务服务大厅（新址）"));
    window->grab().save(test::screenshotPath("demo4-settings-pulled"));
}

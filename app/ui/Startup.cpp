#include "ui/Startup.h"

#include "core/Clock.h"
#include "demo/DemoBuild.h"
#include "demo/DemoHall.h"
#include "demo/DemoTerminals.h"
#include "store/CalendarRepository.h"
#include "store/HallConfig.h"
#include "store/Store.h"
#include "store/SyncRepository.h"
#include "store/UserRepository.h"
#include "ui/DemoJoin.h"
#include "ui/IdleLock.h"
#include "ui/MainWindow.h"
#include "ui/SetupDialog.h"
#include "ui/SignInDialog.h"
#include "ui/UiText.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QEventLoop>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QMessageBox>
#include <QProgressDialog>
#include <QStandardPaths>
#include <QtConcurrent/QtConcurrentRun>

#include <cstdio>
#include <cstdlib>
#include <memory>

namespace onewindow::ui {

namespace {

constexpr int kDemoCases = 3000;

QString demoTerminalText(const demo::DemoTerminal& t)
{
    return QStringLiteral("演示终端 %1（%2）：%3 / %4　%5（%6）")
        .arg(t.name,
             t.role == QLatin1String("backoffice")
                 ? QStringLiteral("后台：") + t.department
                 : (t.role == QLatin1String("supervisor") ? QStringLiteral("督查")
                                                          : QStringLiteral("窗口")),
             t.login, t.password, t.displayName, core::roleName(t.userRole));
}

} // namespace

std::optional<core::Error> upgradeStore(const QString& path, const core::Clock& clock)
{
    const int pending = store::Store::pendingMigrations(path);
    if (pending == 0)
        return std::nullopt;
    // Upgrading rewrites tables and may take minutes on a big store: it runs on its own
    // connection in a worker thread while the window says what is happening. Each migration is
    // one transaction, so an interrupted upgrade leaves the store as it was before that step.
    QProgressDialog progress(
        QApplication::translate("Startup",
                                "Upgrading the store %1 (%n step(s)).\nA large store may take "
                                "several minutes; please do not switch off the computer.",
                                nullptr, pending)
            .arg(QFileInfo(path).fileName()),
        QString(), 0, 0);
    progress.setWindowModality(Qt::ApplicationModal);
    progress.setMinimumDuration(0);
    progress.setValue(0);
    // This runs before the application's event loop starts and before any window, tick or idle
    // lock exists: the loop below is the only one turning (it paints the progress), not a nested
    // one, and it quits when the worker's future finishes.
    auto failed = std::make_shared<std::optional<core::Error>>();
    QFutureWatcher<void> watcher;
    QEventLoop loop;
    QObject::connect(&watcher, &QFutureWatcher<void>::finished, &loop, &QEventLoop::quit);
    watcher.setFuture(QtConcurrent::run([failed, path, &clock] {
        auto upgraded = store::Store::open(path, clock);
        if (!upgraded)
            *failed = upgraded.error();
    }));
    if (!watcher.isFinished())
        loop.exec();
    watcher.waitForFinished();
    return *failed;
}

QString demoStorePath()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
           QStringLiteral("/onewindow/demo-hall.sqlite");
}

StartupOptions startApplication(QApplication& app)
{
    QApplication::setApplicationName(QStringLiteral("onewindow"));
    installChineseTranslation(app);
    QApplication::setApplicationDisplayName(
        QApplication::translate("Startup", "OneWindow Service Workstation"));
    StartupOptions options = parseStartupOptions(QApplication::arguments());
    if (!options.error.isEmpty()) {
        std::fprintf(stderr, "onewindow: %s\n", qPrintable(options.error));
        std::exit(2);
    }
    return options;
}

StartupOptions parseStartupOptions(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("Startup", "OneWindow comprehensive window workstation"));
    parser.addHelpOption();
    parser.addVersionOption(); // -v, --version (main.cpp answers --version before this)
    QCommandLineOption storeOption(
        QStringList{QStringLiteral("store")},
        QApplication::translate("Startup", "The store file (created when missing)."),
        QStringLiteral("PATH"));
    QCommandLineOption demoOption(
        QStringList{QStringLiteral("demo")},
        QApplication::translate("Startup", "Open the demo hall (set up on first use)."));
    QCommandLineOption joinOption(
        QStringList{QStringLiteral("join")},
        QApplication::translate("Startup",
                                "With --demo: join the demo hall's server at URL as the terminal "
                                "--window names (README, four-terminal demo)."),
        QStringLiteral("URL"));
    QCommandLineOption windowOption(
        QStringList{QStringLiteral("window")},
        QApplication::translate("Startup", "With --join: the terminal, one of %1.")
            .arg(demo::demoTerminalNames()),
        QStringLiteral("NAME"));
    parser.addOption(storeOption);
    parser.addOption(demoOption);
    parser.addOption(joinOption);
    parser.addOption(windowOption);
    parser.process(arguments);
    StartupOptions options{parser.value(storeOption), parser.isSet(demoOption),
                           parser.value(joinOption).trimmed(),
                           parser.value(windowOption).trimmed().toUpper(), QString()};
    if (!options.joinUrl.isEmpty() || parser.isSet(windowOption)) {
        if (!options.demo)
            options.error = QStringLiteral("--join 和 --window 只用于演示大厅，请同时给出 --demo");
        else if (options.joinUrl.isEmpty())
            options.error = QStringLiteral("--window 须与 --join 服务器地址一起使用，如 --join "
                                           "http://127.0.0.1:8440 --window W07");
        else if (!demo::demoTerminal(options.terminal))
            options.error = QStringLiteral("--window 应为 %1 之一：%2")
                                .arg(demo::demoTerminalNames(), options.terminal.isEmpty()
                                                                    ? QStringLiteral("（未给出）")
                                                                    : options.terminal);
    }
    return options;
}

QString storePathFor(const StartupOptions& options)
{
    if (!options.storePath.isEmpty())
        return options.storePath; // --demo --store PATH: the demo hall in PATH, never the home's
    if (!options.joinUrl.isEmpty())
        return QFileInfo(demoStorePath()).absolutePath() +
               QStringLiteral("/demo-%1.sqlite").arg(options.terminal);
    return options.demo ? demoStorePath() : store::Store::defaultPath();
}

void showStoreError(const core::Error& error)
{
    QMessageBox box(QMessageBox::Critical,
                    QApplication::translate("Startup", "Cannot open the store"), error.message);
    box.setInformativeText(
        QApplication::translate("Startup", "Error code: %1. The store file was not changed.")
            .arg(error.code));
    box.exec();
}

void connectIdleLock(MainWindow& window, IdleLock& lock)
{
    QObject::connect(&lock, &IdleLock::idle, &window, [&window, &lock] {
        lock.setEnabled(false);
        window.lock();
        lock.setEnabled(true);
    });
    QObject::connect(&window, &MainWindow::idleMinutesChanged, &lock, &IdleLock::setIdleMinutes);
}

int runWorkstation(QApplication& app, const StartupOptions& options)
{
    Q_UNUSED(app);
    static core::SystemClock clock;
    const QString path = storePathFor(options);
    const auto terminal = demo::demoTerminal(options.terminal);
    const bool joining = !options.joinUrl.isEmpty() && terminal;
    if (options.demo && !joining && !QFileInfo::exists(path)) {
        // Made whole in a private file and linked into place: quitting or a crash on the first
        // start leaves no half-seeded hall, and the next start sets it up again.
        QProgressDialog progress(QApplication::translate("Startup", "Setting up the demo hall..."),
                                 QString(), 0, kDemoCases);
        progress.setMinimumDuration(0);
        progress.setWindowModality(Qt::ApplicationModal);
        auto built = demo::buildDemoStore(path, clock, demo::DemoBuild{kDemoCases, 1, true},
                                          [&](int done, int total) {
                                              progress.setMaximum(total);
                                              progress.setValue(done);
                                              QApplication::processEvents();
                                          });
        // Another start that made it first is as good.
        if (!built && built.error().code != QStringLiteral("store.exists") &&
            built.error().code != QStringLiteral("demo.store_exists")) {
            showStoreError(built.error());
            return 1;
        }
    }
    if (auto failed = upgradeStore(path, clock)) {
        showStoreError(*failed);
        return 1;
    }
    auto opened = store::Store::open(path, clock);
    if (!opened) {
        showStoreError(opened.error());
        return 1;
    }
    store::Store& st = **opened;
    // The four-terminal demo: this store becomes the terminal of the demo hall's server.
    if (joining) {
        QApplication::setOverrideCursor(Qt::WaitCursor);
        const core::Status joined = joinDemoHall(st, options.joinUrl, *terminal);
        QApplication::restoreOverrideCursor();
        if (!joined) {
            QMessageBox box(QMessageBox::Critical,
                            QApplication::translate("Startup", "Cannot join the demo hall"),
                            joined.error().message);
            box.setInformativeText(
                QApplication::translate("Startup", "Error code: %1.").arg(joined.error().code));
            box.exec();
            return 1;
        }
    }
    // A demo hall file from an older version that was never set up: the hall without cases.
    if (options.demo && !joining && !store::HallConfigRepository(st).configured()) {
        if (const core::Status prepared = demo::prepareDemoHall(st); !prepared) {
            showStoreError(prepared.error());
            return 1;
        }
    }
    // A window enrolled at its hall's server whose first pull never finished has no user to sign
    // in with yet: the setup dialog pulls again.
    const auto users = store::UserRepository(st).count();
    const bool joinUnfinished = store::SyncRepository::enrolled(st) && users.ok() && *users == 0;
    if (!store::HallConfigRepository(st).configured() || joinUnfinished) {
        SetupDialog setup(st);
        if (setup.exec() != QDialog::Accepted)
            return 0;
    }
    auto config = store::HallConfigRepository(st).load();
    if (!config) {
        showStoreError(config.error());
        return 1;
    }
    SignInDialog signIn(st, config->hallName,
                        joining        ? demoTerminalText(*terminal)
                        : options.demo ? demo::demoAccountsText()
                                       : QString());
    // A demo terminal starts with its account filled in: Enter signs in.
    if (joining)
        signIn.setCredentials(terminal->login, terminal->password);
    if (signIn.exec() != QDialog::Accepted)
        return 0;
    auto notices = store::CalendarRepository(st).loadNotices();
    if (!notices) {
        showStoreError(notices.error());
        return 1;
    }
    MainWindow window(st, clock, core::WorkingCalendar(*notices));
    window.setSignedIn(signIn.user(), *config);
    IdleLock lock(config->idleLockMinutes);
    connectIdleLock(window, lock);
    window.showAtRememberedSize();
    return QApplication::exec();
}

} // namespace onewindow::ui

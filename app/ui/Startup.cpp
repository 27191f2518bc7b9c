#include "ui/Startup.h"

#include "core/Clock.h"
#include "demo/DemoBuild.h"
#include "demo/DemoHall.h"
#include "store/CalendarRepository.h"
#include "store/HallConfig.h"
#include "store/Store.h"
#include "store/SyncRepository.h"
#include "store/UserRepository.h"
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

#include <memory>

namespace onewindow::ui {

namespace {

constexpr int kDemoCases = 3000;

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
    return parseStartupOptions(QApplication::arguments());
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
    parser.addOption(storeOption);
    parser.addOption(demoOption);
    parser.process(arguments);
    return StartupOptions{parser.value(storeOption), parser.isSet(demoOption)};
}

QString storePathFor(const StartupOptions& options)
{
    if (!options.storePath.isEmpty())
        return options.storePath; // --demo --store PATH: the demo hall in PATH, never the home's
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
    if (options.demo && !QFileInfo::exists(path)) {
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
    // A demo hall file from an older version that was never set up: the hall without cases.
    if (options.demo && !store::HallConfigRepository(st).configured()) {
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
    SignInDialog signIn(st, config->hallName, options.demo ? demo::demoAccountsText() : QString());
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

#pragma once

#include "core/Error.h"

#include <QString>

#include <optional>

class QApplication;

namespace onewindow::core {
class Clock;
} // namespace onewindow::core

namespace onewindow::ui {

class IdleLock;
class MainWindow;

struct StartupOptions
{
    QString storePath; // --store PATH; empty when not given
    bool demo = false; // open (and on first use set up) the demo hall
    // The four-terminal demo: --demo --join URL --window W07|W08|BACK|SUP joins the demo hall's
    // server as that terminal (ui/DemoJoin.h).
    QString joinUrl;
    QString terminal;
    QString error; // a bad combination of options, in Chinese; the program says it and ends
};

// Reads a command line (the program's name first), as startApplication does.
StartupOptions parseStartupOptions(const QStringList& arguments);
// The store the workstation opens: --store PATH when given (with --demo too: a demo hall there),
// else the demo terminal's own file with --join (demo-W07.sqlite beside the demo hall's), else
// the demo hall's file with --demo, else the default store.
QString storePathFor(const StartupOptions& options);

// Names the application, installs the Chinese translation and reads the command line
// (--store PATH, --demo, --help). Exits the process on --help or a bad option, as
// QCommandLineParser does.
StartupOptions startApplication(QApplication& app);

// The whole workstation: open the store (the demo hall with --demo), first-start setup, sign-in,
// the main window with its idle lock. Returns the process exit status.
int runWorkstation(QApplication& app, const StartupOptions& options);

// Brings an existing store of an older version up to this program's schema before it is opened,
// off the UI thread, with a busy dialog saying so (big stores take minutes). Nothing to do for a
// new or current store. Returns why it failed, if it did (the store is as it was then).
std::optional<core::Error> upgradeStore(const QString& path, const core::Clock& clock);

// The store could not be opened: tell the person why, in a dialog, before the program ends.
void showStoreError(const core::Error& error);

// The idle lock and the window it guards: idle locks the window until the password is given
// again, and a new idle time set by the administrator takes effect at once.
void connectIdleLock(MainWindow& window, IdleLock& lock);

// Where `--demo` keeps its hall.
QString demoStorePath();

} // namespace onewindow::ui

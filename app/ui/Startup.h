#pragma once

#include "core/Error.h"

#include <QString>

class QApplication;

namespace onewindow::ui {

struct StartupOptions
{
    QString storePath;
};

// Names the application, installs the Chinese translation and reads the command line
// (--store PATH, --help). Exits the process on --help or a bad option, as QCommandLineParser does.
StartupOptions startApplication(QApplication& app);

// The store could not be opened: tell the person why, in a dialog, before the program ends.
void showStoreError(const core::Error& error);

} // namespace onewindow::ui

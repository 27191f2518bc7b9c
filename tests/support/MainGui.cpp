int runCatch(int argc, char** argv); // support/CatchImpl.cpp

#include "ui/UiText.h"

#include <cstdio>

#include <QApplication>
#include <QFile>
#include <QTemporaryDir>

int main(int argc, char** argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    // Remembered screen state (column widths, window size) goes to a folder of this run, never to
    // the user's own settings, and every run starts without any. Set before the application (and
    // QSettings' own statics, which outlive main) exist.
    QTemporaryDir settings;
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(settings.path()));
    QApplication app(argc, argv);
    // Widget tests see the screens as a clerk does: in Simplified Chinese.
    if (!onewindow::ui::installChineseTranslation(app)) {
        std::fputs("the Chinese translation is missing from the build\n", stderr);
        return 1;
    }
    return runCatch(argc, argv);
}

// The onewindow executable: only wiring.
#include "ui/Startup.h"
#include "version/Version.h"

#include <QApplication>
#include <QIcon>

#include <cstdio>
#include <cstring>

int main(int argc, char** argv)
{
    // --version answers before the application starts, so it needs no display (issue 21).
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--version") == 0) {
            std::printf("%s\n", qPrintable(onewindow::version::line(QStringLiteral("onewindow"))));
            return 0;
        }
    }
    QApplication app(argc, argv);
    QApplication::setApplicationVersion(
        QStringLiteral("%1 (commit %2)")
            .arg(onewindow::version::number(), onewindow::version::commit()));
    // The installed menu entry and icon (packaging/deb): the desktop matches windows to them.
    QGuiApplication::setDesktopFileName(QStringLiteral("org.onewindow.OneWindow"));
    QApplication::setWindowIcon(QIcon::fromTheme(QStringLiteral("onewindow")));
    const onewindow::ui::StartupOptions options = onewindow::ui::startApplication(app);
    return onewindow::ui::runWorkstation(app, options);
}

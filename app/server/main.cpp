#include "core/Clock.h"
#include "server/Commands.h"
#include "version/Version.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

// onewindow-server: only wiring (app/server/Commands.cpp does the work).
int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("onewindow-server"));
    QTextStream out(stdout);
    QTextStream err(stderr);
    const onewindow::core::SystemClock clock;
    QStringList args = QCoreApplication::arguments();
    args.removeFirst();
    // The version and the commit it was built from (issue 21), whatever else is on the line.
    if (args.contains(QStringLiteral("--version"))) {
        out << onewindow::version::line(QStringLiteral("onewindow-server")) << "\n";
        return 0;
    }
    const int status = onewindow::server::runCommand(args, out, err, clock);
    out.flush();
    err.flush();
    return status;
}

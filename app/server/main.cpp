#include "core/Clock.h"
#include "server/Commands.h"

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
    const int status = onewindow::server::runCommand(args, out, err, clock);
    out.flush();
    err.flush();
    return status;
}

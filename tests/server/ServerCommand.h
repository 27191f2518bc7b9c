#pragma once

// onewindow-server's command line run in the test's own process (server::runCommand), against
// the fixture's store as an operator would name it (--store or --database first).
#include "ChildServer.h"
#include "ServerFixture.h"

#include "server/Commands.h"

#include <QTextStream>

namespace onewindow::test {

struct CommandRun
{
    int exit = -1;
    QString out;
    QString err;
};

inline CommandRun runServerCommand(const QStringList& database, const QStringList& words,
                                   const core::Clock& clock)
{
    CommandRun run;
    QTextStream out(&run.out), err(&run.err);
    run.exit = server::runCommand(database + words, out, err, clock);
    out.flush();
    err.flush();
    return run;
}

inline CommandRun command(ServerFixture& f, const QStringList& words)
{
    return runServerCommand(databaseArgsOf(f.spec()), words, f.clock());
}

} // namespace onewindow::test

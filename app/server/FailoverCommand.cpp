#include "server/FailoverCommand.h"

#include "server/storage/Epochs.h"

namespace onewindow::server {

int failoverCommand(CentralDb& db, const QStringList& words, QTextStream& out, QTextStream& err)
{
    if (words.size() < 2) {
        err << "onewindow-server: failover 须给出至少一个大厅编码\n"
               "usage: onewindow-server (--store PATH | --database URL) failover HALL...\n";
        return 2;
    }
    Epochs epochs(db);
    // Every hall named must exist before any epoch moves: a typo changes nothing.
    for (const QString& hall : words.mid(1))
        if (auto known = epochs.of(hall); !known) {
            err << "onewindow-server: " << known.error().message << " (" << known.error().code
                << ")\n";
            return 1;
        }
    for (const QString& hall : words.mid(1)) {
        auto begun = epochs.begin(hall);
        if (!begun) {
            err << "onewindow-server: " << begun.error().message << " (" << begun.error().code
                << ")\n";
            return 1;
        }
        out << "hall " << hall << " epoch " << begun->id << " base " << begun->base << "\n";
    }
    return 0;
}

} // namespace onewindow::server

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
    const QStringList halls = words.mid(1);
    auto begun = Epochs(db).begin(halls); // one transaction: a typo changes nothing
    if (!begun) {
        err << "onewindow-server: " << begun.error().message << " (" << begun.error().code << ")\n";
        return 1;
    }
    for (qsizetype i = 0; i < halls.size(); ++i)
        out << "hall " << halls[i] << " epoch " << (*begun)[i].id << " base " << (*begun)[i].base
            << "\n";
    return 0;
}

} // namespace onewindow::server

#include "server/DeviceCommands.h"

#include "server/ImportCommand.h"
#include "server/storage/Registry.h"

namespace onewindow::server {

namespace {

int failed(QTextStream& err, const core::Error& e)
{
    err << "onewindow-server: " << e.message << " (" << e.code << ")\n";
    return 1;
}

QString stateOf(const Device& d)
{
    if (!d.revokedAt.isEmpty())
        return QStringLiteral("revoked ") + d.revokedAt;
    if (!d.retiredAt.isEmpty())
        return QStringLiteral("retired ") + d.retiredAt +
               (d.retiredBy.isEmpty() ? QString() : QStringLiteral(" by ") + d.retiredBy);
    if (!d.stoppedReason.isEmpty())
        return QStringLiteral("stopped ") + d.stoppedReason;
    return QStringLiteral("active");
}

// Decision 9: the holds the server took back and the due facts of those cases it recorded.
void printMade(QTextStream& out, const QStringList& made)
{
    for (const QString& line : made)
        out << "made\t" << line << "\n";
}

} // namespace

int deviceCommand(CentralDb& db, const QStringList& words, const QMap<QString, QString>& values,
                  QTextStream& out, QTextStream& err, const core::Clock& clock)
{
    Registry registry(db, clock);
    const QString sub = words.value(1);
    const QString hall = values.value(QStringLiteral("--hall"));
    if (sub == QLatin1String("import") || sub == QLatin1String("imports"))
        return deviceImportCommand(db, words, values, out, err, clock);
    if (sub == QLatin1String("list") && words.size() == 2) {
        auto list = registry.devices(hall);
        if (!list)
            return failed(err, list.error());
        // fold: the fold version its last request named (decision 10: a new event type is taken
        // only once every active device of the hall folds it).
        out << "device\thall\twindow\trole\tdepartment\tname\tstate\tnext_seq\tfold\n";
        for (const Device& d : *list)
            out << d.deviceId << "\t" << d.hallCode << "\t" << d.windowCode << "\t" << d.role
                << "\t" << d.department << "\t" << d.name << "\t" << stateOf(d) << "\t" << d.nextSeq
                << "\t" << d.foldVersion << "\n";
        return 0;
    }
    if (sub == QLatin1String("revoke") && words.size() == 3) {
        if (core::Status s = registry.revoke(words[2]); !s)
            return failed(err, s.error());
        out << "revoked " << words[2] << "\n";
        printMade(out, registry.lastReleased());
        return 0;
    }
    if (sub == QLatin1String("retire") && words.size() == 3) {
        if (core::Status s = registry.retire(words[2]); !s)
            return failed(err, s.error());
        out << "retired " << words[2] << "\n";
        printMade(out, registry.lastReleased());
        return 0;
    }
    err << "onewindow-server: device list [--hall HALL] | device revoke DEVICE_ID | device retire "
           "DEVICE_ID | device import DEVICE_ID --file FILE (--check | --by NAME --reason TEXT) | "
           "device imports [--hall HALL]\n";
    return 2;
}

} // namespace onewindow::server

#include "server/BackOfficeCommands.h"

#include "server/storage/BackOfficeList.h"
#include "server/storage/Registry.h"

namespace onewindow::server {

const char* const kBackOfficeHelp =
    "usage: onewindow-server (--store PATH | --database URL) backoffice list HALL\n"
    "       backoffice add HALL NAME | backoffice remove HALL NAME\n"
    "The hall's back offices (移交后台): the departments its windows may forward a case to,\n"
    "pulled by every window as the record hall.back_offices. `enrol --role backoffice\n"
    "--department NAME` lists NAME too. A department an active back-office device still serves\n"
    "is not removed: retire or revoke the device first.\n";

namespace {

int failed(QTextStream& err, const core::Error& e)
{
    err << "onewindow-server: " << e.message << " (" << e.code << ")\n";
    return 1;
}

} // namespace

int backOfficeCommand(CentralDb& db, const QStringList& words, QTextStream& out, QTextStream& err,
                      const core::Clock& clock)
{
    const QString sub = words.value(1);
    const QString hallCode = words.value(2);
    const bool listing = sub == QLatin1String("list") && words.size() == 3;
    const bool changing =
        (sub == QLatin1String("add") || sub == QLatin1String("remove")) && words.size() == 4;
    if (!listing && !changing) {
        err << "onewindow-server: " << kBackOfficeHelp;
        return 2;
    }
    Registry registry(db, clock);
    if (!registry.hall(hallCode))
        return failed(err, core::Error{QStringLiteral("hall.unknown"),
                                       QStringLiteral("没有大厅 %1").arg(hallCode)});
    MasterData data(db, clock);
    BackOfficeList offices(data);
    if (listing) {
        auto names = offices.list(hallCode);
        if (!names)
            return failed(err, names.error());
        for (const QString& name : *names)
            out << name << "\n";
        return 0;
    }
    core::Result<MasterRecord> written = core::Error{};
    if (sub == QLatin1String("add")) {
        written = offices.add(hallCode, words[3]);
    } else {
        auto devices = registry.devices(hallCode);
        if (!devices)
            return failed(err, devices.error());
        written = offices.remove(hallCode, words[3], *devices);
    }
    if (!written)
        return failed(err, written.error());
    out << written->kind << " " << written->key << " version " << written->version << " at "
        << written->hallSeq << "\n";
    return 0;
}

} // namespace onewindow::server

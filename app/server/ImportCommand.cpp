#include "server/ImportCommand.h"

#include "server/storage/ForkedImport.h"

#include "core/PendingExport.h"
#include "input/InputFile.h"

#include <QCryptographicHash>

namespace onewindow::server {

namespace {

int failed(QTextStream& err, const core::Error& e)
{
    err << "onewindow-server: " << e.message << " (" << e.code << ")\n";
    return 1;
}

void printReport(QTextStream& out, const ImportReport& r, bool checking)
{
    out << "source_seq\tsource_event\tevent\tstate\thall_seq\ttype\tcase\treason\n";
    int fresh = 0;
    for (const ImportedEvent& e : r.events) {
        fresh += e.state == QLatin1String("new") ? 1 : 0;
        out << e.sourceSeq << "\t" << e.sourceEventId << "\t" << e.eventId << "\t" << e.state
            << "\t" << e.hallSeq << "\t" << e.type << "\t" << e.caseId << "\t"
            << (e.reasonCode.isEmpty()
                    ? QString()
                    : e.reasonCode + QStringLiteral(" ") + e.reason +
                          (e.winner.isEmpty() ? QString()
                                              : QStringLiteral("（胜出：%1）").arg(e.winner)))
            << "\n";
    }
    out << (checking ? "checked " : "imported ") << r.inFile << " events of device "
        << r.sourceDeviceId << " (hall " << r.hallCode << "): " << r.alreadyHeld
        << " already in the hall, " << r.accepted << " accepted, " << r.rejected << " rejected";
    if (checking)
        out << ", " << fresh << " to judge";
    else if (r.accepted + r.rejected > 0)
        out << " as device " << r.importDeviceId;
    out << "\n";
}

} // namespace

int deviceImportCommand(CentralDb& db, const QStringList& words,
                        const QMap<QString, QString>& values, QTextStream& out, QTextStream& err,
                        const core::Clock& clock)
{
    ForkedImport import(db, clock);
    if (words.value(1) == QLatin1String("imports") && words.size() == 2) {
        auto list = import.list(values.value(QStringLiteral("--hall")));
        if (!list)
            return failed(err, list.error());
        out << "import_device\thall\tsource_device\tby\treason\tstarted\tfinished\tin_file\t"
               "already\taccepted\trejected\tfile_sha256\n";
        for (const ImportRecord& r : *list)
            out << r.importDeviceId << "\t" << r.hallCode << "\t" << r.sourceDeviceId << "\t"
                << r.importedBy << "\t" << r.reason << "\t" << r.startedAt << "\t"
                << (r.finishedAt.isEmpty() ? QStringLiteral("(unfinished)") : r.finishedAt) << "\t"
                << r.inFile << "\t" << r.alreadyHeld << "\t" << r.accepted << "\t" << r.rejected
                << "\t" << r.fileSha256 << "\n";
        return 0;
    }
    const QString path = values.value(QStringLiteral("--file"));
    if (words.size() != 3 || path.isEmpty()) {
        err << "onewindow-server: device import DEVICE_ID --file FILE (--check | --by NAME "
               "--reason TEXT)\n";
        return 2;
    }
    auto bytes = input::readInputFile(path, core::InputKind::PendingEvents);
    if (!bytes)
        return failed(err, bytes.error());
    auto file = core::sync::parsePendingExport(*bytes);
    if (!file)
        return failed(err, file.error());
    const QByteArray sha = QCryptographicHash::hash(*bytes, QCryptographicHash::Sha256).toHex();
    const bool checking = values.contains(QStringLiteral("--check"));
    auto report = checking ? import.check(words[2], *file, sha)
                           : import.run(words[2], *file, sha, values.value(QStringLiteral("--by")),
                                        values.value(QStringLiteral("--reason")));
    if (!report)
        return failed(err, report.error());
    printReport(out, *report, checking);
    return 0;
}

} // namespace onewindow::server

#include "server/CheckCommand.h"

#include "server/storage/IntegrityCheck.h"

#include <QElapsedTimer>

namespace onewindow::server {

int checkCommand(CentralDb& db, const QStringList& words, const QMap<QString, QString>& values,
                 QTextStream& out, QTextStream& err)
{
    bool ok = true;
    const qint64 every =
        values.value(QStringLiteral("--progress-every"), QStringLiteral("100000")).toLongLong(&ok);
    if (words.size() > 2 || !ok || every < 1) {
        err << "onewindow-server: check [HALL] [--progress-every N]（N 为正整数）\n";
        return 2;
    }
    IntegrityCheck check(db);
    check.setProgress(
        [&err](const QString& hall, qint64 done, qint64 total) {
            err << "check: hall " << hall << ": " << done << "/" << total << " events\n";
            err.flush();
        },
        every);
    QElapsedTimer timer; // a duration, not a time of day: no clock object needed
    timer.start();
    const auto findings = check.run(words.value(1));
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    if (!findings) {
        err << "onewindow-server: " << findings.error().message << " (" << findings.error().code
            << ")\n";
        return 1;
    }
    for (const CheckFinding& f : *findings)
        out << f.hall << "\t" << f.code << "\t" << f.subject << "：" << f.detail << "\n";
    const CheckTotals& t = check.totals();
    out << "check: " << t.halls << " halls, " << t.events << " events, " << t.records
        << " master records, " << t.cases << " cases, " << t.devices << " devices, " << t.numbers
        << " numbers; " << findings->size() << " findings; " << QString::number(seconds, 'f', 2)
        << " s (" << qint64(seconds > 0 ? double(t.events) / seconds : 0) << " events/s)\n";
    return findings->isEmpty() ? 0 : 1;
}

} // namespace onewindow::server

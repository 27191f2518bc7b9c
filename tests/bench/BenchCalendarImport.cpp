// Decision 8 (docs/sync-protocol.md, operations.md): `onewindow-server calendar import` on a
// demo hall, the longest single hold of the hall's row (its longest transaction, which every push
// of the hall waits for) as the import prints it. The demo hall is built once and copied, so two
// central stores hold the same hall: the first imports the notice as before, every case in one
// transaction (--chunk-cases above the hall's cases), the second in the chunks it now uses
// (default 100 cases), in the same run.
//
// Usage: bench_calendar_import [--cases N] [--database URL]
//   --cases: the demo hall's cases (default 5000);
//   --database: an empty PostgreSQL database to build the hall in (default: a SQLite store in a
//   temporary folder); the copy is made beside it as NAME_copy (psql, CREATE DATABASE ...
//   TEMPLATE, dropped first if it exists).
#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QUrl>

#include <cstdio>

namespace {

[[noreturn]] void die(const QString& why)
{
    std::fprintf(stderr, "bench_calendar_import: %s\n", qPrintable(why));
    std::exit(1);
}

QString run(const QString& program, const QStringList& args)
{
    QProcess p;
    p.start(program, args);
    if (!p.waitForFinished(-1) || p.exitCode() != 0)
        die(QStringLiteral("%1 %2: %3")
                .arg(program, args.join(u' '), QString::fromUtf8(p.readAllStandardError())));
    return QString::fromUtf8(p.readAllStandardOutput()).trimmed();
}

// The shipped 2026 notice with Wednesday 2026-12-09 made a day off: a notice period counted
// across it ends a day later.
QString writeNotice(const QTemporaryDir& dir)
{
    QFile shipped(QStringLiteral(ONEWINDOW_SOURCE_DIR "/resources/calendars/2026.json"));
    if (!shipped.open(QIODevice::ReadOnly))
        die(QStringLiteral("cannot read the shipped 2026 calendar"));
    QJsonObject notice = QJsonDocument::fromJson(shipped.readAll()).object();
    QJsonArray days = notice.value(QStringLiteral("days")).toArray();
    days.append(QJsonObject{{QStringLiteral("name"), QStringLiteral("临时放假")},
                            {QStringLiteral("date"), QStringLiteral("2026-12-09")},
                            {QStringLiteral("isOffDay"), true}});
    notice.insert(QStringLiteral("days"), days);
    const QString path = dir.filePath(QStringLiteral("2026-moved.json"));
    QFile out(path);
    if (!out.open(QIODevice::WriteOnly))
        die(out.errorString());
    out.write(QJsonDocument(notice).toJson());
    return path;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    int cases = 5000;
    QString database;
    const QStringList args = app.arguments();
    for (int i = 1; i + 1 < args.size(); i += 2) {
        if (args[i] == QLatin1String("--cases"))
            cases = args[i + 1].toInt();
        else if (args[i] == QLatin1String("--database"))
            database = args[i + 1];
        else
            die(QStringLiteral("usage: bench_calendar_import [--cases N] [--database URL]"));
    }
    QTemporaryDir dir;
    const QString hall = QStringLiteral("620102"); // the demo hall's code
    QList<QStringList> stores;
    if (database.isEmpty())
        for (const char* name : {"before.sqlite", "now.sqlite"})
            stores.append({QStringLiteral("--store"), dir.filePath(QLatin1String(name))});
    else
        stores = {{QStringLiteral("--database"), database}};
    std::printf("building the demo hall of %d cases ...\n", cases);
    std::fflush(stdout);
    run(QStringLiteral(ONEWINDOW_SERVER_DEMO_PATH),
        stores[0] + QStringList{QStringLiteral("hall"), QStringLiteral("demo"), hall,
                                QStringLiteral("--cases"), QString::number(cases)});
    if (database.isEmpty()) {
        if (!QFile::copy(stores[0][1], stores[1][1]))
            die(QStringLiteral("cannot copy the central store"));
    } else {
        QUrl url(database);
        const QString name = url.path().mid(1);
        QUrl maintenance = url;
        maintenance.setPath(QStringLiteral("/postgres"));
        for (const QString& sql : {QStringLiteral("DROP DATABASE IF EXISTS %1_copy").arg(name),
                                   QStringLiteral("CREATE DATABASE %1_copy TEMPLATE %1").arg(name)})
            run(QStringLiteral("psql"), {maintenance.toString(), QStringLiteral("-c"), sql});
        url.setPath(QStringLiteral("/%1_copy").arg(name));
        stores.append({QStringLiteral("--database"), url.toString()});
    }
    const QString notice = writeNotice(dir);
    static const QRegularExpression summary(
        QStringLiteral("(\\d+) open cases, (\\d+) deadline moved entries \\((\\d+) ms; the hall's "
                       "row held at most (\\d+) ms"));
    std::printf("calendar import, %s, the 2026 notice with 2026-12-09 made a day off:\n",
                database.isEmpty() ? "SQLite" : "PostgreSQL");
    const struct
    {
        const char* label;
        QStringList store;
        QStringList extra;
    } ways[] = {{"every case in one transaction (before)",
                 stores[0],
                 {QStringLiteral("--chunk-cases"), QString::number(cases + 1)}},
                {"chunks of 100 cases (now)", stores[1], {}}};
    for (const auto& way : ways) {
        const QString out = run(
            QStringLiteral(ONEWINDOW_SERVER_PATH),
            way.store +
                QStringList{QStringLiteral("calendar"), QStringLiteral("import"), hall, notice} +
                way.extra);
        const auto m = summary.match(out);
        if (!m.hasMatch())
            die(QStringLiteral("no summary in: %1").arg(out.right(400)));
        std::printf("  %-40s %s open cases, %s entries, %6.2f s in all, the hall's row held at "
                    "most %6.3f s at a time\n",
                    way.label, qPrintable(m.captured(1)), qPrintable(m.captured(2)),
                    m.captured(3).toLongLong() / 1000.0, m.captured(4).toLongLong() / 1000.0);
        std::fflush(stdout);
    }
    return 0;
}

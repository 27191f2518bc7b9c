#include "server/Commands.h"

#include "server/BackOfficeCommands.h"
#include "server/CalendarCommand.h"
#include "server/CheckCommand.h"
#include "server/ClockCommands.h"
#include "server/CommandHelp.h"
#include "server/DeviceCommands.h"
#include "server/DueCommand.h"
#include "server/FailoverCommand.h"

#include "server/Credentials.h"
#include "server/HttpApi.h"
#include "server/MasterAuthor.h"
#include "server/storage/CentralDb.h"
#include "server/storage/Ledger.h"
#include "server/storage/Registry.h"
#include "server/storage/WorkingSets.h"

#include "input/InputFile.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QHostAddress>
#include <QMap>
#include <QSet>

#include <algorithm>

namespace onewindow::server {

namespace {

struct Parsed
{
    QStringList words;             // command and positional arguments
    QMap<QString, QString> values; // --option VALUE
    bool help = false;
    QString error;
};

Parsed parse(const QStringList& args)
{
    static const QStringList withValue{
        QStringLiteral("--store"), QStringLiteral("--database"), QStringLiteral("--listen"),
        QStringLiteral("--name"), QStringLiteral("--zone"), QStringLiteral("--role"),
        QStringLiteral("--valid"), QStringLiteral("--department"), QStringLiteral("--hall"),
        QStringLiteral("--window"), QStringLiteral("--active"), QStringLiteral("--password-file"),
        QStringLiteral("--id"),
        // serve's limits, proxy and TLS (issue 17, wave 2)
        QStringLiteral("--trusted-proxy"), QStringLiteral("--tls-cert"),
        QStringLiteral("--tls-key"), QStringLiteral("--request-timeout"),
        QStringLiteral("--max-connections"), QStringLiteral("--clock-tolerance"),
        QStringLiteral("--push-workers"), // the push budget (issue 17)
        // decision 11: initial sync
        QStringLiteral("--snapshot-above"), QStringLiteral("--working-set-days"),
        // decision 7: settings and flags
        QStringLiteral("--offline-sign-in-hours"), QStringLiteral("--max-clock-gap-seconds"),
        QStringLiteral("--office-hours"), QStringLiteral("--limit"),
        QStringLiteral("--idle-lock-minutes"), QStringLiteral("--follow-up-days"),
        QStringLiteral("--progress-every"), // check
        QStringLiteral("--chunk-cases"),    // calendar import
        QStringLiteral("--file"), QStringLiteral("--by"), QStringLiteral("--reason")}; // import
    static const QStringList flags{QStringLiteral("--check"),    // device import
                                   QStringLiteral("--dry-run")}; // due
    Parsed p;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString& a = args[i];
        if (a == QLatin1String("--help") || a == QLatin1String("-h")) {
            p.help = true;
        } else if (flags.contains(a)) {
            p.values.insert(a, QStringLiteral("yes"));
        } else if (withValue.contains(a)) {
            if (i + 1 >= args.size()) {
                p.error = QStringLiteral("%1 须跟一个值").arg(a);
                return p;
            }
            p.values.insert(a, args[++i]);
        } else if (a.startsWith(QLatin1String("--"))) {
            p.error = QStringLiteral("未知选项：%1").arg(a);
            return p;
        } else {
            p.words.append(a);
        }
    }
    return p;
}

int usage(QTextStream& err, const QString& why)
{
    err << "onewindow-server: " << why << "\n" << kCommandUsage;
    return 2;
}

int failed(QTextStream& err, const core::Error& e)
{
    err << "onewindow-server: " << e.message << " (" << e.code << ")\n";
    return 1;
}

// serve's limits, trusted proxies and TLS files.
core::Result<FrontOptions> frontOptions(const Parsed& p)
{
    FrontOptions o;
    for (const QString& a : p.values.value(QStringLiteral("--trusted-proxy"))
                                .split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QHostAddress address(a.trimmed());
        if (address.isNull())
            return core::Error{QStringLiteral("usage"),
                               QStringLiteral("--trusted-proxy 须为 IP 地址：%1").arg(a)};
        o.trustedProxies.append(address);
    }
    o.tlsCertificate = p.values.value(QStringLiteral("--tls-cert"));
    o.tlsKey = p.values.value(QStringLiteral("--tls-key"));
    if (o.tlsCertificate.isEmpty() != o.tlsKey.isEmpty())
        return core::Error{QStringLiteral("usage"),
                           QStringLiteral("--tls-cert 与 --tls-key 须同时给出")};
    bool ok = true;
    if (p.values.contains(QStringLiteral("--request-timeout"))) {
        const double s = p.values.value(QStringLiteral("--request-timeout")).toDouble(&ok);
        if (!ok || s < 0.1 || s > 3600)
            return core::Error{QStringLiteral("usage"),
                               QStringLiteral("--request-timeout 须为 0.1–3600 秒")};
        o.limits.requestTimeoutMs = int(s * 1000);
    }
    if (p.values.contains(QStringLiteral("--max-connections"))) {
        const int n = p.values.value(QStringLiteral("--max-connections")).toInt(&ok);
        if (!ok || n < 1 || n > 100000)
            return core::Error{QStringLiteral("usage"),
                               QStringLiteral("--max-connections 须为 1–100000")};
        o.limits.maxConnectionsPerAddress = n;
    }
    return o;
}

int serve(CentralDb& db, const DatabaseSpec& spec, const Parsed& p, QTextStream& out,
          QTextStream& err, const core::Clock& clock)
{
    const QString listen =
        p.values.value(QStringLiteral("--listen"), QStringLiteral("127.0.0.1:8440"));
    const qsizetype colon = listen.lastIndexOf(QLatin1Char(':'));
    bool ok = false;
    const int port = colon > 0 ? listen.mid(colon + 1).toInt(&ok) : -1;
    const QHostAddress address(listen.left(colon));
    if (!ok || port < 0 || port > 65535 || address.isNull())
        return usage(
            err, QStringLiteral("--listen 应为 地址:端口，例如 127.0.0.1:8440：%1").arg(listen));
    auto options = frontOptions(p);
    if (!options)
        return usage(err, options.error().message);
    const int tolerance =
        p.values.value(QStringLiteral("--clock-tolerance"), QStringLiteral("120")).toInt(&ok);
    if (!ok || tolerance < 1 || tolerance > 86400)
        return usage(err, QStringLiteral("--clock-tolerance 须为 1–86400 秒"));
    // Issue 17: pushes judged off the serving thread (server/PushWorkers.h).
    const int workers =
        p.values.value(QStringLiteral("--push-workers"), QString::number(defaultPushWorkers(spec)))
            .toInt(&ok);
    if (!ok || workers < 0 || workers > 64)
        return usage(err, QStringLiteral("--push-workers 须为 0–64（0：在服务线程上逐个评判）"));
    const qint64 snapshotAbove = p.values
                                     .value(QStringLiteral("--snapshot-above"),
                                            QString::number(core::sync::kDefaultSnapshotAbove))
                                     .toLongLong(&ok);
    if (!ok || snapshotAbove < 0)
        return usage(err, QStringLiteral("--snapshot-above 须为非负整数（大厅的记录数）"));
    const int workingSetDays = p.values
                                   .value(QStringLiteral("--working-set-days"),
                                          QString::number(core::sync::kDefaultWorkingSetDays))
                                   .toInt(&ok);
    if (!ok || workingSetDays < 1 || workingSetDays > 3650)
        return usage(err, QStringLiteral("--working-set-days 须为 1–3650 天"));
    if (const auto halls = db.hallCounters(); !halls || halls->isEmpty()) // F3: nothing to serve
        return failed(err, !halls ? databaseError(db.lastError()) : noHallToServe(db));
    HttpApi api(db, clock, [&err](const QString& line) {
        err << line << "\n";
        err.flush();
    });
    api.setClockToleranceSeconds(tolerance);
    if (core::Status started = api.startPushWorkers(spec, workers); !started)
        return failed(err, started.error());
    api.setWorkingSet(snapshotAbove, workingSetDays);
    const auto bound = api.listen(address, quint16(port), *options);
    if (!bound) {
        err << "onewindow-server: " << bound.error().message << "\n";
        return 1;
    }
    out << "onewindow-server: listening on " << address.toString() << ":" << *bound
        << (options->tlsCertificate.isEmpty() ? "" : " (https)") << "\n";
    out.flush();
    return QCoreApplication::exec();
}

// The workstation's own reader (docs/bad-inputs.md): a regular file within the kind's limit, so
// /dev/zero, a FIFO or a runaway file is refused at once, with the same messages.
std::optional<QByteArray> readFile(const QString& path, core::InputKind kind, QTextStream& err)
{
    auto bytes = input::readInputFile(path, kind);
    if (!bytes) {
        failed(err, bytes.error());
        return std::nullopt;
    }
    return *bytes;
}

void printRecords(QTextStream& out, const QList<MasterRecord>& written)
{
    for (const MasterRecord& r : written)
        out << r.kind << " " << r.key << " version " << r.version << " at " << r.hallSeq << "\n";
    if (written.isEmpty())
        out << "nothing changed\n";
}

int master(CentralDb& db, const Parsed& p, QTextStream& out, QTextStream& err,
           const core::Clock& clock)
{
    const QString command = p.words.value(0);
    const QString sub = p.words.value(1);
    const QString hallCode = p.words.value(2);
    if (p.words.size() < 4)
        return usage(err, QString::fromLatin1(commandHelps().value(command)));
    if (!Registry(db, clock).hall(hallCode))
        return failed(err, core::Error{QStringLiteral("hall.unknown"),
                                       QStringLiteral("没有大厅 %1").arg(hallCode)});
    MasterData data(db, clock);
    MasterAuthor author(data);
    if (command == QLatin1String("catalog") && sub == QLatin1String("import") &&
        p.words.size() == 4) {
        const auto bytes = readFile(p.words[3], core::InputKind::Catalog, err);
        if (!bytes)
            return 1;
        auto written = author.importCatalog(hallCode, *bytes, QFileInfo(p.words[3]).fileName());
        if (!written)
            return failed(err, written.error());
        printRecords(out, *written);
        return 0;
    }
    if (command == QLatin1String("calendar") && sub == QLatin1String("import")) {
        QList<QByteArray> files;
        QStringList names;
        for (const QString& path : p.words.mid(3)) {
            const auto bytes = readFile(path, core::InputKind::CalendarNotice, err);
            if (!bytes)
                return 1;
            files.append(*bytes);
            names.append(QFileInfo(path).fileName());
        }
        CalendarImportOptions options;
        bool ok = true;
        options.chunkCases =
            p.values.value(QStringLiteral("--chunk-cases"), QStringLiteral("100")).toInt(&ok);
        if (!ok || options.chunkCases < 1 || options.chunkCases > 1000000)
            return usage(err, QStringLiteral("--chunk-cases 须为 1–1000000 的整数"));
        return calendarImportCommand(db, hallCode, files, names, out, err, clock, options);
    }
    if (command == QLatin1String("user") && p.words.size() == 4 &&
        (sub == QLatin1String("add") || sub == QLatin1String("change"))) {
        MasterAuthor::UserChange c;
        c.login = p.words[3];
        c.userId = p.values.value(QStringLiteral("--id"));
        auto optional = [&p](const char* option) -> std::optional<QString> {
            const QString key = QString::fromLatin1(option);
            return p.values.contains(key) ? std::optional(p.values.value(key)) : std::nullopt;
        };
        c.displayName = optional("--name");
        c.role = optional("--role");
        c.window = optional("--window");
        if (const auto active = optional("--active")) {
            if (*active != QLatin1String("yes") && *active != QLatin1String("no"))
                return usage(err, QStringLiteral("--active 应为 yes 或 no"));
            c.active = *active == QLatin1String("yes");
        }
        if (const auto file = optional("--password-file")) {
            const auto bytes = readFile(*file, core::InputKind::PasswordFile, err);
            if (!bytes)
                return 1;
            c.password = QString::fromUtf8(bytes->split('\n').value(0)).trimmed();
        }
        auto written = sub == QLatin1String("add") ? author.addUser(hallCode, c)
                                                   : author.changeUser(hallCode, c);
        if (!written)
            return failed(err, written.error());
        printRecords(out, {*written});
        return 0;
    }
    return usage(err, QString::fromLatin1(commandHelps().value(command)));
}

} // namespace

core::Result<core::HallDigest> hallDigestOf(CentralDb& db, const core::Clock& clock,
                                            const QString& hallCode)
{
    // Streamed as the working set's digest is (core::HallDigestBuilder): the hall's pages in
    // order, then each case's events up to the cursor reached, one case at a time.
    Ledger ledger(db, clock);
    core::HallDigestBuilder builder;
    QStringList caseIds;
    QSet<QString> seen;
    qint64 cursor = 0;
    for (;;) {
        auto page = ledger.pull(hallCode, cursor, core::sync::kMaxPullLimit);
        if (!page)
            return page.error();
        for (const QJsonObject& item : page->events) {
            auto wire = core::sync::eventFromWire(item.value(QStringLiteral("event")).toObject());
            if (!wire || !wire->event)
                continue; // set aside as technically bad: no workstation stores it either
            const bool accepted =
                item.value(QStringLiteral("verdict")).toString() == QLatin1String("accepted");
            builder.addPlacement(item.value(QStringLiteral("hall_seq")).toInteger(0),
                                 wire->event->eventId, accepted);
            if (accepted && !seen.contains(wire->event->caseId)) {
                seen.insert(wire->event->caseId);
                caseIds.append(wire->event->caseId);
            }
        }
        cursor = page->nextCursor;
        if (!page->more)
            break;
    }
    seen.clear();
    std::sort(caseIds.begin(), caseIds.end()); // QString's order, as every window hashes in
    WorkingSets sets(db, clock);
    for (const QString& caseId : std::as_const(caseIds)) {
        auto accepted = sets.acceptedEvents(hallCode, caseId, cursor);
        if (!accepted)
            return accepted.error();
        builder.addCase(caseId, *accepted);
    }
    auto finished = builder.finish();
    if (!finished)
        return finished.error();
    core::HallDigest d = *finished;
    d.cursor = cursor;
    return d;
}

int runCommand(const QStringList& args, QTextStream& out, QTextStream& err,
               const core::Clock& clock)
{
    const Parsed p = parse(args);
    if (!p.error.isEmpty())
        return usage(err, p.error);
    const QString command = p.words.value(0);
    if (p.help || command == QLatin1String("help")) {
        const QString topic = command == QLatin1String("help") ? p.words.value(1) : command;
        out << (commandHelps().contains(topic) ? commandHelps().value(topic) : kCommandUsage);
        return 0;
    }
    if (command.isEmpty())
        return usage(err, QStringLiteral("缺少命令"));
    if (!commandHelps().contains(command))
        return usage(err, QStringLiteral("未知命令：%1").arg(command));
    const bool hasStore = p.values.contains(QStringLiteral("--store"));
    const bool hasDatabase = p.values.contains(QStringLiteral("--database"));
    if (hasStore == hasDatabase)
        return usage(err, QStringLiteral("须给出 --store PATH 或 --database URL 之一"));
    core::Result<DatabaseSpec> spec =
        hasStore ? core::Result<DatabaseSpec>(
                       DatabaseSpec::sqlite(p.values.value(QStringLiteral("--store"))))
                 : DatabaseSpec::postgres(p.values.value(QStringLiteral("--database")));
    if (!spec)
        return usage(err, spec.error().message);
    // Only `hall create` makes a new central store (F3): any other command on a missing, empty
    // or foreign --store is refused before anything is written.
    DatabaseSpec opening = *spec;
    opening.mayCreate =
        command == QLatin1String("hall") && p.words.value(1) == QLatin1String("create");
    auto db = CentralDb::open(opening);
    if (!db)
        return failed(err, db.error());

    if (command == QLatin1String("serve"))
        return p.words.size() == 1 ? serve(**db, opening, p, out, err, clock)
                                   : usage(err, QStringLiteral("serve 不带位置参数"));
    if (command == QLatin1String("device"))
        return deviceCommand(**db, p.words, p.values, out, err, clock);
    if (command == QLatin1String("backoffice"))
        return backOfficeCommand(**db, p.words, out, err, clock);
    if (command == QLatin1String("check"))
        return checkCommand(**db, p.words, p.values, out, err);
    if (command == QLatin1String("catalog") || command == QLatin1String("calendar") ||
        command == QLatin1String("user"))
        return master(**db, p, out, err, clock);
    if (command == QLatin1String("settings"))
        return settingsCommand(**db, p.words, p.values, out, err, clock);
    if (command == QLatin1String("flagged"))
        return flaggedCommand(**db, p.words, p.values, out, err, clock);
    if (command == QLatin1String("due"))
        return dueCommand(**db, p.words, p.values.contains(QStringLiteral("--dry-run")), out, err,
                          clock);
    if (command == QLatin1String("failover"))
        return failoverCommand(**db, p.words, out, err);
    if (command == QLatin1String("digest")) {
        if (p.words.size() != 2)
            return usage(err, QStringLiteral("digest HALL"));
        auto digest = hallDigestOf(**db, clock, p.words[1]);
        if (!digest)
            return failed(err, digest.error());
        out << digest->text() << "\n";
        return 0;
    }
    Registry registry(**db, clock);
    if (command == QLatin1String("hall")) {
        if (p.words.value(1) == QLatin1String("demo"))
            return usage(err,
                         QStringLiteral("演示大厅由单独的程序 onewindow-server-demo 建立（hall "
                                        "demo CODE --cases N），正式服务器不含演示数据生成器"));
        if (p.words.value(1) != QLatin1String("create") || p.words.size() != 3)
            return usage(err, QStringLiteral("hall create CODE --name NAME [--zone ZONE]"));
        auto hall = registry.createHall(
            p.words[2], p.values.value(QStringLiteral("--name")),
            p.values.value(QStringLiteral("--zone"), QStringLiteral("Asia/Shanghai")));
        if (!hall)
            return failed(err, hall.error());
        out << "hall " << hall->code << " " << hall->name << " (" << hall->zone << ") created\n";
        return 0;
    }
    // enrol HALL WINDOW --role ROLE
    if (p.words.size() != 3 || !p.values.contains(QStringLiteral("--role")))
        return usage(err, QStringLiteral("enrol HALL WINDOW --role window|backoffice|supervisor"));
    auto valid = parseValidity(p.values.value(QStringLiteral("--valid"), QStringLiteral("24h")));
    if (!valid)
        return usage(err, valid.error().message);
    auto code =
        registry.createEnrolCode({p.words[1], p.words[2], p.values.value(QStringLiteral("--role")),
                                  p.values.value(QStringLiteral("--department")), *valid});
    if (!code)
        return failed(err, code.error());
    out << code->first << "\n";
    err << "onewindow-server: one-time code for " << p.words[1] << " " << p.words[2]
        << ", valid until " << code->second << "\n";
    return 0;
}

} // namespace onewindow::server

#include "server/Commands.h"

#include "server/BackOfficeCommands.h"
#include "server/CheckCommand.h"
#include "server/ClockCommands.h"
#include "server/DeviceCommands.h"
#include "server/FailoverCommand.h"

#include "server/Credentials.h"
#include "server/HttpApi.h"
#include "server/MasterAuthor.h"
#include "server/storage/CentralDb.h"
#include "server/storage/Ledger.h"
#include "server/storage/Registry.h"

#include "input/InputFile.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QHostAddress>
#include <QMap>

namespace onewindow::server {

namespace {

const char* const kUsage =
    "usage: onewindow-server (--store PATH | --database URL) COMMAND ...\n"
    "\n"
    "  serve [--listen HOST:PORT] [--trusted-proxy ADDR] [--tls-cert F --tls-key F] ...\n"
    "                                             answer protocol v1 (default 127.0.0.1:8440)\n"
    "  hall create CODE --name NAME [--zone Z]    a hall (zone default Asia/Shanghai)\n"
    "  enrol HALL WINDOW --role ROLE [--valid 24h] [--department D]\n"
    "                                             print a one-time enrolment code\n"
    "  device list [--hall HALL]                  every device with its state\n"
    "  device revoke DEVICE_ID                    refuse the device from now on\n"
    "  device retire DEVICE_ID                    take what it recorded until now, nothing later\n"
    "  backoffice list|add|remove HALL [NAME]     the back offices a case may be forwarded to\n"
    "  catalog import HALL FILE                   the hall's catalog (new item versions)\n"
    "  calendar import HALL FILE...               holiday notices for the hall\n"
    "  user add|change HALL LOGIN [...]           the hall's users (user --help)\n"
    "  digest HALL                                the hall's digest (as `onewindowctl store "
    "digest`)\n"
    "  settings HALL [--name N] [--zone Z] [--office-hours 09:00-17:30]\n"
    "        [--offline-sign-in-hours N] [--max-clock-gap-seconds N]\n"
    "                                             the hall's settings, pulled by its windows\n"
    "  flagged HALL [--limit N]                   events whose own time was off (decision 7)\n"
    "  failover HALL...                           a new epoch after a standby took over\n"
    "  check [HALL] [--progress-every N]          read-only integrity check of the store\n"
    "\n"
    "  --store PATH     the central store in one SQLite file (a single hall, a demo)\n"
    "  --database URL   PostgreSQL: postgresql://USER@HOST:PORT/DB or a libpq conninfo\n"
    "  COMMAND --help   what a command takes\n";

const QMap<QString, const char*>& helps()
{
    static const QMap<QString, const char*> h{
        {QStringLiteral("backoffice"), kBackOfficeHelp},
        {QStringLiteral("serve"),
         "usage: onewindow-server (--store PATH | --database URL) serve [--listen HOST:PORT]\n"
         "       [--trusted-proxy ADDR[,ADDR]] [--tls-cert FILE --tls-key FILE]\n"
         "       [--request-timeout SECONDS] [--max-connections N] [--clock-tolerance S]\n"
         "Answers protocol v1 (docs/sync-protocol.md) on HOST:PORT (default 127.0.0.1:8440; port "
         "0\n"
         "takes a free one). Prints the address it listens on, then one line per request on\n"
         "stderr: time, device, hall, client address, method, path, status, milliseconds.\n"
         "Limits (docs/operations.md): a body over 1 MiB is refused 413 before it is read, a\n"
         "request not complete within --request-timeout (default 10 s) is dropped (408), more\n"
         "than --max-connections (default 16) open connections of one address get 429.\n"
         "--trusted-proxy: X-Real-IP is believed from these addresses only (nginx, usually\n"
         "127.0.0.1); the real client is then the one logged and limited.\n"
         "--tls-cert/--tls-key: PEM files; the server speaks HTTPS itself (a hall without "
         "nginx).\n"},
        {QStringLiteral("hall"),
         "usage: onewindow-server (--store PATH | --database URL) hall create CODE --name NAME\n"
         "       [--zone Asia/Shanghai]\n"
         "Creates a hall: CODE is its six-digit code (the first part of its case numbers), ZONE\n"
         "the IANA time zone whose civil days it counts. It starts with the shipped holiday\n"
         "notices. A demo hall: onewindow-server-demo hall demo CODE --cases N.\n"},
        {QStringLiteral("enrol"),
         "usage: onewindow-server (--store PATH | --database URL) enrol HALL WINDOW\n"
         "       --role window|backoffice|supervisor [--valid 24h] [--department D]\n"
         "Prints a one-time code that enrols one device as WINDOW of HALL (POST /v1/enrol). It\n"
         "expires after --valid (s, m, h or d; default 24h); a back-office device names its\n"
         "department. Only the code's hash is stored.\n"},
        {QStringLiteral("device"),
         "usage: onewindow-server (--store PATH | --database URL) device list [--hall HALL]\n"
         "       onewindow-server (--store PATH | --database URL) device revoke DEVICE_ID\n"
         "       onewindow-server (--store PATH | --database URL) device retire DEVICE_ID\n"
         "list: every device, its hall, window, role, state (active, retired AT [by DEVICE],\n"
         "revoked AT, stopped REASON) and next sequence.\n"
         "revoke: the device is refused at its next request (lost or stolen).\n"
         "retire: a PC taken out of service. What it recorded until now is still taken when it\n"
         "pushes (let it sync once more), an act it records later is set aside device.retired,\n"
         "and it still pulls. Enrolling its window code again retires it by itself.\n"},
        {QStringLiteral("check"),
         "usage: onewindow-server (--store PATH | --database URL) check [HALL]\n"
         "       [--progress-every N]\n"
         "Read-only integrity check of every hall (or HALL), e.g. after a crash, a restore or a\n"
         "failover: the hall order is 1..N without hole or duplicate, every event's checksum\n"
         "recomputes from its stored text, every device's sequences are contiguous and its\n"
         "next_seq agrees, each case's head is what folding the hall's accepted events gives,\n"
         "issued_numbers holds exactly the numbers those events issued, master record versions\n"
         "are contiguous. One line per finding (hall, code, what, expected), then a summary\n"
         "with counts and time. Progress on stderr every N events (default 100000). Never\n"
         "writes. Exit 0 clean, 1 findings, 2 usage (docs/operations.md).\n"},
        {QStringLiteral("catalog"),
         "usage: onewindow-server (--store PATH | --database URL) catalog import HALL FILE\n"
         "Imports a catalog file (resources/catalog/FORMAT.md) as the hall's: every item whose\n"
         "content changed becomes its next version in the hall's stream. A file with any error\n"
         "changes nothing.\n"},
        {QStringLiteral("calendar"),
         "usage: onewindow-server (--store PATH | --database URL) calendar import HALL FILE...\n"
         "Imports State Council holiday notices (holiday-cn JSON) for the hall, checked as the\n"
         "workstation checks them; each replaces its year from now on.\n"},
        {QStringLiteral("user"),
         "usage: onewindow-server (--store PATH | --database URL) user add HALL LOGIN\n"
         "       --name NAME --role clerk|supervisor|administrator --password-file FILE\n"
         "       [--window W07] [--id USER_ID]\n"
         "       onewindow-server (--store PATH | --database URL) user change HALL LOGIN\n"
         "       [--name NAME] [--role ROLE] [--window W] [--active yes|no] [--password-file F]\n"
         "The hall's users: each change is a new version from now on (a role is judged at the\n"
         "time of each event). The password is read from the first line of FILE, never from\n"
         "the command line; only its Argon2id verifier is kept. A login is one whatever its\n"
         "letters' case (as the windows sign in): WangWu is refused beside wangwu, and\n"
         "`user change HALL WANGWU` changes wangwu.\n"},
        {QStringLiteral("settings"),
         "usage: onewindow-server (--store PATH | --database URL) settings HALL\n"
         "       [--name NAME] [--zone IANA-ZONE] [--office-hours HH:mm-HH:mm]\n"
         "       [--offline-sign-in-hours 1-720] [--max-clock-gap-seconds 30-3600]\n"
         "Prints the hall's settings; with an option, writes them as the next version of the\n"
         "hall's settings record, which every window takes at its next pull (a running window\n"
         "at once: its title, status bar, today and deadlines follow): a clerk signs in\n"
         "offline for that many hours after the window's last sync, and an online window whose\n"
         "clock is further than that from the server's refuses every act until fixed.\n"},
        {QStringLiteral("flagged"),
         "usage: onewindow-server (--store PATH | --database URL) flagged HALL [--limit N]\n"
         "The hall's events (the newest N, default 100) whose own time lay outside [the\n"
         "device's last contact - ε, the server's receipt + ε] (serve --clock-tolerance, default\n"
         "120 s): flagged, never rejected; a window's clock was off when it recorded them.\n"},
        {QStringLiteral("failover"),
         "usage: onewindow-server (--store PATH | --database URL) failover HALL...\n"
         "Run on the database that now serves the halls after a standby was promoted or a\n"
         "backup restored, before `serve` answers on it. It may lack the last commits the\n"
         "windows were told of: each hall named starts a new epoch based on its counter now.\n"
         "Every window sees the new epoch in its next answer, pulls again from the base and\n"
         "pushes again what of its own the server no longer holds (docs/operations.md).\n"},
        {QStringLiteral("digest"),
         "usage: onewindow-server (--store PATH | --database URL) digest HALL\n"
         "One hash over the hall's events in hall order with their verdicts and every case's\n"
         "folded state (core::hallDigest), with the cursor and the fold version: equal to each\n"
         "workstation's `onewindowctl store digest` once nothing is pending.\n"},
    };
    return h;
}

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
        // decision 7: settings and flags
        QStringLiteral("--offline-sign-in-hours"), QStringLiteral("--max-clock-gap-seconds"),
        QStringLiteral("--office-hours"), QStringLiteral("--limit"),
        QStringLiteral("--progress-every")}; // check
    Parsed p;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString& a = args[i];
        if (a == QLatin1String("--help") || a == QLatin1String("-h")) {
            p.help = true;
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
    err << "onewindow-server: " << why << "\n" << kUsage;
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

int serve(CentralDb& db, const Parsed& p, QTextStream& out, QTextStream& err,
          const core::Clock& clock)
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
    if (const auto halls = db.hallCounters(); !halls || halls->isEmpty()) // F3: nothing to serve
        return failed(err, !halls ? databaseError(db.lastError()) : noHallToServe(db));
    HttpApi api(db, clock, [&err](const QString& line) {
        err << line << "\n";
        err.flush();
    });
    api.setClockToleranceSeconds(tolerance);
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
        return usage(err, QString::fromLatin1(helps().value(command)));
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
        auto written = author.importCalendar(hallCode, files, names);
        if (!written)
            return failed(err, written.error());
        printRecords(out, *written);
        return 0;
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
    return usage(err, QString::fromLatin1(helps().value(command)));
}

} // namespace

core::Result<core::HallDigest> hallDigestOf(CentralDb& db, const core::Clock& clock,
                                            const QString& hallCode)
{
    Ledger ledger(db, clock);
    QList<core::PlacedEvent> placed;
    qint64 cursor = 0;
    for (;;) {
        auto page = ledger.pull(hallCode, cursor, core::sync::kMaxPullLimit);
        if (!page)
            return page.error();
        for (const QJsonObject& item : page->events) {
            auto wire = core::sync::eventFromWire(item.value(QStringLiteral("event")).toObject());
            core::PlacedEvent p;
            p.hallSeq = item.value(QStringLiteral("hall_seq")).toInteger(0);
            p.accepted =
                item.value(QStringLiteral("verdict")).toString() == QLatin1String("accepted");
            if (!wire || !wire->event)
                continue; // set aside as technically bad: no workstation stores it either
            p.event = *wire->event;
            placed.append(p);
        }
        cursor = page->nextCursor;
        if (!page->more)
            break;
    }
    core::HallDigest d = core::hallDigest(placed);
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
        out << (helps().contains(topic) ? helps().value(topic) : kUsage);
        return 0;
    }
    if (command.isEmpty())
        return usage(err, QStringLiteral("缺少命令"));
    if (!helps().contains(command))
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
        return p.words.size() == 1 ? serve(**db, p, out, err, clock)
                                   : usage(err, QStringLiteral("serve 不带位置参数"));
    if (command == QLatin1String("device"))
        return deviceCommand(**db, p.words, p.values.value(QStringLiteral("--hall")), out, err,
                             clock);
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

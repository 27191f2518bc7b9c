#include "server/Commands.h"

#include "server/Credentials.h"
#include "server/HttpApi.h"
#include "server/storage/CentralDb.h"
#include "server/storage/Ledger.h"
#include "server/storage/Registry.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QMap>

namespace onewindow::server {

namespace {

const char* const kUsage =
    "usage: onewindow-server (--store PATH | --database URL) COMMAND ...\n"
    "\n"
    "  serve [--listen HOST:PORT]                 answer protocol v1 (default 127.0.0.1:8440)\n"
    "  hall create CODE --name NAME [--zone Z]    a hall (zone default Asia/Shanghai)\n"
    "  enrol HALL WINDOW --role ROLE [--valid 24h] [--department D]\n"
    "                                             print a one-time enrolment code\n"
    "  device list [--hall HALL]                  every device with its state\n"
    "  device revoke DEVICE_ID                    refuse the device from now on\n"
    "  digest HALL                                the hall's digest (as `onewindowctl store "
    "digest`)\n"
    "\n"
    "  --store PATH     the central store in one SQLite file (a single hall, a demo)\n"
    "  --database URL   PostgreSQL: postgresql://USER@HOST:PORT/DB or a libpq conninfo\n"
    "  COMMAND --help   what a command takes\n";

const QMap<QString, const char*>& helps()
{
    static const QMap<QString, const char*> h{
        {QStringLiteral("serve"),
         "usage: onewindow-server (--store PATH | --database URL) serve [--listen HOST:PORT]\n"
         "Answers protocol v1 (docs/sync-protocol.md) on HOST:PORT (default 127.0.0.1:8440; port "
         "0\n"
         "takes a free one). Prints the address it listens on, then one line per request on\n"
         "stderr: time, device, hall, method, path, status, milliseconds.\n"},
        {QStringLiteral("hall"),
         "usage: onewindow-server (--store PATH | --database URL) hall create CODE --name NAME\n"
         "       [--zone Asia/Shanghai]\n"
         "Creates a hall: CODE is its six-digit code (the first part of its case numbers), ZONE\n"
         "the IANA time zone whose civil days it counts.\n"},
        {QStringLiteral("enrol"),
         "usage: onewindow-server (--store PATH | --database URL) enrol HALL WINDOW\n"
         "       --role window|backoffice|supervisor [--valid 24h] [--department D]\n"
         "Prints a one-time code that enrols one device as WINDOW of HALL (POST /v1/enrol). It\n"
         "expires after --valid (s, m, h or d; default 24h); a back-office device names its\n"
         "department. Only the code's hash is stored.\n"},
        {QStringLiteral("device"),
         "usage: onewindow-server (--store PATH | --database URL) device list [--hall HALL]\n"
         "       onewindow-server (--store PATH | --database URL) device revoke DEVICE_ID\n"
         "list: every device, its hall, window, role, state and next sequence.\n"
         "revoke: the device is refused at its next request (lost or stolen).\n"},
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
        QStringLiteral("--store"), QStringLiteral("--database"),   QStringLiteral("--listen"),
        QStringLiteral("--name"),  QStringLiteral("--zone"),       QStringLiteral("--role"),
        QStringLiteral("--valid"), QStringLiteral("--department"), QStringLiteral("--hall")};
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
    HttpApi api(db, clock, [&err](const QString& line) {
        err << line << "\n";
        err.flush();
    });
    const quint16 bound = api.listen(address, quint16(port));
    if (bound == 0) {
        err << "onewindow-server: 无法监听 " << listen << "（地址被占用或无权限）\n";
        return 1;
    }
    out << "onewindow-server: listening on " << address.toString() << ":" << bound << "\n";
    out.flush();
    return QCoreApplication::exec();
}

int device(CentralDb& db, const Parsed& p, QTextStream& out, QTextStream& err,
           const core::Clock& clock)
{
    Registry registry(db, clock);
    const QString sub = p.words.value(1);
    if (sub == QLatin1String("list") && p.words.size() == 2) {
        auto list = registry.devices(p.values.value(QStringLiteral("--hall")));
        if (!list)
            return failed(err, list.error());
        out << "device\thall\twindow\trole\tdepartment\tname\tstate\tnext_seq\n";
        for (const Device& d : *list) {
            const QString state = !d.revokedAt.isEmpty() ? QStringLiteral("revoked ") + d.revokedAt
                                  : !d.stoppedReason.isEmpty()
                                      ? QStringLiteral("stopped ") + d.stoppedReason
                                      : QStringLiteral("active");
            out << d.deviceId << "\t" << d.hallCode << "\t" << d.windowCode << "\t" << d.role
                << "\t" << d.department << "\t" << d.name << "\t" << state << "\t" << d.nextSeq
                << "\n";
        }
        return 0;
    }
    if (sub == QLatin1String("revoke") && p.words.size() == 3) {
        if (core::Status s = registry.revoke(p.words[2]); !s)
            return failed(err, s.error());
        out << "revoked " << p.words[2] << "\n";
        return 0;
    }
    return usage(err, QStringLiteral("device list [--hall HALL] | device revoke DEVICE_ID"));
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
    auto db = CentralDb::open(*spec);
    if (!db)
        return failed(err, db.error());

    if (command == QLatin1String("serve"))
        return p.words.size() == 1 ? serve(**db, p, out, err, clock)
                                   : usage(err, QStringLiteral("serve 不带位置参数"));
    if (command == QLatin1String("device"))
        return device(**db, p, out, err, clock);
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

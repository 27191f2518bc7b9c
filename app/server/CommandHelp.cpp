// onewindow-server's usage and each command's --help text (server/Commands.cpp runs them).
#include "server/CommandHelp.h"

#include "server/BackOfficeCommands.h"

namespace onewindow::server {

const char* const kCommandUsage =
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
    "  device import DEVICE_ID --file F --by N --reason R\n"
    "                                             a stopped or revoked device's unpushed events\n"
    "  device imports [--hall HALL]               the record of those imports\n"
    "  backoffice list|add|remove HALL [NAME]     the back offices a case may be forwarded to\n"
    "  catalog import HALL FILE                   the hall's catalog (new item versions)\n"
    "  calendar import HALL FILE... [--chunk-cases N]\n"
    "                                             holiday notices for the hall\n"
    "  user add|change HALL LOGIN [...]           the hall's users (user --help)\n"
    "  digest HALL                                the hall's digest (as `onewindowctl store "
    "digest`)\n"
    "  settings HALL [--name N] [--zone Z] [--office-hours 09:00-17:30]\n"
    "        [--offline-sign-in-hours N] [--max-clock-gap-seconds N]\n"
    "        [--idle-lock-minutes N] [--follow-up-days N]\n"
    "                                             the hall's settings, pulled by its windows\n"
    "  flagged HALL [--limit N]                   events whose own time (or calendar) was off\n"
    "  due HALL [--dry-run]                       record the deemed acceptances and abandonments\n"
    "                                             that fell due (the hall's timer)\n"
    "  failover HALL...                           a new epoch after a standby took over\n"
    "  check [HALL] [--progress-every N]          read-only integrity check of the store\n"
    "\n"
    "  --store PATH     the central store in one SQLite file (a single hall, a demo)\n"
    "  --database URL   PostgreSQL: postgresql://USER@HOST:PORT/DB or a libpq conninfo\n"
    "  COMMAND --help   what a command takes\n";

const QMap<QString, const char*>& commandHelps()
{
    static const QMap<QString, const char*> h{
        {QStringLiteral("backoffice"), kBackOfficeHelp},
        {QStringLiteral("serve"),
         "usage: onewindow-server (--store PATH | --database URL) serve [--listen HOST:PORT]\n"
         "       [--trusted-proxy ADDR[,ADDR]] [--tls-cert FILE --tls-key FILE]\n"
         "       [--request-timeout SECONDS] [--max-connections N] [--clock-tolerance S]\n"
         "       [--push-workers N] [--snapshot-above N] [--working-set-days D]\n"
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
         "nginx).\n"
         "--push-workers: pushes are judged by N workers, each with its own database\n"
         "connection (default 1 on SQLite, 4 on PostgreSQL; 0 judges them on the serving\n"
         "thread, one at a time).\n"
         "--snapshot-above N: a new window of a hall with N or more places in its order (events\n"
         "and master records; default 200000) takes the hall's working set first, not every\n"
         "event from 0; --working-set-days D: a case with an event of the last D days (default\n"
         "90) is in it, besides every open case (docs/sync-protocol.md, decision 11).\n"},
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
         "       onewindow-server (--store PATH | --database URL) device import DEVICE_ID\n"
         "           --file FILE (--check | --by NAME --reason TEXT)\n"
         "       onewindow-server (--store PATH | --database URL) device imports [--hall HALL]\n"
         "list: every device, its hall, window, role, state (active, retired AT [by DEVICE],\n"
         "revoked AT, stopped REASON) and next sequence.\n"
         "revoke: the device is refused at its next request (lost or stolen).\n"
         "revoke and retire take back the device's holds (领办) at once, as the server's own\n"
         "收回领办, and record the due facts of those cases (one `made` line each).\n"
         "retire: a PC taken out of service. What it recorded until now is still taken when it\n"
         "pushes (let it sync once more), an act it records later is set aside device.retired,\n"
         "and it still pulls. Enrolling its window code again retires it by itself.\n"
         "import: the events a device could no longer push (stopped for a reused sequence: a disk\n"
         "restored from a backup or cloned; revoked; retired and gone), as written on that PC by\n"
         "`onewindowctl sync export-pending --out FILE`. Checked whole first (the device's own\n"
         "events, checksums intact, nothing the hall holds with other content; --check stops\n"
         "there), then judged like a push of a device of the import's own, each event under an id\n"
         "derived from its original (which its payload names): the loser of a conflict is kept as\n"
         "rejected with the winner, on every window. Who (--by) and why (--reason) are recorded;\n"
         "run again with the same file it goes on where it stopped.\n"
         "imports: every import, who, why, when, the file's SHA-256 and its counts.\n"},
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
         "       [--chunk-cases N]\n"
         "Imports State Council holiday notices (holiday-cn JSON) for the hall, checked as the\n"
         "workstation checks them; each replaces its year from now on. Then every open case\n"
         "whose clock deadlines the new calendar moves gets one \"deadline moved\" entry\n"
         "(case.deadline_recomputed by the central server, with each clock's old and new\n"
         "deadline), printed as a `made` line each, then a summary; the windows pull both.\n"
         "The entries are made N cases (default 100) at a time, each chunk a short transaction,\n"
         "so the hall's pushes go on meanwhile. An import stopped before its summary is\n"
         "finished by running the same command again; nothing is made twice. The same notice\n"
         "again changes nothing and makes nothing.\n"},
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
         "       [--idle-lock-minutes 1-120] [--follow-up-days 5-15]\n"
         "Prints the hall's settings; with an option, writes them as the next version of the\n"
         "hall's settings record, which every window takes at its next pull (a running window\n"
         "at once: its title, status bar, today and deadlines follow): a clerk signs in\n"
         "offline for that many hours after the window's last sync, and an online window whose\n"
         "clock is further than that from the server's refuses every act until fixed. The\n"
         "screen locks after --idle-lock-minutes without a key or click; a bad rating's\n"
         "follow-up (差评整改) is due --follow-up-days working days after it.\n"},
        {QStringLiteral("flagged"),
         "usage: onewindow-server (--store PATH | --database URL) flagged HALL [--limit N]\n"
         "The hall's events (the newest N, default 100) whose own time lay outside [the\n"
         "device's last contact - ε, the server's receipt + ε] (serve --clock-tolerance, default\n"
         "120 s): flagged, never rejected; a window's clock was off when it recorded them.\n"
         "Also listed: an event that records a calendar version the hall never had\n"
         "(calendar.unknown_version; judged on the hall's calendar of its time).\n"},
        {QStringLiteral("due"),
         "usage: onewindow-server (--store PATH | --database URL) due HALL [--dry-run]\n"
         "Records the time-driven facts that fell due in HALL and no window recorded: a deemed\n"
         "acceptance (行政许可法 Art. 32), a deemed abandonment, a fee not paid in time, each\n"
         "exactly as a window would record it (docs/sync-protocol.md, decision 4). A case no\n"
         "window holds: once its clock ran out. A case a window holds (领办): only once that\n"
         "window has pushed something it recorded after the due day (so a notice it served\n"
         "offline on the last day still wins); such a case is listed as waiting until then. A\n"
         "case held by a retired or revoked device: the hold is taken back first. Run it from a\n"
         "timer after midnight (packaging/systemd/onewindow-server-due.timer); safe to run\n"
         "again and from several servers at once. --dry-run prints what it would record and\n"
         "writes nothing. Lines: made|would make|waiting, type, case number, case id, order.\n"},
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

} // namespace onewindow::server

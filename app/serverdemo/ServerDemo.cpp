// onewindow-server-demo: `hall demo CODE --cases N` puts the workstation's demo hall on a central
// store: the same generator as `onewindow --demo` and `onewindowctl demo seed` (app/demo), then
// its catalog, its people and its events as the hall's stream. A program of its own, built with
// the demo library (which links the workstation's store), so the production onewindow-server
// never links the demo generator: decision of issue 17, "never linked into the server's
// production paths".
#include "core/Catalog.h"
#include "core/CatalogJson.h"
#include "core/Clock.h"
#include "demo/DemoBuild.h"
#include "demo/DemoCatalog.h"
#include "demo/DemoHall.h"
#include "demo/DemoPeople.h"
#include "demo/DemoTerminals.h"
#include "server/MasterAuthor.h"
#include "server/storage/AuditedImport.h"
#include "server/storage/CentralDb.h"
#include "server/storage/MasterData.h"
#include "server/storage/Registry.h"
#include "store/EventExport.h"
#include "store/Store.h"

#include <QCoreApplication>
#include <QSet>
#include <QTemporaryDir>
#include <QTextStream>

using namespace onewindow;

namespace {

const char* const kUsage =
    "usage: onewindow-server-demo (--store PATH | --database URL) hall demo CODE --cases N\n"
    "       [--seed S] [--valid-days D]\n"
    "Creates hall CODE on the central store as the demo hall of `onewindow --demo`: its catalog,\n"
    "its accounts (zhangsan / demo-clerk, lisi / demo-supervisor, admin / demo-admin; every\n"
    "other clerk of the seeded cases signs in with demo-clerk, every supervisor with\n"
    "demo-supervisor) and N seeded cases from the same generator, as accepted events of the\n"
    "hall's stream (an audited import, reason import.demo). The demo hall's cases carry its\n"
    "code, 620102, in their numbers, so CODE must be 620102.\n"
    "It also makes the four terminals of the four-terminal demo (README, \"四个终端的演示\"):\n"
    "W07 and W08 (windows; zhangsan, wangwu), BACK (the back office of\n"
    "人力资源和社会保障后台审批组; zhaoliu) and SUP (supervisor; lisi), each with a published\n"
    "one-time enrolment code valid --valid-days D (default 7) that\n"
    "`onewindow --demo --join URL --window W07|W08|BACK|SUP` uses by itself. The codes are\n"
    "printed; being published, they are for a demo hall only.\n";

// Events read from the built store and imported at a time (one importAccepted transaction).
constexpr int kImportPage = 5000;

int usage(QTextStream& err, const QString& why)
{
    err << "onewindow-server-demo: " << why << "\n" << kUsage;
    return 2;
}

int failed(QTextStream& err, const core::Error& e)
{
    err << "onewindow-server-demo: " << e.message << " (" << e.code << ")\n";
    return 1;
}

// Every person of the demo's events as a user of the hall: the demo accounts with their own
// passwords, the other clerks and supervisors with the demo's.
core::Result<QList<server::MasterChange>> people(const QStringList& actors)
{
    QList<server::MasterChange> out;
    QSet<QString> done;
    auto add = [&](const QString& id, const QString& login, const QString& name, core::Role role,
                   const QString& password) -> core::Status {
        if (done.contains(id))
            return {};
        done.insert(id);
        auto verifier = server::passwordVerifier(password);
        if (!verifier)
            return verifier.error();
        out.append({server::record::kUser, id,
                    QJsonObject{{QStringLiteral("userId"), id},
                                {QStringLiteral("login"), login},
                                {QStringLiteral("displayName"), name},
                                {QStringLiteral("role"), core::roleKey(role)},
                                {QStringLiteral("window"), QString()},
                                {QStringLiteral("active"), true},
                                {QStringLiteral("verifier"), *verifier}}});
        return {};
    };
    for (const demo::DemoAccount& a : demo::demoAccounts())
        if (core::Status s = add(a.userId, a.login, a.displayName, a.role, a.password); !s)
            return s.error();
    for (const demo::DemoTerminal& t : demo::demoTerminals())
        if (core::Status s = add(t.userId, t.login, t.displayName, t.userRole, t.password); !s)
            return s.error();
    for (const QString& actor : actors) {
        if (actor == core::kSystemActor || done.contains(actor))
            continue;
        const bool supervisor = actor.startsWith(QLatin1String("supervisor-"));
        if (core::Status s =
                add(actor, actor, demo::staffName(actor),
                    supervisor ? core::Role::Supervisor : core::Role::Clerk,
                    supervisor ? QStringLiteral("demo-supervisor") : QStringLiteral("demo-clerk"));
            !s)
            return s.error();
    }
    return out;
}

int run(const QStringList& args, QTextStream& out, QTextStream& err, const core::Clock& clock)
{
    QString storePath, database, code;
    int cases = -1;
    int validDays = 7;
    quint64 seed = 1;
    QStringList words;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString& a = args[i];
        const QString value = args.value(i + 1);
        bool ok = true;
        if (a == QLatin1String("--help") || a == QLatin1String("-h")) {
            out << kUsage;
            return 0;
        } else if (a == QLatin1String("--store") && i + 1 < args.size()) {
            storePath = value, ++i;
        } else if (a == QLatin1String("--database") && i + 1 < args.size()) {
            database = value, ++i;
        } else if (a == QLatin1String("--cases") && i + 1 < args.size()) {
            cases = value.toInt(&ok), ++i;
        } else if (a == QLatin1String("--valid-days") && i + 1 < args.size()) {
            validDays = value.toInt(&ok), ++i;
            ok = ok && validDays >= 1 && validDays <= 365;
        } else if (a == QLatin1String("--seed") && i + 1 < args.size()) {
            seed = value.toULongLong(&ok), ++i;
        } else if (a.startsWith(QLatin1String("--"))) {
            return usage(err, QStringLiteral("未知选项或缺少值：%1").arg(a));
        } else {
            words.append(a);
        }
        if (!ok)
            return usage(err,
                         QStringLiteral("%1 须为整数（--valid-days 为 1–365）：%2").arg(a, value));
    }
    if (words.size() != 3 || words[0] != QLatin1String("hall") || words[1] != QLatin1String("demo"))
        return usage(err, QStringLiteral("hall demo CODE --cases N"));
    code = words[2];
    if (cases < 0 || cases > demo::DemoSeeder::kMaxCases)
        return usage(err, QStringLiteral("--cases 须为 0–%1").arg(demo::DemoSeeder::kMaxCases));
    const store::HallConfig config = demo::demoHallConfig();
    if (code != config.hallCode)
        return usage(
            err, QStringLiteral("演示大厅的办件编号以 %1 开头，CODE 须为 %1").arg(config.hallCode));
    if (storePath.isEmpty() == database.isEmpty())
        return usage(err, QStringLiteral("须给出 --store PATH 或 --database URL 之一"));
    auto spec = storePath.isEmpty()
                    ? server::DatabaseSpec::postgres(database)
                    : core::Result<server::DatabaseSpec>(server::DatabaseSpec::sqlite(storePath));
    if (!spec)
        return usage(err, spec.error().message);
    auto db = server::CentralDb::open(*spec);
    if (!db)
        return failed(err, db.error());
    server::Registry registry(**db, clock);
    if (registry.hall(code))
        return failed(err, core::Error{QStringLiteral("hall.exists"),
                                       QStringLiteral("大厅 %1 已存在").arg(code)});

    // The demo hall as a workstation builds it, in a private folder.
    QTemporaryDir dir;
    const QString local = dir.filePath(QStringLiteral("demo-hall.sqlite"));
    auto built = demo::buildDemoStore(local, clock, demo::DemoBuild{cases, seed, true});
    if (!built)
        return failed(err, built.error());
    auto localStore = store::Store::openForReading(local, clock);
    if (!localStore)
        return failed(err, localStore.error());
    auto actors = store::eventActors(**localStore);
    if (!actors)
        return failed(err, actors.error());
    auto users = people(*actors);
    if (!users)
        return failed(err, users.error());

    auto hall = registry.createHall(code, config.hallName, QStringLiteral("Asia/Shanghai"));
    if (!hall)
        return failed(err, hall.error());
    QList<server::MasterChange> master;
    for (const core::ServiceItem& item : demo::demoItems())
        master.append({server::record::kCatalogItem, item.code, core::itemToJson(item)});
    master.append(*users);
    server::MasterData data(**db, clock);
    if (auto written = data.append(code, master); !written)
        return failed(err, written.error());
    // Read and imported page by page in hall order: a hall of 1,000,000 cases (some 8.6 million
    // events) would not fit in memory as one list.
    qint64 imported = 0;
    const core::Status streamed = store::exportEventPages(
        **localStore, kImportPage, [&](const QList<core::Event>& page) -> core::Status {
            auto done =
                server::importAccepted(**db, clock, code, page, QStringLiteral("import.demo"));
            if (!done)
                return done.error();
            imported += *done;
            return {};
        });
    if (!streamed)
        return failed(err, streamed.error());
    out << "hall " << code << " " << config.hallName << ": " << built->cases << " cases, "
        << imported << " events, " << users->size() << " users, cursor " << registry.hall(code)->seq
        << "\n";
    // The four terminals' published codes (demo/DemoTerminals.h).
    for (const demo::DemoTerminal& t : demo::demoTerminals()) {
        auto made = registry.createEnrolCode(
            {code, t.name, t.role, t.department, qint64(validDays) * 24 * 3600},
            demo::demoEnrolCode(code, t.name));
        if (!made)
            return failed(err, made.error());
        out << "terminal " << t.name << " " << t.role
            << (t.department.isEmpty() ? QString() : QLatin1Char(' ') + t.department) << " code "
            << made->first << " until " << made->second << " sign-in " << t.login << " / "
            << t.password << "\n";
    }
    return 0;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("onewindow-server-demo"));
    QTextStream out(stdout);
    QTextStream err(stderr);
    const core::SystemClock clock;
    QStringList args = QCoreApplication::arguments();
    args.removeFirst();
    const int status = run(args, out, err, clock);
    out.flush();
    err.flush();
    return status;
}

#include "BenchSyncHall.h"

#include "core/CasePayloads.h"
#include "core/CatalogJson.h"
#include "server/MasterAuthor.h"
#include "server/storage/MasterData.h"
#include "store/CatalogRepository.h"
#include "sync/SyncClient.h"

#include <QFile>
#include <QJsonObject>

#include <cstdio>

namespace onewindow::bench {

namespace {

// The example catalog's first item (食品经营许可), version 1 at the hall.
const QString kItem = QStringLiteral("11620102013029136Y4000113004000");
const QString kHall = QStringLiteral("620102");
const QString kClerk = QStringLiteral("clerk-1");

bool failed(const QString& what)
{
    std::fprintf(stderr, "bench_sync: %s\n", qPrintable(what));
    return false;
}

} // namespace

// The windows work on a Monday after the hall's master data was written (server clock 02:00 UTC).
BenchWindow::BenchWindow()
    : clock(QDateTime(QDate(2026, 12, 7), QTime(11, 0),
                      QTimeZone(QByteArrayLiteral("Asia/Shanghai"))))
{}

core::Result<std::pair<QString, QString>> BenchWindow::take()
{
    core::ReceivedInput in;
    in.itemCode = item.code;
    in.itemVersion = 1;
    in.applicant.name = QStringLiteral("张三");
    in.applicant.idNumber = QStringLiteral("11010519491231002X");
    in.applicant.phone = QStringLiteral("13912345678");
    in.materials = core::checklistFor(item);
    auto taken = cases->receive(in, kClerk);
    if (!taken)
        return taken.error();
    return std::pair{taken->event.caseId, taken->state.caseNumber};
}

bool BenchWindow::holds(const QString& caseNumber) const
{
    return cases->caseIdByNumber(caseNumber).ok();
}

BenchHall::BenchHall() : m_clock(QDateTime(QDate(2026, 12, 7), QTime(2, 0), Qt::UTC)) {}

BenchHall::~BenchHall() = default;

bool BenchHall::start()
{
    auto db = server::CentralDb::open(
        server::DatabaseSpec::sqlite(m_dir.filePath(QStringLiteral("central.sqlite"))));
    if (!db)
        return failed(db.error().message);
    m_db = std::move(db).value();
    m_registry = std::make_unique<server::Registry>(*m_db, m_clock);
    if (auto made = m_registry->createHall(kHall, QStringLiteral("压测大厅"),
                                           QStringLiteral("Asia/Shanghai"));
        !made)
        return failed(made.error().message);
    server::MasterData data(*m_db, m_clock);
    auto user = data.append(
        kHall, {server::MasterChange{
                   server::record::kUser, kClerk,
                   QJsonObject{{QStringLiteral("userId"), kClerk},
                               {QStringLiteral("login"), QStringLiteral("clerk1")},
                               {QStringLiteral("displayName"), QStringLiteral("窗口人员")},
                               {QStringLiteral("role"), QStringLiteral("clerk")},
                               {QStringLiteral("window"), QString()},
                               {QStringLiteral("active"), true},
                               {QStringLiteral("verifier"), QString()}}}});
    if (!user)
        return failed(user.error().message);
    QFile file(QStringLiteral(ONEWINDOW_SOURCE_DIR "/resources/catalog/example.json"));
    if (!file.open(QIODevice::ReadOnly))
        return failed(QStringLiteral("the example catalog cannot be read"));
    const QByteArray catalog = file.readAll();
    if (auto items = server::MasterAuthor(data).importCatalog(kHall, catalog,
                                                              QStringLiteral("example.json"));
        !items)
        return failed(items.error().message);
    const core::CatalogParse parsed = core::parseCatalog(catalog, QStringLiteral("example.json"));
    if (!parsed.ok())
        return failed(QStringLiteral("the example catalog does not parse"));
    m_items = parsed.items;
    m_api = std::make_unique<server::HttpApi>(*m_db, m_clock,
                                              [this](const QString& line) { m_log.append(line); });
    server::FrontOptions front;
    front.limits.maxConnectionsPerAddress = 4096; // every window of the bench is on loopback
    auto port = m_api->listen(QHostAddress::LocalHost, 0, front);
    if (!port)
        return failed(port.error().message);
    m_port = *port;
    m_url = QStringLiteral("http://127.0.0.1:%1").arg(*port);
    w07 = window(QStringLiteral("W07"));
    w08 = window(QStringLiteral("W08"));
    return w07 && w08;
}

std::unique_ptr<BenchWindow> BenchHall::window(const QString& code)
{
    const auto no = [](const QString& why) {
        failed(why);
        return std::unique_ptr<BenchWindow>();
    };
    auto w = std::make_unique<BenchWindow>();
    w->path = m_dir.filePath(QStringLiteral("window-%1.sqlite").arg(++m_windows));
    auto opened = store::Store::open(w->path, w->clock);
    if (!opened)
        return no(opened.error().message);
    w->store = std::move(opened).value();
    if (auto s = store::CatalogRepository(*w->store).importItems(m_items,
                                                                 QStringLiteral("example.json"));
        !s)
        return no(s.error().message);
    for (const core::ServiceItem& item : std::as_const(m_items))
        if (item.code == kItem)
            w->item = item;
    w->cases = std::make_unique<store::CaseStore>(*w->store);
    if (auto s = w->cases->ensureDevice(kHall, code); !s)
        return no(s.error().message);
    auto enrolCode = m_registry->createEnrolCode({kHall, code, QStringLiteral("window"), {}, 3600});
    if (!enrolCode)
        return no(enrolCode.error().message);
    sync::SyncClient client(*w->cases);
    if (auto s = client.enrol(m_url, enrolCode->first, code + QStringLiteral("-pc")); !s)
        return no(s.error().message);
    if (auto r = client.syncNow(); !r)
        return no(r.error().message);
    return w;
}

QList<QByteArray> BenchHall::devices(int n)
{
    QList<QByteArray> tokens;
    for (int i = 0; i < n; ++i) {
        auto code =
            m_registry->createEnrolCode({kHall,
                                         QStringLiteral("L%1").arg(i + 1, 3, 10, QLatin1Char('0')),
                                         QStringLiteral("window"),
                                         {},
                                         3600});
        if (!code)
            break;
        auto enrolled = m_registry->enrol(code->first, QStringLiteral("listener"));
        if (!enrolled)
            break;
        tokens.append(enrolled->token.toLatin1());
    }
    return tokens;
}

qint64 BenchHall::cursor()
{
    const auto hall = m_registry->hall(kHall);
    return hall ? hall->seq : 0;
}

QStringList BenchHall::takeLog()
{
    QStringList lines;
    lines.swap(m_log);
    return lines;
}

} // namespace onewindow::bench

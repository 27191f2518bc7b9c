#include "store/DemoHall.h"

#include "store/CatalogRepository.h"
#include "store/HallSetup.h"
#include "store/UserRepository.h"

namespace onewindow::store {

QList<DemoAccount> demoAccounts()
{
    return {
        {QStringLiteral("zhangsan"), QStringLiteral("demo-clerk"), QStringLiteral("张三"),
         core::Role::Clerk, QStringLiteral("clerk-w07-1")},
        {QStringLiteral("lisi"), QStringLiteral("demo-supervisor"), QStringLiteral("李四"),
         core::Role::Supervisor, QStringLiteral("supervisor-1")},
        {QStringLiteral("admin"), QStringLiteral("demo-admin"), QStringLiteral("王管理"),
         core::Role::Administrator, QStringLiteral("admin-1")},
    };
}

QString demoAccountsText()
{
    QStringList lines{QStringLiteral("演示大厅账户（用户名 / 密码）：")};
    for (const DemoAccount& a : demoAccounts())
        lines.append(QStringLiteral("%1 / %2　%3（%4）")
                         .arg(a.login, a.password, a.displayName, core::roleName(a.role)));
    return lines.join(QLatin1Char('\n'));
}

Status prepareDemoHall(Store& store, int cases, const DemoSeeder::Progress& progress)
{
    if (HallConfigRepository(store).configured())
        return {};
    HallConfig config;
    config.hallName = QStringLiteral("兰州市城关区政务服务中心（演示）");
    config.hallCode = QStringLiteral("620102");
    config.deviceCode = QStringLiteral("W07");
    // The catalog first (it is idempotent), then the hall in one step, so an interrupted first
    // start is done again on the next one rather than left half made.
    CatalogRepository catalog(store);
    auto count = catalog.itemCount();
    if (!count)
        return count.error();
    if (*count == 0)
        if (auto imported =
                catalog.importItems(CatalogRepository::demoItems(), QStringLiteral("演示事项目录"));
            !imported)
            return imported.error();
    QList<SetupAccount> accounts;
    for (const DemoAccount& a : demoAccounts())
        accounts.append(SetupAccount{a.login, a.displayName, a.role, a.password, a.userId});
    if (auto made = setUpHall(store, config, accounts); !made)
        return made.error();
    if (cases > 0) {
        CaseStore caseStore(store, config);
        DemoSeeder seeder(store, caseStore, 1, cases, progress);
        auto seeded = seeder.run();
        if (!seeded)
            return seeded.error();
    }
    return {};
}

} // namespace onewindow::store

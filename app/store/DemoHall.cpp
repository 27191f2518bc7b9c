#include "store/DemoHall.h"

#include "store/CatalogRepository.h"
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
    HallConfigRepository hall(store);
    if (hall.configured())
        return {};
    HallConfig config;
    config.hallName = QStringLiteral("兰州市城关区政务服务中心（演示）");
    config.hallCode = QStringLiteral("620102");
    config.deviceCode = QStringLiteral("W07");
    if (Status s = hall.save(config); !s)
        return s;
    CaseStore caseStore(store, config);
    if (Status s = caseStore.ensureDevice(config.hallCode, config.deviceCode); !s)
        return s;
    CatalogRepository catalog(store);
    if (auto count = catalog.itemCount(); count && *count == 0)
        if (auto imported =
                catalog.importItems(CatalogRepository::demoItems(), QStringLiteral("演示事项目录"));
            !imported)
            return imported.error();
    UserRepository users(store);
    for (const DemoAccount& a : demoAccounts()) {
        auto made =
            users.create(a.login, a.displayName, a.role, config.deviceCode, a.password, a.userId);
        if (!made)
            return made.error();
    }
    if (cases > 0) {
        DemoSeeder seeder(store, caseStore, 1, cases, progress);
        auto seeded = seeder.run();
        if (!seeded)
            return seeded.error();
    }
    return {};
}

} // namespace onewindow::store

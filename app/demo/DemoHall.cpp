#include "demo/DemoHall.h"

#include "demo/DemoCatalog.h"
#include "store/CatalogRepository.h"
#include "store/HallSetup.h"
#include "store/UserRepository.h"

namespace onewindow::demo {

using core::Status;
using store::CatalogRepository;
using store::HallConfig;
using store::SetupAccount;

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

HallConfig demoHallConfig()
{
    HallConfig config;
    config.hallName = QStringLiteral("兰州市城关区政务服务中心（演示）");
    config.hallCode = QStringLiteral("620102");
    config.deviceCode = QStringLiteral("W07");
    return config;
}

Status prepareDemoHall(store::Store& store)
{
    if (store::HallConfigRepository(store).configured())
        return {};
    const HallConfig config = demoHallConfig();
    // The catalog first (it is idempotent), then the hall in one step, so an interrupted first
    // start is done again on the next one rather than left half made.
    CatalogRepository catalog(store);
    auto count = catalog.itemCount();
    if (!count)
        return count.error();
    if (*count == 0)
        if (auto imported =
                catalog.importCatalog(demoItems(), demoMatters(), QStringLiteral("演示事项目录"));
            !imported)
            return imported.error();
    QList<SetupAccount> accounts;
    for (const DemoAccount& a : demoAccounts())
        accounts.append(SetupAccount{a.login, a.displayName, a.role, a.password, a.userId});
    if (auto made = store::setUpHall(store, config, accounts); !made)
        return made.error();
    return {};
}

} // namespace onewindow::demo

#include "demo/DemoTerminals.h"

#include "demo/DemoHall.h"

namespace onewindow::demo {

QList<DemoTerminal> demoTerminals()
{
    // W07 and SUP sign in with the demo hall's own accounts (zhangsan, lisi); W08 with the
    // seeded cases' first clerk of that window, BACK with a back-office clerk of its own. The
    // department is the one the seeded cases forward 人力资源和社会保障 items to, so the back
    // office starts with a queue.
    QList<DemoTerminal> out;
    for (const DemoAccount& a : demoAccounts()) {
        if (a.login == QLatin1String("zhangsan"))
            out.append({QStringLiteral("W07"), QStringLiteral("window"), QString(), a.login,
                        a.password, a.displayName, a.role, a.userId});
    }
    out.append({QStringLiteral("W08"), QStringLiteral("window"), QString(),
                QStringLiteral("wangwu"), QStringLiteral("demo-clerk"), QStringLiteral("王五"),
                core::Role::Clerk, QStringLiteral("clerk-w08-1")});
    out.append({QStringLiteral("BACK"), QStringLiteral("backoffice"),
                QStringLiteral("人力资源和社会保障后台审批组"), QStringLiteral("zhaoliu"),
                QStringLiteral("demo-clerk"), QStringLiteral("赵六"), core::Role::Clerk,
                QStringLiteral("backoffice-1")});
    for (const DemoAccount& a : demoAccounts()) {
        if (a.login == QLatin1String("lisi"))
            out.append({QStringLiteral("SUP"), QStringLiteral("supervisor"), QString(), a.login,
                        a.password, a.displayName, a.role, a.userId});
    }
    return out;
}

std::optional<DemoTerminal> demoTerminal(const QString& name)
{
    for (const DemoTerminal& t : demoTerminals())
        if (t.name == name.trimmed().toUpper())
            return t;
    return std::nullopt;
}

QString demoTerminalNames()
{
    QStringList names;
    for (const DemoTerminal& t : demoTerminals())
        names.append(t.name);
    return names.join(QStringLiteral(", "));
}

QString demoEnrolCode(const QString& hallCode, const QString& terminal)
{
    return QStringLiteral("DEMO-%1-%2").arg(hallCode, terminal.trimmed().toUpper());
}

} // namespace onewindow::demo

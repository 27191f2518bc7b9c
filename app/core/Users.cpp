#include "core/Users.h"

#include "core/EnumTable.h"
#include "core/Identifiers.h"

#include <QRegularExpression>

namespace onewindow::core {

namespace {

constexpr std::array<Named<Role>, 3> kRoles{{
    {Role::Clerk, u"clerk", u"窗口人员"},
    {Role::Supervisor, u"supervisor", u"大厅管理"},
    {Role::Administrator, u"administrator", u"系统管理员"},
}};

} // namespace

QString roleKey(Role role)
{
    return keyOf(kRoles, role);
}

QString roleName(Role role)
{
    return nameOf(kRoles, role);
}

std::optional<Role> roleFromKey(const QString& key)
{
    return fromKey(kRoles, key);
}

SignInGate signInGate(int failures, const QDateTime& lastFailureUtc, const QDateTime& nowUtc,
                      const LockoutPolicy& policy)
{
    SignInGate gate;
    if (failures < policy.freeAttempts || !lastFailureUtc.isValid())
        return gate;
    if (failures >= policy.lockAfter) {
        const QDateTime until = lastFailureUtc.addSecs(qint64(policy.lockMinutes) * 60);
        if (nowUtc < until) {
            gate.allowed = false;
            gate.locked = true;
            gate.lockedUntil = until;
            gate.waitSeconds = static_cast<int>(nowUtc.secsTo(until));
            gate.message =
                QStringLiteral("密码连续错误 %1 次，账户已锁定，请 %2 分钟后再试或联系管理员解锁")
                    .arg(failures)
                    .arg((gate.waitSeconds + 59) / 60);
        }
        return gate;
    }
    const int delay = (failures - policy.freeAttempts + 1) * policy.delaySecondsPerFailure;
    const qint64 waited = lastFailureUtc.secsTo(nowUtc);
    if (waited < delay) {
        gate.allowed = false;
        gate.waitSeconds = static_cast<int>(delay - waited);
        gate.message = QStringLiteral("密码已连续错误 %1 次，请等待 %2 秒后再试")
                           .arg(failures)
                           .arg(gate.waitSeconds);
    }
    return gate;
}

Error wrongPassword()
{
    return Error{QStringLiteral("user.wrong_password"), QStringLiteral("密码不正确，请重新输入")};
}

Status checkTakeover(Role role, const QString& lockedName)
{
    if (role == Role::Clerk)
        return Error{QStringLiteral("user.takeover_refused"),
                     QStringLiteral("只有大厅主管或管理员可以接管%1锁定的窗口；请等待%1本人解锁")
                         .arg(lockedName)};
    return {};
}

Status checkLogin(const QString& login)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._-]{1,31}\\z"));
    if (!pattern.match(login).hasMatch())
        return Error{QStringLiteral("user.login"),
                     QStringLiteral("登录名应为 2–32 位字母、数字或 . _ -，以字母或数字开头")};
    return {};
}

Status checkPasswordStrength(const QString& password)
{
    if (password.size() < 8)
        return Error{QStringLiteral("user.password_short"), QStringLiteral("密码至少 8 位")};
    return {};
}

Status checkPasswordRepeat(const QString& password, const QString& repeat)
{
    if (password != repeat)
        return Error{QStringLiteral("user.password_mismatch"),
                     QStringLiteral("两次输入的密码不一致")};
    return {};
}

Status checkDisplayName(const QString& displayName)
{
    if (displayName.trimmed().isEmpty())
        return Error{QStringLiteral("user.name"), QStringLiteral("请填写姓名")};
    return {};
}

Status checkUserWindowCode(const QString& windowCode)
{
    if (windowCode.isEmpty())
        return {};
    if (Status s = checkWindowCode(windowCode); !s)
        return Error{QStringLiteral("user.window"),
                     s.error().message + QStringLiteral("；不在窗口办件的人员留空")};
    return {};
}

bool roleMayRecord(Role role, EventType type)
{
    if (isSystemEvent(type))
        return false;
    const bool supervisorOnly =
        type == EventType::ExtensionApproved || type == EventType::ExtensionRefused ||
        type == EventType::Supervised || type == EventType::HoldRecalled || // 收回领办
        type == EventType::RecallClosed; // 文书追回办结: the supervisor's follow-up (decision 3)
    return !supervisorOnly || role != Role::Clerk;
}

Status checkAccountChange(const AccountChange& c)
{
    if (c.self && c.fromActive && !c.toActive)
        return Error{QStringLiteral("user.deactivate_self"),
                     QStringLiteral("不能停用自己正在使用的账户，请由另一名管理员停用")};
    const bool losesAdministrator = c.fromRole == Role::Administrator && c.fromActive &&
                                    (c.toRole != Role::Administrator || !c.toActive);
    if (losesAdministrator && c.activeAdministrators <= 1)
        return Error{QStringLiteral("user.last_admin"),
                     c.toActive ? QStringLiteral("这是最后一名在用的系统管理员，不能改为其他角色；"
                                                 "请先指定另一名系统管理员")
                                : QStringLiteral("这是最后一名在用的系统管理员，不能停用；"
                                                 "请先指定另一名系统管理员")};
    return {};
}

} // namespace onewindow::core

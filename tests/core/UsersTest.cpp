#include "support/TestSupport.h"

#include "core/Users.h"

#include <QTimeZone>

using namespace onewindow;

TEST_CASE("Sign-in slows down after repeated failures, then locks the account for a while")
{
    const QDateTime t0(QDate(2026, 11, 22), QTime(9, 0), QTimeZone::utc());
    CHECK(core::signInGate(0, QDateTime(), t0).allowed);
    CHECK(core::signInGate(2, t0, t0).allowed); // three free attempts
    const core::SignInGate third = core::signInGate(3, t0, t0.addSecs(2));
    CHECK_FALSE(third.allowed);
    CHECK(third.waitSeconds == 3);
    CHECK(third.message.contains(QStringLiteral("3 秒")));
    CHECK(core::signInGate(3, t0, t0.addSecs(5)).allowed);
    CHECK_FALSE(core::signInGate(5, t0, t0.addSecs(14)).allowed); // 15 s after the fifth failure
    CHECK(core::signInGate(5, t0, t0.addSecs(15)).allowed);
    const core::SignInGate locked = core::signInGate(6, t0, t0.addSecs(600));
    CHECK(locked.locked);
    CHECK(locked.lockedUntil == t0.addSecs(900));
    CHECK(locked.message.contains(QStringLiteral("锁定")));
    CHECK(core::signInGate(6, t0, t0.addSecs(900)).allowed);
}

TEST_CASE("Logins and passwords are checked before an account is made")
{
    CHECK(core::checkLogin(QStringLiteral("zhangsan")).ok());
    CHECK(core::checkLogin(QStringLiteral("w07.li")).ok());
    CHECK_FALSE(core::checkLogin(QStringLiteral("张三")).ok());
    CHECK_FALSE(core::checkLogin(QStringLiteral("a")).ok());
    CHECK_FALSE(core::checkPasswordStrength(QStringLiteral("short")).ok());
    CHECK(core::checkPasswordStrength(QStringLiteral("longenough")).ok());
    CHECK(core::roleFromKey(QStringLiteral("supervisor")) == core::Role::Supervisor);
    CHECK(core::roleName(core::Role::Clerk) == QStringLiteral("窗口人员"));
}

TEST_CASE("Names, window codes and the repeated password are checked with messages for the form")
{
    CHECK(core::checkDisplayName(QStringLiteral(" ")).error().code == QStringLiteral("user.name"));
    CHECK(core::checkDisplayName(QStringLiteral("张三")).ok());
    CHECK(core::checkUserWindowCode(QString()).ok()); // a supervisor away from the counter
    CHECK(core::checkUserWindowCode(QStringLiteral("W07")).ok());
    CHECK(core::checkUserWindowCode(QStringLiteral("w07")).error().code ==
          QStringLiteral("user.window"));
    CHECK_FALSE(core::checkUserWindowCode(QStringLiteral("W")).ok());
    CHECK(core::checkPasswordRepeat(QStringLiteral("abcdefgh"), QStringLiteral("abcdefg"))
              .error()
              .message == QStringLiteral("两次输入的密码不一致"));
    CHECK(core::checkPasswordRepeat(QStringLiteral("abcdefgh"), QStringLiteral("abcdefgh")).ok());
}

TEST_CASE("The hall keeps an active administrator, and nobody switches off their own account")
{
    using core::Role;
    core::AccountChange demote{false, Role::Administrator, true, Role::Supervisor, true, 1};
    CHECK(core::checkAccountChange(demote).error().code == QStringLiteral("user.last_admin"));
    CHECK(core::checkAccountChange(demote).error().message.contains(QStringLiteral("角色")));
    demote.activeAdministrators = 2;
    CHECK(core::checkAccountChange(demote).ok());

    core::AccountChange off{false, Role::Administrator, true, Role::Administrator, false, 1};
    CHECK(core::checkAccountChange(off).error().message.contains(QStringLiteral("不能停用")));
    off.activeAdministrators = 2;
    CHECK(core::checkAccountChange(off).ok());
    off.self = true; // another administrator exists, but this is one's own account
    CHECK(core::checkAccountChange(off).error().code == QStringLiteral("user.deactivate_self"));

    // An inactive administrator is not the one keeping the hall manageable.
    CHECK(
        core::checkAccountChange({false, Role::Administrator, false, Role::Clerk, false, 1}).ok());
    CHECK(core::checkAccountChange({false, Role::Clerk, true, Role::Clerk, false, 1}).ok());
}

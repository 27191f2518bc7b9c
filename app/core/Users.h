#pragma once

#include "core/Error.h"
#include "core/Event.h"

#include <QDateTime>
#include <QString>

#include <optional>

namespace onewindow::core {

enum class Role
{
    Clerk,         // 窗口人员
    Supervisor,    // 大厅管理 / 督查
    Administrator, // 系统管理员
};
QString roleKey(Role role);
QString roleName(Role role);
std::optional<Role> roleFromKey(const QString& key);

// Repeated failures slow sign-in down, then lock the account for a while.
struct LockoutPolicy
{
    int freeAttempts = 3;           // failures before any delay
    int delaySecondsPerFailure = 5; // each further failure waits this much longer
    int lockAfter = 6;              // failures that lock the account
    int lockMinutes = 15;
};

struct SignInGate
{
    bool allowed = true;
    int waitSeconds = 0; // allowed again after this many seconds
    bool locked = false; // locked until lockedUntil
    QDateTime lockedUntil;
    QString message; // for the sign-in screen, in Chinese
};

// May this account try a password now? Pure: the times come from the caller's clock.
SignInGate signInGate(int failures, const QDateTime& lastFailureUtc, const QDateTime& nowUtc,
                      const LockoutPolicy& policy = {});

// Logins are short Latin names (zhangsan, w07-li); passwords at least 8 characters.
Status checkLogin(const QString& login);
Status checkPasswordStrength(const QString& password);
// The password typed twice must match, so a typo does not lock the person out.
Status checkPasswordRepeat(const QString& password, const QString& repeat);
Status checkDisplayName(const QString& displayName);
// The desk a person works at (W07, as the hall's window numbers); supervisors and administrators
// away from the counter have none, so empty is accepted.
// Otherwise core::checkWindowCode (Identifiers.h).
Status checkUserWindowCode(const QString& windowCode);

// An administrator changes a role or switches an account on or off. The hall must keep at least
// one active administrator (or nobody could manage users again), and nobody switches off the
// account they are signed in with.
struct AccountChange
{
    bool self = false; // the account is the administrator's own
    Role fromRole = Role::Clerk;
    bool fromActive = true;
    Role toRole = Role::Clerk;
    bool toActive = true;
    int activeAdministrators = 0; // active administrators now, this account included
};
Status checkAccountChange(const AccountChange& change);

// Whether a person of `role` may record an action of `type`: approving or refusing an extension
// and giving a supervision order are a supervisor's or an administrator's; every other person's
// action is anyone's. System events are nobody's (the system actor records them). The window
// offers only these, and the server judges every pushed event by it at the event's time.
bool roleMayRecord(Role role, EventType type);

// The lock screen names its user: only the password can be wrong (user.wrong_password).
Error wrongPassword();
// A window locked by `lockedName` is taken over by a supervisor or an administrator only (the
// locked session is closed, its intake kept as a draft); anyone else waits for the unlock.
Status checkTakeover(Role role, const QString& lockedName);

} // namespace onewindow::core

#include "store/UserRepository.h"
#include "store/MasterDataGuard.h"

#include "store/Ids.h"

#include <QSqlError>
#include <QSqlQuery>

#include <sodium.h>

namespace onewindow::store {

namespace {

const QString kUserColumns =
    QStringLiteral("user_id, login, display_name, role, window_code, active");

User userFrom(const QSqlQuery& q)
{
    return User{
        q.value(0).toString(), q.value(1).toString(),
        q.value(2).toString(), core::roleFromKey(q.value(3).toString()).value_or(core::Role::Clerk),
        q.value(4).toString(), q.value(5).toInt() != 0};
}

Error wrongCredentials()
{
    return Error{QStringLiteral("user.wrong_credentials"), QStringLiteral("用户名或密码错误")};
}

Error unknownUser()
{
    return Error{QStringLiteral("user.unknown"), QStringLiteral("没有这个用户")};
}

} // namespace

Result<QString> hashPassword(const QString& password)
{
    if (sodium_init() < 0)
        return Error{QStringLiteral("user.crypto"), QStringLiteral("密码组件初始化失败")};
    const QByteArray utf8 = password.toUtf8();
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(out, utf8.constData(), static_cast<unsigned long long>(utf8.size()),
                          crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
        return Error{QStringLiteral("user.crypto"), QStringLiteral("内存不足，无法计算密码摘要")};
    return QString::fromLatin1(out);
}

QString dummyPasswordHash()
{
    // The Argon2id hash of 32 random bytes nobody kept, made once with crypto_pwhash_str at
    // hashPassword's limits (OPSLIMIT_INTERACTIVE, MEMLIMIT_INTERACTIVE): verifying against it
    // costs what verifying a real account's password costs. Keep its m= and t= equal to them.
    return QStringLiteral("$argon2id$v=19$m=65536,t=2,p=1$FBTtSXaMyA8miciT6NA5gA$"
                          "h0GR//NLEiLNpS5lcUkYMR3jwcO82KwEvFa++sVURlw");
}

bool verifyPassword(const QString& hash, const QString& password)
{
    if (sodium_init() < 0)
        return false;
    const QByteArray h = hash.toLatin1();
    const QByteArray p = password.toUtf8();
    return crypto_pwhash_str_verify(h.constData(), p.constData(),
                                    static_cast<unsigned long long>(p.size())) == 0;
}

Result<User> UserRepository::create(const QString& login, const QString& displayName,
                                    core::Role role, const QString& windowCode,
                                    const QString& password, const QString& userId)
{
    if (Status refused = refuseIfHallAuthored(m_store, core::sync::MasterKind::Users); !refused)
        return refused.error();
    if (core::Status s = core::checkLogin(login); !s)
        return s.error();
    if (core::Status s = core::checkDisplayName(displayName); !s)
        return s.error();
    if (core::Status s = core::checkUserWindowCode(windowCode.trimmed()); !s)
        return s.error();
    if (core::Status s = core::checkPasswordStrength(password); !s)
        return s.error();
    auto hash = hashPassword(password);
    if (!hash)
        return hash.error();
    const QDateTime now = m_store.clock().nowUtc();
    User user{userId.isEmpty() ? newUuidV7(now.toMSecsSinceEpoch()) : userId,
              login,
              displayName.trimmed(),
              role,
              windowCode.trimmed(),
              true};
    QSqlQuery q(m_store.database());
    q.prepare(QStringLiteral(
        "INSERT INTO users (user_id, login, display_name, role, window_code, password_hash, "
        "created_at_utc) VALUES (?, ?, ?, ?, ?, ?, ?)"));
    for (const QVariant& v :
         {QVariant(user.userId), QVariant(login), QVariant(user.displayName),
          QVariant(core::roleKey(role)),
          QVariant(user.windowCode.isNull() ? QStringLiteral("") : user.windowCode),
          QVariant(*hash), QVariant(now.toString(Qt::ISODate))})
        q.addBindValue(v);
    if (!q.exec()) {
        if (q.lastError().text().contains(QStringLiteral("UNIQUE")))
            return Error{QStringLiteral("user.exists"),
                         QStringLiteral("登录名 %1 已被使用").arg(login)};
        return sqlError("store.users", QStringLiteral("新建用户"), q.lastError().text());
    }
    return user;
}

Status UserRepository::recordStaff(const QString& userId, const QString& displayName,
                                   core::Role role, const QString& windowCode)
{
    QSqlQuery q(m_store.database());
    q.prepare(QStringLiteral(
        "INSERT OR IGNORE INTO users (user_id, login, display_name, role, window_code, "
        "password_hash, active, created_at_utc) VALUES (?, ?, ?, ?, ?, ?, 0, ?)"));
    for (const QVariant& v :
         {QVariant(userId), QVariant(userId), QVariant(displayName), QVariant(core::roleKey(role)),
          QVariant(windowCode), QVariant(dummyPasswordHash()),
          QVariant(m_store.clock().nowUtc().toString(Qt::ISODate))})
        q.addBindValue(v);
    if (!q.exec())
        return sqlError("store.users", QStringLiteral("记录工作人员"), q.lastError().text());
    return {};
}

Result<User> UserRepository::check(const QString& column, const QString& value,
                                   const QString& password)
{
    QSqlQuery q(m_store.database());
    q.prepare(
        QStringLiteral(
            "SELECT %1, password_hash, failed_attempts, last_failure_utc FROM users WHERE %2 = ?")
            .arg(kUserColumns, column));
    q.addBindValue(value);
    if (!q.exec())
        return sqlError("store.users", QStringLiteral("登录"), q.lastError().text());
    // Every attempt runs exactly one Argon2id verification, whatever the login: an unknown one
    // (or an account that may not sign in now) against a dummy verifier of the same cost, so the
    // time taken does not tell which logins exist.
    if (!q.next()) {
        m_verify(dummyPasswordHash(), password);
        return wrongCredentials();
    }
    const User user = userFrom(q);
    const QString hash = q.value(6).toString();
    const int failures = q.value(7).toInt();
    const QDateTime lastFailure = QDateTime::fromString(q.value(8).toString(), Qt::ISODate);
    q.finish();
    const QDateTime now = m_store.clock().nowUtc();
    const core::SignInGate gate = core::signInGate(failures, lastFailure, now, m_policy);
    if (!user.active || !gate.allowed) {
        m_verify(dummyPasswordHash(), password);
        if (!user.active)
            return Error{QStringLiteral("user.inactive"),
                         QStringLiteral("该账户已停用，请联系管理员")};
        return Error{gate.locked ? QStringLiteral("user.locked") : QStringLiteral("user.wait"),
                     gate.message};
    }
    const bool ok = m_verify(hash, password);
    QSqlQuery u(m_store.database());
    if (ok) {
        u.prepare(QStringLiteral(
            "UPDATE users SET failed_attempts = 0, last_failure_utc = NULL WHERE user_id = ?"));
    } else {
        u.prepare(QStringLiteral(
            "UPDATE users SET failed_attempts = failed_attempts + 1, last_failure_utc = ? "
            "WHERE user_id = ?"));
        u.addBindValue(now.toString(Qt::ISODate));
    }
    u.addBindValue(user.userId);
    if (!u.exec())
        return sqlError("store.users", QStringLiteral("登录"), u.lastError().text());
    if (!ok) {
        const core::SignInGate after = core::signInGate(failures + 1, now, now, m_policy);
        // By user id (the lock screen) the user is known: only the password was wrong.
        const Error wrong =
            column == QLatin1String("user_id") ? core::wrongPassword() : wrongCredentials();
        if (!after.allowed)
            return Error{after.locked ? QStringLiteral("user.locked") : QStringLiteral("user.wait"),
                         wrong.message + QStringLiteral("。") + after.message};
        return wrong;
    }
    return user;
}

Result<User> UserRepository::signIn(const QString& login, const QString& password)
{
    auto user = check(QStringLiteral("login"), login.trimmed(), password);
    if (!user)
        return user;
    // Decision 8: an enrolled window's copy of the hall's verifiers is trusted only for the
    // hall's offlineSignInHours after its last sync (store/MasterDataGuard.h).
    if (Status fresh = checkOfflineSignIn(m_store); !fresh)
        return fresh.error();
    return user;
}

Result<User> UserRepository::verify(const QString& userId, const QString& password)
{
    return check(QStringLiteral("user_id"), userId, password);
}

Status UserRepository::setPassword(const QString& userId, const QString& password)
{
    if (Status refused = refuseIfHallAuthored(m_store, core::sync::MasterKind::Users); !refused)
        return refused;
    if (core::Status s = core::checkPasswordStrength(password); !s)
        return s;
    auto hash = hashPassword(password);
    if (!hash)
        return hash.error();
    QSqlQuery q(m_store.database());
    q.prepare(QStringLiteral(
        "UPDATE users SET password_hash = ?, failed_attempts = 0, last_failure_utc = NULL "
        "WHERE user_id = ?"));
    q.addBindValue(*hash);
    q.addBindValue(userId);
    if (!q.exec())
        return sqlError("store.users", QStringLiteral("修改密码"), q.lastError().text());
    if (q.numRowsAffected() != 1)
        return unknownUser();
    return {};
}

Status UserRepository::checkChange(const User& current, core::Role role, bool active,
                                   bool self) const
{
    QSqlQuery q(m_store.database());
    if (!q.exec(QStringLiteral(
            "SELECT count(*) FROM users WHERE role = 'administrator' AND active = 1")) ||
        !q.next())
        return sqlError("store.users", QStringLiteral("读取用户"), q.lastError().text());
    return core::checkAccountChange(
        {self, current.role, current.active, role, active, q.value(0).toInt()});
}

Result<User> UserRepository::update(const QString& userId, const QString& displayName,
                                    core::Role role, const QString& windowCode)
{
    if (Status refused = refuseIfHallAuthored(m_store, core::sync::MasterKind::Users); !refused)
        return refused.error();
    if (core::Status s = core::checkDisplayName(displayName); !s)
        return s.error();
    if (core::Status s = core::checkUserWindowCode(windowCode.trimmed()); !s)
        return s.error();
    User updated;
    const Status done = m_store.transaction([&]() -> Status {
        auto current = byId(userId);
        if (!current)
            return current.error();
        if (Status s = checkChange(*current, role, current->active, false); !s)
            return s;
        QSqlQuery q(m_store.database());
        q.prepare(QStringLiteral(
            "UPDATE users SET display_name = ?, role = ?, window_code = ? WHERE user_id = ?"));
        q.addBindValue(displayName.trimmed());
        q.addBindValue(core::roleKey(role));
        q.addBindValue(windowCode.trimmed());
        q.addBindValue(userId);
        if (!q.exec())
            return sqlError("store.users", QStringLiteral("修改用户"), q.lastError().text());
        updated = *current;
        updated.displayName = displayName.trimmed();
        updated.role = role;
        updated.windowCode = windowCode.trimmed();
        return {};
    });
    if (!done)
        return done.error();
    return updated;
}

Status UserRepository::setActive(const QString& actorId, const QString& userId, bool active)
{
    if (Status refused = refuseIfHallAuthored(m_store, core::sync::MasterKind::Users); !refused)
        return refused;
    return m_store.transaction([&]() -> Status {
        auto current = byId(userId);
        if (!current)
            return current.error();
        if (Status s = checkChange(*current, current->role, active, actorId == userId); !s)
            return s;
        QSqlQuery q(m_store.database());
        q.prepare(QStringLiteral("UPDATE users SET active = ? WHERE user_id = ?"));
        q.addBindValue(active ? 1 : 0);
        q.addBindValue(userId);
        if (!q.exec())
            return sqlError("store.users", QStringLiteral("修改用户"), q.lastError().text());
        return {};
    });
}

Status UserRepository::unlock(const QString& userId)
{
    QSqlQuery q(m_store.database());
    q.prepare(QStringLiteral(
        "UPDATE users SET failed_attempts = 0, last_failure_utc = NULL WHERE user_id = ?"));
    q.addBindValue(userId);
    if (!q.exec())
        return sqlError("store.users", QStringLiteral("解锁用户"), q.lastError().text());
    if (q.numRowsAffected() != 1)
        return unknownUser();
    return {};
}

Result<QList<User>> UserRepository::users() const
{
    QSqlQuery q(m_store.database());
    if (!q.exec(QStringLiteral("SELECT %1 FROM users ORDER BY role, login").arg(kUserColumns)))
        return sqlError("store.users", QStringLiteral("读取用户"), q.lastError().text());
    QList<User> out;
    while (q.next())
        out.append(userFrom(q));
    return out;
}

Result<QList<UserAccount>> UserRepository::accounts() const
{
    QSqlQuery q(m_store.database());
    if (!q.exec(QStringLiteral("SELECT %1, failed_attempts, last_failure_utc FROM users "
                               "ORDER BY role, login")
                    .arg(kUserColumns)))
        return sqlError("store.users", QStringLiteral("读取用户"), q.lastError().text());
    const QDateTime now = m_store.clock().nowUtc();
    QList<UserAccount> out;
    while (q.next()) {
        UserAccount a;
        a.user = userFrom(q);
        a.failures = q.value(6).toInt();
        a.lastFailureUtc = QDateTime::fromString(q.value(7).toString(), Qt::ISODate);
        a.gate = core::signInGate(a.failures, a.lastFailureUtc, now, m_policy);
        out.append(a);
    }
    return out;
}

Result<User> UserRepository::byId(const QString& userId) const
{
    QSqlQuery q(m_store.database());
    q.prepare(QStringLiteral("SELECT %1 FROM users WHERE user_id = ?").arg(kUserColumns));
    q.addBindValue(userId);
    if (!q.exec())
        return sqlError("store.users", QStringLiteral("读取用户"), q.lastError().text());
    if (!q.next())
        return unknownUser();
    return userFrom(q);
}

Result<int> UserRepository::count() const
{
    QSqlQuery q(m_store.database());
    if (!q.exec(QStringLiteral("SELECT count(*) FROM users")) || !q.next())
        return sqlError("store.users", QStringLiteral("读取用户"), q.lastError().text());
    return q.value(0).toInt();
}

} // namespace onewindow::store

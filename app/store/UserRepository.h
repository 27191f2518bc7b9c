#pragma once

#include "core/Users.h"
#include "store/Store.h"

#include <QList>

#include <functional>

namespace onewindow::store {

struct User
{
    QString userId;
    QString login;
    QString displayName;
    core::Role role = core::Role::Clerk;
    QString windowCode;
    bool active = true;
};

// An account as the administrator's list shows it: with its failed sign-ins and whether they keep
// the account shut now (judged as signIn would, by core::signInGate).
struct UserAccount
{
    User user;
    int failures = 0;
    QDateTime lastFailureUtc;
    core::SignInGate gate;
    bool lockedOut() const { return !gate.allowed; }
};

// Argon2id via libsodium; verification is constant-time.
Result<QString> hashPassword(const QString& password);
bool verifyPassword(const QString& hash, const QString& password);
// A verifier no password matches, at hashPassword's cost: what an unknown login is checked
// against.
QString dummyPasswordHash();

// Users of this hall with their roles; passwords hashed with Argon2id (libsodium
// crypto_pwhash_str); failed sign-ins slow down, then lock the account (core::signInGate).
class UserRepository
{
public:
    explicit UserRepository(Store& store, core::LockoutPolicy policy = {})
        : m_store(store), m_policy(policy)
    {}

    // `userId` empty: a new UUIDv7 (the demo hall gives its users the ids its seeded cases use).
    Result<User> create(const QString& login, const QString& displayName, core::Role role,
                        const QString& windowCode, const QString& password,
                        const QString& userId = {});
    // A person the store's records name who has no account here (a demo hall's seeded staff):
    // kept under `userId` so timelines and lists name them, switched off, with a password nobody
    // knows (dummyPasswordHash: nothing to hash). An id already kept is left as it is.
    Status recordStaff(const QString& userId, const QString& displayName, core::Role role,
                       const QString& windowCode);
    // Checks the password; records the failure or clears the count. Unknown user and wrong
    // password give the same message and take the same time (one Argon2id verification each,
    // an unknown login's against dummyPasswordHash()), so logins cannot be probed.
    Result<User> signIn(const QString& login, const QString& password);
    // For the lock screen: is this the signed-in user's password? (Counts failures the same way.)
    Result<User> verify(const QString& userId, const QString& password);
    Status setPassword(const QString& userId, const QString& password);
    // An administrator's changes; each keeps an active administrator in the hall
    // (core::checkAccountChange), and `actorId`, the administrator, cannot switch themselves off.
    Result<User> update(const QString& userId, const QString& displayName, core::Role role,
                        const QString& windowCode);
    Status setActive(const QString& actorId, const QString& userId, bool active);
    Status unlock(const QString& userId);
    Result<QList<User>> users() const;
    Result<QList<UserAccount>> accounts() const; // every user, with the lockout as of now
    Result<User> byId(const QString& userId) const;
    Result<int> count() const;

    // How a password is checked against a stored hash (verifyPassword); a seam for tests that
    // count the verifications sign-in runs.
    using PasswordVerifier = std::function<bool(const QString& hash, const QString& password)>;
    void setPasswordVerifier(PasswordVerifier verifier) { m_verify = std::move(verifier); }

private:
    Result<User> check(const QString& column, const QString& value, const QString& password);
    // Checks a change of role or activity against the hall's administrators; called inside the
    // transaction that stores it, so two workstations cannot each remove "the other" one.
    Status checkChange(const User& current, core::Role role, bool active, bool self) const;

    Store& m_store;
    core::LockoutPolicy m_policy;
    PasswordVerifier m_verify = verifyPassword;
};

} // namespace onewindow::store

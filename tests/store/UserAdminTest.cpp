#include "support/HallFixture.h"
#include "support/TestSupport.h"

#include "store/UserRepository.h"

using namespace onewindow;
using core::Role;

namespace {

// A hall with one administrator and one clerk, as the administrator's screen finds it.
struct Staff
{
    test::HallFixture h;
    store::UserRepository users{*h.store};
    store::User admin;
    store::User clerk;

    Staff()
    {
        admin = *users.create(QStringLiteral("admin"), QStringLiteral("王管理"),
                              Role::Administrator, {}, QStringLiteral("admin-pass"));
        clerk = *users.create(QStringLiteral("zhangsan"), QStringLiteral("张三"), Role::Clerk,
                              QStringLiteral("W07"), QStringLiteral("clerk-pass"));
    }

    store::UserAccount account(const QString& userId)
    {
        auto all = users.accounts();
        REQUIRE(all.ok());
        for (const store::UserAccount& a : *all)
            if (a.user.userId == userId)
                return a;
        FAIL("no such account");
        return {};
    }
};

} // namespace

TEST_CASE("An administrator changes a user's name, role and window")
{
    Staff s;
    auto changed = s.users.update(s.clerk.userId, QStringLiteral(" 张三丰 "), Role::Supervisor,
                                  QStringLiteral("W08"));
    REQUIRE(changed.ok());
    CHECK(changed->displayName == QStringLiteral("张三丰"));
    const store::User back = *s.users.byId(s.clerk.userId);
    CHECK(back.displayName == QStringLiteral("张三丰"));
    CHECK(back.role == Role::Supervisor);
    CHECK(back.windowCode == QStringLiteral("W08"));
    CHECK(back.login == QStringLiteral("zhangsan")); // the login is the account's name for good

    CHECK(s.users.update(s.clerk.userId, QStringLiteral(" "), Role::Clerk, {}).error().code ==
          QStringLiteral("user.name"));
    CHECK(s.users.update(s.clerk.userId, QStringLiteral("张三"), Role::Clerk, QStringLiteral("7"))
              .error()
              .code == QStringLiteral("user.window"));
    CHECK(s.users.update(QStringLiteral("nobody"), QStringLiteral("某人"), Role::Clerk, {})
              .error()
              .code == QStringLiteral("user.unknown"));
    CHECK(s.users.byId(s.clerk.userId)->displayName == QStringLiteral("张三丰")); // unchanged
}

TEST_CASE("The last active administrator can be neither demoted nor deactivated")
{
    Staff s;
    auto demoted = s.users.update(s.admin.userId, QStringLiteral("王管理"), Role::Supervisor, {});
    REQUIRE_FALSE(demoted.ok());
    CHECK(demoted.error().code == QStringLiteral("user.last_admin"));
    CHECK(demoted.error().message.contains(QStringLiteral("最后一名")));
    CHECK(s.users.byId(s.admin.userId)->role == Role::Administrator);

    // Another administrator deactivating them is refused for the same reason.
    auto other = s.users.create(QStringLiteral("admin2"), QStringLiteral("李管理"),
                                Role::Administrator, {}, QStringLiteral("admin-pass"));
    REQUIRE(other.ok());
    REQUIRE(s.users.setActive(other->userId, other->userId, false).error().code ==
            QStringLiteral("user.deactivate_self"));
    REQUIRE(s.users.setActive(s.admin.userId, other->userId, false).ok());
    CHECK(s.users.setActive(other->userId, s.admin.userId, false).error().code ==
          QStringLiteral("user.last_admin"));
    CHECK(s.users.byId(s.admin.userId)->active);
    // With the second one active again, the first may step down.
    REQUIRE(s.users.setActive(s.admin.userId, other->userId, true).ok());
    CHECK(
        s.users.update(s.admin.userId, QStringLiteral("王管理"), Role::Clerk, QStringLiteral("W07"))
            .ok());
}

TEST_CASE("Nobody deactivates the account they are signed in with")
{
    Staff s;
    REQUIRE(s.users
                .create(QStringLiteral("admin2"), QStringLiteral("李管理"), Role::Administrator, {},
                        QStringLiteral("admin-pass"))
                .ok());
    auto self = s.users.setActive(s.admin.userId, s.admin.userId, false);
    REQUIRE_FALSE(self.ok());
    CHECK(self.error().code == QStringLiteral("user.deactivate_self"));
    CHECK(s.users.byId(s.admin.userId)->active);
}

TEST_CASE("Deactivated users cannot sign in until activated again")
{
    Staff s;
    REQUIRE(s.users.setActive(s.admin.userId, s.clerk.userId, false).ok());
    CHECK(s.account(s.clerk.userId).user.active == false);
    CHECK(s.users.signIn(QStringLiteral("zhangsan"), QStringLiteral("clerk-pass")).error().code ==
          QStringLiteral("user.inactive"));
    REQUIRE(s.users.setActive(s.admin.userId, s.clerk.userId, true).ok());
    CHECK(s.users.signIn(QStringLiteral("zhangsan"), QStringLiteral("clerk-pass")).ok());
    CHECK(s.users.setActive(s.admin.userId, QStringLiteral("nobody"), false).error().code ==
          QStringLiteral("user.unknown"));
}

TEST_CASE("Logins stay unique whatever their case, and new accounts follow the password rules")
{
    Staff s;
    auto again = s.users.create(QStringLiteral("ZhangSan"), QStringLiteral("另一个张三"),
                                Role::Clerk, {}, QStringLiteral("password1"));
    REQUIRE_FALSE(again.ok());
    CHECK(again.error().code == QStringLiteral("user.exists"));
    CHECK(again.error().message.contains(QStringLiteral("已被使用")));
    CHECK(s.users
              .create(QStringLiteral("lisi"), QStringLiteral("李四"), Role::Clerk, {},
                      QStringLiteral("short"))
              .error()
              .code == QStringLiteral("user.password_short"));
    CHECK(s.users
              .create(QStringLiteral("lisi"), QStringLiteral("李四"), Role::Clerk,
                      QStringLiteral("w7"), QStringLiteral("long enough"))
              .error()
              .code == QStringLiteral("user.window"));
    CHECK(s.users.count().value() == 2);
}

TEST_CASE("A reset password follows the same rules and clears the failures")
{
    Staff s;
    CHECK(s.users.setPassword(s.clerk.userId, QStringLiteral("short")).error().code ==
          QStringLiteral("user.password_short"));
    for (int i = 0; i < 3; ++i)
        s.users.signIn(QStringLiteral("zhangsan"), QStringLiteral("wrong"));
    CHECK(s.account(s.clerk.userId).failures == 3);
    REQUIRE(s.users.setPassword(s.clerk.userId, QStringLiteral("new clerk pass")).ok());
    CHECK(s.account(s.clerk.userId).failures == 0);
    CHECK(s.users.signIn(QStringLiteral("zhangsan"), QStringLiteral("new clerk pass")).ok());
    CHECK(
        s.users.setPassword(QStringLiteral("nobody"), QStringLiteral("long enough")).error().code ==
        QStringLiteral("user.unknown"));
}

TEST_CASE("The administrator sees a locked-out account, with until when, and unlocks it")
{
    Staff s;
    CHECK_FALSE(s.account(s.clerk.userId).lockedOut());
    for (int i = 0; i < 6; ++i) {
        s.h.clock.advanceSeconds(60); // past each slow-down, so every try counts
        s.users.signIn(QStringLiteral("zhangsan"), QStringLiteral("wrong"));
    }
    const store::UserAccount locked = s.account(s.clerk.userId);
    CHECK(locked.failures == 6);
    CHECK(locked.lockedOut());
    CHECK(locked.gate.locked);
    CHECK(locked.gate.lockedUntil == s.h.clock.nowUtc().addSecs(15 * 60));
    REQUIRE(s.users.unlock(s.clerk.userId).ok());
    CHECK_FALSE(s.account(s.clerk.userId).lockedOut());
    CHECK(s.users.signIn(QStringLiteral("zhangsan"), QStringLiteral("clerk-pass")).ok());
    CHECK(s.users.unlock(QStringLiteral("nobody")).error().code == QStringLiteral("user.unknown"));

    // The lock ends by itself when its time is up.
    for (int i = 0; i < 6; ++i) {
        s.h.clock.advanceSeconds(60);
        s.users.signIn(QStringLiteral("zhangsan"), QStringLiteral("wrong"));
    }
    s.h.clock.advanceSeconds(15 * 60);
    CHECK_FALSE(s.account(s.clerk.userId).lockedOut());
}

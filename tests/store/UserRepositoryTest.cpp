#include "support/HallFixture.h"
#include "support/TestSupport.h"

#include "store/HallConfig.h"
#include "store/UserRepository.h"

#include <QSqlQuery>

using namespace onewindow;

TEST_CASE("Passwords are stored as Argon2id hashes and checked on sign-in")
{
    test::HallFixture h;
    store::UserRepository users(*h.store);
    auto made = users.create(QStringLiteral("zhangsan"), QStringLiteral("张三"), core::Role::Clerk,
                             QStringLiteral("W07"), QStringLiteral("correct horse"));
    REQUIRE(made.ok());
    QSqlQuery q(h.store->database());
    REQUIRE(q.exec(QStringLiteral("SELECT password_hash FROM users")));
    REQUIRE(q.next());
    CHECK(q.value(0).toString().startsWith(QStringLiteral("$argon2id$")));
    CHECK_FALSE(q.value(0).toString().contains(QStringLiteral("correct horse")));
    q.finish();
    auto in = users.signIn(QStringLiteral("ZhangSan"), QStringLiteral("correct horse"));
    REQUIRE(in.ok());
    CHECK(in->userId == made->userId);
    CHECK(in->role == core::Role::Clerk);
    CHECK(users.signIn(QStringLiteral("zhangsan"), QStringLiteral("wrong")).error().code ==
          QStringLiteral("user.wrong_credentials"));
    // An unknown login gives the same answer as a wrong password.
    CHECK(users.signIn(QStringLiteral("nobody"), QStringLiteral("wrong")).error().message ==
          QStringLiteral("用户名或密码错误"));
    CHECK(users
              .create(QStringLiteral("zhangsan"), QStringLiteral("另一个"), core::Role::Clerk, {},
                      QStringLiteral("password1"))
              .error()
              .code == QStringLiteral("user.exists"));
}

TEST_CASE("Repeated failures slow sign-in down, then lock the account; an administrator unlocks it")
{
    test::HallFixture h;
    store::UserRepository users(*h.store);
    auto made = users.create(QStringLiteral("lisi"), QStringLiteral("李四"), core::Role::Supervisor,
                             {}, QStringLiteral("good password"));
    REQUIRE(made.ok());
    for (int i = 0; i < 2; ++i)
        CHECK(users.signIn(QStringLiteral("lisi"), QStringLiteral("bad")).error().code ==
              QStringLiteral("user.wrong_credentials"));
    CHECK(users.signIn(QStringLiteral("lisi"), QStringLiteral("bad")).error().code ==
          QStringLiteral("user.wait"));
    // Even the right password must wait now.
    CHECK(users.signIn(QStringLiteral("lisi"), QStringLiteral("good password")).error().code ==
          QStringLiteral("user.wait"));
    for (int i = 0; i < 3; ++i) {
        h.clock.advanceSeconds(60);
        users.signIn(QStringLiteral("lisi"), QStringLiteral("bad"));
    }
    h.clock.advanceSeconds(60);
    CHECK(users.signIn(QStringLiteral("lisi"), QStringLiteral("good password")).error().code ==
          QStringLiteral("user.locked"));
    REQUIRE(users.unlock(made->userId).ok());
    CHECK(users.signIn(QStringLiteral("lisi"), QStringLiteral("good password")).ok());
    REQUIRE(users.setActive(QStringLiteral("some-admin"), made->userId, false).ok());
    CHECK(users.signIn(QStringLiteral("lisi"), QStringLiteral("good password")).error().code ==
          QStringLiteral("user.inactive"));
}

TEST_CASE("The hall configuration is validated and kept")
{
    test::HallFixture h;
    store::HallConfigRepository repo(*h.store);
    CHECK_FALSE(repo.configured());
    store::HallConfig c;
    c.hallName = QStringLiteral("兰州市城关区政务服务中心");
    c.hallCode = QStringLiteral("62010");
    c.deviceCode = QStringLiteral("w7");
    CHECK(store::validateHallConfig(c).size() == 2);
    CHECK_FALSE(repo.save(c).ok());
    c.hallCode = QStringLiteral("620102");
    c.deviceCode = QStringLiteral("W07");
    c.officeClose = QTime(18, 0);
    REQUIRE(repo.save(c).ok());
    CHECK(repo.configured());
    auto back = repo.load();
    REQUIRE(back.ok());
    CHECK(back->hallName == c.hallName);
    CHECK(back->officeClose == QTime(18, 0));
    CHECK(back->zone.id() == QByteArrayLiteral("Asia/Shanghai"));
}

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

TEST_CASE("Sign-in runs one password hash for an unknown login as for a real one, so timing "
          "does not tell which logins exist")
{
    test::HallFixture h;
    store::UserRepository users(*h.store);
    auto made = users.create(QStringLiteral("wangwu"), QStringLiteral("王五"), core::Role::Clerk,
                             QStringLiteral("W07"), QStringLiteral("real password"));
    REQUIRE(made.ok());
    QStringList verified; // the hashes each sign-in verified against
    users.setPasswordVerifier([&](const QString& hash, const QString& password) {
        verified.append(hash);
        return store::verifyPassword(hash, password);
    });
    const auto attempt = [&](const char* login, const char* password) {
        verified.clear();
        const auto r = users.signIn(QString::fromUtf8(login), QString::fromUtf8(password));
        INFO(login);
        REQUIRE(verified.size() == 1); // exactly one Argon2id verification
        CHECK(verified.first().startsWith(QStringLiteral("$argon2id$")));
        return r;
    };
    CHECK(attempt("wangwu", "real password").ok());
    const QString realHash = verified.first();
    CHECK(attempt("wangwu", "wrong").error().message == QStringLiteral("用户名或密码错误"));
    const auto unknown = attempt("nobody", "wrong");
    CHECK(unknown.error().message == QStringLiteral("用户名或密码错误"));
    CHECK(verified.first() == store::dummyPasswordHash());
    CHECK(verified.first() != realHash);
    REQUIRE(users.setActive(QStringLiteral("some-admin"), made->userId, false).ok());
    CHECK(attempt("wangwu", "real password").error().code == QStringLiteral("user.inactive"));
    // The lock screen's check by user id takes the same path.
    verified.clear();
    CHECK_FALSE(users.verify(QStringLiteral("no-such-id"), QStringLiteral("x")).ok());
    CHECK(verified == QStringList{store::dummyPasswordHash()});

    // The dummy verifier costs what a real one costs: the same algorithm and limits (memory,
    // passes, lanes) as hashPassword writes today, and no password matches it.
    const auto limits = [](const QString& hash) { return hash.section(QLatin1Char('$'), 1, 3); };
    auto fresh = store::hashPassword(QStringLiteral("anything"));
    REQUIRE(fresh.ok());
    CHECK(limits(store::dummyPasswordHash()) == limits(*fresh));
    CHECK(limits(*fresh) == QStringLiteral("argon2id$v=19$m=65536,t=2,p=1"));
    CHECK_FALSE(store::verifyPassword(store::dummyPasswordHash(), QString()));
    CHECK_FALSE(store::verifyPassword(store::dummyPasswordHash(), QStringLiteral("anything")));
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

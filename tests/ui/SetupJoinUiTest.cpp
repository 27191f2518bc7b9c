// The first-start dialog joins a hall's server (issue 18): a real onewindow-server child on
// loopback, its hall made with its own commands; the dialog driven by the keyboard.
#include "support/TestSupport.h"

#include "server/ChildServer.h"
#include "store/HallConfig.h"
#include "store/Store.h"
#include "store/SyncRepository.h"
#include "store/UserRepository.h"
#include "support/TempStore.h"
#include "ui/SetupDialog.h"

#include <catch2/catch.hpp>

#include <QApplication>
#include <QGroupBox>
#include <QLineEdit>
#include <QProcess>
#include <QRadioButton>
#include <QTemporaryDir>
#include <QTest>

using namespace onewindow;

namespace {

// onewindow-server on a SQLite file: the hall 620102 with an administrator and a clerk (their
// verifiers come down with the pull), serving on a free loopback port.
struct HallServer
{
    QTemporaryDir dir;
    test::ChildServer server; // stopped when the test ends
    QString base;

    QString run(const QStringList& words) const
    {
        QProcess p;
        p.start(QStringLiteral(ONEWINDOW_SERVER_PATH),
                QStringList{QStringLiteral("--store"), dir.filePath(QStringLiteral("c.sqlite"))} +
                    words);
        REQUIRE(p.waitForFinished(60000));
        INFO(QString::fromUtf8(p.readAllStandardError()).toStdString());
        REQUIRE(p.exitCode() == 0);
        return QString::fromUtf8(p.readAllStandardOutput()).trimmed();
    }
    HallServer()
    {
        QFile pw(dir.filePath(QStringLiteral("pw")));
        REQUIRE(pw.open(QIODevice::WriteOnly));
        pw.write("clerk-password-7\n");
        pw.close();
        run({QStringLiteral("hall"), QStringLiteral("create"), QStringLiteral("620102"),
             QStringLiteral("--name"), QStringLiteral("城关区政务服务中心"),
             QStringLiteral("--zone"), QStringLiteral("Asia/Shanghai")});
        for (const auto& [login, role] :
             {std::pair{"admin", "administrator"}, std::pair{"zhangsan", "clerk"}})
            run({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("620102"),
                 QString::fromLatin1(login), QStringLiteral("--name"), QStringLiteral("张三"),
                 QStringLiteral("--role"), QString::fromLatin1(role), QStringLiteral("--window"),
                 QStringLiteral("W07"), QStringLiteral("--password-file"), pw.fileName()});
        server.start({QStringLiteral("--store"), dir.filePath(QStringLiteral("c.sqlite")),
                      QStringLiteral("serve"), QStringLiteral("--listen"),
                      QStringLiteral("127.0.0.1:0")});
        base = server.base();
    }
    QString code() const
    {
        return run({QStringLiteral("enrol"), QStringLiteral("620102"), QStringLiteral("W07"),
                    QStringLiteral("--role"), QStringLiteral("window")});
    }
};

struct NewStore : test::TempStore
{
    NewStore() : test::TempStore(QDateTime(QDate(2026, 12, 7), QTime(2, 0), QTimeZone::utc())) {}
    bool stillNew() const
    {
        return !store::SyncRepository::enrolled(*store) &&
               !store::HallConfigRepository(*store).configured() &&
               *store::UserRepository(*store).count() == 0;
    }
};

// Types into the focused line edit, as the keyboard does.
void typeFocused(const QString& text)
{
    auto* edit = qobject_cast<QLineEdit*>(QApplication::focusWidget());
    REQUIRE(edit);
    edit->selectAll();
    QTest::keyClicks(edit, text);
}

// Alt+key as the keyboard sends it: to the widget that has the focus.
void alt(Qt::Key key)
{
    QWidget* target = QApplication::focusWidget();
    REQUIRE(target);
    QTest::keyClick(target, key, Qt::AltModifier);
    QTest::qWait(250); // a button's mnemonic clicks it after its animation (100 ms)
}

} // namespace

TEST_CASE("First start: the setup dialog joins a hall's server by keyboard; an unreachable server "
          "and a used or wrong code are told in Chinese and leave the store new")
{
    HallServer server;
    NewStore s;
    ui::SetupDialog setup(*s.store);
    setup.show();
    setup.activateWindow();
    REQUIRE(QTest::qWaitForWindowActive(&setup));
    auto* joinBox = setup.findChild<QGroupBox*>(QStringLiteral("joinBox"));
    REQUIRE(joinBox);
    CHECK_FALSE(setup.joining());
    CHECK_FALSE(joinBox->isVisible());

    // Alt+J chooses to join; Alt+A and Alt+D reach the address and the code.
    auto* joinRadio = setup.findChild<QRadioButton*>(QStringLiteral("joinRadio"));
    REQUIRE(joinRadio);
    alt(Qt::Key_J);
    CHECK(setup.joining());
    CHECK(joinBox->isVisible());
    CHECK_FALSE(setup.findChild<QGroupBox*>(QStringLiteral("adminBox"))->isVisible());
    alt(Qt::Key_A);
    CHECK(QApplication::focusWidget() == setup.findChild<QLineEdit*>(QStringLiteral("serverEdit")));

    // Nothing listens there: unreachable, nothing written.
    typeFocused(QStringLiteral("http://127.0.0.1:1"));
    alt(Qt::Key_D);
    CHECK(QApplication::focusWidget() ==
          setup.findChild<QLineEdit*>(QStringLiteral("enrolCodeEdit")));
    const QString code = server.code();
    typeFocused(code);
    CHECK_FALSE(setup.submit());
    REQUIRE(setup.problems().size() == 1);
    CHECK(setup.problems()[0].contains(QStringLiteral("无法连接大厅服务器")));
    CHECK(setup.problems()[0].contains(QStringLiteral("未登记")));
    CHECK(s.stillNew());

    // The right server, a code it never issued: refused, nothing written.
    alt(Qt::Key_A);
    typeFocused(server.base);
    alt(Qt::Key_D);
    typeFocused(QStringLiteral("AAAA-BBBB-CCCC-DDDD"));
    CHECK_FALSE(setup.submit());
    REQUIRE(setup.problems().size() == 1);
    CHECK(setup.problems()[0].contains(QStringLiteral("登记码无效或已使用")));
    CHECK(s.stillNew());
    setup.grab().save(test::screenshotPath("setup-join"));

    // The code the server gave: Enter joins, and the hall's settings and users come down.
    alt(Qt::Key_D);
    typeFocused(code);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    CHECK(setup.result() == QDialog::Accepted);
    CHECK(store::SyncRepository::enrolled(*s.store));
    auto config = store::HallConfigRepository(*s.store).load();
    REQUIRE(config.ok());
    CHECK(config->hallCode == QStringLiteral("620102"));
    CHECK(config->hallName == QStringLiteral("城关区政务服务中心"));
    CHECK(config->deviceCode == QStringLiteral("W07"));
    // The clerk signs in at this window with the password the hall gave them.
    CHECK(store::UserRepository(*s.store)
              .signIn(QStringLiteral("zhangsan"), QStringLiteral("clerk-password-7"))
              .ok());

    // The same code at another new store: used, refused, that store stays new.
    NewStore other;
    ui::SetupDialog again(*other.store);
    again.show();
    again.setJoining(true);
    again.findChild<QLineEdit*>(QStringLiteral("serverEdit"))->setText(server.base);
    again.findChild<QLineEdit*>(QStringLiteral("enrolCodeEdit"))->setText(code);
    CHECK_FALSE(again.submit());
    REQUIRE(again.problems().size() == 1);
    CHECK(again.problems()[0].contains(QStringLiteral("登记码无效或已使用")));
    CHECK(other.stillNew());
}

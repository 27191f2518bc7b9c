// Issue 21: every program says its version and the git commit it was built from (app/version),
// and a build from a tree that is not a git checkout says "unknown" instead of failing.
#include <catch2/catch.hpp>

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QTemporaryDir>

namespace {

struct Ran
{
    int exitCode = -1;
    QString out;
};

Ran run(const QString& program, const QStringList& args,
        const QProcessEnvironment& env = QProcessEnvironment::systemEnvironment())
{
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(program, args);
    REQUIRE(p.waitForFinished(60000));
    return Ran{p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
               QString::fromUtf8(p.readAllStandardOutput()).trimmed()};
}

// The commit of the source tree as git sees it now: its short hash, or "unknown" when the tree is
// not a checkout (a build from a tarball).
QString sourceCommit()
{
    const QString source = QStringLiteral(ONEWINDOW_SOURCE_DIR);
    if (!QFile::exists(source + QStringLiteral("/.git")))
        return QStringLiteral("unknown");
    const Ran git =
        run(QStringLiteral("git"), {QStringLiteral("-C"), source, QStringLiteral("rev-parse"),
                                    QStringLiteral("--short=12"), QStringLiteral("HEAD")});
    return git.exitCode == 0 ? git.out : QStringLiteral("unknown");
}

// "PROGRAM 0.1.0 (commit HASH[-dirty])" with the project's version and the tree's commit.
void checkVersionLine(const QString& program, const QString& line)
{
    INFO(line.toStdString());
    const QRegularExpression shape(QStringLiteral("^(\\S+) (\\S+) \\(commit ([^)\\s]+)\\)$"));
    const QRegularExpressionMatch m = shape.match(line);
    REQUIRE(m.hasMatch());
    CHECK(m.captured(1) == program);
    CHECK(m.captured(2) == QStringLiteral(ONEWINDOW_EXPECTED_VERSION));
    QString commit = m.captured(3);
    commit.remove(QRegularExpression(QStringLiteral("-dirty$"))); // edited, not yet committed
    INFO("a program older than the source's HEAD: build again");
    CHECK(commit == sourceCommit());
}

} // namespace

TEST_CASE("onewindowctl --version names the version and the commit it was built from")
{
    const Ran r = run(QStringLiteral(ONEWINDOWCTL_PATH), {QStringLiteral("--version")});
    CHECK(r.exitCode == 0);
    checkVersionLine(QStringLiteral("onewindowctl"), r.out);
}

TEST_CASE("onewindow-server --version names the version and the commit it was built from")
{
    // Before any database is named: --version needs none.
    const Ran r = run(QStringLiteral(ONEWINDOW_SERVER_PATH), {QStringLiteral("--version")});
    CHECK(r.exitCode == 0);
    checkVersionLine(QStringLiteral("onewindow-server"), r.out);
}

TEST_CASE("onewindow --version names the version and the commit, without a display")
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    env.remove(QStringLiteral("QT_QPA_PLATFORM"));
    const Ran r = run(QStringLiteral(ONEWINDOW_PATH), {QStringLiteral("--version")}, env);
    CHECK(r.exitCode == 0);
    checkVersionLine(QStringLiteral("onewindow"), r.out);
}

TEST_CASE("Build info: a tree that is not a git checkout reports the commit as unknown, or the "
          "one given with -DONEWINDOW_COMMIT")
{
    const QTemporaryDir tree; // no .git: a source tarball
    REQUIRE(tree.isValid());
    const QString header = tree.filePath(QStringLiteral("BuildInfoValues.h"));
    const auto generate = [&](const QString& source, const QString& overrideCommit) {
        const Ran r = run(QStringLiteral(ONEWINDOW_CMAKE_COMMAND),
                          {QStringLiteral("-DSOURCE_DIR=") + source,
                           QStringLiteral("-DOUTPUT=") + header, QStringLiteral("-DVERSION=9.8.7"),
                           QStringLiteral("-DCOMMIT_OVERRIDE=") + overrideCommit,
                           QStringLiteral("-P"), QStringLiteral(ONEWINDOW_BUILD_INFO_SCRIPT)});
        REQUIRE(r.exitCode == 0);
        QFile f(header);
        REQUIRE(f.open(QIODevice::ReadOnly));
        return QString::fromUtf8(f.readAll());
    };
    const QString plain = generate(tree.path(), QString());
    CHECK(plain.contains(QStringLiteral("ONEWINDOW_BUILD_VERSION \"9.8.7\"")));
    CHECK(plain.contains(QStringLiteral("ONEWINDOW_BUILD_COMMIT \"unknown\"")));
    CHECK(generate(tree.path(), QStringLiteral("0123456789ab"))
              .contains(QStringLiteral("ONEWINDOW_BUILD_COMMIT \"0123456789ab\"")));
    // A given commit that could break the header is not taken.
    CHECK(generate(tree.path(), QStringLiteral("x\"y"))
              .contains(QStringLiteral("ONEWINDOW_BUILD_COMMIT \"unknown\"")));
    // This source tree: its own commit.
    CHECK(generate(QStringLiteral(ONEWINDOW_SOURCE_DIR), QString())
              .contains(QStringLiteral("ONEWINDOW_BUILD_COMMIT \"") + sourceCommit()));
}

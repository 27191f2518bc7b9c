// Issue 15: under the clerks' locale (zh_CN.UTF-8) the font database names WenQuanYi Micro Hei
// 文泉驿微米黑; onewindowctl print must not claim the installed font is missing.
#include "ctl/CtlRunner.h"
#include "support/HallFixture.h"
#include "support/TestSupport.h"

#include <QProcess>
#include <QTemporaryDir>

using namespace onewindow;

namespace {

// Sets the locale variables for the child processes started in its lifetime.
struct LocaleEnv
{
    QList<std::pair<const char*, QByteArray>> saved;
    explicit LocaleEnv(const QByteArray& locale)
    {
        for (const char* name : {"LANG", "LC_ALL", "LANGUAGE"}) {
            saved.append({name, qgetenv(name)});
            qputenv(name, name == std::string_view("LANGUAGE") ? QByteArray("zh_CN") : locale);
        }
    }
    ~LocaleEnv()
    {
        for (const auto& [name, value] : saved)
            value.isNull() ? qunsetenv(name) : qputenv(name, value);
    }
};

} // namespace

TEST_CASE("onewindowctl print under LANG=zh_CN.UTF-8 finds the installed font (no 未安装 warning)")
{
    QProcess locales;
    locales.start(QStringLiteral("locale"), {QStringLiteral("-a")});
    REQUIRE(locales.waitForFinished(10000));
    INFO("the zh_CN.UTF-8 locale must be generated (locale-gen) for this test");
    REQUIRE(QString::fromUtf8(locales.readAllStandardOutput())
                .contains(QStringLiteral("zh_CN.utf8"), Qt::CaseInsensitive));

    test::HallFixture h;
    auto a = h.cases->receive(h.intake(), QStringLiteral("clerk-1"));
    REQUIRE(a.ok());
    QTemporaryDir out;
    const LocaleEnv zh("zh_CN.UTF-8");
    const test::CtlRun run = test::runCtl(
        h.path(), {QStringLiteral("print"), QStringLiteral("receipt"), a->state.caseNumber,
                   QStringLiteral("--pdf"), out.filePath(QStringLiteral("r.pdf")),
                   QStringLiteral("--config"), out.filePath(QStringLiteral("config"))});
    INFO(run.err.toStdString());
    CHECK(run.exitCode == 0);
    CHECK_FALSE(run.err.contains(QStringLiteral("文泉驿微米黑")));
    CHECK_FALSE(run.err.contains(QStringLiteral("document.font")));
}

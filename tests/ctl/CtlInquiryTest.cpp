// onewindowctl inquiry add | list (首问负责; decision 1 for an inquiry about a case): the window's
// form's checks and messages, the log's entry and the case's event in one transaction, nothing
// stored on a refusal.
#include "ctl/CtlRunner.h"
#include "support/HallFixture.h"

#include "store/UserRepository.h"

#include <catch2/catch.hpp>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace onewindow;
using test::runCtl;

namespace {

struct InquiryHall
{
    test::HallFixture h;
    QString caseId;
    QString number;
    InquiryHall()
    {
        REQUIRE(store::UserRepository(*h.store)
                    .create(QStringLiteral("zhangsan"), QStringLiteral("张三"), core::Role::Clerk,
                            QStringLiteral("W07"), QStringLiteral("clerk-password-7"))
                    .ok());
        auto taken = h.cases->receive(h.intake(), QStringLiteral("clerk-1"));
        REQUIRE(taken.ok());
        caseId = taken->event.caseId;
        number = taken->state.caseNumber;
    }
    int logRows() const { return h.count(QStringLiteral("SELECT count(*) FROM inquiries")); }
    int inquiredEvents() const
    {
        return h.count(QStringLiteral("SELECT count(*) FROM events WHERE type = 'case.inquired'"));
    }
    test::CtlRun inquiry(const QStringList& words) const
    {
        return runCtl(h.path(), QStringList{QStringLiteral("inquiry")} + words);
    }
};

} // namespace

TEST_CASE("onewindowctl inquiry add logs an inquiry as the window's form does; with --case the "
          "log's entry and the case's 咨询 together; inquiry list shows them",
          "[inquiry]")
{
    InquiryHall w;
    // Not about a case: the log alone, at the clerk's window.
    const test::CtlRun plain =
        w.inquiry({QStringLiteral("add"), QStringLiteral("--as"), QStringLiteral("zhangsan"),
                   QStringLiteral("--person"), QStringLiteral("李先生"),
                   QStringLiteral("--question"), QStringLiteral("营业执照怎么办"),
                   QStringLiteral("--referred-to"), QStringLiteral("市场监管窗口")});
    INFO(plain.err.toStdString());
    REQUIRE(plain.exitCode == 0);
    CHECK(plain.out.trimmed() == QStringLiteral("已登记 李先生 的咨询。"));
    CHECK(w.logRows() == 1);
    CHECK(w.inquiredEvents() == 0);

    // About a case: one more log row, naming the case, and the case's event.
    const test::CtlRun about =
        w.inquiry({QStringLiteral("add"), QStringLiteral("--as"), QStringLiteral("zhangsan"),
                   QStringLiteral("--person"), QStringLiteral("王女士"), QStringLiteral("--phone"),
                   QStringLiteral("13912345678"), QStringLiteral("--question"),
                   QStringLiteral("我的件办到哪了"), QStringLiteral("--answer"),
                   QStringLiteral("已受理，正在审查"), QStringLiteral("--case"), w.number});
    INFO(about.err.toStdString());
    REQUIRE(about.exitCode == 0);
    CHECK(about.out.trimmed() ==
          QStringLiteral("已登记 王女士 的咨询，并已记入办件 %1 的全过程记录。").arg(w.number));
    CHECK(w.logRows() == 2);
    CHECK(w.h.count(QStringLiteral("SELECT count(*) FROM inquiries WHERE case_id = '%1' AND "
                                   "case_number = '%2' AND window_code = 'W07'")
                        .arg(w.caseId, w.number)) == 1);
    CHECK(w.inquiredEvents() == 1);
    const test::CtlRun timeline =
        runCtl(w.h.path(), {QStringLiteral("case"), QStringLiteral("timeline"), w.number});
    REQUIRE(timeline.exitCode == 0);
    CHECK(timeline.out.contains(QStringLiteral(
        "咨询（W07 窗口）：王女士（13912345678）问：我的件办到哪了；答复：已受理，正在审查")));

    // Today's log, oldest first, and the case's.
    const test::CtlRun today = w.inquiry({QStringLiteral("list")});
    REQUIRE(today.exitCode == 0);
    const QStringList lines = today.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    REQUIRE(lines.size() == 2);
    CHECK(lines[0].contains(
        QStringLiteral("窗口 W07  李先生问：营业执照怎么办；引导至：市场监管窗口")));
    CHECK(lines[1].contains(QStringLiteral("王女士（13912345678）问：我的件办到哪了；答复：已受理，"
                                           "正在审查  办件 %1")
                                .arg(w.number)));
    const test::CtlRun ofCase = w.inquiry(
        {QStringLiteral("list"), QStringLiteral("--case"), w.number, QStringLiteral("--json")});
    REQUIRE(ofCase.exitCode == 0);
    const QJsonArray rows = QJsonDocument::fromJson(ofCase.out.toUtf8()).array();
    REQUIRE(rows.size() == 1);
    const QJsonObject row = rows.first().toObject();
    CHECK(row.value(QStringLiteral("person")).toString() == QStringLiteral("王女士"));
    CHECK(row.value(QStringLiteral("phone")).toString() == QStringLiteral("13912345678"));
    CHECK(row.value(QStringLiteral("answer")).toString() == QStringLiteral("已受理，正在审查"));
    CHECK(row.value(QStringLiteral("case_number")).toString() == w.number);
    CHECK(row.value(QStringLiteral("window")).toString() == QStringLiteral("W07"));
}

TEST_CASE("onewindowctl inquiry: each bad input is told in the form's words, exits 2 (usage) or 1 "
          "(a case or user not found) and stores nothing",
          "[inquiry]")
{
    InquiryHall w;
    const auto add = [&](const QStringList& more) {
        return w.inquiry(QStringList{QStringLiteral("add"), QStringLiteral("--as"),
                                     QStringLiteral("zhangsan"), QStringLiteral("--person"),
                                     QStringLiteral("王女士"), QStringLiteral("--question"),
                                     QStringLiteral("我的件办到哪了")} +
                         more);
    };
    struct Bad
    {
        test::CtlRun run;
        int exit;
        QString says;
    };
    const Bad bad[] = {
        // First-inquiry duty: an answer or a referral.
        {add({}), 2,
         QStringLiteral("首问负责：请填写答复内容，或填写引导对方前往的部门、窗口或人员")},
        {add({QStringLiteral("--answer"), QStringLiteral("已受理"), QStringLiteral("--phone"),
              QStringLiteral("12345")}),
         2, QStringLiteral("联系电话应为 11 位手机号或带区号的固定电话")},
        {add({QStringLiteral("--answer"), QStringLiteral("已受理"), QStringLiteral("--case"),
              QStringLiteral("620102-20990101-W07-0001")}),
         1, QStringLiteral("本机没有办件编号或查询码为“620102-20990101-W07-0001”的办件")},
        {add({QStringLiteral("--answer"), QStringLiteral("已受理"), QStringLiteral("--case"),
              QString()}),
         2, QStringLiteral("--case 需要办件编号或 6 位查询码")},
        {add({QStringLiteral("--answer")}), 2, QStringLiteral("用法：inquiry add")},
        {add({QStringLiteral("--answer"), QStringLiteral("a"), QStringLiteral("--answer"),
              QStringLiteral("b")}),
         2, QStringLiteral("用法：inquiry add")},
        {add({QStringLiteral("--item"), QStringLiteral("x")}), 2,
         QStringLiteral("用法：inquiry add")},
        {w.inquiry({QStringLiteral("add"), QStringLiteral("--person"), QStringLiteral("王女士"),
                    QStringLiteral("--question"), QStringLiteral("问"), QStringLiteral("--answer"),
                    QStringLiteral("答")}),
         2, QStringLiteral("inquiry add 需要 --as 登录名")},
        {w.inquiry({QStringLiteral("add"), QStringLiteral("--as"), QStringLiteral("nobody"),
                    QStringLiteral("--person"), QStringLiteral("王女士"),
                    QStringLiteral("--question"), QStringLiteral("问"), QStringLiteral("--answer"),
                    QStringLiteral("答")}),
         1, QStringLiteral("没有在用的用户“nobody”")},
        {w.inquiry({}), 2, QStringLiteral("inquiry 需要子命令：add、list")},
        {w.inquiry({QStringLiteral("list"), QStringLiteral("--case")}), 2,
         QStringLiteral("用法：inquiry list [--case 办件编号] [--json]")},
        {w.inquiry({QStringLiteral("list"), QStringLiteral("--case"), QStringLiteral("999999")}), 1,
         QStringLiteral("本机没有办件编号或查询码为“999999”的办件")},
    };
    for (const Bad& b : bad) {
        INFO(b.run.err.toStdString());
        CHECK(b.run.exitCode == b.exit);
        CHECK(b.run.err.contains(b.says));
        CHECK(b.run.out.isEmpty());
    }
    CHECK(w.logRows() == 0);
    CHECK(w.inquiredEvents() == 0);
}

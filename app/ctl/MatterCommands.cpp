#include "ctl/MatterCommands.h"

#include "ctl/CaseCommands.h"

#include "core/ClockText.h"
#include "core/DateText.h"
#include "documents/MatterLetters.h"
#include "store/HallConfig.h"
#include "store/MatterCases.h"

#include <cstring>

namespace onewindow::ctl {

namespace {

const QString kUsage =
    QStringLiteral("用法：matter show MATTER_NO；matter print receipt|notice MATTER_NO --pdf "
                   "OUT.pdf [--config DIR] [--as 登录名]；"
                   "matter hand-out MATTER_NO --as 登录名 [--parts 办件编号,...]");

int show(CtlContext& ctx, const QStringList& args)
{
    if (args.size() != 1)
        return ctx.usageError(kUsage);
    auto cases = ctx.caseStore();
    if (!cases)
        return ctx.failed(cases.error());
    auto m = store::loadMatter(**cases, args.first(), ctx.today());
    if (!m)
        return ctx.failed(m.error());
    ctx.out() << QStringLiteral("%1  %2（第 %3 版）").arg(m->number, m->matter.name).arg(m->version)
              << Qt::endl;
    for (const core::MatterPartCase& p : m->parts)
        ctx.out() << QStringLiteral("  %1  %2  [%3 · %4]")
                         .arg(p.state.caseNumber, p.item.name, p.item.department,
                              core::caseStatusName(p.state.status))
                  << Qt::endl;
    const core::MatterProgress& g = m->progress;
    ctx.out() << QStringLiteral("收件 %1，承诺 %2 个工作日内办结（%3），已办结 %4/%5 项%6")
                     .arg(core::chineseDate(g.received))
                     .arg(m->matter.promisedDays)
                     .arg(core::chineseDate(g.clock.deadline))
                     .arg(g.finished)
                     .arg(g.parts)
                     .arg(g.done ? QStringLiteral("，%1 全部办结（%2）")
                                       .arg(core::chineseDate(*g.doneOn),
                                            core::warningLevelName(g.clock.status.level))
                                 : QStringLiteral("，%1").arg(
                                       core::warningLevelName(g.clock.status.level)))
              << Qt::endl;
    return ExitOk;
}

// The matter's letter is numbered and its print recorded on the part that carries it (the
// receipt's on the first part, the notice's on the first part waiting for papers), as every other
// letter's is on its case: printing it again is a 补打 under the same number.
int print(CtlContext& ctx, QStringList args)
{
    const qsizetype at = args.indexOf(QStringLiteral("--pdf"));
    if (at < 0 || at + 1 >= args.size())
        return ctx.usageError(kUsage);
    const QString pdf = args.at(at + 1);
    args.remove(at, 2);
    QString configDir = documents::defaultConfigDir();
    if (const qsizetype c = args.indexOf(QStringLiteral("--config")); c >= 0) {
        if (c + 1 >= args.size())
            return ctx.usageError(kUsage);
        configDir = args.at(c + 1);
        args.remove(c, 2);
    }
    QString login;
    if (const qsizetype a = args.indexOf(QStringLiteral("--as")); a >= 0) {
        if (a + 1 >= args.size())
            return ctx.usageError(kUsage);
        login = args.at(a + 1);
        args.remove(a, 2);
    }
    if (args.size() != 2 ||
        (args.first() != QStringLiteral("receipt") && args.first() != QStringLiteral("notice")))
        return ctx.usageError(kUsage);
    if (ctx.isStoreOutput(pdf))
        return ExitUsage;
    if (!ctx.mayWrite())
        return ExitUsage;
    const auto kind = args.first() == QStringLiteral("receipt")
                          ? documents::MatterLetterKind::Receipt
                          : documents::MatterLetterKind::Notice;
    auto cases = ctx.caseStore();
    if (!cases)
        return ctx.failed(cases.error());
    auto actor = printActor((*cases)->store(), login);
    if (!actor) {
        if (actor.error().code == QLatin1String("print.actor_required"))
            return ctx.usageError(actor.error().message);
        return ctx.failed(actor.error());
    }
    auto m = store::loadMatter(**cases, args.at(1), ctx.today());
    if (!m)
        return ctx.failed(m.error());
    documents::MatterLetter letter = documents::matterLetterFrom(
        m->matter, m->matters, m->number, m->parts, m->progress.clock.deadline);
    const int home = documents::matterLetterHome(kind, m->parts);
    if (kind == documents::MatterLetterKind::Notice && (letter.corrections.isEmpty() || home < 0))
        return ctx.failed(
            {QStringLiteral("matter.nothing_to_correct"),
             QStringLiteral("一件事 %1 没有待补正的材料，无需一次性告知书").arg(m->number)});
    documents::HallProfileLoad hall = documents::loadHallProfile(configDir);
    for (const core::Error& w : hall.warnings)
        ctx.err() << "onewindowctl: " << w.message << " [" << w.code << "]" << Qt::endl;
    if (auto config = store::HallConfigRepository((*cases)->store()).load())
        letter.hallName = config->hallName;
    if (letter.hallName.isEmpty())
        letter.hallName = hall.profile.name;
    letter.issuedOn = ctx.today();
    auto ticket = (*cases)->recordPrint(
        m->parts.at(home).state.caseId, documents::matterLetterDocumentKind(kind), 1, *actor,
        [&](const store::CaseStore::PrintTicket& t) -> core::Status {
            letter.number = t.number;
            letter.reprint = t.reprint;
            auto document = documents::matterLetterDocument(kind, letter, hall.profile);
            if (!document)
                return document.error();
            for (const core::Error& w : document->warnings())
                ctx.err() << "onewindowctl: " << w.message << " [" << w.code << "]" << Qt::endl;
            return documents::writePdf(*document, pdf);
        });
    if (!ticket)
        return ctx.failed(ticket.error());
    ctx.out() << QStringLiteral("已写出%1 %2%3：%4")
                     .arg(documents::matterLetterTitle(kind), ticket->number,
                          ticket->reprint ? QStringLiteral("（补打）") : QString(), pdf)
              << Qt::endl;
    return ExitOk;
}

} // namespace

int runMatterCommand(CtlContext& ctx)
{
    const QStringList& args = ctx.args();
    if (args.isEmpty())
        return ctx.usageError(kUsage);
    if (args.first() == QStringLiteral("show"))
        return show(ctx, args.mid(1));
    if (args.first() == QStringLiteral("print"))
        return print(ctx, args.mid(1));
    if (args.first() == QStringLiteral("hand-out"))
        return runMatterHandOut(ctx, args.mid(1));
    return ctx.usageError(kUsage);
}

bool isMatterPrintCommand(int argc, char** argv)
{
    for (int i = 1; i + 1 < argc; ++i)
        if (std::strcmp(argv[i], "matter") == 0)
            return std::strcmp(argv[i + 1], "print") == 0;
    return false;
}

} // namespace onewindow::ctl

// onewindowctl inquiry add | list: the first-inquiry log (首问负责, core/Inquiry.h) from the
// command line. `add` takes what the window's form takes (InquiryPage::submit): core::checkInquiry
// first, then store::InquiryRepository::record, or recordAbout for an inquiry about a case, which
// writes the log's entry and the case's event case.inquired (decision 1) in one transaction.
#include "ctl/InquiryCommands.h"

#include "core/Inquiry.h"
#include "ctl/CaseCommands.h"
#include "store/CaseStore.h"
#include "store/InquiryRepository.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace onewindow::ctl {

namespace {

const QString kAddUsage =
    QStringLiteral("用法：inquiry add --as 登录名 --person 姓名 --question 问题 [--phone 电话] "
                   "[--case 办件编号] [--answer 答复] [--referred-to 引导至]");
const QString kListUsage = QStringLiteral("用法：inquiry list [--case 办件编号] [--json]");

// "--name value" pairs, each option once and only the ones `known`; false on anything else.
bool takeOptions(QStringList args, const QStringList& known, QHash<QString, QString>& values)
{
    while (!args.isEmpty()) {
        const QString option = args.takeFirst();
        if (!known.contains(option) || values.contains(option) || args.isEmpty())
            return false;
        values.insert(option, args.takeFirst());
    }
    return true;
}

int add(CtlContext& ctx, const QStringList& args)
{
    QHash<QString, QString> v;
    if (!takeOptions(args,
                     {QStringLiteral("--as"), QStringLiteral("--person"),
                      QStringLiteral("--question"), QStringLiteral("--phone"),
                      QStringLiteral("--case"), QStringLiteral("--answer"),
                      QStringLiteral("--referred-to")},
                     v))
        return ctx.usageError(kAddUsage);
    const QString login = v.value(QStringLiteral("--as")).trimmed();
    if (login.isEmpty())
        return ctx.usageError(QStringLiteral("inquiry add 需要 --as 登录名（由谁登记）"));
    core::Inquiry in;
    in.person = v.value(QStringLiteral("--person"));
    in.phone = v.value(QStringLiteral("--phone"));
    in.question = v.value(QStringLiteral("--question"));
    in.answer = v.value(QStringLiteral("--answer"));
    in.referredTo = v.value(QStringLiteral("--referred-to"));
    // The form's own check, with its messages: who asked, the question, an answer or a referral,
    // a phone that is one. Nothing is stored.
    if (const QList<core::InquiryProblem> problems = core::checkInquiry(in); !problems.isEmpty())
        return ctx.usageError(problems.first().error.message);
    if (v.contains(QStringLiteral("--case")) &&
        v.value(QStringLiteral("--case")).trimmed().isEmpty())
        return ctx.usageError(QStringLiteral("--case 需要办件编号或 6 位查询码"));
    if (!ctx.mayWrite())
        return ExitUsage;
    auto cases = ctx.caseStore();
    if (!cases)
        return ctx.failed(cases.error());
    auto clerk = activeUserByLogin((*cases)->store(), login);
    if (!clerk)
        return ctx.failed(clerk.error());
    ctx.tick();
    in.clerkId = clerk->userId;
    // The window the form logs it at: this workstation's, else the clerk's.
    const core::HallSettings settings = (*cases)->settings();
    in.windowCode = settings.deviceCode.isEmpty() ? clerk->windowCode : settings.deviceCode;
    store::InquiryRepository inquiries((*cases)->store());
    const core::Result<core::Inquiry> saved =
        v.contains(QStringLiteral("--case"))
            ? inquiries.recordAbout(in, v.value(QStringLiteral("--case")), **cases)
            : inquiries.record(in, settings.zone);
    if (!saved)
        return ctx.failed(saved.error());
    ctx.out() << (saved->caseNumber.isEmpty()
                      ? QStringLiteral("已登记 %1 的咨询。").arg(saved->person)
                      : QStringLiteral("已登记 %1 的咨询，并已记入办件 %2 的全过程记录。")
                            .arg(saved->person, saved->caseNumber))
              << Qt::endl;
    return ExitOk;
}

QJsonObject toJson(const core::Inquiry& i)
{
    return QJsonObject{
        {QStringLiteral("inquiry_id"), i.inquiryId},
        {QStringLiteral("asked_at"), i.askedAtUtc.toString(Qt::ISODateWithMs)},
        {QStringLiteral("asked_on"), i.askedOn.toString(Qt::ISODate)},
        {QStringLiteral("window"), i.windowCode},
        {QStringLiteral("clerk_id"), i.clerkId},
        {QStringLiteral("person"), i.person},
        {QStringLiteral("phone"), i.phone},
        {QStringLiteral("item_code"), i.itemCode},
        {QStringLiteral("item_name"), i.itemName},
        {QStringLiteral("question"), i.question},
        {QStringLiteral("answer"), i.answer},
        {QStringLiteral("referred_to"), i.referredTo},
        {QStringLiteral("case_number"), i.caseNumber},
        {QStringLiteral("amended_at"),
         i.amendedAtUtc.isValid() ? i.amendedAtUtc.toString(Qt::ISODateWithMs) : QString()}};
}

int list(CtlContext& ctx, QStringList args)
{
    const bool json = args.removeAll(QStringLiteral("--json")) > 0;
    QHash<QString, QString> v;
    if (!takeOptions(args, {QStringLiteral("--case")}, v))
        return ctx.usageError(kListUsage);
    if (v.contains(QStringLiteral("--case")) &&
        v.value(QStringLiteral("--case")).trimmed().isEmpty())
        return ctx.usageError(QStringLiteral("--case 需要办件编号或 6 位查询码"));
    auto store = ctx.store();
    if (!store)
        return ctx.failed(store.error());
    store::InquiryRepository inquiries(**store);
    core::Result<QList<core::Inquiry>> found = QList<core::Inquiry>();
    if (v.contains(QStringLiteral("--case"))) {
        auto named = inquiries.findCase(v.value(QStringLiteral("--case")));
        if (!named)
            return ctx.failed(named.error());
        found = inquiries.ofCase(named->first);
    } else {
        found = inquiries.onDay(ctx.today()); // today's, as the window's page lists them
    }
    if (!found)
        return ctx.failed(found.error());
    if (json) {
        QJsonArray out;
        for (const core::Inquiry& i : *found)
            out.append(toJson(i));
        ctx.out() << QString::fromUtf8(QJsonDocument(out).toJson(QJsonDocument::Indented));
        return ExitOk;
    }
    const QTimeZone zone = ctx.hallSettings().zone;
    for (const core::Inquiry& i : *found) {
        QString line =
            QStringLiteral("%1  窗口 %2  %3%4问：%5")
                .arg(i.askedAtUtc.toTimeZone(zone).toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                     i.windowCode, i.person,
                     i.phone.isEmpty() ? QString() : QStringLiteral("（%1）").arg(i.phone),
                     i.question);
        if (!i.answer.isEmpty())
            line += QStringLiteral("；答复：%1").arg(i.answer);
        if (!i.referredTo.isEmpty())
            line += QStringLiteral("；引导至：%1").arg(i.referredTo);
        if (!i.caseNumber.isEmpty())
            line += QStringLiteral("  办件 %1").arg(i.caseNumber);
        ctx.out() << line << Qt::endl;
    }
    ctx.err() << QStringLiteral("咨询登记 %1 条").arg(found->size()) << Qt::endl;
    return ExitOk;
}

} // namespace

int runInquiryCommand(CtlContext& ctx)
{
    const QStringList& args = ctx.args();
    if (args.value(0) == QStringLiteral("add"))
        return add(ctx, args.mid(1));
    if (args.value(0) == QStringLiteral("list"))
        return list(ctx, args.mid(1));
    return ctx.usageError(QStringLiteral("inquiry 需要子命令：add、list"));
}

} // namespace onewindow::ctl

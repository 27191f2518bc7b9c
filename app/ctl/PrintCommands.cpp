#include "ctl/PrintCommands.h"

#include "ctl/CaseCommands.h"

#include "core/DocumentKind.h"
#include "documents/Document.h"
#include "documents/HallProfile.h"
#include "store/CaseStore.h"
#include "store/CatalogRepository.h"
#include "store/HallConfig.h"
#include "store/UserRepository.h"

#include <QPrinter>
#include <QPrinterInfo>

#include <cstring>

namespace onewindow::ctl {

namespace {

const QString kUsage = QStringLiteral(
    "用法：print KIND CASE_NO --pdf OUT.pdf [--format a4|80mm] [--printer NAME] [--copies N] "
    "[--config DIR] [--as "
    "登录名]（KIND：receipt、acceptance、notice、refusal、extension、suspension、ready、"
    "supervision）");

struct PrintOptions
{
    core::DocumentKind kind = core::DocumentKind::Receipt;
    QString caseNumber;
    QString pdf;
    QString printer;
    documents::PageFormat format = documents::PageFormat::A4;
    int copies = 1;
    QString configDir = documents::defaultConfigDir();
    QString as; // the login of who prints (required at a store enrolled in a hall)
};

// Empty: parsed; otherwise the usage problem.
QString parse(QStringList args, PrintOptions& o)
{
    QStringList positional;
    while (!args.isEmpty()) {
        const QString a = args.takeFirst();
        if (!a.startsWith(QStringLiteral("--"))) {
            positional.append(a);
            continue;
        }
        if (args.isEmpty() || args.first().isEmpty() ||
            args.first().startsWith(QStringLiteral("--")))
            return QStringLiteral("%1 需要参数。%2").arg(a, kUsage);
        const QString value = args.takeFirst();
        if (a == QStringLiteral("--pdf")) {
            o.pdf = value;
        } else if (a == QStringLiteral("--printer")) {
            o.printer = value;
        } else if (a == QStringLiteral("--config")) {
            o.configDir = value;
        } else if (a == QStringLiteral("--as")) {
            o.as = value;
        } else if (a == QStringLiteral("--format")) {
            const auto format = documents::pageFormatFromKey(value);
            if (!format)
                return QStringLiteral("未知的版式 %1（a4 或 80mm）").arg(value);
            o.format = *format;
        } else if (a == QStringLiteral("--copies")) {
            bool ok = false;
            o.copies = value.toInt(&ok);
            if (!ok || o.copies < 1 || o.copies > 99)
                return QStringLiteral("--copies 需要 1–99 的整数");
        } else {
            return QStringLiteral("未知选项 %1。%2").arg(a, kUsage);
        }
    }
    if (positional.size() != 2)
        return kUsage;
    const auto kind = core::documentKindFromKey(positional.first());
    if (kind && core::isMatterLetter(*kind))
        return QStringLiteral("%1是一件事的文书，请用 matter print receipt|notice 一件事编号 出具")
            .arg(core::documentKindName(*kind));
    if (!kind)
        return QStringLiteral("未知的文书种类 %1。%2").arg(positional.first(), kUsage);
    o.kind = *kind;
    o.caseNumber = positional.at(1);
    if (o.pdf.isEmpty() && o.printer.isEmpty())
        return QStringLiteral("请用 --pdf 指定输出文件或用 --printer 指定打印机。%1").arg(kUsage);
    if (!documents::hasFormat(o.kind, o.format))
        return QStringLiteral("%1没有 80mm 版式（80mm 只用于 receipt、acceptance、ready、"
                              "disclosure_reply）")
            .arg(core::documentKindName(o.kind));
    return {};
}

} // namespace

bool isPrintCommand(int argc, char** argv)
{
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--store") == 0) {
            ++i;
            continue;
        }
        if (std::strncmp(argv[i], "--", 2) == 0)
            continue;
        return std::strcmp(argv[i], "print") == 0;
    }
    return false;
}

int runPrintCommand(CtlContext& ctx)
{
    PrintOptions o;
    if (const QString problem = parse(ctx.args(), o); !problem.isEmpty())
        return ctx.usageError(problem);

    if (!o.pdf.isEmpty() && ctx.isStoreOutput(o.pdf))
        return ExitUsage;
    if (!ctx.mayWrite())
        return ExitUsage;
    auto store = ctx.store();
    if (!store)
        return ctx.failed(store.error());
    auto config = store::HallConfigRepository(**store).loadOrDefaults();
    if (!config)
        return ctx.failed(config.error());
    auto actor = printActor(**store, o.as);
    if (!actor) {
        if (actor.error().code == QLatin1String("print.actor_required"))
            return ctx.usageError(actor.error().message);
        return ctx.failed(actor.error());
    }
    ctx.tick();
    store::CaseStore cases(**store, *config);
    auto caseId = cases.caseIdByNumber(o.caseNumber);
    if (!caseId)
        return ctx.failed(caseId.error());

    documents::HallProfileLoad hall = documents::loadHallProfile(o.configDir);
    if (hall.profile.name == documents::defaultHallProfile().name && !config->hallName.isEmpty())
        hall.profile.name = config->hallName; // named at first-start setup
    for (const core::Error& w : hall.warnings)
        ctx.err() << "onewindowctl: " << w.message << " [" << w.code << "]" << Qt::endl;
    cases.setOfficeDocPrefixes(documents::officeDocPrefixes(hall.profile)); // offices' 文号
    QHash<QString, QString> staff;
    if (auto users = store::UserRepository(**store).users())
        for (const store::User& u : *users)
            staff.insert(u.userId, u.displayName);

    std::unique_ptr<QPrinter> printer;
    if (!o.printer.isEmpty()) {
        if (QPrinterInfo::printerInfo(o.printer).isNull())
            return ctx.failed({QStringLiteral("print.no_printer"),
                               QStringLiteral("没有名为 %1 的打印机（lpstat -p 列出可用打印机）")
                                   .arg(o.printer)});
        printer = std::make_unique<QPrinter>(QPrinterInfo::printerInfo(o.printer),
                                             QPrinter::HighResolution);
    }

    const QDate today = cases.settings().today(ctx.clock());
    QString title;
    auto ticket = cases.recordPrint(
        *caseId, o.kind, o.copies, *actor,
        [&](const store::CaseStore::PrintTicket& t) -> core::Status {
            documents::DocumentRequest request{o.kind,       o.format, t.events,  t.context,
                                               t.source,     t.number, t.reprint, today,
                                               hall.profile, staff};
            if (o.kind == core::DocumentKind::Refusal) // its competent office is checked
                if (auto items = store::CatalogRepository(**store).currentItems())
                    for (const core::ItemVersion& v : *items)
                        request.catalog.append(v.item);
            auto document = documents::buildDocument(request);
            if (!document)
                return document.error();
            for (const core::Error& w : document->warnings())
                ctx.err() << "onewindowctl: " << w.message << " [" << w.code << "]" << Qt::endl;
            title = document->title();
            if (!o.pdf.isEmpty())
                if (core::Status s = documents::writePdf(*document, o.pdf); !s)
                    return s;
            if (printer)
                return documents::printDocument(*document, *printer, o.copies);
            return {};
        },
        documents::pageFormatKey(o.format));
    if (!ticket)
        return ctx.failed(ticket.error());
    QStringList targets;
    if (!o.pdf.isEmpty())
        targets.append(o.pdf);
    if (!o.printer.isEmpty())
        targets.append(QStringLiteral("打印机 %1").arg(o.printer));
    ctx.out() << QStringLiteral("已出具%1 %2%3 → %4")
                     .arg(title, ticket->number,
                          ticket->reprint ? QStringLiteral("（补打）") : QString(),
                          targets.join(QStringLiteral("、")))
              << Qt::endl;
    return ExitOk;
}

} // namespace onewindow::ctl

#include "ctl/CatalogCommands.h"

#include "core/CatalogJson.h"
#include "core/CatalogSearch.h"
#include "core/ItemGuide.h"
#include "input/InputFile.h"
#include "store/CatalogRepository.h"
#include "store/MatterRepository.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSaveFile>

namespace onewindow::ctl {

namespace {

int importCatalog(CtlContext& ctx, const QStringList& args)
{
    if (args.size() != 1)
        return ctx.usageError(QStringLiteral("用法：catalog import FILE"));
    auto bytes = input::readInputFile(args.first(), core::InputKind::Catalog);
    if (!bytes)
        return ctx.failed(bytes.error());
    const QString name = QFileInfo(args.first()).fileName();
    const core::CatalogParse parsed = core::parseCatalog(*bytes, name);
    if (!parsed.ok()) {
        for (const core::Error& e : parsed.errors)
            ctx.err() << "onewindowctl: " << e.message << " [" << e.code << "]" << Qt::endl;
        ctx.err() << QStringLiteral("onewindowctl: %1 有 %2 处错误，未导入任何事项，已存目录未改动")
                         .arg(name)
                         .arg(parsed.errors.size())
                  << Qt::endl;
        return ExitFailed;
    }
    if (!ctx.mayWrite())
        return ExitUsage;
    ctx.mayCreateStore(); // setting up a standalone hall's store starts with its catalog
    auto store = ctx.store();
    if (!store)
        return ctx.failed(store.error());
    ctx.tick();
    auto summary = store::CatalogRepository(**store).importCatalog(
        parsed.items, parsed.matters, QStringLiteral("导入 %1").arg(name));
    if (!summary)
        return ctx.failed(summary.error());
    ctx.out() << QStringLiteral(
                     "已导入事项目录 %1：新增 %2 项，更新 %3 项（各生成新版本），未变 %4 项")
                     .arg(name)
                     .arg(summary->added)
                     .arg(summary->changed)
                     .arg(summary->unchanged)
              << Qt::endl;
    if (!parsed.matters.isEmpty())
        ctx.out() << QStringLiteral("一件事：新增 %1 件，更新 %2 件，未变 %3 件")
                         .arg(summary->mattersAdded)
                         .arg(summary->mattersChanged)
                         .arg(summary->mattersUnchanged)
                  << Qt::endl;
    return ExitOk;
}

int exportCatalog(CtlContext& ctx, const QStringList& args)
{
    if (args.size() != 1)
        return ctx.usageError(QStringLiteral("用法：catalog export FILE"));
    if (ctx.isStoreOutput(args.first()))
        return ExitUsage;
    auto store = ctx.store();
    if (!store)
        return ctx.failed(store.error());
    auto versions = store::CatalogRepository(**store).currentItems();
    if (!versions)
        return ctx.failed(versions.error());
    QList<core::ServiceItem> items;
    for (const core::ItemVersion& v : *versions)
        items.append(v.item);
    auto matterVersions = store::MatterRepository(**store).currentMatters();
    if (!matterVersions)
        return ctx.failed(matterVersions.error());
    QList<core::Matter> matters;
    for (const core::MatterVersion& v : *matterVersions)
        matters.append(v.matter);
    // Written whole or not at all: an interrupted export never leaves half a file.
    QSaveFile out(args.first());
    if (!out.open(QIODevice::WriteOnly) || out.write(core::catalogToJson(items, matters)) < 0 ||
        !out.commit())
        return ctx.failed(
            {QStringLiteral("catalog.cannot_write"),
             QStringLiteral("%1：无法写入（%2）").arg(args.first(), out.errorString())});
    ctx.out() << QStringLiteral("已导出 %1 个事项到 %2").arg(items.size()).arg(args.first())
              << Qt::endl;
    return ExitOk;
}

int listCatalog(CtlContext& ctx, QStringList args)
{
    QString query;
    if (!args.isEmpty() && args.first() == QStringLiteral("--search")) {
        if (args.size() < 2)
            return ctx.usageError(QStringLiteral("--search 需要检索词"));
        query = args.mid(1).join(QLatin1Char(' '));
        args.clear();
    }
    if (!args.isEmpty())
        return ctx.usageError(QStringLiteral("用法：catalog list [--search TEXT]"));
    auto store = ctx.store();
    if (!store)
        return ctx.failed(store.error());
    auto entries = store::CatalogRepository(**store).entries();
    if (!entries)
        return ctx.failed(entries.error());
    core::CatalogSearch search;
    search.setEntries(*entries);
    const QList<int> hits = search.search(query, static_cast<int>(entries->size()));
    for (int i : hits) {
        const core::CatalogEntry& e = search.entries().at(i);
        const QString limit = e.profile == core::ProcedureProfile::SameDay
                                  ? QStringLiteral("即办")
                                  : QStringLiteral("承诺%1日").arg(e.promisedDays);
        ctx.out() << QStringLiteral("%1  %2  [%3 · %4 · 第%5版]")
                         .arg(e.code, e.name, e.department, limit)
                         .arg(e.version)
                  << Qt::endl;
    }
    ctx.err() << QStringLiteral("共 %1 项").arg(hits.size()) << Qt::endl;
    return ExitOk;
}

int showItem(CtlContext& ctx, QStringList args)
{
    const bool json = args.removeAll(QStringLiteral("--json")) > 0;
    int version = 0;
    const qsizetype at = args.indexOf(QStringLiteral("--version"));
    if (at >= 0) {
        bool ok = false;
        version = at + 1 < args.size() ? args.at(at + 1).toInt(&ok) : 0;
        if (!ok || version < 1)
            return ctx.usageError(QStringLiteral("--version 需要正整数版本号"));
        args.remove(at, 2);
    }
    if (args.size() != 1 || args.first().startsWith(QStringLiteral("--")))
        return ctx.usageError(QStringLiteral("用法：catalog show CODE [--json] [--version N]"));
    auto store = ctx.store();
    if (!store)
        return ctx.failed(store.error());
    store::CatalogRepository repo(**store);
    auto item =
        version > 0 ? repo.itemVersion(args.first(), version) : repo.currentItem(args.first());
    if (!item)
        return ctx.failed(item.error());
    if (json) {
        ctx.out() << QString::fromUtf8(
            QJsonDocument(core::itemToJson(item->item)).toJson(QJsonDocument::Indented));
        return ExitOk;
    }
    ctx.out() << core::itemGuideText(item->item) << Qt::endl;
    auto history = repo.history(args.first());
    if (history) {
        ctx.out() << QStringLiteral("版本（当前显示第 %1 版）：").arg(item->version) << Qt::endl;
        for (const core::ItemVersion& v : *history)
            ctx.out()
                << QStringLiteral("  第 %1 版  %2  %3").arg(v.version).arg(v.createdAtUtc, v.note)
                << Qt::endl;
    }
    return ExitOk;
}

} // namespace

int runCatalogCommand(CtlContext& ctx)
{
    const QStringList& args = ctx.args();
    if (args.isEmpty())
        return ctx.usageError(QStringLiteral("catalog 需要子命令：import、export、list、show"));
    const QString sub = args.first();
    if (sub == QStringLiteral("import"))
        return importCatalog(ctx, args.mid(1));
    if (sub == QStringLiteral("export"))
        return exportCatalog(ctx, args.mid(1));
    if (sub == QStringLiteral("list"))
        return listCatalog(ctx, args.mid(1));
    if (sub == QStringLiteral("show"))
        return showItem(ctx, args.mid(1));
    return ctx.usageError(
        QStringLiteral("未知的 catalog 子命令：%1（可用：import、export、list、show）").arg(sub));
}

} // namespace onewindow::ctl

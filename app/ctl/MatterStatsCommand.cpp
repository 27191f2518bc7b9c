// stats --matters --from DATE --to DATE [--format text|json]: the figures of matters (一件事一次办,
// issue 20; core/MatterFigures.h): received, finished, finished within the matter's promise, the
// rate and the average working days, for the hall, by matter and by department.
#include "ctl/StatsCommands.h"

#include "core/DateText.h"
#include "core/MatterFigures.h"
#include "exporting/ExportTables.h"
#include "store/MatterCases.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace onewindow::ctl {

namespace {

const char* const kUsage = "用法：stats --matters --from DATE --to DATE [--format text|json]";

QJsonObject setJson(const core::MatterFigureSet& f)
{
    const auto number = [](const std::optional<double>& v) {
        return v ? QJsonValue(*v) : QJsonValue(QJsonValue::Null);
    };
    return QJsonObject{{QStringLiteral("received"), f.received},
                       {QStringLiteral("finished"), f.finished},
                       {QStringLiteral("finished_on_time"), f.finishedOnTime},
                       {QStringLiteral("on_time_rate"), number(f.onTimeRate())},
                       {QStringLiteral("average_days"), number(f.averageDays())}};
}

QJsonArray rowsJson(const QList<core::MatterFigureRow>& rows)
{
    QJsonArray out;
    for (const core::MatterFigureRow& r : rows)
        out.append(QJsonObject{{QStringLiteral("key"), r.key},
                               {QStringLiteral("label"), r.label},
                               {QStringLiteral("figures"), setJson(r.figures)}});
    return out;
}

} // namespace

QJsonObject matterTableJson(const core::MatterFigureTable& table)
{
    return QJsonObject{{QStringLiteral("total"), setJson(table.total)},
                       {QStringLiteral("matters"), rowsJson(table.byMatter)},
                       {QStringLiteral("departments"), rowsJson(table.byDepartment)}};
}

bool isMatterStatsCommand(const QStringList& args)
{
    return args.contains(QStringLiteral("--matters"));
}

int runMatterStatsCommand(CtlContext& ctx)
{
    QStringList args = ctx.args();
    args.removeAll(QStringLiteral("--matters"));
    QString fromText, toText, format = QStringLiteral("text");
    while (!args.isEmpty()) {
        const QString option = args.takeFirst();
        if (args.isEmpty())
            return ctx.usageError(
                QStringLiteral("%1 需要一个值。%2").arg(option, QString::fromUtf8(kUsage)));
        const QString value = args.takeFirst();
        if (option == QStringLiteral("--from"))
            fromText = value;
        else if (option == QStringLiteral("--to"))
            toText = value;
        else if (option == QStringLiteral("--format") &&
                 (value == QStringLiteral("text") || value == QStringLiteral("json")))
            format = value;
        else
            return ctx.usageError(QString::fromUtf8(kUsage));
    }
    const QDate from = core::parseIsoDate(fromText), to = core::parseIsoDate(toText);
    if (!from.isValid() || !to.isValid() || to < from)
        return ctx.usageError(QStringLiteral("请用 --from 和 --to 给出统计的起止日期（如 --from "
                                             "2026-01-01 --to 2026-12-31，开始不晚于结束）"));
    auto cases = ctx.caseStore();
    if (!cases)
        return ctx.failed(cases.error());
    auto table = store::matterFigures(**cases, from, to, ctx.today());
    if (!table)
        return ctx.failed(table.error());
    if (format == QStringLiteral("json")) {
        QJsonObject o = matterTableJson(*table);
        o.insert(QStringLiteral("from"), from.toString(Qt::ISODate));
        o.insert(QStringLiteral("to"), to.toString(Qt::ISODate));
        ctx.out() << QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Indented));
        return ExitOk;
    }
    printMatterText(ctx.out(), *table, from, to);
    return ExitOk;
}

void printMatterText(QTextStream& out, const core::MatterFigureTable& table, const QDate& from,
                     const QDate& to)
{
    const exporting::MatterFigureSource source(table);
    out << QStringLiteral("%1 %2 至 %3\n")
               .arg(source.title(), core::chineseDate(from), core::chineseDate(to));
    printTableText(out, source);
    out << QStringLiteral("（一件事计入其每个办件所属部门，各部门之和不等于合计）\n");
}

} // namespace onewindow::ctl

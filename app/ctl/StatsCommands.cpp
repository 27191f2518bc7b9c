#include "ctl/StatsCommands.h"

#include "core/DateText.h"
#include "documents/FigureReport.h"
#include "documents/HallProfile.h"
#include "exporting/ExportTables.h"
#include "store/MatterCases.h"
#include "store/StatsQueries.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstring>
#include <strings.h>

namespace onewindow::ctl {

namespace {

const char* const kStatsUsage =
    "用法：stats --from DATE --to DATE [--period day|week|month|quarter|year] "
    "[--by window|clerk|department|item] [--format text|csv|xlsx|json|pdf] [--out FILE] "
    "[--report daily|weekly|monthly] | stats --report disclosure-annual --year YYYY | "
    "stats --matters --from DATE --to DATE [--format text|json]";

QJsonValue number(const std::optional<double>& v)
{
    return v ? QJsonValue(*v) : QJsonValue(QJsonValue::Null);
}

QJsonObject figuresJson(const core::FigureSet& f)
{
    QJsonObject o;
    for (const core::FigureColumn& c : core::figureColumns()) {
        const std::optional<double> v = core::figureNumber(f, c.key);
        const bool count =
            !c.key.endsWith(QStringLiteral("_rate")) && c.key != QStringLiteral("average_days");
        o.insert(c.key, count && v ? QJsonValue(static_cast<qint64>(*v)) : number(v));
    }
    return o;
}

QJsonObject rowJson(const core::FigureTable& t, const core::FigureRow& r)
{
    QJsonObject o{{QStringLiteral("period"), core::periodLabel(t.kind, r.period)},
                  {QStringLiteral("from"), r.period.first.toString(Qt::ISODate)},
                  {QStringLiteral("to"), r.period.last.toString(Qt::ISODate)},
                  {QStringLiteral("figures"), figuresJson(r.figures)}};
    if (t.groupBy != core::GroupBy::None) {
        o.insert(QStringLiteral("key"), r.key);
        o.insert(QStringLiteral("label"), r.label);
    }
    return o;
}

QJsonObject tableJson(const core::FigureTable& t)
{
    QJsonArray rows, periods, groups;
    for (const core::FigureRow& r : t.rows)
        rows.append(rowJson(t, r));
    for (const core::FigureRow& r : t.periodTotals)
        periods.append(rowJson(t, r));
    for (const core::FigureRow& r : t.groupTotals)
        groups.append(rowJson(t, r));
    QJsonObject o{{QStringLiteral("from"), t.from.toString(Qt::ISODate)},
                  {QStringLiteral("to"), t.to.toString(Qt::ISODate)},
                  {QStringLiteral("asOf"), t.asOf.toString(Qt::ISODate)},
                  {QStringLiteral("period"), core::periodKindKey(t.kind)},
                  {QStringLiteral("by"), core::groupByKey(t.groupBy)},
                  {QStringLiteral("rows"), rows},
                  {QStringLiteral("periods"), periods},
                  {QStringLiteral("total"), figuresJson(t.total)}};
    if (t.groupBy != core::GroupBy::None)
        o.insert(QStringLiteral("groups"), groups);
    return o;
}

// A plain text table: one line per row, columns separated by two spaces.
} // namespace

void printTableText(QTextStream& out, const exporting::TableSource& source)
{
    out << source.headers().join(QStringLiteral("  ")) << '\n';
    for (qint64 r = 0; r < source.rowCount(); ++r) {
        QStringList cells;
        for (int c = 0; c < source.headers().size(); ++c) {
            const QVariant v = source.cell(r, c);
            cells.append(v.isNull() ? QStringLiteral("—") : v.toString());
        }
        out << cells.join(QStringLiteral("  ")) << '\n';
    }
}

bool isStatsPdfCommand(int argc, char** argv)
{
    bool stats = false;
    for (int i = 1; i < argc; ++i) {
        if (!stats) {
            if (std::strcmp(argv[i], "--store") == 0) {
                ++i;
                continue;
            }
            if (std::strncmp(argv[i], "--", 2) == 0)
                continue;
            if (std::strcmp(argv[i], "stats") != 0)
                return false;
            stats = true;
            continue;
        }
        const std::size_t n = std::strlen(argv[i]);
        if (std::strcmp(argv[i], "--report") == 0 && i + 1 < argc &&
            std::strcmp(argv[i + 1], "disclosure-annual") == 0) {
            ++i; // the annual table paints only as --format pdf or an --out X.pdf
            continue;
        }
        if (std::strcmp(argv[i], "pdf") == 0 || std::strcmp(argv[i], "--report") == 0 ||
            (n > 4 && strcasecmp(argv[i] + n - 4, ".pdf") == 0)) // x.PDF too

            return true;
    }
    return false;
}

int runStatsCommand(CtlContext& ctx)
{
    if (isDisclosureAnnualCommand(ctx.args()))
        return runDisclosureAnnualCommand(ctx);
    if (isMatterStatsCommand(ctx.args()))
        return runMatterStatsCommand(ctx);
    QStringList args = ctx.args();
    store::FigureQuery query;
    QString fromText, toText, format, out, reportKey;
    query.kind = core::PeriodKind::Month;
    while (!args.isEmpty()) {
        const QString option = args.takeFirst();
        if (args.isEmpty() || args.first().startsWith(QStringLiteral("--")))
            return ctx.usageError(option.startsWith(QStringLiteral("--"))
                                      ? QStringLiteral("%1 需要一个值。%2")
                                            .arg(option, QString::fromUtf8(kStatsUsage))
                                      : QString::fromUtf8(kStatsUsage));
        const QString value = args.takeFirst();
        if (option == QStringLiteral("--from")) {
            fromText = value;
        } else if (option == QStringLiteral("--to")) {
            toText = value;
        } else if (option == QStringLiteral("--period")) {
            const auto kind = core::periodKindFromKey(value);
            if (!kind)
                return ctx.usageError(
                    QStringLiteral("未知的统计周期 %1（day、week、month、quarter 或 year）")
                        .arg(value));
            query.kind = *kind;
        } else if (option == QStringLiteral("--by")) {
            const auto by = core::groupByFromKey(value);
            if (!by || value.isEmpty())
                return ctx.usageError(
                    QStringLiteral("未知的分组 %1（window、clerk、department 或 item）")
                        .arg(value));
            query.groupBy = *by;
        } else if (option == QStringLiteral("--format")) {
            static const QStringList formats{QStringLiteral("text"), QStringLiteral("csv"),
                                             QStringLiteral("xlsx"), QStringLiteral("json"),
                                             QStringLiteral("pdf")};
            if (!formats.contains(value))
                return ctx.usageError(
                    QStringLiteral("未知的输出格式 %1（text、csv、xlsx、json 或 pdf）").arg(value));
            format = value;
        } else if (option == QStringLiteral("--out")) {
            out = value;
        } else if (option == QStringLiteral("--report")) {
            if (!documents::reportKindFromKey(value))
                return ctx.usageError(
                    QStringLiteral("未知的报表 %1（daily 日统计、weekly 周通报、monthly 月汇总）")
                        .arg(value));
            reportKey = value;
        } else {
            return ctx.usageError(QString::fromUtf8(kStatsUsage));
        }
    }
    if (fromText.isEmpty() || toText.isEmpty())
        return ctx.usageError(QStringLiteral("请用 --from 和 --to 给出统计的起止日期（如 "
                                             "--from 2026-01-01 --to 2026-12-31）"));
    query.from = core::parseIsoDate(fromText);
    query.to = core::parseIsoDate(toText);
    if (!query.from.isValid())
        return ctx.usageError(
            QStringLiteral("开始日期 %1 无效，请按 2026-11-22 的格式填写").arg(fromText));
    if (!query.to.isValid())
        return ctx.usageError(
            QStringLiteral("结束日期 %1 无效，请按 2026-11-22 的格式填写").arg(toText));
    if (format.isEmpty())
        format = out.isEmpty() ? QStringLiteral("text") : QFileInfo(out).suffix().toLower();
    if (!reportKey.isEmpty())
        format = QStringLiteral("pdf");
    if ((format == QStringLiteral("xlsx") || format == QStringLiteral("pdf")) && out.isEmpty())
        return ctx.usageError(QStringLiteral("%1 格式需要用 --out 指定输出文件").arg(format));
    if (!QStringList{QStringLiteral("text"), QStringLiteral("csv"), QStringLiteral("xlsx"),
                     QStringLiteral("json"), QStringLiteral("pdf")}
             .contains(format))
        return ctx.usageError(
            QStringLiteral("无法从文件名 %1 判断输出格式，请用 --format 指定").arg(out));

    if (!out.isEmpty() && ctx.isStoreOutput(out))
        return ExitUsage;
    query.asOf = ctx.today();
    if (core::Status s = store::StatsQueries::check(query); !s)
        return ctx.usageError(s.error().message);
    auto opened = ctx.store();
    if (!opened)
        return ctx.failed(opened.error());
    store::StatsQueries stats(**opened);
    if (format == QStringLiteral("pdf") && query.groupBy == core::GroupBy::None)
        query.groupBy = core::GroupBy::Department; // a report lists the departments
    auto table = stats.figures(query);
    if (!table)
        return ctx.failed(table.error());
    // 一件事一次办 of the same range, as `stats --matters` counts them, beside the cases' figures
    // in every format, the text after the cases' table.
    auto cases = ctx.caseStore();
    if (!cases)
        return ctx.failed(cases.error());
    auto matters = store::matterFigures(**cases, query.from, query.to, query.asOf);
    if (!matters)
        return ctx.failed(matters.error());
    const exporting::MatterFigureSource matterSource(*matters);

    if (format == QStringLiteral("json")) {
        QJsonObject o = tableJson(*table);
        o.insert(QStringLiteral("matters"), matterTableJson(*matters));
        const QByteArray json = QJsonDocument(o).toJson(QJsonDocument::Indented);
        if (out.isEmpty()) {
            ctx.out() << QString::fromUtf8(json);
            return ExitOk;
        }
        QFile file(out);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
            file.write(json) != json.size())
            return ctx.failed(core::Error{QStringLiteral("stats.write"),
                                          QStringLiteral("无法写入文件 %1").arg(out)});
        return ExitOk;
    }
    exporting::FigureTableSource source(*table);
    if (format == QStringLiteral("text")) {
        printTableText(ctx.out(), source);
        ctx.out() << '\n';
        printMatterText(ctx.out(), *matters, query.from, query.to);
        return ExitOk;
    }
    if (format == QStringLiteral("csv") && out.isEmpty()) {
        // To standard output: no byte-order mark, the text as it is.
        ctx.out().flush();
        QFile file;
        if (!file.open(stdout, QIODevice::WriteOnly))
            return ctx.failed(
                core::Error{QStringLiteral("stats.write"), QStringLiteral("无法输出")});
        QStringList lines;
        for (const exporting::TableSource* t :
             QList<const exporting::TableSource*>{&source, &matterSource}) {
            if (!lines.isEmpty()) // as in the file: a blank line, the next table's title
                lines << QString() << t->title();
            lines.append(t->headers().join(QLatin1Char(',')));
            for (qint64 r = 0; r < t->rowCount(); ++r) {
                QStringList cells;
                for (int c = 0; c < t->headers().size(); ++c)
                    cells.append(t->cell(r, c).toString());
                lines.append(cells.join(QLatin1Char(',')));
            }
        }
        file.write((lines.join(QLatin1Char('\n')) + QLatin1Char('\n')).toUtf8());
        return ExitOk;
    }
    core::Status written;
    if (format == QStringLiteral("csv")) {
        written = exporting::writeCsv({&source, &matterSource}, out);
    } else if (format == QStringLiteral("xlsx")) {
        written = exporting::writeXlsx({&source, &matterSource}, out);
    } else {
        documents::FigureReport report;
        const auto kind = documents::reportKindFromKey(reportKey);
        report.kind =
            kind ? *kind
                 : (query.kind == core::PeriodKind::Day    ? documents::ReportKind::Daily
                    : query.kind == core::PeriodKind::Week ? documents::ReportKind::Weekly
                                                           : documents::ReportKind::Monthly);
        report.hallName = documents::loadHallProfile(documents::defaultConfigDir()).profile.name;
        report.table = *table;
        report.issuedOn = query.asOf;
        auto overdue = stats.overdueNow(query.asOf);
        if (!overdue)
            return ctx.failed(overdue.error());
        report.overdueInHall = *overdue;
        report.matters = *matters;
        written = documents::writeFigureReportPdf(report, out);
    }
    if (!written)
        return ctx.failed(written.error());
    ctx.out() << QStringLiteral("已写入 %1\n").arg(out);
    return ExitOk;
}

} // namespace onewindow::ctl

// stats --report disclosure-annual --year YYYY [--format text|csv|xlsx] [--out FILE]: the annual
// report's table 三 (政府信息公开条例 Art. 50; 国办公开办函〔2021〕30号), counted from the events.
#include "ctl/StatsCommands.h"

#include "documents/DisclosureAnnualReport.h"
#include "documents/HallProfile.h"
#include "exporting/DisclosureAnnualExport.h"
#include "store/DisclosureQueries.h"

#include <QFileInfo>

namespace onewindow::ctl {

namespace {

const char* const kUsage = "用法：stats --report disclosure-annual --year YYYY "
                           "[--format text|csv|xlsx|pdf] [--out FILE]";

void printTable(QTextStream& out, const core::AnnualTable& t)
{
    const exporting::DisclosureAnnualSource source(t);
    out << QStringLiteral("%1年政府信息公开工作年度报告 表三 收到和处理政府信息公开申请情况\n")
               .arg(t.year);
    QStringList head = source.headers().mid(3);
    out << QStringLiteral("项目") << "  " << head.join(QStringLiteral("  ")) << '\n';
    for (qint64 r = 0; r < source.rowCount(); ++r) {
        QStringList cells;
        for (int c = 3; c < source.headers().size(); ++c)
            cells.append(source.cell(r, c).toString());
        out << source.rowLabel(r) << "  " << cells.join(QStringLiteral("  ")) << '\n';
    }
    out << exporting::annualBalanceText(t) << '\n';
}

} // namespace

bool isDisclosureAnnualCommand(const QStringList& args)
{
    const int i = static_cast<int>(args.indexOf(QStringLiteral("--report")));
    return i >= 0 && i + 1 < args.size() && args.at(i + 1) == QStringLiteral("disclosure-annual");
}

int runDisclosureAnnualCommand(CtlContext& ctx)
{
    QStringList args = ctx.args();
    QString yearText, format, out;
    while (!args.isEmpty()) {
        const QString option = args.takeFirst();
        if (args.isEmpty())
            return ctx.usageError(
                QStringLiteral("%1 需要一个值。%2").arg(option, QString::fromUtf8(kUsage)));
        const QString value = args.takeFirst();
        if (option == QStringLiteral("--report"))
            continue;
        if (option == QStringLiteral("--year"))
            yearText = value;
        else if (option == QStringLiteral("--format"))
            format = value;
        else if (option == QStringLiteral("--out"))
            out = value;
        else
            return ctx.usageError(QString::fromUtf8(kUsage));
    }
    bool ok = false;
    const int year = yearText.toInt(&ok);
    if (!ok || year < 2000 || year > 2099)
        return ctx.usageError(
            QStringLiteral("请用 --year 给出报告年度（2000 至 2099，如 --year 2026）"));
    if (format.isEmpty())
        format = out.isEmpty() ? QStringLiteral("text") : QFileInfo(out).suffix().toLower();
    if (!QStringList{QStringLiteral("text"), QStringLiteral("csv"), QStringLiteral("xlsx"),
                     QStringLiteral("pdf")}
             .contains(format))
        return ctx.usageError(
            QStringLiteral("年度报告表格的输出格式为 text、csv、xlsx 或 pdf，不是 %1").arg(format));
    if ((format == QStringLiteral("xlsx") || format == QStringLiteral("pdf")) && out.isEmpty())
        return ctx.usageError(QStringLiteral("%1 格式需要用 --out 指定输出文件").arg(format));
    if (!out.isEmpty() && ctx.isStoreOutput(out))
        return ExitUsage;
    auto cases = ctx.caseStore();
    if (!cases)
        return ctx.failed(cases.error());
    auto table = store::DisclosureQueries(**cases).annualTable(year);
    if (!table)
        return ctx.failed(table.error());
    if (format == QStringLiteral("text") || out.isEmpty()) {
        printTable(ctx.out(), *table);
        return ExitOk;
    }
    const exporting::DisclosureAnnualSource source(*table);
    core::Status written;
    if (format == QStringLiteral("pdf"))
        written = documents::writeDisclosureAnnualPdf(
            *table, documents::loadHallProfile(documents::defaultConfigDir()).profile.name, out);
    else if (format == QStringLiteral("csv"))
        written = exporting::writeCsv(source, out);
    else
        written = exporting::writeXlsx({&source}, out);
    if (!written)
        return ctx.failed(written.error());
    ctx.out() << QStringLiteral("已写入 %1\n").arg(out);
    return ExitOk;
}

} // namespace onewindow::ctl

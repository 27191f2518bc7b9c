// onewindowctl: command-line tool for administrators and scripts.
#include "ctl/CalendarCommands.h"
#include "ctl/CaseCommands.h"
#include "ctl/CatalogCommands.h"
#include "ctl/CtlContext.h"
#include "ctl/DeadlineCommands.h"
#include "ctl/DemoCommands.h"
#include "ctl/InquiryCommands.h"
#include "ctl/MatterCommands.h"
#include "ctl/PrintCommands.h"
#include "ctl/StatsCommands.h"
#include "ctl/SyncCommands.h"
#include "store/Store.h"
#include "version/Version.h"

#include <QCoreApplication>
#include <QGuiApplication>

#include <cstdio>
#include <memory>

using namespace onewindow;

namespace {

const char* const kUsage =
    "用法：onewindowctl [--store PATH] COMMAND ...\n"
    "\n"
    "命令：\n"
    "  calendar import FILE...     导入国务院办公厅节假日通知（holiday-cn JSON），全部成功才保存\n"
    "  calendar show YEAR          显示某年的放假日、调休上班日及来源（正式或临时）\n"
    "  deadline FROM N [--explain] FROM 之后第 N 个工作日（起算日不计）；--explain 列出逐日计算\n"
    "  deadline --batch            从标准输入逐行读取“FROM N”，逐行输出结果\n"
    "  catalog import FILE         导入事项目录（格式见 "
    "resources/catalog/FORMAT.md），全部有效才保存\n"
    "  catalog export FILE         导出当前事项目录（同一格式）\n"
    "  catalog list [--search T]   列出事项；按名称片段、实施编码或拼音首字母（如 bdc）检索\n"
    "  catalog show CODE [--json] [--version N]  办事指南及版本历史\n"
    "  case list [--state S] [--overdue] [--limit N] [--json]  "
    "在办件（红牌、黄牌在前）或按状态列出\n"
    "  case show CASE_NO [--json]  办件状态及各项时限（届满日、预警、临时日历）\n"
    "  case timeline CASE_NO       办件全过程记录（大厅服务器认为时间存疑的记录标 ⚠ 并注明原因）\n"
    "  case act CASE_NO ACTION --as 登录名 [--字段 值]...  办理窗口提供的任一操作（如 accepted、"
    "decided --outcome granted），检查与窗口相同\n"
    "  case act CASE_NO recall_closed --as 登录名 --number 文书编号 --outcome "
    "recovered|unrecoverable [--note 说明]  作废文书追回办结（大厅主管；无法追回须写明原因）\n"
    "  store check                 完整性检查，并核对索引与办件记录重算结果（不一致时退出状态 1）\n"
    "  store rebuild               由办件记录重建全部索引\n"
    "  store tick                  记录已到期的视为受理、视为放弃（供定时任务使用；"
    "每个写入命令也会先做这一步）\n"
    "  store backup DEST           备份数据文件（不覆盖已有文件）\n"
    "  store digest                本大厅数据摘要（与服务器 digest HALL "
    "相同算法；无待上传时应相等）\n"
    "  sync enrol URL CODE [--name N]  用登记码把新数据文件登记为大厅的一个窗口\n"
    "  sync now                    上传待上传记录并下载至最新（无待上传时退出状态 0）\n"
    "  sync status [--json]        同步状态：服务器、大厅序号、待上传、未生效、上次同步\n"
    "  sync flags [--json]         时间存疑的记录（大厅服务器标记）：大厅序号、办件编号、记录类型、"
    "窗口、记录时间、服务器收到时间、原因\n"
    "  sync find TEXT [--fetch]    "
    "在大厅服务器上按办件编号、证件号码、电话或姓名查找较早的办件；--fetch 取回本机\n"
    "  sync export-pending --out 文件  "
    "本机不能再上传时（已停止同步、已吊销），把待上传记录写成文件交管理员导入\n"
    "  inquiry add --as 登录名 --person 姓名 --question 问题 [--phone 电话] [--case 办件编号]\n"
    "              [--answer 答复] [--referred-to 引导至]  首问登记（须有答复或引导至）；给出 "
    "--case 时同时记入该办件的全过程记录\n"
    "  inquiry list [--case 办件编号] [--json]  本机当天的首问登记，或关于某办件的登记\n"
    "  matter show MATTER_NO        一件事的各项办件、办结情况和承诺时限\n"
    "  matter print receipt|notice MATTER_NO --pdf OUT.pdf  一件事受理回执或一次性告知书\n"
    "  print KIND CASE_NO --pdf OUT.pdf [--format a4|80mm] [--printer NAME] [--copies N] "
    "[--config DIR]\n"
    "                              出具文书：KIND 为 receipt 收件凭证、acceptance 受理通知书/回执、"
    "notice 一次性告知书、refusal 不予受理决定书、extension 延期告知书、suspension "
    "中止告知书、ready 出件通知/领取签收单、supervision 督办单；取得文书编号并记录打印"
    "（再次打印为补打，编号不变）；--printer 送往 CUPS 打印机；--config 为大厅配置目录"
    "（默认 ~/.config/onewindow，见 resources/documents/README.md）\n"
    "  stats --from DATE --to DATE [--period day|week|month|quarter|year] "
    "[--by window|clerk|department|item]\n"
    "        [--format text|csv|xlsx|json|pdf] [--out FILE] [--report daily|weekly|monthly]\n"
    "                              统计收件、受理、不予受理、一次性告知、办结、按期办结率、"
    "平均办理工作日、当前超期及好差评；csv/xlsx 导出，pdf 出具日统计、周通报或月汇总\n"
    "  demo seed --cases N [--seed S]  在新数据文件中生成演示大厅的 N "
    "件办件（同一种子、同一天结果相同）\n"
    "  demo work --actions N [--seed S]  本窗口按工作人员的方式随机办理 N "
    "次合法操作（收件及后续操作）\n"
    "\n"
    "选项：\n"
    "  --store PATH   数据文件（默认 ~/.local/share/onewindow/onewindow.sqlite）；不存在时由\n"
    "                 calendar import、catalog import、sync enrol 新建（demo seed "
    "只生成新文件），\n"
    "                 其他命令报错，不新建\n"
    "  --help         显示本说明\n"
    "  --version      显示版本及构建所用的提交\n"
    "\n"
    "退出状态：0 成功；1 操作失败（文件内容有误、数据文件错误）；2 用法或输入有误。\n";

} // namespace

int main(int argc, char** argv)
{
    // print paints pages and needs fonts: a headless QGuiApplication; everything else QtCore only.
    const bool painting = ctl::isPrintCommand(argc, argv) || ctl::isStatsPdfCommand(argc, argv) ||
                          ctl::isMatterPrintCommand(argc, argv);
    if (painting && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    const std::unique_ptr<QCoreApplication> app =
        painting ? std::make_unique<QGuiApplication>(argc, argv)
                 : std::make_unique<QCoreApplication>(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("onewindowctl"));
    QCoreApplication::setApplicationVersion(version::number());

    QStringList args = QCoreApplication::arguments().mid(1);
    QString storePath = store::Store::defaultPath();
    bool storeNamed = false;
    // Global options come before the command.
    while (!args.isEmpty() && args.first().startsWith(QStringLiteral("--"))) {
        const QString option = args.takeFirst();
        if (option == QStringLiteral("--help")) {
            std::fputs(kUsage, stdout);
            return ctl::ExitOk;
        }
        if (option == QStringLiteral("--version")) {
            // The version and the commit it was built from (issue 21).
            std::printf("%s\n", qPrintable(version::line(QStringLiteral("onewindowctl"))));
            return ctl::ExitOk;
        }
        if (option == QStringLiteral("--store")) {
            if (args.isEmpty() || args.first().isEmpty()) {
                std::fputs("onewindowctl: --store 需要数据文件路径\n", stderr);
                return ctl::ExitUsage;
            }
            storePath = args.takeFirst();
            storeNamed = true;
            continue;
        }
        if (option.startsWith(QStringLiteral("--store="))) {
            storePath = option.mid(8);
            storeNamed = true;
            continue;
        }
        std::fprintf(stderr, "onewindowctl: 未知选项 %s（见 --help）\n", qPrintable(option));
        return ctl::ExitUsage;
    }
    if (args.isEmpty()) {
        std::fputs("onewindowctl: 缺少命令（见 --help）\n", stderr);
        return ctl::ExitUsage;
    }
    const QString command = args.takeFirst();
    ctl::CtlContext ctx(storePath, args, storeNamed);
    if (command == QStringLiteral("calendar"))
        return ctl::runCalendarCommand(ctx);
    if (command == QStringLiteral("deadline"))
        return ctl::runDeadlineCommand(ctx);
    if (command == QStringLiteral("catalog"))
        return ctl::runCatalogCommand(ctx);
    if (command == QStringLiteral("demo"))
        return ctl::runDemoCommand(ctx);
    if (command == QStringLiteral("case"))
        return ctl::runCaseCommand(ctx);
    if (command == QStringLiteral("print"))
        return ctl::runPrintCommand(ctx);
    if (command == QStringLiteral("store"))
        return ctl::runStoreCommand(ctx);
    if (command == QStringLiteral("stats"))
        return ctl::runStatsCommand(ctx);
    if (command == QStringLiteral("sync"))
        return ctl::runSyncCommand(ctx);
    if (command == QStringLiteral("matter"))
        return ctl::runMatterCommand(ctx);
    if (command == QStringLiteral("inquiry"))
        return ctl::runInquiryCommand(ctx);
    return ctx.usageError(QStringLiteral("未知命令：%1（见 --help）").arg(command));
}

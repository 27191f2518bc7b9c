#include "ctl/SyncCommands.h"

#include "core/ClockOffset.h"
#include "core/DeviceRetirement.h"
#include "core/EventChecksum.h"
#include "core/PendingExport.h"
#include "core/SyncMessages.h"
#include "core/WorkingSet.h"
#include "store/ClockState.h"
#include "store/RejectedRecords.h"
#include "store/SyncRepository.h"
#include "sync/SyncClient.h"

#include <QFileInfo>
#include <QHostInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <limits>

namespace onewindow::ctl {

namespace {

int status(CtlContext& ctx, store::CaseStore& cases, bool json)
{
    store::SyncRepository repo(cases);
    auto state = repo.state();
    if (!state)
        return ctx.failed(state.error());
    if (!*state) {
        if (json)
            ctx.out() << R"({"enrolled":false})" << Qt::endl;
        else
            ctx.out() << core::sync::notEnrolled().message << Qt::endl;
        return ExitOk;
    }
    const store::SyncState& s = **state;
    auto pending = repo.pendingCount();
    if (!pending)
        return ctx.failed(pending.error());
    auto rejected = repo.rejectedOwn();
    if (!rejected)
        return ctx.failed(rejected.error());
    // Each own record the hall did not take, beside the one that stands (decision 3).
    const QTimeZone zone = ctx.hallSettings().zone;
    auto all = store::RejectedRecords(cases.store(), zone).all(1000);
    if (!all)
        return ctx.failed(all.error());
    QList<store::RejectedRecord> own;
    for (const store::RejectedRecord& r : *all)
        if (r.own)
            own.append(r);
    auto clock = store::loadClockState(cases.store());
    if (!clock)
        return ctx.failed(clock.error());
    const store::ClockState c = clock->value_or(store::ClockState{});
    if (json) {
        QJsonObject o{{QStringLiteral("enrolled"), true},
                      {QStringLiteral("server"), s.serverUrl},
                      {QStringLiteral("hall"), s.hallCode},
                      {QStringLiteral("window"), s.windowCode},
                      {QStringLiteral("role"), s.role},
                      {QStringLiteral("device_id"), s.deviceId},
                      {QStringLiteral("cursor"), s.cursor},
                      {QStringLiteral("pending"), *pending},
                      {QStringLiteral("rejected"), static_cast<int>(rejected->size())},
                      {QStringLiteral("last_sync"), s.lastSyncUtc},
                      {QStringLiteral("stopped"), s.stoppedCode},
                      {QStringLiteral("stopped_message"), s.stoppedMessage},
                      {QStringLiteral("retired_at"), s.retiredAtUtc},
                      {QStringLiteral("initial_sync"), s.initialSync}};
        // Decision 11: a store holding a working set says which part of the hall it holds.
        if (s.partial())
            o.insert(QStringLiteral("working_set"),
                     QJsonObject{{QStringLiteral("since"), s.workingSetSince},
                                 {QStringLiteral("cases"), s.workingSetCases},
                                 {QStringLiteral("fetched_cases"), s.fetchedCases}});
        if (s.snapshotPending())
            o.insert(QStringLiteral("snapshot"),
                     QJsonObject{{QStringLiteral("at"), s.snapshotAt},
                                 {QStringLiteral("after"), s.snapshotAfter}});
        QJsonArray records;
        for (const store::RejectedRecord& r : own)
            records.append(QJsonObject{{QStringLiteral("event_id"), r.event.eventId},
                                       {QStringLiteral("case_number"), r.caseNumber},
                                       {QStringLiteral("reason_code"), r.reasonCode},
                                       {QStringLiteral("winner"), r.winnerId},
                                       {QStringLiteral("text"), r.text(zone)}});
        o.insert(QStringLiteral("rejected_records"), records);
        // Decision 7: the measured offset (server minus this machine), and whether the latest
        // sync measured it (online: the gap rule applies).
        if (c.measuredAtUtc.isValid()) {
            o.insert(QStringLiteral("clock_offset_ms"), c.offsetMs);
            o.insert(QStringLiteral("clock_online"), c.online);
        }
        ctx.out() << QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)) << Qt::endl;
        return ExitOk;
    }
    ctx.out() << QStringLiteral("大厅 %1 窗口 %2（%3），服务器 %4")
                     .arg(s.hallCode, s.windowCode, s.role, s.serverUrl)
              << Qt::endl
              << QStringLiteral("已下载至大厅序号 %1，待上传 %2 条，未生效 %3 条，上次同步 %4")
                     .arg(s.cursor)
                     .arg(*pending)
                     .arg(rejected->size())
                     .arg(s.lastSyncUtc.isEmpty() ? QStringLiteral("无") : s.lastSyncUtc)
              << Qt::endl;
    for (const store::RejectedRecord& r : own)
        ctx.out() << QStringLiteral("  办件 %1：%2").arg(r.caseNumber, r.text(zone)) << Qt::endl;
    if (s.partial())
        ctx.out() << core::sync::workingSetText(s.workingSetSince, zone, s.workingSetCases,
                                                s.fetchedCases)
                  << Qt::endl;
    if (s.snapshotPending())
        ctx.out() << core::sync::snapshotProgressText(s.snapshotAt, s.snapshotAfter) << Qt::endl;
    if (c.measuredAtUtc.isValid())
        ctx.out() << QStringLiteral("本机时钟比大厅服务器%1 %2（%3测得）")
                         .arg(c.offsetMs > 0 ? QStringLiteral("慢") : QStringLiteral("快"),
                              core::sync::gapText(c.offsetMs),
                              c.online ? QStringLiteral("上次同步") : QStringLiteral("离线前"))
                  << Qt::endl;
    if (!s.stoppedCode.isEmpty())
        ctx.out() << QStringLiteral("已停止同步：%1").arg(s.stoppedMessage) << Qt::endl;
    if (!s.retiredAtUtc.isEmpty()) // decision 9
        ctx.out() << core::sync::retiredDeviceNotice()
                  << QStringLiteral("（停用于 %1）").arg(s.retiredAtUtc) << Qt::endl;
    return ExitOk;
}

// Decisions 2 and 9: what a device that may no longer push recorded and the hall never took, in
// a file for the hall's administrator (`onewindow-server device import`). Nothing in the store
// changes: the events stay pending here.
int exportPending(CtlContext& ctx, const QString& path)
{
    if (QFileInfo::exists(path))
        return ctx.failed(
            core::Error{QStringLiteral("sync.export_exists"),
                        QStringLiteral("文件 %1 已存在，未覆盖：请换一个文件名").arg(path)});
    auto cases = ctx.caseStore();
    if (!cases)
        return ctx.failed(cases.error());
    store::SyncRepository repo(**cases);
    auto state = repo.state();
    if (!state)
        return ctx.failed(state.error());
    if (!*state)
        return ctx.failed(core::sync::notEnrolled());
    auto count = repo.pendingCount();
    if (!count)
        return ctx.failed(count.error());
    if (*count == 0) {
        ctx.out() << QStringLiteral("没有待上传的记录，未写文件") << Qt::endl;
        return ExitOk;
    }
    auto events = repo.pending(*count, std::numeric_limits<qint64>::max());
    if (!events)
        return ctx.failed(events.error());
    core::sync::PendingExport file;
    file.hallCode = (*state)->hallCode;
    file.windowCode = (*state)->windowCode;
    file.deviceId = (*state)->deviceId;
    file.exportedAtUtc =
        QString::fromUtf8(core::canonicalTimeText((*cases)->store().clock().nowUtc()));
    for (const core::Event& e : *events)
        file.events.append(core::sync::eventToWire(e));
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly) || out.write(core::sync::pendingExportJson(file)) < 0 ||
        !out.commit())
        return ctx.failed(
            core::Error{QStringLiteral("sync.export_failed"),
                        QStringLiteral("无法写入 %1：%2").arg(path, out.errorString())});
    ctx.out() << QStringLiteral("已将设备 %1 待上传的 %2 条记录写入 %3：请交大厅管理员用 "
                                "onewindow-server device import 导入")
                     .arg(file.deviceId)
                     .arg(file.events.size())
                     .arg(path)
              << Qt::endl;
    return ExitOk;
}

// Decision 11: a case older than this window's working set, found at the hall's server and, with
// --fetch, taken into the store whole (it then syncs like any other).
int findAtHall(CtlContext& ctx, const QString& text, bool fetch)
{
    if (fetch && !ctx.mayWrite())
        return ExitUsage;
    auto cases = ctx.caseStore();
    if (!cases)
        return ctx.failed(cases.error());
    sync::SyncClient client(**cases);
    auto hits = client.searchHall(text);
    if (!hits)
        return ctx.failed(hits.error());
    if (hits->isEmpty()) {
        ctx.out() << QStringLiteral("大厅没有与“%1”相符的办件").arg(text) << Qt::endl;
        return ExitFailed;
    }
    for (const QJsonObject& h : std::as_const(*hits)) {
        const QString caseId = h.value(QStringLiteral("case_id")).toString();
        auto missing = client.repository().missingCases({caseId});
        if (!missing)
            return ctx.failed(missing.error());
        QString where = missing->isEmpty() ? QStringLiteral("本机已有") : QStringLiteral("在大厅");
        if (fetch && !missing->isEmpty()) {
            if (core::Status s = client.fetchCase(caseId); !s)
                return ctx.failed(s.error());
            where = QStringLiteral("已取回本机");
        }
        ctx.out() << QStringLiteral("%1  %2  %3  %4  %5")
                         .arg(h.value(QStringLiteral("case_number")).toString(),
                              h.value(QStringLiteral("applicant")).toString(),
                              h.value(QStringLiteral("item_code")).toString(),
                              h.value(QStringLiteral("received_at")).toString(), where)
                  << Qt::endl;
    }
    return ExitOk;
}

} // namespace

int runSyncCommand(CtlContext& ctx)
{
    const QStringList& args = ctx.args();
    const QString sub = args.value(0);
    const bool json = args.contains(QStringLiteral("--json"));
    if (sub == QStringLiteral("status") && args.size() == (json ? 2 : 1)) {
        auto cases = ctx.caseStore();
        if (!cases)
            return ctx.failed(cases.error());
        return status(ctx, **cases, json);
    }
    if (sub == QStringLiteral("flags")) {
        if (args.size() != (json ? 2 : 1))
            return ctx.usageError(QStringLiteral("用法：sync flags [--json]"));
        return listTimeFlags(ctx, json);
    }
    if (sub == QStringLiteral("find")) {
        const bool fetch = args.contains(QStringLiteral("--fetch"));
        if (args.size() != (fetch ? 3 : 2) || args[1].startsWith(QStringLiteral("--")))
            return ctx.usageError(
                QStringLiteral("用法：sync find 办件编号|证件号码|电话|姓名 [--fetch]"));
        return findAtHall(ctx, args[1], fetch);
    }
    if (sub == QStringLiteral("export-pending")) {
        if (args.size() != 3 || args[1] != QStringLiteral("--out"))
            return ctx.usageError(QStringLiteral("用法：sync export-pending --out 文件"));
        return exportPending(ctx, args[2]);
    }
    const bool enrol =
        sub == QStringLiteral("enrol") &&
        (args.size() == 3 || (args.size() == 5 && args[3] == QStringLiteral("--name")));
    if (!enrol && !(sub == QStringLiteral("now") && args.size() == 1))
        return ctx.usageError(
            QStringLiteral("用法：sync enrol 服务器地址 登记码 [--name 设备名] | "
                           "sync now | sync status [--json] | sync flags [--json] | "
                           "sync find 文本 [--fetch] | sync export-pending --out 文件"));
    if (!ctx.mayWrite())
        return ExitUsage;
    if (enrol)
        ctx.mayCreateStore(); // enrolment turns a new store into a window of the hall
    auto cases = ctx.caseStore();
    if (!cases)
        return ctx.failed(cases.error());
    sync::SyncClient client(**cases);
    QObject::connect(&client, &sync::SyncClient::logLine,
                     [&](const QString& line) { ctx.err() << line << Qt::endl; });
    if (enrol) {
        const QString name = args.size() == 5 ? args[4] : QHostInfo::localHostName();
        if (core::Status s = client.enrol(args[1], args[2], name); !s)
            return ctx.failed(s.error());
        auto state = client.repository().state();
        if (!state || !*state)
            return ctx.failed(state ? core::sync::notEnrolled() : state.error());
        ctx.out() << QStringLiteral("已登记为大厅 %1 的窗口 %2（设备 %3）")
                         .arg((*state)->hallCode, (*state)->windowCode, (*state)->deviceId)
                  << Qt::endl;
        return ExitOk;
    }
    auto report = client.syncNow();
    if (!report)
        return ctx.failed(report.error());
    ctx.out() << QStringLiteral("上传 %1 条（未生效 %2 条），下载 %3 条，大厅序号 %4，待上传 %5 条")
                     .arg(report->pushed)
                     .arg(report->rejected)
                     .arg(report->pulled)
                     .arg(report->cursor)
                     .arg(report->pending)
              << Qt::endl;
    // Exit 0 only when nothing waits to go up.
    return report->pending == 0 ? ExitOk : ExitFailed;
}

int runStoreDigest(CtlContext& ctx)
{
    if (ctx.args().size() != 1)
        return ctx.usageError(QStringLiteral("用法：store digest"));
    auto cases = ctx.caseStore();
    if (!cases)
        return ctx.failed(cases.error());
    store::SyncRepository repo(**cases);
    auto digest = repo.digest();
    if (!digest)
        return ctx.failed(digest.error());
    ctx.out() << digest->text() << Qt::endl;
    auto state = repo.state();
    if (!state)
        return ctx.failed(state.error());
    if (*state && (*state)->partial()) // decision 11: a part of the hall
        ctx.out() << core::sync::partialDigestNote(digest->cases) << Qt::endl;
    return ExitOk;
}

} // namespace onewindow::ctl

#include "store/StoreMaintenance.h"

#include "store/EventChecksums.h"
#include "store/EventRows.h"
#include "store/Projection.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryFile>

#include <cerrno>
#include <cstring>
#include <unistd.h>

namespace onewindow::store {

namespace {

// A failed count is an error, never 0 (which would report a store without orphans).
Result<qint64> countOf(const QSqlDatabase& db, const QString& sql)
{
    QSqlQuery q(db);
    if (!q.exec(sql) || !q.next())
        return sqlError("store.check", QStringLiteral("检查数据文件"), q.lastError().text());
    return q.value(0).toLongLong();
}

// Walks every case's events in case order, folding each case once and handing its projection on.
Status forEachCase(CaseStore& cases, const Progress& progress,
                   const std::function<Status(const QString& caseId, const CaseProjection&)>& visit)
{
    QSqlDatabase db = cases.store().database();
    const auto counted = countOf(db, QStringLiteral("SELECT count(DISTINCT case_id) FROM events"));
    if (!counted)
        return counted.error();
    const qint64 total = *counted;
    QSqlQuery q(db);
    q.setForwardOnly(true);
    // Each case's events in its canonical order (the hall's, then pending; rejected left out).
    if (!q.exec(canonicalEventsQuery(QStringLiteral("1"), QStringLiteral("e.case_id"))))
        return sqlError("store.events_read", QStringLiteral("读取办件记录"), q.lastError().text());
    QList<core::Event> events;
    qint64 done = 0;
    const auto flush = [&]() -> Status {
        if (events.isEmpty())
            return {};
        const QJsonObject& first = events.first().payload;
        auto ctx = cases.contextFor(first.value(QStringLiteral("itemCode")).toString(),
                                    first.value(QStringLiteral("itemVersion")).toInt());
        if (!ctx)
            return ctx.error();
        auto state = core::foldOrdered(events, *ctx);
        if (!state)
            return Error{
                state.error().code,
                QStringLiteral("办件 %1：%2").arg(events.first().caseId, state.error().message)};
        auto clocks =
            core::clocksOf(*state, *ctx, core::civilDate(events.last(), cases.settings().zone));
        if (!clocks)
            return clocks.error();
        const CaseProjection projection = projectCase(*state, *ctx, *clocks);
        if (Status s = visit(events.first().caseId, projection); !s)
            return s;
        events.clear();
        if (progress && (++done % 1000 == 0 || done == total))
            progress(done, total);
        return {};
    };
    while (q.next()) {
        auto e = eventFromRow(q);
        if (!e)
            return e.error();
        if (!events.isEmpty() && events.first().caseId != e->caseId)
            if (Status s = flush(); !s)
                return s;
        events.append(*e);
    }
    return flush();
}

} // namespace

Result<QuickCheckReport> quickCheckStore(const QString& path, const core::Clock& clock)
{
    auto opened = Store::openForReading(path, clock);
    if (!opened)
        return opened.error();
    QSqlDatabase db = (*opened)->database();
    QuickCheckReport report;
    QSqlQuery quick(db);
    if (!quick.exec(QStringLiteral("PRAGMA quick_check")))
        return sqlError("store.check", QStringLiteral("快速完整性检查"), quick.lastError().text());
    while (quick.next())
        report.findings.append(quick.value(0).toString());
    quick.finish();
    if (report.findings.isEmpty())
        return sqlError("store.check", QStringLiteral("快速完整性检查"), quick.lastError().text());
    if (Status s = registerEventChecksumFunction(db); !s)
        return s.error();
    auto tampered = eventsFailingChecksum(db, report.tampered);
    if (!tampered)
        return tampered.error();
    report.tamperedEvents = *tampered;
    return report;
}

Result<CheckReport> checkStore(CaseStore& cases, const Progress& progress)
{
    CheckReport report;
    QSqlDatabase db = cases.store().database();
    QSqlQuery integrity(db);
    if (!integrity.exec(QStringLiteral("PRAGMA integrity_check")))
        return sqlError("store.check", QStringLiteral("完整性检查"), integrity.lastError().text());
    while (integrity.next())
        report.integrity.append(integrity.value(0).toString());
    integrity.finish();

    QSqlQuery gaps(db);
    if (!gaps.exec(QStringLiteral("SELECT device_id, count(*), min(device_seq), max(device_seq) "
                                  "FROM events GROUP BY device_id")))
        return sqlError("store.check", QStringLiteral("检查设备序号"), gaps.lastError().text());
    while (gaps.next()) {
        if (gaps.value(2).toLongLong() != 1 ||
            gaps.value(3).toLongLong() != gaps.value(1).toLongLong())
            report.gaps.append(QStringLiteral("设备 %1：%2 条记录，序号 %3–%4 不连续")
                                   .arg(gaps.value(0).toString())
                                   .arg(gaps.value(1).toLongLong())
                                   .arg(gaps.value(2).toLongLong())
                                   .arg(gaps.value(3).toLongLong()));
    }
    gaps.finish();
    // Event ids are unique by construction and checked on import; a store that has one twice
    // was written by something else.
    QSqlQuery twice(db);
    if (!twice.exec(QStringLiteral("SELECT event_id, count(*) FROM events GROUP BY event_id "
                                   "HAVING count(*) > 1 LIMIT 20")))
        return sqlError("store.check", QStringLiteral("检查记录编号"), twice.lastError().text());
    while (twice.next())
        report.gaps.append(QStringLiteral("记录编号 %1 出现 %2 次")
                               .arg(twice.value(0).toString())
                               .arg(twice.value(1).toLongLong()));
    twice.finish();
    auto tampered = eventsFailingChecksum(db, report.tampered);
    if (!tampered)
        return tampered.error();
    report.tamperedEvents = *tampered;

    const Status walked = forEachCase(
        cases, progress, [&](const QString& caseId, const CaseProjection& computed) -> Status {
            ++report.casesChecked;
            auto stored = readProjection(db, caseId);
            if (!stored)
                return stored.error();
            if (!(*stored == computed)) {
                ++report.mismatches;
                if (report.details.size() < 20)
                    report.details.append(
                        QStringLiteral("办件 %1（%2）的索引与办件记录重新计算的结果不一致")
                            .arg(computed.caseRow.value(1).toString(), caseId));
            }
            return {};
        });
    if (!walked) {
        // An edited event may no longer read or fold: the checksums above already name it.
        if (report.tampered == 0)
            return walked.error();
        report.details.append(walked.error().message);
    }
    for (const QString& orphans :
         {QStringLiteral(
              "SELECT count(*) FROM cases WHERE case_id NOT IN (SELECT case_id FROM events)"),
          QStringLiteral("SELECT count(*) FROM case_clocks WHERE case_id NOT IN "
                         "(SELECT case_id FROM cases)")}) {
        auto n = countOf(db, orphans);
        if (!n)
            return n.error();
        report.orphans += *n;
    }
    return report;
}

Result<qint64> rebuildProjections(CaseStore& cases, const Progress& progress)
{
    qint64 rebuilt = 0;
    Store& store = cases.store();
    const Status status = store.transaction([&]() -> Status {
        QSqlDatabase db = store.database();
        QSqlQuery q(db);
        if (!q.exec(QStringLiteral("DELETE FROM case_clocks")) ||
            !q.exec(QStringLiteral("DELETE FROM cases")))
            return sqlError("store.rebuild", QStringLiteral("清除办件索引"), q.lastError().text());
        ProjectionWriter writer(db);
        const Status walked =
            forEachCase(cases, progress, [&](const QString&, const CaseProjection& p) -> Status {
                ++rebuilt;
                return writer.write(p);
            });
        if (!walked)
            return walked;
        // Every row now has the figures' facts (migration 0008).
        if (!q.exec(QStringLiteral("DELETE FROM store_meta WHERE key = 'figures_need_rebuild'")))
            return sqlError("store.rebuild", QStringLiteral("记录索引重建"), q.lastError().text());
        return {};
    });
    if (!status)
        return status.error();
    return rebuilt;
}

Status backupStore(Store& store, const QString& destination)
{
    const QFileInfo dest(destination);
    if (dest.exists())
        return Error{QStringLiteral("backup.exists"),
                     QStringLiteral("备份文件 %1 已存在，请指定新的文件名（不会覆盖已有文件）")
                         .arg(destination)};
    if (!dest.absoluteDir().exists())
        return Error{QStringLiteral("backup.no_folder"),
                     QStringLiteral("备份文件夹 %1 不存在").arg(dest.absolutePath())};
    // A name of its own (created empty, 0600), never some existing ".part" file of the person's.
    QTemporaryFile partial(dest.absolutePath() + QStringLiteral("/.") + dest.fileName() +
                           QStringLiteral(".XXXXXX.part"));
    if (!partial.open())
        return Error{QStringLiteral("backup.rename"),
                     QStringLiteral("无法在 %1 中写入备份（%2），请检查权限和磁盘空间")
                         .arg(dest.absolutePath(), partial.errorString())};
    partial.close();
    QSqlQuery q(store.database());
    q.prepare(QStringLiteral("VACUUM INTO ?"));
    q.addBindValue(partial.fileName());
    if (!q.exec())
        return sqlError("backup.failed", QStringLiteral("备份到 %1").arg(destination),
                        q.lastError().text());
    // link() does not replace a file that appeared meanwhile; the temporary name goes with
    // `partial`.
    if (::link(QFile::encodeName(partial.fileName()).constData(),
               QFile::encodeName(dest.absoluteFilePath()).constData()) != 0)
        return Error{QStringLiteral("backup.rename"),
                     QStringLiteral("无法写入备份文件 %1（%2）")
                         .arg(destination, QString::fromLocal8Bit(std::strerror(errno)))};
    return {};
}

} // namespace onewindow::store

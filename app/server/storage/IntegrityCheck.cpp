#include "server/storage/IntegrityCheck.h"

#include "core/SyncProtocol.h"
#include "server/storage/AuditedImport.h"
#include "server/storage/Ledger.h"

#include <QHash>
#include <QSqlQuery>

namespace onewindow::server {

namespace {

// A query read once, front to back: the driver need not keep the rows it has passed.
QSqlQuery forwardQuery(CentralDb& db)
{
    QSqlQuery q = db.query();
    q.setForwardOnly(true);
    return q;
}

QString range(qint64 from, qint64 to)
{
    return from == to ? QString::number(from) : QStringLiteral("%1–%2").arg(from).arg(to);
}

constexpr qint64 kPage = 20000;

struct Issued
{
    QString eventId;
    QString window;
};

} // namespace

void IntegrityCheck::found(const QString& code, const QString& hall, const QString& subject,
                           const QString& detail)
{
    m_findings.append({code, hall, subject, detail});
}

core::Result<QList<CheckFinding>> IntegrityCheck::run(const QString& hallCode)
{
    m_findings.clear();
    m_totals = {};
    if (!m_db.beginReadOnly())
        return databaseError(m_db.lastError());
    QList<std::pair<QString, qint64>> halls;
    {
        QSqlQuery q = forwardQuery(m_db);
        const bool ok =
            hallCode.isEmpty()
                ? m_db.run(q, QStringLiteral("SELECT hall_code, seq FROM halls ORDER BY hall_code"))
                : m_db.run(q,
                           QStringLiteral("SELECT hall_code, seq FROM halls WHERE hall_code = ?"),
                           {hallCode});
        if (!ok) {
            const QString why = m_db.lastError();
            m_db.endReadOnly();
            return databaseError(why);
        }
        while (q.next())
            halls.append({q.value(0).toString(), q.value(1).toLongLong()});
    }
    if (!hallCode.isEmpty() && halls.isEmpty()) {
        m_db.endReadOnly();
        return core::Error{
            QStringLiteral("hall.unknown"),
            QStringLiteral("没有大厅 %1（用 device list 查看各大厅的设备）").arg(hallCode)};
    }
    for (const auto& [hall, counter] : halls) {
        if (core::Status s = checkHall(hall, counter); !s) {
            m_db.endReadOnly();
            return s.error();
        }
        ++m_totals.halls;
    }
    m_db.endReadOnly();
    return m_findings;
}

core::Status IntegrityCheck::checkHall(const QString& hall, qint64 counter)
{
    if (core::Status s = checkHallOrder(hall, counter); !s)
        return s;
    if (core::Status s = checkEvents(hall); !s)
        return s;
    if (core::Status s = checkDevices(hall); !s)
        return s;
    return checkMasterVersions(hall);
}

core::Status IntegrityCheck::checkHallOrder(const QString& hall, qint64 counter)
{
    // Events and master records take their places from one counter (halls.seq): together they
    // must hold 1..seq exactly once each.
    QSqlQuery q = forwardQuery(m_db);
    if (!m_db.run(q,
                  QStringLiteral("SELECT hall_seq FROM events WHERE hall_code = ? UNION ALL "
                                 "SELECT hall_seq FROM master_records WHERE hall_code = ? "
                                 "ORDER BY 1"),
                  {hall, hall}))
        return databaseError(m_db.lastError());
    const QString subject = QStringLiteral("大厅顺序");
    qint64 expected = 1;
    qint64 last = 0;
    while (q.next()) {
        const qint64 seq = q.value(0).toLongLong();
        if (seq == last) {
            found(QStringLiteral("hall_seq.duplicate"), hall, subject,
                  QStringLiteral("第 %1 位有不止一条记录（每个位置应恰有一条）").arg(seq));
            continue;
        }
        if (seq > expected)
            found(QStringLiteral("hall_seq.hole"), hall, subject,
                  QStringLiteral("缺第 %1 位（应为 1..%2 连续）")
                      .arg(range(expected, seq - 1))
                      .arg(counter));
        if (seq > counter)
            found(QStringLiteral("hall_seq.beyond_counter"), hall, subject,
                  QStringLiteral("第 %1 位超出大厅计数 halls.seq = %2").arg(seq).arg(counter));
        last = seq;
        expected = seq + 1;
    }
    if (expected <= counter)
        found(QStringLiteral("hall_seq.hole"), hall, subject,
              QStringLiteral("缺第 %1 位（应为 1..%2 连续）")
                  .arg(range(expected, counter))
                  .arg(counter));
    return {};
}

core::Status IntegrityCheck::checkEvents(const QString& hall)
{
    QSqlQuery q = forwardQuery(m_db);
    if (!m_db.run(q, QStringLiteral("SELECT COUNT(*) FROM events WHERE hall_code = ?"), {hall}) ||
        !q.next())
        return databaseError(m_db.lastError());
    const qint64 total = q.value(0).toLongLong();
    QHash<QString, QString> windows; // device -> window, as the ledger records numbers
    if (!m_db.run(q,
                  QStringLiteral("SELECT device_id, window_code FROM devices WHERE hall_code = ?"),
                  {hall}))
        return databaseError(m_db.lastError());
    while (q.next())
        windows.insert(q.value(0).toString(), q.value(1).toString());

    QHash<QString, QString> heads; // case -> its head after the accepted events read so far
    QHash<QString, Issued> issued; // kind '\n' number -> the first accepted event issuing it
    qint64 read = 0;
    qint64 after = 0;
    // In pages by hall order (one snapshot): a driver that fetches a whole result at once
    // (PostgreSQL's) holds one page of a big hall in memory, not the hall.
    for (qint64 inPage = kPage; inPage == kPage;) {
        inPage = 0;
        if (!m_db.run(q,
                      QStringLiteral("SELECT %1 FROM events WHERE hall_code = ? AND hall_seq > ? "
                                     "ORDER BY hall_seq LIMIT ?")
                          .arg(QLatin1String(kEventColumns)),
                      {hall, after, kPage}))
            return databaseError(m_db.lastError());
        while (q.next()) {
            ++read;
            ++inPage;
            after = q.value(0).toLongLong();
            if (m_progress && m_every > 0 && read % m_every == 0)
                m_progress(hall, read, total);
            const qint64 hallSeq = q.value(0).toLongLong();
            const QString eventId = q.value(1).toString();
            const bool accepted = q.value(12).toString() == QLatin1String("accepted");
            const QString subject = QStringLiteral("记录 %1（第 %2 位）").arg(eventId).arg(hallSeq);
            // The same reading a push gets: the stored texts, their canonical form and checksum.
            const auto wire = core::sync::eventFromWire(wireFromRow(q));
            if (!wire) {
                found(QStringLiteral("event.unreadable"), hall, subject,
                      QStringLiteral("记录缺编号或设备序号，无法读出"));
                continue;
            }
            // A rejected event set aside for this very fault was stored as it came: no finding.
            if (wire->fault && (accepted || q.value(13).toString() != wire->fault->code)) {
                const bool checksum = wire->fault->code == core::sync::code::kBadChecksum;
                found(
                    checksum ? QStringLiteral("event.checksum")
                             : QStringLiteral("event.unreadable"),
                    hall, subject,
                    checksum
                        ? QStringLiteral("按保存的内容重算的校验值与保存的 %1 不符（内容在"
                                         "保存后被改动）")
                              .arg(wire->checksum)
                        : QStringLiteral("%1（%2）").arg(wire->fault->message, wire->fault->code));
            }
            if (!accepted || !wire->event)
                continue;
            const core::Event& e = *wire->event;
            // The head: the last accepted event that is neither mergeable nor a system event
            // (decision 1), as the push and the import move it.
            QString& head = heads[e.caseId];
            if (core::sync::movesHead(e.type))
                head = e.eventId;
            // An accepted event with a reason came in by an administrator's import, which records
            // its numbers its own way (AuditedImport.h).
            const bool imported = !q.value(13).toString().isEmpty();
            std::optional<std::pair<QString, QString>> number;
            QString window;
            if (imported) {
                if (const auto n = caseNumberImportedBy(e)) {
                    number = std::pair{QStringLiteral("case"), n->first};
                    window = n->second;
                }
            } else {
                number = numberIssuedBy(e);
                window = windows.value(e.deviceId);
            }
            if (number) {
                const QString key = number->first + QLatin1Char('\n') + number->second;
                if (!issued.contains(key))
                    issued.insert(key, {e.eventId, window});
            }
        }
    }
    if (m_progress)
        m_progress(hall, read, total);
    m_totals.events += read;

    // The cases projection against the fold.
    if (!m_db.run(q,
                  QStringLiteral("SELECT case_id, hall_code, head_event_id FROM cases WHERE "
                                 "hall_code = ? OR case_id IN (SELECT case_id FROM events "
                                 "WHERE hall_code = ? AND verdict = 'accepted')"),
                  {hall, hall}))
        return databaseError(m_db.lastError());
    QSet<QString> rows;
    while (q.next()) {
        const QString caseId = q.value(0).toString();
        const QString subject = QStringLiteral("案件 %1").arg(caseId);
        rows.insert(caseId);
        ++m_totals.cases;
        const auto it = heads.constFind(caseId);
        if (it == heads.cend()) {
            found(QStringLiteral("case.orphan"), hall, subject,
                  QStringLiteral("cases 表有此案件，但大厅没有它的任何已接受记录"));
            continue;
        }
        if (q.value(1).toString() != hall)
            found(QStringLiteral("case.hall"), hall, subject,
                  QStringLiteral("cases 表记为大厅 %1，应为 %2（它的记录都在本大厅）")
                      .arg(q.value(1).toString(), hall));
        if (q.value(2).toString() != *it)
            found(QStringLiteral("case.head"), hall, subject,
                  QStringLiteral("当前记录（head_event_id）为 %1，按大厅顺序折叠已接受记录应为 %2")
                      .arg(q.value(2).toString(), it->isEmpty() ? QStringLiteral("（无）") : *it));
    }
    for (auto it = heads.cbegin(); it != heads.cend(); ++it)
        if (!it.value().isEmpty() && !rows.contains(it.key()))
            found(
                QStringLiteral("case.missing"), hall, QStringLiteral("案件 %1").arg(it.key()),
                QStringLiteral("cases 表缺此案件，按已接受记录其当前记录应为 %1").arg(it.value()));

    // issued_numbers against the numbers the accepted events issued.
    if (!m_db.run(q,
                  QStringLiteral("SELECT kind, number, window_code, event_id FROM issued_numbers "
                                 "WHERE hall_code = ?"),
                  {hall}))
        return databaseError(m_db.lastError());
    while (q.next()) {
        const QString key = q.value(0).toString() + QLatin1Char('\n') + q.value(1).toString();
        const QString subject =
            QStringLiteral("号码 %1 %2").arg(q.value(0).toString(), q.value(1).toString());
        ++m_totals.numbers;
        const auto it = issued.constFind(key);
        if (it == issued.cend()) {
            found(QStringLiteral("number.orphan"), hall, subject,
                  QStringLiteral("issued_numbers 记为记录 %1 所发，但没有已接受的记录发出此号")
                      .arg(q.value(3).toString()));
            continue;
        }
        if (q.value(3).toString() != it->eventId || q.value(2).toString() != it->window)
            found(QStringLiteral("number.issuer"), hall, subject,
                  QStringLiteral("issued_numbers 记为窗口 %1 的记录 %2 所发，应为窗口 %3 的记录 %4")
                      .arg(q.value(2).toString(), q.value(3).toString(), it->window, it->eventId));
        issued.erase(it);
    }
    for (auto it = issued.cbegin(); it != issued.cend(); ++it)
        found(QStringLiteral("number.missing"), hall,
              QStringLiteral("号码 %1").arg(
                  QString(it.key()).replace(QLatin1Char('\n'), QLatin1Char(' '))),
              QStringLiteral("记录 %1 发出此号，issued_numbers 却没有它").arg(it->eventId));
    return {};
}

core::Status IntegrityCheck::checkDevices(const QString& hall)
{
    // Each device's own events: sequences 1..n once each (the push takes them in order only), and
    // next_seq = n + 1. System events (system/...) stand outside every device's sequence.
    QSqlQuery q = forwardQuery(m_db);
    if (!m_db.run(
            q,
            QStringLiteral("SELECT d.device_id, d.window_code, d.next_seq, COUNT(e.device_seq), "
                           "COALESCE(MIN(e.device_seq), 0), COALESCE(MAX(e.device_seq), 0) "
                           "FROM devices d LEFT JOIN events e ON e.device_id = d.device_id "
                           "AND NOT (e.verdict = 'accepted' AND e.reason_code <> '') "
                           "WHERE d.hall_code = ? GROUP BY d.device_id, d.window_code, "
                           "d.next_seq ORDER BY d.device_id"),
            {hall}))
        return databaseError(m_db.lastError());
    while (q.next()) {
        ++m_totals.devices;
        const QString subject =
            QStringLiteral("设备 %1（窗口 %2）").arg(q.value(0).toString(), q.value(1).toString());
        const qint64 next = q.value(2).toLongLong();
        const qint64 count = q.value(3).toLongLong();
        const qint64 low = q.value(4).toLongLong();
        const qint64 high = q.value(5).toLongLong();
        if (count > 0 && (low != 1 || high != count))
            found(QStringLiteral("device.seq_hole"), hall, subject,
                  QStringLiteral("有 %1 条记录，序号为 %2..%3，应为 1..%1 连续")
                      .arg(count)
                      .arg(low)
                      .arg(high));
        if (next != high + 1)
            found(QStringLiteral("device.next_seq"), hall, subject,
                  QStringLiteral("next_seq 为 %1，按已存的记录应为 %2").arg(next).arg(high + 1));
    }
    if (!m_db.run(q,
                  QStringLiteral("SELECT DISTINCT e.device_id FROM events e LEFT JOIN devices d ON "
                                 "d.device_id = e.device_id WHERE e.hall_code = ? AND "
                                 "d.device_id IS NULL AND e.device_id NOT LIKE 'system/%' AND NOT "
                                 "(e.verdict = 'accepted' AND e.reason_code <> '')"),
                  {hall}))
        return databaseError(m_db.lastError());
    while (q.next())
        found(QStringLiteral("device.unknown"), hall,
              QStringLiteral("设备 %1").arg(q.value(0).toString()),
              QStringLiteral("大厅有此设备的记录，devices 表却没有它"));
    return {};
}

core::Status IntegrityCheck::checkMasterVersions(const QString& hall)
{
    QSqlQuery q = forwardQuery(m_db);
    if (!m_db.run(q,
                  QStringLiteral("SELECT kind, record_key, COUNT(*), MIN(version), MAX(version) "
                                 "FROM master_records WHERE hall_code = ? GROUP BY kind, "
                                 "record_key ORDER BY kind, record_key"),
                  {hall}))
        return databaseError(m_db.lastError());
    while (q.next()) {
        const qint64 count = q.value(2).toLongLong();
        m_totals.records += count;
        if (q.value(3).toLongLong() != 1 || q.value(4).toLongLong() != count)
            found(QStringLiteral("master.versions"), hall,
                  QStringLiteral("主数据 %1 %2").arg(q.value(0).toString(), q.value(1).toString()),
                  QStringLiteral("有 %1 个版本，版本号为 %2..%3，应为 1..%1 连续")
                      .arg(count)
                      .arg(q.value(3).toLongLong())
                      .arg(q.value(4).toLongLong()));
    }
    return {};
}

} // namespace onewindow::server

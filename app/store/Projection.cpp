#include "store/Projection.h"

#include "core/Figures.h"

#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

namespace onewindow::store {

const QStringList kCaseColumns{
    QStringLiteral("case_id"),          QStringLiteral("case_number"),
    QStringLiteral("query_code"),       QStringLiteral("item_code"),
    QStringLiteral("item_version"),     QStringLiteral("item_name"),
    QStringLiteral("department"),       QStringLiteral("profile"),
    QStringLiteral("applicant_name"),   QStringLiteral("applicant_id"),
    QStringLiteral("applicant_phone"),  QStringLiteral("clerk_id"),
    QStringLiteral("window_code"),      QStringLiteral("status"),
    QStringLiteral("is_open"),          QStringLiteral("received_date"),
    QStringLiteral("accepted_date"),    QStringLiteral("decided_date"),
    QStringLiteral("closed_date"),      QStringLiteral("deemed_accepted"),
    QStringLiteral("repeat_notices"),   QStringLiteral("due_date"),
    QStringLiteral("yellow_from"),      QStringLiteral("suspended"),
    QStringLiteral("provisional"),      QStringLiteral("rejected_count"),
    QStringLiteral("notice_count"),     QStringLiteral("refused_date"),
    QStringLiteral("rating"),           QStringLiteral("rated_date"),
    QStringLiteral("promised_on_time"), QStringLiteral("statutory_on_time"),
    QStringLiteral("decision_days"),    QStringLiteral("matter_number"),
    QStringLiteral("holder_window"),
};

const QStringList kClockColumns{
    QStringLiteral("case_id"),        QStringLiteral("kind"),
    QStringLiteral("trigger_date"),   QStringLiteral("limit_days"),
    QStringLiteral("extension_days"), QStringLiteral("deadline"),
    QStringLiteral("yellow_from"),    QStringLiteral("stopped_date"),
    QStringLiteral("excluded_days"),  QStringLiteral("provisional"),
    QStringLiteral("unit"),
};

namespace {

QVariant date(const std::optional<QDate>& d)
{
    if (!d || !d->isValid())
        return QVariant(QMetaType(QMetaType::QString));
    // YYYY-MM-DD by hand: QDate::toString is most of the cost of a projection.
    int y = 0, m = 0, day = 0;
    d->getDate(&y, &m, &day);
    const char16_t text[10] = {char16_t(u'0' + y / 1000),
                               char16_t(u'0' + y / 100 % 10),
                               char16_t(u'0' + y / 10 % 10),
                               char16_t(u'0' + y % 10),
                               u'-',
                               char16_t(u'0' + m / 10),
                               char16_t(u'0' + m % 10),
                               u'-',
                               char16_t(u'0' + day / 10),
                               char16_t(u'0' + day % 10)};
    return QVariant(QString(reinterpret_cast<const QChar*>(text), 10));
}

QVariant date(const QDate& d)
{
    return date(std::optional<QDate>(d));
}

QString placeholders(qsizetype n)
{
    QStringList marks;
    for (qsizetype i = 0; i < n; ++i)
        marks.append(QStringLiteral("?"));
    return marks.join(QStringLiteral(", "));
}

// Values read back from SQLite come as the types they were stored with; normalise them so a
// stored row compares equal to a computed one.
QVariant normalise(const QVariant& v)
{
    switch (v.typeId()) {
    case QMetaType::QString:
        return v; // a null QString is how a NULL reads
    case QMetaType::LongLong:
    case QMetaType::Int:
        if (!v.isNull())
            return QVariant(v.toLongLong());
        [[fallthrough]];
    default:
        if (v.isNull())
            return QVariant(QMetaType(QMetaType::QString));
        return QVariant(v.toString());
    }
}

QVariantList normalised(QVariantList row)
{
    for (QVariant& v : row)
        if (v.typeId() != QMetaType::QString)
            v = normalise(v);
    return row;
}

} // namespace

CaseProjection projectCase(const core::CaseState& s, const core::FoldContext& context,
                           const QList<core::CaseClock>& clocks)
{
    const core::ServiceItem& item = *context.item;
    const std::optional<core::DecisionFacts> decision =
        core::decisionFacts(*context.calendar, s.timeline, clocks);
    const QVariant none(QMetaType(QMetaType::QString));
    std::optional<QDate> due;
    std::optional<QDate> yellow;
    bool provisional = false;
    CaseProjection p;
    for (const core::CaseClock& c : clocks) {
        const core::ClockResult& r = c.clock;
        // A suspended case's clocks are paused (行政许可法 Art. 45): no due date runs out
        // meanwhile.
        const bool running = !r.stopped && s.isOpen() && s.status != core::CaseStatus::Suspended;
        if (running) {
            if (!due || r.deadline < *due)
                due = r.deadline;
            if (!yellow || r.yellowFrom < *yellow)
                yellow = r.yellowFrom;
            provisional = provisional || r.provisional;
        }
        p.clockRows.append(
            normalised({s.caseId, core::clockKindKey(c.kind), date(r.trigger), r.limit, r.extension,
                        date(r.deadline), date(r.yellowFrom), date(r.stopped), r.excludedDays,
                        r.provisional ? 1 : 0, core::dayUnitKey(r.unit)}));
    }
    std::sort(p.clockRows.begin(), p.clockRows.end(),
              [](const QVariantList& a, const QVariantList& b) {
                  return a[1].toString() < b[1].toString();
              });
    const core::CaseTimeline& t = s.timeline;
    const std::optional<QDate> closed =
        t.delivered ? t.delivered : (t.refused ? t.refused : t.closedWithoutDecision);
    const QString applicantId = s.applicant.organisation ? s.applicant.uscc : s.applicant.idNumber;
    p.caseRow = normalised(
        {s.caseId, s.caseNumber, s.queryCode, s.itemCode, s.itemVersion, item.name, item.department,
         core::profileKey(item.profile), s.applicant.name, applicantId, s.applicant.phone,
         s.receivedBy, s.windowCode, core::caseStatusKey(s.status), s.isOpen() ? 1 : 0,
         date(t.received), date(t.accepted), date(t.decided),
         s.isOpen() ? date(std::nullopt) : date(closed), t.deemedAccepted ? 1 : 0, s.repeatNotices,
         date(due), date(yellow), s.status == core::CaseStatus::Suspended ? 1 : 0,
         provisional ? 1 : 0, static_cast<int>(s.rejected.size()),
         // The figures' facts (core/Figures.h).
         static_cast<int>(s.notices.size()), date(t.refused), s.rating ? QVariant(*s.rating) : none,
         date(s.ratedOn), decision ? QVariant(decision->onTimePromised ? 1 : 0) : none,
         decision ? QVariant(decision->onTimeStatutory ? 1 : 0) : none,
         decision ? QVariant(decision->workingDays) : none,
         // The matter it is a part of (一件事): the board and the matters' figures start here.
         s.matter ? QVariant(s.matter->number) : none,
         // 领办: the window holding it (core/CaseHold.h), for the queues and the board.
         s.holderDevice.isEmpty() ? none : QVariant(s.holderWindow)});
    return p;
}

namespace {

QString upsertCaseSql()
{
    QStringList updates;
    for (const QString& column : kCaseColumns.mid(1))
        updates.append(QStringLiteral("%1 = excluded.%1").arg(column));
    // An upsert, not INSERT OR REPLACE: a replace deletes and re-inserts every index entry.
    return QStringLiteral(
               "INSERT INTO cases (%1) VALUES (%2) ON CONFLICT (case_id) DO UPDATE SET %3")
        .arg(kCaseColumns.join(QStringLiteral(", ")), placeholders(kCaseColumns.size()),
             updates.join(QStringLiteral(", ")));
}

} // namespace

ProjectionWriter::ProjectionWriter(const QSqlDatabase& db)
    : m_db(db), m_case(db, upsertCaseSql()),
      m_deleteClocks(db, QStringLiteral("DELETE FROM case_clocks WHERE case_id = ?")),
      m_deleteClock(db, QStringLiteral("DELETE FROM case_clocks WHERE case_id = ? AND kind = ?")),
      m_insertClock(db, QStringLiteral("INSERT OR REPLACE INTO case_clocks (%1) VALUES (%2)")
                            .arg(kClockColumns.join(QStringLiteral(", ")),
                                 placeholders(kClockColumns.size())))
{}

SqlStatement& ProjectionWriter::updateFor(const QList<int>& columns)
{
    // Looked up by the column indexes: the statement is prepared once per set of columns.
    auto it = m_updates.find(columns);
    if (it == m_updates.end()) {
        QStringList sets;
        for (int c : columns)
            sets.append(kCaseColumns[c] + QStringLiteral(" = ?"));
        it = m_updates.insert(columns,
                              std::make_shared<SqlStatement>(
                                  m_db, QStringLiteral("UPDATE cases SET %1 WHERE case_id = ?")
                                            .arg(sets.join(QStringLiteral(", ")))));
    }
    return **it;
}

Status ProjectionWriter::write(const CaseProjection& p, const CaseProjection* previous)
{
    const QString what = QStringLiteral("更新办件索引");
    const bool diff = previous && previous->caseRow.size() == p.caseRow.size();
    if (diff) {
        QList<int> changed;
        for (int i = 1; i < p.caseRow.size(); ++i)
            if (p.caseRow[i] != previous->caseRow[i])
                changed.append(i);
        if (!changed.isEmpty()) {
            SqlStatement& update = updateFor(changed);
            for (int i = 0; i < changed.size(); ++i)
                update.bind(i, p.caseRow[changed[i]]);
            update.bind(static_cast<int>(changed.size()), p.caseRow[0]);
            if (!update.exec())
                return sqlError("store.projection", what, update.error());
        }
    } else {
        for (int i = 0; i < p.caseRow.size(); ++i)
            m_case.bind(i, p.caseRow[i]);
        if (!m_case.exec())
            return sqlError("store.projection", what, m_case.error());
        m_deleteClocks.bind(0, p.caseRow.value(0));
        if (!m_deleteClocks.exec())
            return sqlError("store.projection", what, m_deleteClocks.error());
    }
    for (const QVariantList& row : p.clockRows) {
        if (diff && previous->clockRows.contains(row))
            continue;
        for (int i = 0; i < row.size(); ++i)
            m_insertClock.bind(i, row[i]);
        if (!m_insertClock.exec())
            return sqlError("store.projection", what, m_insertClock.error());
    }
    if (diff) {
        for (const QVariantList& old : previous->clockRows) {
            const bool kept =
                std::any_of(p.clockRows.begin(), p.clockRows.end(),
                            [&](const QVariantList& row) { return row[1] == old[1]; });
            if (kept)
                continue;
            m_deleteClock.bind(0, old[0]);
            m_deleteClock.bind(1, old[1]);
            if (!m_deleteClock.exec())
                return sqlError("store.projection", what, m_deleteClock.error());
        }
    }
    return {};
}

Status writeProjection(QSqlDatabase& db, const CaseProjection& p)
{
    return ProjectionWriter(db).write(p);
}

Result<CaseProjection> readProjection(const QSqlDatabase& db, const QString& caseId)
{
    CaseProjection p;
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT %1 FROM cases WHERE case_id = ?")
                  .arg(kCaseColumns.join(QStringLiteral(", "))));
    q.addBindValue(caseId);
    if (!q.exec())
        return sqlError("store.projection", QStringLiteral("读取办件索引"), q.lastError().text());
    if (q.next())
        for (int i = 0; i < kCaseColumns.size(); ++i)
            p.caseRow.append(normalise(q.value(i)));
    QSqlQuery c(db);
    c.prepare(QStringLiteral("SELECT %1 FROM case_clocks WHERE case_id = ? ORDER BY kind")
                  .arg(kClockColumns.join(QStringLiteral(", "))));
    c.addBindValue(caseId);
    if (!c.exec())
        return sqlError("store.projection", QStringLiteral("读取办件时限"), c.lastError().text());
    while (c.next()) {
        QVariantList row;
        for (int i = 0; i < kClockColumns.size(); ++i)
            row.append(normalise(c.value(i)));
        p.clockRows.append(row);
    }
    return p;
}

} // namespace onewindow::store

// The supervisor's smaller lists: extension requests, open orders, repeat notices, bad ratings,
// deemed acceptance and abandonment, records that did not take effect, records whose time the
// hall's server doubted (SupervisorPage's second half).
#include "core/CasePayloads.h"
#include "core/ClockText.h"
#include "core/DateText.h"
#include "core/Identifiers.h"
#include "core/RecallClose.h"
#include "store/CaseStore.h"
#include "store/RejectedRecords.h"
#include "store/SupervisionQueries.h"
#include "store/TimeFlagRecords.h"
#include "ui/RecordModel.h"
#include "ui/SupervisorPage.h"

#include <QComboBox>
#include <QTableView>

namespace onewindow::ui {

namespace {

QString date(const QDate& d)
{
    return d.isValid() ? core::chineseDate(d) : QStringLiteral("—");
}

QString applicant(const store::CaseRow& r)
{
    return QStringLiteral("%1 %2").arg(r.applicantName, core::maskIdNumber(r.applicantId));
}

} // namespace

void SupervisorPage::refreshList(Tab tab)
{
    if (!m_cases)
        return;
    const QDate now = today();
    const QDate since = now.addDays(-m_period->currentData().toInt());
    const auto name = [this](const QString& id) { return m_names.value(id, id); };
    store::SupervisionQueries q(m_store, m_cases->calendar(), m_cases->settings().zone);
    const auto fail = [](const core::Error& e) {
        return QList<RecordModel::Record>{{QString(), {e.message}, core::WarningLevel::Normal}};
    };

    QList<RecordModel::Record> records;
    switch (tab) {
    case BoardTab:
    case MattersTab: // its own widget (ui/MatterBoard)
        return;
    case ApprovalsTab:
        if (auto pending = q.pendingExtensions()) {
            for (const store::PendingExtension& p : *pending)
                records.append(RecordModel::Record{
                    p.row.caseId,
                    {p.row.caseNumber, p.row.itemName, applicant(p.row), name(p.requestedBy),
                     core::fromKey(core::kExtensionClocks, p.clock) ==
                             core::ExtensionClock::Statutory
                         ? tr("statutory")
                         : tr("promised"),
                     QString::number(p.days), p.reason, date(p.requestedOn), date(p.deadline)},
                    core::warningLevelOn(p.deadline, QDate(), true, now)});
        } else {
            records = fail(pending.error());
        }
        break;
    case OrdersTab:
        if (auto orders = q.openOrders()) {
            for (const store::SupervisionOrder& o : *orders) {
                QStringList to;
                if (!o.toClerk.isEmpty())
                    to.append(name(o.toClerk));
                if (!o.toWindow.isEmpty())
                    to.append(tr("window %1").arg(o.toWindow));
                records.append(RecordModel::Record{
                    o.row.caseId,
                    {o.row.caseNumber, o.row.itemName, to.join(QStringLiteral("、")), o.note,
                     date(o.due), name(o.orderedBy), date(o.orderedOn)},
                    core::warningLevelOn(o.due, QDate(), true, now)});
            }
        } else {
            records = fail(orders.error());
        }
        break;
    case RepeatNoticesTab:
        if (auto repeats = q.repeatNotices(since, 1000)) {
            for (const store::RepeatNotice& n : *repeats)
                records.append(
                    RecordModel::Record{n.row.caseId,
                                        {n.row.caseNumber, n.row.itemName, applicant(n.row),
                                         name(n.issuedBy), date(n.issuedOn), n.reason,
                                         name(n.approvedBy), QString::number(n.corrections)},
                                        core::WarningLevel::Normal});
        } else {
            records = fail(repeats.error());
        }
        break;
    case RatingsTab:
        if (auto ratings = q.badRatings(since, now, 1000)) {
            for (const store::BadRating& r : *ratings) {
                const QString followUp = r.followedUpOn
                                             ? tr("%1: %2").arg(date(*r.followedUpOn), r.result)
                                             : tr("not yet, %1")
                                                   .arg(core::clockStandingText(
                                                       r.followUp.level, r.followUp.daysLeft,
                                                       r.followUp.overdueDays, r.followUp.unit));
                records.append(RecordModel::Record{
                    r.row.caseId,
                    {r.row.caseNumber, r.row.itemName, applicant(r.row), core::ratingName(r.level),
                     r.comment, date(r.ratedOn), date(r.followUp.deadline), followUp},
                    r.followUp.level});
            }
        } else {
            records = fail(ratings.error());
        }
        break;
    case DeemedTab: {
        auto accepted = q.deemedAccepted(since, 1000);
        auto abandoned = q.deemedAbandoned(since, 1000);
        if (accepted && abandoned) {
            for (const store::CaseRow& r : *accepted)
                records.append(RecordModel::Record{
                    r.caseId,
                    {r.caseNumber, r.itemName, applicant(r), name(r.clerkId), date(r.receivedDate),
                     tr("Deemed accepted: no notice within the notice period")},
                    core::WarningLevel::Yellow});
            for (const store::CaseRow& r : *abandoned)
                records.append(RecordModel::Record{
                    r.caseId,
                    {r.caseNumber, r.itemName, applicant(r), name(r.clerkId), date(r.receivedDate),
                     tr("Deemed abandoned: not corrected within the period")},
                    core::WarningLevel::Normal});
        } else {
            records = fail(accepted ? abandoned.error() : accepted.error());
        }
        break;
    }
    case RejectedTab:
        records = rejectedRecords();
        break;
    case TimeFlagsTab:
        records = timeFlagRecords();
        break;
    }
    m_lists.value(tab)->setRecords(records);
    m_listViews.value(tab)->resizeColumnsToContents();
    if (tab == RejectedTab)
        updateRecallAction();
}

QList<RecordModel::Record> SupervisorPage::rejectedRecords()
{
    // Decision 3: every device's records the hall rejected, newest first, each beside what stands;
    // under it the documents printed on it, void, which the supervisor is to recall.
    const QTimeZone zone = m_cases->settings().zone;
    store::RejectedRecords q(m_store, zone);
    auto rejected = q.all(1000);
    auto voided = q.voidedDocuments();
    m_openRecalls.clear();
    if (!rejected || !voided)
        return {{QString(),
                 {(rejected ? voided.error() : rejected.error()).message},
                 core::WarningLevel::Normal}};
    QList<RecordModel::Record> records;
    for (const store::RejectedRecord& r : *rejected) {
        records.append(RecordModel::Record{
            r.event.caseId,
            {r.caseNumber, r.by.window, core::eventLine(r.event, r.by, zone), r.reason,
             r.winner ? core::eventLine(*r.winner, r.winnerBy, zone)
                      : tr("The record that stands has not come down yet")},
            core::WarningLevel::Yellow});
        for (const store::VoidedDocument& d : *voided) {
            if (d.sourceEventId != r.event.eventId)
                continue;
            // Open: in red until the supervisor closes it (追回办结); closed: how it ended.
            if (!d.closed)
                m_openRecalls.insert(static_cast<int>(records.size()),
                                     RecallRow{d.caseId, d.caseNumber, d.kind, d.number});
            records.append(RecordModel::Record{
                d.caseId,
                {d.caseNumber, d.printedBy.window, d.recallTask(), d.reason,
                 d.closed ? core::recallClosedText(*d.closed, d.closedBy.name, zone)
                          : tr("Recall it from the applicant")},
                d.closed ? core::WarningLevel::Normal : core::WarningLevel::Red});
        }
    }
    return records;
}

QList<RecordModel::Record> SupervisorPage::timeFlagRecords() const
{
    // Decision 7: the events the hall's server flagged, newest first. The flag changes nothing
    // (the verdict is the judge's); the supervisor looks at the window's clock and the record.
    auto flagged = store::TimeFlagRecords(m_store).all(1000);
    if (!flagged)
        return {{QString(), {flagged.error().message}, core::WarningLevel::Normal}};
    const QTimeZone zone = m_cases->settings().zone;
    const auto at = [&zone](const QDateTime& utc) {
        return utc.isValid() ? utc.toTimeZone(zone).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))
                             : QStringLiteral("—");
    };
    QList<RecordModel::Record> records;
    for (const store::FlaggedRecord& r : *flagged)
        records.append(
            RecordModel::Record{r.event.caseId,
                                {QString::number(r.hallSeq), r.flag.window, r.caseNumber,
                                 core::eventTypeName(r.event.type), at(r.event.occurredAtUtc),
                                 at(r.receivedAtUtc), r.flag.reason},
                                core::WarningLevel::Yellow});
    return records;
}

} // namespace onewindow::ui

#pragma once

#include "core/RejectedText.h"
#include "store/Store.h"

#include <QDateTime>
#include <QHash>

#include <optional>

namespace onewindow::store {

// An event the hall rejected (decision 3), with the event that won: what the case view, the
// supervisor's 未生效记录, the tray and `onewindowctl sync status` show. Every store holds the
// same placements after a pull, so every workstation lists the same records; `own` marks this
// device's.
struct RejectedRecord
{
    core::Event event; // the rejected event, as the log keeps it
    core::EventAuthor by;
    QString caseNumber; // empty when the case has no projection here
    qint64 hallSeq = 0;
    QString reasonCode;
    QString reason;
    QString winnerId;
    std::optional<core::Event> winner; // when this store holds the winning event
    core::EventAuthor winnerBy;
    bool own = false;

    QString text(const QTimeZone& zone) const
    {
        return core::rejectedText(event, by, reason, winner, winnerBy, zone, !winnerId.isEmpty());
    }
};

// A document printed under an act the hall then rejected: void, and the paper handed out is to
// be recalled (追回已发文书, the supervisor's follow-up). Its document-printed event stays in the
// log as it was (the register keeps every number issued); the void is derived from the
// placements, so every workstation marks the same documents.
struct VoidedDocument
{
    QString caseId;
    QString caseNumber;
    QString printedEventId; // the first print of the number
    QString kind;           // core::documentKindKey
    QString number;
    QDateTime printedAtUtc;
    core::EventAuthor printedBy;
    QString sourceEventId; // the rejected act it evidenced
    QString reason;        // core::voidedDocumentReason
    qint64 hallSeq = 0;    // of the rejected act: the supervisor's list is newest first
    // The recall's closing (case.recall_closed, 文书追回办结) the hall did not reject, if any:
    // the supervisor's follow-up is then done.
    std::optional<core::Event> closed;
    core::EventAuthor closedBy;

    QString recallTask() const { return core::recallTaskText(kind, number); }
    // The follow-up as the lists show it: the task while open, how it ended once closed
    // ("追回已发文书：… 已追回（12月8日 10:20 王主任）").
    QString followUp(const QTimeZone& zone) const;
};

// The statement behind every list of rejected records; `where` follows its WHERE clause.
QString rejectedRecordsSql(const QString& where);

class RejectedRecords
{
public:
    explicit RejectedRecords(Store& store, QTimeZone zone = QTimeZone("Asia/Shanghai"))
        : m_store(store), m_zone(std::move(zone))
    {}

    // The case's rejected events, newest first.
    Result<QList<RejectedRecord>> ofCase(const QString& caseId) const;
    // Every device's rejected events this store knows, newest (hall order) first.
    Result<QList<RejectedRecord>> all(int limit) const;
    // This device's rejected events the clerk has not been told of, oldest first.
    Result<QList<RejectedRecord>> untoldOwn() const;
    // Remembers that the tray told these (a restart does not tell them again).
    Status markTold(const QStringList& eventIds, const QDateTime& nowUtc);

    // Documents printed under a rejected act (a reprint is the same document), of one case or,
    // with an empty id, of every case; newest rejection first.
    Result<QList<VoidedDocument>> voidedDocuments(const QString& caseId = {}) const;

private:
    Result<QList<RejectedRecord>> select(const QString& where, const QVariantList& binds) const;
    core::EventAuthor author(const QString& actorId) const;
    Result<std::optional<core::Event>> eventById(const QString& eventId) const;
    // The case's recall closings that stand, by document (core::recallKey).
    Result<QHash<QString, core::Event>> closingsOf(const QString& caseId) const;

    Store& m_store;
    QTimeZone m_zone;
    mutable QHash<QString, core::EventAuthor> m_authors;
};

} // namespace onewindow::store

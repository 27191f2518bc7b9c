#pragma once

#include "core/Clock.h"
#include "core/SyncProtocol.h"
#include "server/Judge.h"
#include "server/Model.h"
#include "server/storage/CentralDb.h"

namespace onewindow::server {

// The events table's columns as the ledger reads them (kEventColumns, in that order) and one row
// of them in the event's wire form: the stored texts exactly, so its checksum can be recomputed.
extern const char* const kEventColumns;
QJsonObject wireFromRow(const QSqlQuery& q);
// Decision 7: what a pull, a working set's page and a case's events read: kEventColumns of
// `events e` (prefixed), then the event's time flag, if any (kPulledFrom joins time_flags f).
// pulledEntry makes one entry of such a row: hall order, verdict, reason, winner, the event and,
// for a flagged one, its `time_flag` (docs/sync-protocol.md, "Clocks").
extern const char* const kPulledColumns;
extern const char* const kPulledFrom;
QJsonObject pulledEntry(const QSqlQuery& q);

// The case's hall, head and accepted events in hall order; nullopt for a case no hall holds. What
// a push judges an event against and what the server's own events (ServerMade) are made from,
// read through kept statements. A row that cannot be read fails the whole read: a case judged on
// part of its history would be judged wrong.
core::Result<std::optional<CaseRecord>> loadCase(CentralDb& db, const QString& caseId);

// Decision 5: the number an accepted event issues, (kind, number): a receipt its case number
// (kind "case"), a printed document its document number (kind: the document kind); nullopt for
// every other event.
std::optional<std::pair<QString, QString>> numberIssuedBy(const core::Event& event);
// Why `event` was refused for a number the hall had issued to another: case.duplicate_number for
// a receipt, document.duplicate_number for a document (LedgerNumbers.cpp).
core::Error duplicateNumber(const core::Event& event);

// The halls' event streams: a device's push, judged and stored in one transaction, and the
// pull of a hall's events by its commit counter.
class Ledger
{
public:
    Ledger(CentralDb& db, const core::Clock& clock) : m_db(db), m_clock(clock) {}

    // `events` in device-sequence order, every one of `device` (the caller checked that).
    PushOutcome push(const QString& deviceId, const QList<core::sync::WireEvent>& events);
    core::Result<PullPage> pull(const QString& hallCode, qint64 cursor, int limit);
    // Decision 7: an event whose own time lies outside [the device's last contact - this, its
    // receipt + this] is flagged beside it (server/storage/TimeFlags.h), never rejected.
    void setClockToleranceSeconds(int seconds) { m_toleranceSeconds = seconds; }
    int clockToleranceSeconds() const { return m_toleranceSeconds; }
    // Issue 17, group commit: while set, push() runs inside a transaction its caller began (a
    // savepoint each) and commits nothing: the caller commits the group, with one fsync, before
    // it answers any push of it. A push refused is rolled back to its savepoint alone.
    void setGrouped(bool grouped) { m_grouped = grouped, m_groupBroken = false; }
    bool grouped() const { return m_grouped; }
    // A push of the group could not be rolled back to its savepoint: roll the group back.
    bool groupBroken() const { return m_groupBroken; }

private:
    PushOutcome pushLocked(const Device& device, const QList<core::sync::WireEvent>& events);
    void stopDevice(const QString& deviceId);
    bool step(const char* sql); // a statement without values or rows (savepoints)
    // Decision 4 (LedgerSystem.cpp): the hall's acceptance of a system event, else the refusal
    // this device got for it before; none when the event is to be judged.
    core::Result<std::optional<EventAnswer>> systemAnswer(const Device& device,
                                                          const QString& eventId);
    // Keeps a refused copy of a system event, as it came, beside the hall's order (it takes no
    // place in it) and answers it with hall order 0.
    core::Result<EventAnswer> refuseSystemCopy(const Device& device,
                                               const core::sync::WireEvent& event,
                                               const Verdict& verdict, const QString& receivedAt);
    core::Status store(const Device& device, const core::sync::WireEvent& event, qint64 hallSeq,
                       const Verdict& verdict, const QString& receivedAt, bool caseKnown);
    // Records the case or document number an accepted event issues; the event that issued it
    // first when the number is already taken in the hall by another case (empty otherwise: a
    // reprint of the case's document keeps its number) (LedgerNumbers.cpp).
    core::Result<QString> issueNumbers(const Device& device, const core::Event& event);

    CentralDb& m_db;
    const core::Clock& m_clock;
    int m_toleranceSeconds = 120; // TimeFlags::kDefaultToleranceSeconds
    bool m_grouped = false, m_groupBroken = false;
};

} // namespace onewindow::server

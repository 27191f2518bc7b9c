#pragma once

#include "core/CaseFold.h"
#include "core/CasePayloads.h"
#include "core/DocumentKind.h"
#include "core/HallSettings.h"
#include "core/HolidayNotice.h"
#include "core/WorkingCalendar.h"
#include "store/Projection.h"
#include "store/Store.h"

#include <QHash>
#include <QTimeZone>

#include <functional>
#include <memory>

namespace onewindow::store {

class SqlStatement;

struct DeviceInfo
{
    QString deviceId;
    QString hallCode;   // 620102
    QString deviceCode; // W07
    qint64 nextSeq = 1;
};

// The hall's settings (zone, office close, follow-up days ...): one object, defined in core.
using HallSettings = core::HallSettings;

// The case event log of this workstation: every action is one event, appended in one
// BEGIN IMMEDIATE transaction with the next device sequence, the persisted hybrid logical clock
// and the case's projection. Reads fold a case's events with the item version it was received
// under and the working-day calendar.
class CaseStore
{
public:
    explicit CaseStore(Store& store, HallSettings settings = {});
    ~CaseStore();

    // The device identity, created on first use (hall code and window code from setup), in one
    // transaction (writeDeviceRow() of HallSetup.h for callers inside a larger one).
    Status ensureDevice(const QString& hallCode, const QString& deviceCode);
    Result<DeviceInfo> device() const;

    const core::WorkingCalendar& calendar() const { return m_calendar; }
    const HallSettings& settings() const { return m_settings; }
    // The hall's settings changed (a pull brought them): the next act and fold count with them
    // (the office's closing time, the allowed clock gap, the zone of "today").
    void setSettings(HallSettings settings) { m_settings = std::move(settings); }
    // Reads the calendar again; a failure is also kept, and every fold reports it until a
    // reload succeeds (calendarStatus()).
    Status reloadCalendar();
    Status calendarStatus() const { return m_calendarStatus; }

    struct Appended
    {
        core::Event event;
        core::CaseState state;
    };
    // Intake: a new case with its case number (hall-date-device-sequence) and query code.
    Result<Appended> receive(core::ReceivedInput input, const QString& actor);
    // Intake recorded as one act (CaseStoreIntake.cpp): in ONE transaction the case is received,
    // the decision `decide` makes from the received case (accept, one-time notice, refuse) is
    // appended, and the actor's intake draft is removed. When any step fails nothing is stored
    // and the draft stays, so the clerk can try again or continue later.
    struct IntakeDecision
    {
        core::EventType type = core::EventType::Accepted;
        QJsonObject payload;
    };
    struct Intake
    {
        Appended received;
        Appended decided;
    };
    Result<Intake>
    receiveAndDecide(core::ReceivedInput input,
                     const std::function<Result<IntakeDecision>(const Appended& received)>& decide,
                     const QString& actor);
    // A matter (一件事, issue 20) taken in as one act (CaseStoreMatter.cpp): in ONE transaction
    // every part is received with the matter's link (its number is the first part's case number
    // with -J) and its decision appended, and the actor's intake draft removed; nothing is stored
    // when any part fails. `decide` is called with each part's index and its received case.
    // Started from a case taken in alone (`joinCaseId`, "this applicant also needs ..."), that
    // case joins the matter first (并入一件事) and the matter takes its number with -J.
    struct MatterIntake
    {
        QString matterNumber;
        QList<Intake> parts;
        std::optional<Appended> joined;
    };
    Result<MatterIntake> receiveMatter(
        QList<core::ReceivedInput> parts, const QString& matterCode, int matterVersion,
        const std::function<Result<IntakeDecision>(int part, const Appended& received)>& decide,
        const QString& actor, const QString& joinCaseId = {});
    // (A part's material marked heldBy must be held by the joined case under the matter's shared
    // materials, core::heldByJoinedCase; matter.held_by otherwise, nothing written.)
    // 一件事: the hand-out of a matter's parts (core::planHandOut chose them) in ONE transaction,
    // each part's own hand-out event (送达) with `delivered` and the matter named in it.
    Result<QList<Appended>> handOutMatter(const QString& matterNumber, const QStringList& caseIds,
                                          const QJsonObject& delivered, bool partial,
                                          const QString& actor);
    // Decision 7: online, while this window's clock is further from the hall server's than the
    // hall's maxClockGapSeconds, every act (intake, action, hand-out) is refused with
    // core::sync::clockGap before anything is written (store/ClockState.h); and at a window the
    // hall retired, or whose sync stopped for good, every act is refused (decision 9,
    // store/OfflineRule.h).
    Status checkClock();
    // Any later action on a case; refused with the fold's message when not legal now.
    // `alongside`, when given, runs in the same transaction after the event is appended (the
    // first-inquiry log's entry of a case.inquired): its failure stores nothing, the event neither.
    Result<Appended> append(const QString& caseId, core::EventType type, const QJsonObject& payload,
                            const QString& actor,
                            const std::function<Status(const Appended&)>& alongside = {});

    Result<QList<core::Event>> events(const QString& caseId) const;
    Result<core::CaseState> state(const QString& caseId) const;
    // A case's events, the fold context of its item version, and its state: what every reader of
    // one case needs.
    struct LoadedCase
    {
        QList<core::Event> events;
        core::FoldContext context;
        core::CaseState state;
    };
    Result<LoadedCase> load(const QString& caseId) const;
    Result<QString> caseIdByNumber(const QString& caseNumber) const;
    // The fold context for a case's item version (cached).
    Result<core::FoldContext> contextFor(const QString& itemCode, int itemVersion) const;

    // Events made elsewhere (the demo seeder now, sync later), inserted with their projections in
    // one transaction; an event already stored is skipped. Returns how many were new.
    Result<int> importEvents(const QList<core::Event>& events);

    // System events whose time has come as of `today` (deemed accepted, deemed abandoned;
    // core/SystemEvents.h): each is one event whatever produced it, so producing it again, here
    // or elsewhere, changes nothing. Returns how many were new to this store.
    Result<int> produceDueSystemEvents(const QDate& today);
    // Whether this store produces time-driven events (on every write to a case, and on
    // produceDueSystemEvents). On by default; once windows sync, the server's rule of who may
    // produce them sets it.
    void setProducesSystemEvents(bool on) { m_producesSystemEvents = on; }
    bool producesSystemEvents() const { return m_producesSystemEvents; }
    // The 机关代字 of the items' offices (office name -> 代字, from hall.json `departments`): an
    // office's own letters (core::issuedByOffice) are numbered 代字〔YEAR〕N号, N counted per 代字
    // and year; an office without one keeps the hall's document numbers.
    void setOfficeDocPrefixes(QHash<QString, QString> prefixes)
    {
        m_docPrefixes = std::move(prefixes);
    }

    // The one calendar import (the window, the ctl, later the server): stores the notices and, in
    // the same transaction, recomputes every case whose clocks reach into their years; each open
    // case whose deadlines move gets a timeline entry naming the notice and each clock's old and
    // new deadline (a system event: the same import elsewhere makes the same entry). Finished
    // clocks keep the deadline they were judged on. Returns how many cases got one.
    // `checked`, when given, receives how many cases were recomputed, moved or not.
    Result<int> importCalendar(const QList<core::HolidayNotice>& notices, int* checked = nullptr);

    // Folds a case from events and writes its projection (inside the caller's transaction).
    Status reproject(const QString& caseId);

    // Printing a document of a case (core/DocumentKind.h; CaseStorePrint.cpp).
    struct PrintTicket
    {
        core::DocumentKind kind = core::DocumentKind::Receipt;
        QString number;              // 620102-SL-2026-W07-00042
        bool reprint = false;        // printed before: same number, marked 补打
        core::DocumentSource source; // the act the document evidences, and its date
        QList<core::Event> events;   // the case's log before this print
        core::CaseState state;       // its fold
        core::FoldContext context;   // item version, calendar, zone
    };
    // What printing `kind` for the case now would give: the number (a reprint keeps the first
    // print's, otherwise the next one of this device) and the case. Nothing is written: previews.
    // `paper`: "a4" or "80mm" (documents::pageFormatKey); a reprint is a print on paper the
    // document was printed on before (core::printedBefore).
    Result<PrintTicket> previewPrint(const QString& caseId, core::DocumentKind kind,
                                     const QString& paper = QStringLiteral("a4"));
    // One print: in one transaction the number is taken and the document-printed event
    // appended; after the commit, outside the write lock, `output` renders and prints or writes
    // the document with it. When `output` fails the failure is recorded (a document-print-failed
    // event) and the error (core::printFailed) says so: the number stays used, a gap, and the
    // next print takes a new one; a failed reprint keeps the first print's. A kind that does not
    // fit the case (a refusal for an accepted case) is refused with the reason.
    Result<PrintTicket> recordPrint(const QString& caseId, core::DocumentKind kind, int copies,
                                    const QString& actor,
                                    const std::function<Status(const PrintTicket&)>& output,
                                    const QString& paper = QStringLiteral("a4"));

    Store& store() const { return m_store; }

private:
    Status checkHeldPapers(const QList<core::ReceivedInput>& parts, const QString& matterCode,
                           int matterVersion, const QString& joinCaseId);
    // A new event of this device; its hlc is after `after` (the case's last event).
    Result<core::Event> stamp(core::EventType type, const QString& caseId,
                              const QJsonObject& payload, const QString& actor,
                              const QString& after);
    Status insertEvent(const core::Event& e, const QString& syncState);
    // Binds the event's columns to an insert statement of the log and runs it.
    Status insertEventWith(SqlStatement& statement, const core::Event& e, const QString& syncState);
    // Admits and inserts system events of a case (an event already stored is left as it is);
    // returns how many were new.
    Result<int> insertSystemEvents(const core::CaseState& state, const core::FoldContext& context,
                                   QList<core::Event> events);
    // Produces what is due for one case as of `today`, in a transaction of its own.
    Result<int> catchUpCase(const QString& caseId, const QDate& today);
    // Produces what is due for the loaded case as of `today`; refolds it when anything was new.
    Status catchUp(const QString& caseId, LoadedCase& loaded, const QDate& today, bool& changed);
    Status project(const core::CaseState& state, const core::FoldContext& context,
                   const QDate& asOf);
    Result<QString> nextCaseNumber(const DeviceInfo& device, const QDate& day);
    Result<PrintTicket> ticketFor(const QString& caseId, core::DocumentKind kind, bool take,
                                  const QString& paper);
    Result<Appended> receiveInTransaction(core::ReceivedInput input, const DeviceInfo& device,
                                          const QString& actor);
    Result<Appended> appendInTransaction(const QString& caseId, core::EventType type,
                                         const QJsonObject& payload, const QString& actor);

    Store& m_store;
    HallSettings m_settings;
    bool m_producesSystemEvents = true;
    QHash<QString, QString> m_docPrefixes;
    core::WorkingCalendar m_calendar;
    Status m_calendarStatus;
    mutable QHash<QString, std::shared_ptr<core::ServiceItem>> m_items;

    // Recently touched cases: their folded state and stored projection, valid while the case's
    // last event is still the one they were made from (checked on every use), so an action folds
    // and writes only what it changes.
    struct CachedCase
    {
        QList<core::Event> events;
        core::CaseState state;
        qint64 lastRowid = 0;
        qint64 lastPlaced = 0; // the case's last placement row (sync), 0 when none
        CaseProjection projection;
    };
    QHash<QString, CachedCase> m_cache;
    QHash<QString, CachedCase> m_pending; // written in the open transaction, not yet committed
    void settle(bool committed);
    // The case as it is in the store now: from the cache when its last event is still the one
    // the cache was made from (one indexed read), else read and folded. `projection` is the
    // stored projection when it came from the cache.
    struct Current
    {
        LoadedCase loaded;
        std::optional<CaseProjection> projection;
        qint64 lastPlaced = 0;
    };
    Result<Current> current(const QString& caseId);
    Result<DeviceInfo> thisDevice(); // device(), with a statement prepared once
    // The next number of a document kind in a year on this device; `take` uses it up.
    Result<qint64> documentSequence(const QString& kindKey, int year, bool take);
    // Statements prepared once per store.
    struct Statements;
    std::shared_ptr<Statements> m_sql;
    Statements& sql();
};

} // namespace onewindow::store

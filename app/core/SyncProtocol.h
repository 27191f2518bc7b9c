#pragma once

#include "core/Error.h"
#include "core/Event.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace onewindow::core::sync {

// Protocol v1 between a workstation and onewindow-server (docs/sync-protocol.md). What both sides
// must agree on lives here, in core: the version, the limits, the event's wire form, the case
// head rule and the refusals with their stable codes and Chinese messages.

// Decision 10 (versions): every request names the protocol it speaks, the build that sends it and
// the version of the fold it folds with; the server takes protocol and fold versions N and N-1
// and answers 426 to any other (and to a request without them).
//
// Protocol 2 (wave 2): master records on the pull's road, waiting pulls, system events in a push.
// Protocol 1 still served: its pulls leave the master records out (the cursor moves past them).
constexpr int kProtocolVersion = 2;
constexpr int kOldestProtocolVersion = kProtocolVersion - 1;
inline constexpr char kProtocolHeader[] = "OneWindow-Protocol";
inline constexpr char kBuildHeader[] = "OneWindow-Build"; // e.g. 0.1.0: logged, never judged
inline constexpr char kFoldHeader[] = "OneWindow-Fold";
// The fold's version: raised whenever core's fold or rules change what a stored event means, so a
// device folding another version would show another state for the same events. Fold 2 folds the
// event types added after fold 1 was declared (disclosure replies and fees, third-party answers,
// a case joined to a matter); fold 3 folds holds (领办, its release and recall: core/CaseHold.h)
// and judges every action on a held case by its device; fold 4 folds an inquiry about a case
// (case.inquired, 咨询: core/Inquiry.h); fold 5 folds a void document's recall closed
// (case.recall_closed, 文书追回办结: core/RecallClose.h): see foldIntroducing().
constexpr int kFoldVersion = 5;
constexpr int kOldestFoldVersion = kFoldVersion > 1 ? kFoldVersion - 1 : kFoldVersion;
// Decision 10: the fold version that first folds an event type. The server takes an event of a
// type only while every active device of the hall folds it (its last request named a fold at least
// this), and once the hall holds one, refuses devices whose fold is older.
int foldIntroducing(EventType type);
constexpr int kMaxBatchEvents = 500;
constexpr qint64 kMaxBatchBytes = 1024 * 1024;
constexpr int kDefaultPullLimit = 500;
constexpr int kMaxPullLimit = 1000;

// Decision 1 (case heads): a state-changing event carries, in its payload under this key, the id
// of the case's head as its device had folded it: the last accepted event of the case that is not
// mergeable. The head is part of the payload, so the checksum covers it.
inline constexpr char kCaseHeadKey[] = "caseHead";
// Mergeable types never conflict: they are accepted on any head and do not move it.
bool isMergeable(EventType type);
// Whether the server compares the event's case head: every person's action but the receipt
// (which starts the case) and the mergeable ones. System events are judged by the lifecycle alone.
bool needsCaseHead(EventType type);
QString caseHeadOf(const Event& event);
// Decision 8: a person's event (not a system event: the server makes those itself, byte for byte
// like a window) records the version of the calendar its device judged it on
// (WorkingCalendar::version()) under this key, so the server judges it on that calendar too.
inline constexpr char kCalendarVersionKey[] = "calendarVersion";
bool recordsCalendarVersion(EventType type);
QString calendarVersionOf(const Event& event); // empty when the event records none
// Whether an accepted event becomes its case's head: neither mergeable nor a system event (a
// time-driven fact decides nothing a window based its act on). The server's head and every
// device's (core/CaseHead.h) follow this one rule.
bool movesHead(EventType type);

// The event on the wire: the envelope's fields, the payload as its canonical text (kept as text
// so the checksum holds byte for byte) and the checksum.
QJsonObject eventToWire(const Event& event);

// What a pushed event turned out to be before any rule is asked: its envelope as sent and, when it
// is well formed, the core event. A technical fault (unknown type, bad envelope, checksum that
// does not match) keeps the raw fields and the fault, so the event is set aside visibly.
struct WireEvent
{
    QString eventId;
    QString caseId;
    QString deviceId;
    qint64 deviceSeq = 0;
    QString hlc;
    QString actorId;
    QString occurredAt;
    QString type;
    int typeVersion = 0;
    QByteArray payloadText;
    QString checksum;
    std::optional<Event> event; // set when well formed
    std::optional<Error> fault; // set when not
};
// Reads one event of a push. Err only when the object cannot be an event at all (no id or
// sequence): the whole request is then bad.
Result<WireEvent> eventFromWire(const QJsonObject& object);

// Stable codes of the protocol's refusals (the answer's "error") and of event verdict reasons.
namespace code {
inline const QString kProtocolUnsupported = QStringLiteral("protocol_unsupported");
inline const QString kFoldUnsupported = QStringLiteral("fold_unsupported");
inline const QString kBuildMissing = QStringLiteral("build_missing");
inline const QString kMethodNotAllowed = QStringLiteral("method_not_allowed");
inline const QString kNotFound = QStringLiteral("not_found");
inline const QString kUnauthorized = QStringLiteral("unauthorized");
inline const QString kDeviceRevoked = QStringLiteral("device_revoked");
inline const QString kDeviceStopped = QStringLiteral("device_stopped");
inline const QString kDeviceMismatch = QStringLiteral("device_mismatch");
inline const QString kHallForbidden = QStringLiteral("hall_forbidden");
inline const QString kCodeInvalid = QStringLiteral("code_invalid");
inline const QString kCodeExpired = QStringLiteral("code_expired");
inline const QString kBadRequest = QStringLiteral("bad_request");
inline const QString kBatchTooLarge = QStringLiteral("batch_too_large");
inline const QString kSequenceGap = QStringLiteral("sequence_gap");
inline const QString kSequenceReused = QStringLiteral("sequence_reused");
inline const QString kServerError = QStringLiteral("server_error");
// Reasons of a rejected event (besides the fold's own, case.illegal_action ...).
inline const QString kStaleHead = QStringLiteral("case.stale_head");
inline const QString kOtherHall = QStringLiteral("case.other_hall");
inline const QString kNoCase = QStringLiteral("case.not_received");
inline const QString kBadChecksum = QStringLiteral("event.bad_checksum");
inline const QString kUnknownType = QStringLiteral("event.unknown_type");
inline const QString kBadEnvelope = QStringLiteral("event.bad_envelope");
// Wave 2 (master data at the server): the actor and the numbers.
inline const QString kActorUnknown = QStringLiteral("case.actor_unknown");
inline const QString kRoleMissing = QStringLiteral("case.role_missing");
inline const QString kDuplicateNumber = QStringLiteral("case.duplicate_number");
inline const QString kDuplicateDocumentNumber = QStringLiteral("document.duplicate_number");
inline const QString kUnknownItem = QStringLiteral("case.unknown_item");
inline const QString kSystemEventNotDue = QStringLiteral("case.system_event_not_due");
inline const QString kTypeNotEnabled = QStringLiteral("event.type_not_enabled");
inline const QString kFoldBehindHall = QStringLiteral("fold_behind_hall");
} // namespace code

// The refusals, composed once, in Chinese.
Error protocolUnsupported(const QString& sent);
Error foldUnsupported(const QString& sent);
// Decision 10: an event of a type some active device of the hall cannot fold yet (set aside as
// rejected), and a device whose fold cannot read what the hall already holds (426).
Error typeNotEnabled(EventType type, int needed, int hallFold);
Error foldBehindHall(int sent, int hallFloor);
Error buildMissing();
Error methodNotAllowed(const QString& method, const QString& path);
Error notFound(const QString& path);
Error unauthorized();
Error deviceRevoked();
Error deviceStopped();
Error deviceMismatch();
Error hallForbidden(const QString& hall);
Error codeInvalid();
Error codeExpired();
Error badRequest(const QString& what);
Error batchTooLarge();
Error sequenceGap(qint64 expected);
Error sequenceReused(qint64 seq);
Error staleHead();
Error otherHall();
Error serverError();
Error actorUnknown(const QString& actor);
Error roleMissing(const QString& actor, const QString& action);
Error duplicateCaseNumber(const QString& number);
// A document number (a 文号 or the hall's) that another case's document already bears.
Error duplicateDocumentNumber(const QString& number);
Error unknownItem();
Error systemEventNotDue();

} // namespace onewindow::core::sync

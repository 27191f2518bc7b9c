#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace onewindow::core {

// Every case action is one immutable event. The set of types covers the lifecycle of domain.md;
// each has a stable key (what is stored and synced) and a payload version.
enum class EventType
{
    Received,        // 收件: channel, receipt day, applicant, materials presented
    NoticeIssued,    // 一次性告知 / 补正通知
    Corrected,       // 补正材料收到
    Accepted,        // 受理 (with deferred materials or commitments)
    Refused,         // 不予受理
    DeemedAccepted,  // 视为受理 (system: the notice period ran out)
    Withdrawn,       // 撤回
    DeemedAbandoned, // 视为放弃 / 逾期未补正终止 (system: the correction period ran out)
    Suspended,       // 中止 (time not counted)
    Resumed,         // 恢复
    ExtensionRequested,
    ExtensionApproved,
    ExtensionRefused,
    Forwarded,   // 移交后台
    Decided,     // 办结 / 决定
    ResultReady, // 出件
    Delivered,   // 送达 / 领取 / 寄送
    Supervised,  // 督办
    Note,
    Rated,               // 好差评
    RatingFollowedUp,    // 差评整改回访
    DocumentPrinted,     // 打印文书 (kind, number, copies)
    DeadlineRecomputed,  // 日历变更后重算期限 (system)
    SupervisionAnswered, // 督办反馈: what was done about the latest order, which closes it
    DocumentPrintFailed, // 文书打印失败: a recorded print that did not come out (its number unused)
    DisclosureReplied, // 政府信息公开答复 (条例 Art. 36): one row per request; ends the case
    FeeNoticed, // 信息处理费收费通知 (国办函〔2020〕109号): time to payment not counted
    FeePaid,    // 缴费
    FeeLapsed,          // 逾期未缴费 (system): counts as withdrawn
    ThirdPartyAnswered, // 第三方意见 (条例 Art. 32): ends the consultation's suspension
    MatterJoined, // 并入一件事: a case taken in alone counted as a part of a matter later
    Held,         // 领办: this device holds the case; only it changes the case (CaseHold.h)
    HoldReleased, // 释放领办: the holder lets the case go
    HoldRecalled, // 收回领办: a supervisor takes a hold back (a device lost, retired, revoked)
    Inquired,    // 咨询: a question about the case answered or referred (首问负责); mergeable
    RecallClosed // 文书追回办结: a void document got back, or not recoverable (RecallClose.h)
};

QString eventTypeKey(EventType type); // "case.received" ...
std::optional<EventType> eventTypeFromKey(const QString& key);
QString eventTypeName(EventType type); // 收件, 一次性告知 ... as the timeline shows them
int currentTypeVersion(EventType type);
bool isSystemEvent(EventType type); // produced by a workstation, not a person

// The envelope every event carries (architecture.md, "Cases are events"). What the log stores is
// exactly what will sync.
struct Event
{
    QString eventId; // UUIDv7
    QString caseId;  // UUIDv7 of the case
    QString deviceId;
    qint64 deviceSeq = 0; // contiguous per device
    QString hlc;          // hybrid logical clock, sortable text
    QString actorId;
    QDateTime occurredAtUtc;
    EventType type = EventType::Note;
    int typeVersion = 1;
    QJsonObject payload;
};

// The system actor, for events no person did.
inline const QString kSystemActor = QStringLiteral("system");
// The hall's central server, for the acts it makes itself (decision 9: the holds of a retired or
// revoked device taken back); shown as 中心服务器. No user of a hall has this id.
inline const QString kServerActor = QStringLiteral("server");

// One canonical order of a case's events (architecture.md, "Cases are events"): every store that
// holds the same events folds them in the same order. Before a hall has a server it is (hlc,
// device, sequence): the hybrid logical clock keeps cause before effect across devices, the device
// and its sequence break ties. With sync, the hall's order from the server comes first and this
// device's pending events on top (the server issue adds that key in front of these).
bool canonicallyBefore(const Event& a, const Event& b);
void sortCanonically(QList<Event>& events);
bool isCanonicallySorted(const QList<Event>& events);

// System events stand outside every device's sequence: each is the only event of a pseudo-device
// of its own, "system/<event id>", at sequence 1. Their id and every field derive from what they
// are, so two producers (two windows, the ctl, later the server) make the same event and the
// second insert changes nothing.
QString systemDeviceId(const QString& eventId);
bool isSystemDevice(const QString& deviceId);
// A name-based UUID (RFC 9562 version 5) in OneWindow's namespace: the id of a system event.
QString nameBasedEventId(const QString& name);
// The hlc text of a system event made at `at`: the same format as a device's (13-digit ms,
// 5-digit counter, "system"), so it sorts with everyone's events.
QString systemHlc(const QDateTime& at);

} // namespace onewindow::core

#pragma once

#include "core/CaseClocks.h"
#include "core/Catalog.h"
#include "core/DisclosureReply.h"
#include "core/Event.h"
#include "core/Matter.h"

#include <QDate>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QString>

#include <optional>

namespace onewindow::core {

enum class CaseStatus
{
    Received,           // materials received, being checked
    AwaitingCorrection, // one-time notice issued, waiting for the applicant
    InProgress,         // accepted (or deemed accepted)
    Suspended,          // time not counted
    Decided,
    ResultReady,
    Delivered,
    Refused,
    Withdrawn,
    Abandoned, // deemed abandoned / closed as not corrected
};
QString caseStatusKey(CaseStatus status);
QString caseStatusName(CaseStatus status);
std::optional<CaseStatus> caseStatusFromKey(const QString& key);

// 政府信息公开条例 Art. 31: how the application arrived decides its receipt day.
enum class Channel
{
    InPerson,   // the day of submission
    PostSigned, // the day the office signs for it
    PostPlain,  // the day the office confirms with the applicant (it confirms the same day)
    Internet,   // the day both sides confirm
    Fax,        // the day both sides confirm
};
QString channelKey(Channel channel);
QString channelName(Channel channel);
std::optional<Channel> channelFromKey(const QString& key);
// The receipt day the rule gives: in person, the submission day; otherwise the confirmation day.
QDate receiptDay(Channel channel, const QDate& submittedOn, const QDate& confirmedOn);

enum class MaterialState
{
    Provided,
    Missing,
    Defective,     // with the problem in words
    Deferred,      // 容缺: accepted without it, due by a date
    Committed,     // 告知承诺: replaced by a signed commitment
    NotApplicable, // 不适用: a conditional material whose condition does not hold, an optional one
                   // not brought
    Unchecked, // 未核验: at intake, not looked at yet; never recorded in a case
};
QString materialStateKey(MaterialState state);
QString materialStateName(MaterialState state);
std::optional<MaterialState> materialStateFromKey(const QString& key);

struct Applicant
{
    bool organisation = false;
    QString name;
    QString idNumber; // citizen ID of a person
    QString phone;
    QString uscc; // an organisation's code
    QString legalRepresentative;
    QString agentName;
    QString agentIdNumber;

    QJsonObject toJson() const;
    static Applicant fromJson(const QJsonObject& o);
    friend bool operator==(const Applicant&, const Applicant&) = default;
};

struct MaterialCheck
{
    QString code;
    QString name;
    MaterialState state = MaterialState::Provided;
    QString problem; // what is wrong (defective) or what would satisfy it
    int copies = 0;
    std::optional<QDate> dueDate; // deferred materials
    // 一件事 started from a case: the case number of the case whose acceptance already holds this
    // paper, so it was not handed in again (core/MatterCase.h, heldByJoinedCase).
    QString heldBy;
    // A paper that case holds, taken again at the matter's intake all the same (the ID card
    // expired since it was accepted): the case number that held it and the clerk's reason. The
    // paper is then checked like any other (never heldBy).
    QString retakenFrom;
    QString retakenReason;

    QJsonObject toJson() const;
    static MaterialCheck fromJson(const QJsonObject& o);
    friend bool operator==(const MaterialCheck&, const MaterialCheck&) = default;
};

// One correction of a one-time notice: the material, what is wrong, and what would satisfy it.
struct Correction
{
    QString materialCode;
    QString materialName;
    QString problem;
    QString requirement;

    QJsonObject toJson() const;
    static Correction fromJson(const QJsonObject& o);
    friend bool operator==(const Correction&, const Correction&) = default;
};

struct NoticeRecord
{
    QDate date;
    QList<Correction> corrections;
    int correctionDays = 0;
    bool repeat = false; // named something new: needs the supervisor's recorded reason
    QString repeatReason;
    QString approvedBy;
};

struct ExtensionRequest
{
    QString clock; // "statutory" or "promised"
    int days = 0;
    QString reason;
    QDate requestedOn;
    std::optional<bool> approved;
    QString decidedBy;
};

struct RejectedEvent
{
    QString eventId;
    QString reason;
};

// A case as its events make it. Produced only by foldCase().
struct CaseState
{
    QString caseId;
    QString caseNumber;
    QString queryCode;
    QString itemCode;
    int itemVersion = 0;
    QString receivedEventId;   // started the notice clock
    QString lastNoticeEventId; // started the running correction clock
    QString receivedBy;        // the clerk who took it in
    QString windowCode;
    Channel channel = Channel::InPerson;
    Applicant applicant;
    std::optional<DeliveryOption> delivery; // chosen at intake; unset in older cases
    QString postalAddress;                  // for 邮寄
    std::optional<MatterLink> matter;       // received as a part of a matter (一件事, issue 20)
    std::optional<QDate> matterJoinedOn;    // a case taken in alone and joined to a matter later
    QList<MaterialCheck> materials;
    CaseStatus status = CaseStatus::Received;
    QList<NoticeRecord> notices;
    int repeatNotices = 0;
    QSet<QString> resubmittedSinceNotice; // material codes re-submitted since the last notice
    QList<ExtensionRequest> extensions;
    QString forwardedTo;
    QString decisionOutcome; // "granted" / "not_granted"
    QString decisionNumber;
    std::optional<int> rating; // 1 (非常不满意) .. 5 (非常满意)
    std::optional<QDate> ratedOn;
    int supervisionOrders = 0;
    // The latest supervision order (督办): to whom, what, by when, by whom and on which day.
    QString supervisedClerk;
    QString supervisedWindow;
    QString supervisionNote;
    QString supervisedBy;
    std::optional<QDate> supervisedOn;
    std::optional<QDate> supervisionDue;
    // The answer to the latest order (督办反馈), which closes it; a new order opens again.
    std::optional<QDate> supervisionAnsweredOn;
    QString supervisionAnsweredBy;
    QString supervisionReply;
    int documentsPrinted = 0;
    // The documents whose paper came out, by kind and number (RecallClose.h: recallKey), with
    // how many prints of each did; and the numbers whose recall (追回已发文书) is closed.
    QHash<QString, int> paperDocuments;
    QSet<QString> recallsClosed;
    // Disclosure (政府信息公开条例). The reply that ended the case, one row per request (Art. 36),
    // the applicant's column in the annual report's table, and how a third party's opinion was
    // weighed (Art. 32).
    QList<ReplyRow> replies;
    QString applicantKind;
    QString thirdPartyWeighed;
    QString suspensionKind;    // of the running or latest suspension (kSuspensionKinds, or "fee")
    QString thirdParty;        // the latest third party consulted (Art. 32)
    QString thirdPartyOpinion; // its opinion once resumed (kThirdPartyOpinions)
    // The processing fee (国办函〔2020〕109号): at most one notice per application.
    QString feeNoticeEventId;
    QString feeBasis; // kFeeBases
    int feeUnits = 0;
    int feePrior = 0; // the applicant's earlier applications that month (by count)
    qint64 feeAmount = 0;
    bool feePaid = false;
    QString closedReason;
    // 领办 (decision 1, core/CaseHold.h): the device holding the case, its window, the clerk who
    // took it and the hold's event; empty while nobody holds it.
    QString holderDevice;
    QString holderWindow;
    QString holderActor;
    QString holdEventId;
    QDateTime heldAtUtc;
    CaseTimeline timeline;         // dated facts for the clocks
    QList<RejectedEvent> rejected; // events that were not legal where the log put them
    int eventCount = 0;

    bool isOpen() const;
    bool pendingExtension() const;
    bool supervisionOpen() const; // an order given and not yet answered
    bool feePending() const;      // a fee notice given, neither paid nor lapsed
};

} // namespace onewindow::core

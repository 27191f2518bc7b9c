#pragma once

#include "core/DeadlineClock.h"
#include "core/Error.h"
#include "core/HallSettings.h"
#include "core/WorkingCalendar.h"

#include <QDate>
#include <QList>
#include <QTime>

#include <optional>

namespace onewindow::core {

// The procedure profile of a service item fixes which statutory rules its cases follow.
enum class ProcedureProfile
{
    Licence,       // 行政许可法
    Disclosure,    // 政府信息公开条例
    PublicService, // 公共服务: local rules, modelled on the licensing law's periods
    SameDay,       // 即办件
};

enum class ClockKind
{
    Notice,         // receipt -> one-time notice, acceptance or refusal
    Statutory,      // acceptance -> decision, the legal limit
    Promised,       // acceptance -> decision, the hall's promise
    Correction,     // notice issued -> corrected
    Delivery,       // decision -> delivered
    RatingFollowUp, // bad rating -> followed up
    // 政府信息公开条例 Art. 32: a consulted third party's 15 working days (asked -> answered)
    ThirdPartyOpinion,
    // 国办函〔2020〕109号: the applicant's period to pay the processing fee (notice -> paid)
    FeePayment,
};

// 政府信息公开条例 Art. 32: a third party asked for its opinion answers within 15 working days.
inline constexpr int kThirdPartyOpinionDays = 15;

// What the law fixes per profile (all in working days).
struct ProfileRules
{
    int noticeDays;    // 行政许可法 Art. 32: 5; 政府信息公开条例 Art. 30: 7
    int extensionCap;  // 行政许可法 Art. 42: 10; 政府信息公开条例 Art. 33: 20
    int maxExtensions; // both: one extension
    int deliveryDays;  // 行政许可法 Art. 44: 10; 0: no delivery clock
    bool correctionLapseAbandons; // 政府信息公开条例 Art. 30: deemed abandoned
};

ProfileRules profileRules(ProcedureProfile profile);
QString profileName(ProcedureProfile profile);
QString clockKindName(ClockKind kind);
QString clockKindKey(ClockKind kind); // stable key: notice, statutory, promised, ...
std::optional<ClockKind> clockKindFromKey(const QString& key);

// Checks an extension request against the profile's cap (行政许可法 Art. 42: once, at most 10
// working days; 政府信息公开条例 Art. 33: at most 20 working days).
Status checkExtension(ProcedureProfile profile, const QList<int>& grantedBefore, int requestedDays);

// Same-day items (即办件) are due the day they are accepted; accepted after office hours or on a
// non-working day, they are due the next working day.
Result<QDate> sameDayDueDate(const WorkingCalendar& calendar, const QDate& acceptedOn,
                             const QTime& acceptedAt, const QTime& officeClose);

// The deadline a clock had when an event stopped it, as that event recorded it (judged on the
// calendar of its day): a calendar imported later moves running deadlines, never finished ones.
struct RecordedDeadline
{
    ClockKind kind;
    QDate trigger; // the clock it belonged to (a correction clock restarts with each notice)
    QDate deadline;
};

// A case's dated facts, as its event log folds them. Dates are civil dates in the hall's zone.
struct CaseTimeline
{
    ProcedureProfile profile = ProcedureProfile::Licence;
    int statutoryDays = 20;
    int promisedDays = 20;
    int correctionDays = 5;
    // Each limit's unit, from the item version the case was received under (its extensions count
    // in the same unit). The notice, delivery and follow-up clocks are working days by their laws.
    DayUnit statutoryUnit = DayUnit::WorkingDays;
    DayUnit promisedUnit = DayUnit::WorkingDays;
    DayUnit correctionUnit = DayUnit::WorkingDays;
    int followUpDays = HallSettings::kDefaultFollowUpDays;
    int warningThreshold = -1; // the item's; negative: default for each limit
    QTime officeClose = HallSettings::defaultOfficeClose();

    QDate received;
    std::optional<QDate> noticeIssued; // the latest one-time notice
    std::optional<QDate> corrected;    // the latest correction received
    std::optional<QDate> accepted;     // including deemed acceptance (as of the receipt day)
    bool deemedAccepted = false;       // the notice period ran out (行政许可法 Art. 32)
    std::optional<QDate> noticeLapsed; // the day the deemed acceptance recorded as the lapse
    std::optional<QTime> acceptedAt;   // for same-day items
    std::optional<QDate> refused;
    std::optional<QDate> closedWithoutDecision; // withdrawn, deemed abandoned
    QList<Suspension> suspensions;
    QList<int> statutoryExtensions;
    QList<int> promisedExtensions;
    std::optional<QDate> decided;
    std::optional<QDate> delivered;
    std::optional<QDate> badRating;
    std::optional<QDate> followedUp;
    // Disclosure: the latest third-party consultation (Art. 32) and the fee notice (国办函〔2020〕
    // 109号): their periods are the third party's and the applicant's, not counted in the reply's.
    std::optional<QDate> thirdPartyAsked;
    std::optional<QDate> thirdPartyAnswered;
    std::optional<QDate> feeNoticed;
    std::optional<QDate> feeSettled; // paid, or lapsed
    int feePaymentDays = 0;          // as the fee notice stated them
    QList<RecordedDeadline> recordedDeadlines;
};

struct CaseClock
{
    ClockKind kind;
    ClockResult clock;
};

// Every clock the timeline has started, computed as of `asOf`.
Result<QList<CaseClock>> caseClocks(const WorkingCalendar& calendar, const CaseTimeline& timeline,
                                    const QDate& asOf);

// 行政许可法 Art. 32: no one-time notice within the notice period means the application counts as
// accepted from the day the materials were received. Returns that day once the notice clock has run
// out unfinished as of `asOf`.
std::optional<QDate> deemedAcceptedOn(const WorkingCalendar& calendar, const CaseTimeline& timeline,
                                      const QDate& asOf);

} // namespace onewindow::core

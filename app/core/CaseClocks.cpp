#include "core/CaseClocks.h"

#include <algorithm>
#include <numeric>

namespace onewindow::core {

ProfileRules profileRules(ProcedureProfile profile)
{
    switch (profile) {
    case ProcedureProfile::Licence:
        // 行政许可法 Art. 32 (notice within 5 days), Art. 42 (+10 days once), Art. 44 (10 days).
        return {5, 10, 1, 10, false};
    case ProcedureProfile::Disclosure:
        // 政府信息公开条例 Art. 30 (notice within 7 working days; no correction: deemed abandoned),
        // Art. 33 (one extension of at most 20 working days).
        return {7, 20, 1, 0, true};
    case ProcedureProfile::PublicService:
        // No statute of its own: halls apply the licensing law's periods by analogy.
        return {5, 10, 1, 10, false};
    case ProcedureProfile::SameDay:
        return {5, 0, 0, 10, false};
    }
    return {5, 10, 1, 10, false};
}

QString profileName(ProcedureProfile profile)
{
    switch (profile) {
    case ProcedureProfile::Licence:
        return QStringLiteral("行政许可");
    case ProcedureProfile::Disclosure:
        return QStringLiteral("政府信息公开");
    case ProcedureProfile::PublicService:
        return QStringLiteral("公共服务");
    case ProcedureProfile::SameDay:
        return QStringLiteral("即办件");
    }
    return {};
}

QString clockKindName(ClockKind kind)
{
    switch (kind) {
    case ClockKind::Notice:
        return QStringLiteral("补正告知时限");
    case ClockKind::Statutory:
        return QStringLiteral("法定时限");
    case ClockKind::Promised:
        return QStringLiteral("承诺时限");
    case ClockKind::Correction:
        return QStringLiteral("补正期限");
    case ClockKind::Delivery:
        return QStringLiteral("送达时限");
    case ClockKind::RatingFollowUp:
        return QStringLiteral("差评整改时限");
    case ClockKind::ThirdPartyOpinion:
        return QStringLiteral("第三方意见期限");
    case ClockKind::FeePayment:
        return QStringLiteral("缴费期限");
    }
    return {};
}

QString clockKindKey(ClockKind kind)
{
    switch (kind) {
    case ClockKind::Notice:
        return QStringLiteral("notice");
    case ClockKind::Statutory:
        return QStringLiteral("statutory");
    case ClockKind::Promised:
        return QStringLiteral("promised");
    case ClockKind::Correction:
        return QStringLiteral("correction");
    case ClockKind::Delivery:
        return QStringLiteral("delivery");
    case ClockKind::RatingFollowUp:
        return QStringLiteral("rating_follow_up");
    case ClockKind::ThirdPartyOpinion:
        return QStringLiteral("third_party_opinion");
    case ClockKind::FeePayment:
        return QStringLiteral("fee_payment");
    }
    return {};
}

std::optional<ClockKind> clockKindFromKey(const QString& key)
{
    for (ClockKind k : {ClockKind::Notice, ClockKind::Statutory, ClockKind::Promised,
                        ClockKind::Correction, ClockKind::Delivery, ClockKind::RatingFollowUp,
                        ClockKind::ThirdPartyOpinion, ClockKind::FeePayment})
        if (clockKindKey(k) == key)
            return k;
    return std::nullopt;
}

Status checkExtension(ProcedureProfile profile, const QList<int>& grantedBefore, int requestedDays)
{
    const ProfileRules rules = profileRules(profile);
    if (requestedDays <= 0)
        return Error{QStringLiteral("extension.not_positive"),
                     QStringLiteral("延期天数应为正整数（工作日）")};
    if (rules.maxExtensions == 0)
        return Error{QStringLiteral("extension.not_allowed"),
                     QStringLiteral("%1不能延期").arg(profileName(profile))};
    if (grantedBefore.size() >= rules.maxExtensions)
        return Error{QStringLiteral("extension.already_extended"),
                     QStringLiteral("%1只能延期一次，本件已经延期").arg(profileName(profile))};
    const int total =
        std::accumulate(grantedBefore.begin(), grantedBefore.end(), 0) + requestedDays;
    if (total > rules.extensionCap)
        return Error{QStringLiteral("extension.over_cap"),
                     QStringLiteral("%1延期最多 %2 个工作日，申请的 %3 个工作日超过上限")
                         .arg(profileName(profile))
                         .arg(rules.extensionCap)
                         .arg(requestedDays)};
    return {};
}

Result<QDate> sameDayDueDate(const WorkingCalendar& calendar, const QDate& acceptedOn,
                             const QTime& acceptedAt, const QTime& officeClose)
{
    if (!WorkingCalendar::supports(acceptedOn))
        return Error{QStringLiteral("clock.out_of_range"),
                     QStringLiteral("受理日期超出日历支持的范围")};
    if (calendar.isWorkingDay(acceptedOn) && acceptedAt <= officeClose)
        return acceptedOn;
    Result<DeadlineAnswer> next = calendar.nthWorkingDayAfter(acceptedOn, 1);
    if (!next)
        return next.error();
    return next->date;
}

namespace {

std::optional<QDate> earliest(std::initializer_list<std::optional<QDate>> dates)
{
    std::optional<QDate> best;
    for (const auto& d : dates) {
        if (d && (!best || *d < *best))
            best = d;
    }
    return best;
}

int sum(const QList<int>& values)
{
    return std::accumulate(values.begin(), values.end(), 0);
}

} // namespace

Result<QList<CaseClock>> caseClocks(const WorkingCalendar& calendar, const CaseTimeline& t,
                                    const QDate& asOf)
{
    const ProfileRules rules = profileRules(t.profile);
    QList<CaseClock> clocks;
    auto add = [&](ClockKind kind, const ClockInput& input) -> Status {
        Result<ClockResult> r = computeClock(calendar, input, asOf);
        if (!r)
            return r.error();
        ClockResult clock = *r;
        // A finished clock keeps the deadline its stopping event was judged on.
        if (clock.stopped)
            for (const RecordedDeadline& rec : t.recordedDeadlines)
                if (rec.kind == kind && rec.trigger == clock.trigger &&
                    WorkingCalendar::supports(rec.deadline) && rec.deadline != clock.deadline) {
                    clock.deadline = rec.deadline;
                    clock.status = clockStatus(calendar, clock, asOf);
                }
        clocks.append(CaseClock{kind, clock});
        return {};
    };

    // Notice clock: 行政许可法 Art. 32 / 政府信息公开条例 Art. 30.
    ClockInput notice;
    notice.trigger = t.received;
    notice.limit = rules.noticeDays;
    notice.stopped = earliest({t.noticeIssued, t.deemedAccepted ? std::nullopt : t.accepted,
                               t.refused, t.closedWithoutDecision});
    if (t.deemedAccepted && !notice.stopped && t.noticeLapsed) {
        notice.stopped = t.noticeLapsed; // as the deemed acceptance recorded it
    } else if (t.deemedAccepted && !notice.stopped) {
        // It ran out: the lapse took effect the working day after its deadline.
        Result<DeadlineAnswer> lapse =
            calendar.nthWorkingDayAfter(t.received, rules.noticeDays + 1);
        if (!lapse)
            return lapse.error();
        notice.stopped = lapse->date;
    }
    if (Status s = add(ClockKind::Notice, notice); !s)
        return s.error();

    if (t.noticeIssued) {
        ClockInput correction;
        correction.trigger = *t.noticeIssued;
        correction.limit = t.correctionDays;
        correction.unit = t.correctionUnit;
        const bool correctedSince = t.corrected && *t.corrected >= *t.noticeIssued;
        correction.stopped = earliest({correctedSince ? t.corrected : std::nullopt, t.refused,
                                       t.closedWithoutDecision, t.accepted});
        if (Status s = add(ClockKind::Correction, correction); !s)
            return s.error();
    }

    if (t.accepted) {
        QDate start = *t.accepted;
        // 政府信息公开条例 Art. 30: the reply period restarts when the corrected application
        // arrives.
        if (t.profile == ProcedureProfile::Disclosure && t.corrected && *t.corrected > start)
            start = *t.corrected;
        QDate statutoryStart = start;
        QDate promisedStart = start;
        int statutoryLimit = t.statutoryDays;
        int promisedLimit = t.promisedDays;
        if (t.profile == ProcedureProfile::SameDay) {
            // The promise is "the same day" (a limit of 0 counted from the due day); the statutory
            // limit still counts from acceptance, unless the item has none of its own.
            Result<QDate> due =
                sameDayDueDate(calendar, start, t.acceptedAt.value_or(QTime(0, 0)), t.officeClose);
            if (!due)
                return due.error();
            promisedStart = *due;
            promisedLimit = 0;
            if (statutoryLimit == 0)
                statutoryStart = *due;
        }
        const std::optional<QDate> done = earliest({t.decided, t.closedWithoutDecision});
        ClockInput statutory{statutoryStart, statutoryLimit, sum(t.statutoryExtensions),
                             t.suspensions,  done,           t.warningThreshold,
                             t.statutoryUnit};
        if (Status s = add(ClockKind::Statutory, statutory); !s)
            return s.error();
        ClockInput promised{promisedStart, promisedLimit, sum(t.promisedExtensions),
                            t.suspensions, done,          t.warningThreshold,
                            t.promisedUnit};
        if (Status s = add(ClockKind::Promised, promised); !s)
            return s.error();
    }

    if (t.decided && rules.deliveryDays > 0) {
        ClockInput delivery{*t.decided, rules.deliveryDays, 0, {}, t.delivered, -1};
        if (Status s = add(ClockKind::Delivery, delivery); !s)
            return s.error();
    }

    const std::optional<QDate> ended = earliest({t.decided, t.closedWithoutDecision});
    if (t.thirdPartyAsked) { // 政府信息公开条例 Art. 32: 15 working days for the third party
        ClockInput opinion{*t.thirdPartyAsked,
                           kThirdPartyOpinionDays,
                           0,
                           {},
                           earliest({t.thirdPartyAnswered, ended}),
                           -1};
        if (Status s = add(ClockKind::ThirdPartyOpinion, opinion); !s)
            return s.error();
    }
    if (t.feeNoticed) { // 国办函〔2020〕109号: the period the fee notice gives to pay
        ClockInput payment{
            *t.feeNoticed, t.feePaymentDays, 0, {}, earliest({t.feeSettled, ended}), -1};
        if (Status s = add(ClockKind::FeePayment, payment); !s)
            return s.error();
    }

    if (t.badRating) {
        ClockInput followUp{*t.badRating, t.followUpDays, 0, {}, t.followedUp, -1};
        if (Status s = add(ClockKind::RatingFollowUp, followUp); !s)
            return s.error();
    }
    return clocks;
}

std::optional<QDate> deemedAcceptedOn(const WorkingCalendar& calendar, const CaseTimeline& t,
                                      const QDate& asOf)
{
    if (t.noticeIssued || t.accepted || t.refused || t.closedWithoutDecision)
        return std::nullopt;
    const ProfileRules rules = profileRules(t.profile);
    Result<DeadlineAnswer> deadline = calendar.nthWorkingDayAfter(t.received, rules.noticeDays);
    if (!deadline || asOf <= deadline->date)
        return std::nullopt;
    return t.received;
}

} // namespace onewindow::core

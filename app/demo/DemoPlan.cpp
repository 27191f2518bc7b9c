// The demo hall's case plans: which path each case takes, on which working days. The mix follows
// published figures of county halls (domain.md): most cases accepted at once and decided within
// the promised limit; about 12 % get a one-time notice; a few are refused, withdrawn, suspended,
// extended or late.
#include "demo/DemoPlan.h"

#include "demo/DemoDisclosure.h"
#include "demo/DemoPlanBuild.h"

#include "core/CaseClocks.h"

#include <algorithm>
#include <cmath>

namespace onewindow::demo {

using core::EventType;

namespace {

constexpr quint64 kPlanSalt = 0x706C616E; // "plan"

// How often each demo item is asked for, relative to 1 (real estate, housing fund and social
// security dominate a district hall's counters).
double itemWeight(const QString& name)
{
    static const QHash<QString, double> weights{
        {QStringLiteral("不动产转移登记"), 8},
        {QStringLiteral("不动产抵押权首次登记"), 6},
        {QStringLiteral("不动产首次登记"), 2},
        {QStringLiteral("不动产预告登记"), 2},
        {QStringLiteral("住房公积金提取"), 8},
        {QStringLiteral("住房公积金个人住房贷款"), 3},
        {QStringLiteral("社会保障卡补换"), 5},
        {QStringLiteral("城镇职工基本养老保险参保登记"), 4},
        {QStringLiteral("基本医疗保险参保人员异地就医备案"), 4},
        {QStringLiteral("失业保险金申领"), 2},
        {QStringLiteral("就业创业证申领"), 2},
        {QStringLiteral("个体工商户设立登记"), 5},
        {QStringLiteral("企业设立登记"), 3},
        {QStringLiteral("企业变更登记"), 3},
        {QStringLiteral("食品经营许可"), 3},
        {QStringLiteral("公章刻制备案"), 2},
        {QStringLiteral("居住证办理"), 4},
        {QStringLiteral("临时居民身份证申领"), 3},
        {QStringLiteral("居民身份证换领、补领"), 4},
        {QStringLiteral("户口迁移登记"), 3},
        {QStringLiteral("机动车变更登记"), 2},
        {QStringLiteral("生育登记服务"), 3},
        {QStringLiteral("政府信息公开申请"), 1.5},
    };
    return weights.value(name, 1.0);
}

int bits(quint32 mask)
{
    return std::popcount(mask);
}

// A random set bit of `mask` (non-empty), as a mask.
quint32 pickBit(DemoRandom& r, quint32 mask)
{
    int n = r.below(bits(mask));
    for (int i = 0; i < 32; ++i)
        if ((mask >> i) & 1u) {
            if (n-- == 0)
                return 1u << i;
        }
    return 0;
}

// How a case leaves intake.
enum Outcome
{
    kAccept,
    kNotice,
    kRefuse,
    kWithdraw,
    kDeemedAccept,
};

} // namespace

DemoPlanner::DemoPlanner(const core::WorkingCalendar& calendar, const QTimeZone& zone,
                         const QList<core::ServiceItem>& items, quint64 seed, qint64 cutoffUtcMs)
    : m_calendar(calendar), m_zone(zone), m_items(items), m_seed(seed), m_cutoffUtcMs(cutoffUtcMs)
{
    for (const core::ServiceItem& item : m_items)
        m_weights.push_back(itemWeight(item.name));
}

CasePlan DemoPlanner::plan(const CaseSlot& slot) const
{
    Build b(mixSeed(m_seed, slot.index, kPlanSalt));
    b.plan.slot = slot;
    b.plan.item = b.random.weighted(m_weights);
    b.item = &m_items[b.plan.item];
    b.rules = core::profileRules(b.item->profile);
    b.materials = std::min<int>(static_cast<int>(b.item->materials.size()), 32);
    for (int i = 0; i < b.materials; ++i) {
        if (b.item->materials[i].requirement != core::Requirement::Optional)
            b.nonOptional |= 1u << i;
        else if (b.random.chance(0.4))
            b.plan.optionalMissing |= 1u << i;
    }
    const bool disclosure = b.item->profile == core::ProcedureProfile::Disclosure;
    const double c = b.random.unit();
    b.plan.channel = !disclosure ? (c < 0.96   ? core::Channel::InPerson
                                    : c < 0.98 ? core::Channel::PostSigned
                                               : core::Channel::Internet)
                                 : (c < 0.6   ? core::Channel::InPerson
                                    : c < 0.7 ? core::Channel::PostSigned
                                              : core::Channel::Internet);
    const double o = b.random.unit();
    b.outcome = o < 0.03    ? kRefuse
                : o < 0.04  ? kWithdraw
                : o < 0.043 ? kDeemedAccept
                : o < 0.163 ? kNotice
                            : kAccept;
    if (b.nonOptional == 0 && b.outcome == kNotice)
        b.outcome = kAccept;
    planIntake(b);
    time(b.plan, b.random);
    return std::move(b.plan);
}

void DemoPlanner::planIntake(Build& b) const
{
    const qint32 day = b.plan.slot.jd;
    b.add(EventType::Received, day);
    b.print(core::DocumentKind::Receipt, b.plan.slot.window, Actor::CaseClerk, b.plan.slot.clerk);
    // Refusals and withdrawals happen at the counter, or (a fifth of them) after a notice.
    const bool viaNotice = (b.outcome == kRefuse || b.outcome == kWithdraw) && b.nonOptional != 0 &&
                           b.random.chance(0.2);
    if (b.outcome == kNotice || viaNotice) {
        planNoticePath(b);
        return;
    }
    switch (b.outcome) {
    case kRefuse: {
        PlanStep& s =
            b.add(EventType::Refused, day, static_cast<quint16>(b.random.between(180, 900)));
        s.variant = static_cast<quint8>(b.random.weighted(std::array<double, 3>{55, 20, 25}));
        b.print(core::DocumentKind::Refusal, b.plan.slot.window, Actor::CaseClerk,
                b.plan.slot.clerk);
        if (b.random.chance(0.3))
            planRating(b, day, b.plan.slot.window, true);
        return;
    }
    case kWithdraw:
        if (b.random.chance(0.45)) {
            b.add(EventType::Withdrawn, day, static_cast<quint16>(b.random.between(120, 900)));
            return;
        }
        break; // withdrawn while in progress (planProcessing)
    case kDeemedAccept: {
        // Nobody acted within the notice period (行政许可法 Art. 32): accepted as of receipt.
        const qint32 lapse = workingDayAfter(day, b.rules.noticeDays + 1);
        PlanStep& s = b.add(EventType::DeemedAccepted, lapse);
        s.early = true;
        s.actor = Actor::System;
        planProcessing(b, lapse, true);
        return;
    }
    default:
        break;
    }
    // Accepted at once, sometimes with a deferred material (容缺) or a commitment (告知承诺).
    for (int i = 0; i < b.materials; ++i) {
        const core::Material& m = b.item->materials[i];
        if (m.requirement == core::Requirement::Optional)
            continue;
        if (m.deferrable && b.random.chance(0.06))
            b.plan.deferredMask |= 1u << i;
        else if (m.commitment && b.random.chance(0.08))
            b.plan.committedMask |= 1u << i;
    }
    PlanStep& accepted =
        b.add(EventType::Accepted, day, static_cast<quint16>(b.random.between(120, 900)));
    accepted.arg = static_cast<qint16>(b.random.between(5, 10)); // deferred materials due in
    b.print(core::DocumentKind::Acceptance, b.plan.slot.window, Actor::CaseClerk,
            b.plan.slot.clerk);
    planProcessing(b, day, false);
}

void DemoPlanner::planNoticePath(Build& b) const
{
    // 1 to 3 materials short; each missing or defective.
    const int want =
        std::min(bits(b.nonOptional), b.random.weighted(std::array<double, 3>{65, 28, 7}) + 1);
    while (bits(b.plan.shortMask) < want)
        b.plan.shortMask |= pickBit(b.random, b.nonOptional & ~b.plan.shortMask);
    for (int i = 0; i < b.materials; ++i)
        if (((b.plan.shortMask >> i) & 1u) && b.random.chance(0.45))
            b.plan.defectiveMask |= 1u << i;
    const qint32 day = b.plan.slot.jd;
    const int correctionDays = std::max(1, b.item->correctionDays);
    b.add(EventType::NoticeIssued, day, static_cast<quint16>(b.random.between(180, 720)));
    b.print(core::DocumentKind::Notice, b.plan.slot.window, Actor::CaseClerk, b.plan.slot.clerk);
    const auto correctionDay = [&](qint32 from) {
        const int n = b.random.chance(0.85) ? b.random.between(1, std::min(correctionDays, 4))
                                            : b.random.between(1, correctionDays);
        return workingDayAfter(from, n);
    };
    if (b.outcome == kRefuse) {
        PlanStep& s = b.add(EventType::Refused, correctionDay(day));
        s.variant = static_cast<quint8>(b.random.weighted(std::array<double, 3>{55, 20, 25}));
        b.print(core::DocumentKind::Refusal, b.plan.slot.window, Actor::CaseClerk,
                b.plan.slot.clerk);
        return;
    }
    if (b.outcome == kWithdraw) {
        b.add(EventType::Withdrawn, correctionDay(day));
        return;
    }
    // 政府信息公开条例 Art. 30: no correction in time means the application is deemed abandoned.
    if (b.item->profile == core::ProcedureProfile::Disclosure && b.random.chance(0.25)) {
        PlanStep& s = b.add(EventType::DeemedAbandoned, workingDayAfter(day, correctionDays + 1));
        s.early = true;
        s.actor = Actor::System;
        return;
    }
    qint32 corrected = correctionDay(day);
    b.add(EventType::Corrected, corrected);
    if (b.random.chance(0.15))
        b.plan.againMask = pickBit(b.random, b.plan.shortMask);
    if (bits(b.plan.shortMask & ~b.plan.againMask) >= 2 && b.random.chance(0.08))
        b.plan.notBroughtMask = pickBit(b.random, b.plan.shortMask & ~b.plan.againMask);
    if (b.plan.againMask | b.plan.notBroughtMask) {
        // A second notice on what is still short; naming a material not re-submitted needs the
        // supervisor's recorded reason (a repeat notice).
        PlanStep& second = b.add(EventType::NoticeIssued, corrected,
                                 static_cast<quint16>(b.random.between(240, 900)));
        second.arg = b.plan.notBroughtMask ? 1 : 0;
        second.argJd = b.random.below(kSupervisors);
        b.print(core::DocumentKind::Notice, b.plan.slot.window, Actor::CaseClerk,
                b.plan.slot.clerk);
        corrected = correctionDay(corrected);
        b.add(EventType::Corrected, corrected);
    }
    PlanStep& accepted =
        b.add(EventType::Accepted, corrected, static_cast<quint16>(b.random.between(120, 600)));
    accepted.arg = 0;
    b.print(core::DocumentKind::Acceptance, b.plan.slot.window, Actor::CaseClerk,
            b.plan.slot.clerk);
    planProcessing(b, corrected, false);
}

void DemoPlanner::planProcessing(Build& b, qint32 startJd, bool deemed) const
{
    if (const int prior = feePriorOf(b.plan.slot.index); prior >= 10) {
        planFeePath(b, startJd, prior); // charged by count (国办函〔2020〕109号 Art. 4)
        return;
    }
    const core::ServiceItem& item = *b.item;
    DemoRandom& r = b.random;
    const bool sameDay = item.profile == core::ProcedureProfile::SameDay;
    // Both limits in working days from the start, whatever unit the law counts them in: the plan
    // steps through working days (a deadline missed by the plan would refuse the extension).
    const int promised = limitInWorkingDays(startJd, item.promisedDays, item.promisedUnit);
    const int statutory = limitInWorkingDays(startJd, item.statutoryDays, item.statutoryUnit);
    const auto at = [&](int offset) { return workingDayAfter(startJd, offset); };
    const quint8 window = b.plan.slot.window;

    int lo = 0; // nothing suspends a case before it is forwarded
    if (!sameDay && r.chance(0.35)) {
        lo = r.chance(0.6) ? 0 : 1;
        b.add(EventType::Forwarded, at(lo));
    }
    if (b.outcome == kWithdraw) {
        b.add(EventType::Withdrawn, at(lo + r.between(0, std::max(1, promised))));
        return;
    }
    // The decision, in working days counted on the clock: mostly within the promised limit.
    int counted = 0;
    const double u = r.unit();
    if (sameDay)
        counted = u < 0.96 ? 0 : r.between(1, 2);
    else if (u < 0.97)
        counted =
            promised <= 0
                ? 0
                : 1 + std::min(promised - 1, static_cast<int>(promised * std::pow(r.unit(), 1.4)));
    else if (u < 0.995)
        counted = r.between(promised + 1, std::max(promised + 1, statutory));
    else
        counted = r.between(std::max(promised, statutory) + 1, std::max(promised, statutory) + 8);

    // Extension (行政许可法 Art. 42; 政府信息公开条例 Art. 33): asked for near the deadline.
    int extClock = -1; // 0 promised, 1 statutory
    int extDays = 0;
    int extAsked = 0; // counted working days
    bool extApproved = true;
    if (!sameDay && !deemed && r.chance(0.028)) {
        if (b.rules.maxExtensions > 0 && b.rules.extensionCap > 0 && statutory >= lo &&
            r.chance(0.35)) {
            extClock = 1;
            extDays = r.between(std::min(3, b.rules.extensionCap), b.rules.extensionCap);
            counted = r.between(statutory + 1, statutory + extDays);
            extAsked = std::max(lo, statutory - r.between(0, 3));
        } else if (promised >= std::max(lo, 1)) {
            extClock = 0;
            extDays = r.between(3, 10);
            counted = r.between(promised + 1, promised + extDays);
            extAsked = std::max(lo, promised - r.between(0, 2));
            extApproved = r.chance(0.8);
        }
    }
    // Suspension (行政许可法 Art. 45): working days d with S < d <= R are not counted.
    int suspendedAt = -1;
    int suspendedFor = 0;
    quint8 suspendKind = 0;
    // A disclosure application consults a third party more often (政府信息公开条例 Art. 32).
    const bool disclosure = item.profile == core::ProcedureProfile::Disclosure;
    if (!sameDay && !deemed && r.chance(disclosure ? 0.25 : 0.055)) {
        suspendedAt = r.between(lo, std::max(lo, counted - 1));
        suspendKind = disclosure ? (r.chance(0.8) ? 8 : 7)
                                 : static_cast<quint8>(r.weighted(
                                       std::array<double, 8>{4, 0, 0, 45, 15, 0, 18, 18}));
        suspendedFor = suspendKind >= 7 ? r.between(5, 15) : r.between(2, 10);
    }
    const auto actual = [&](int countedDay) {
        return suspendedAt >= 0 && countedDay > suspendedAt ? countedDay + suspendedFor
                                                            : countedDay;
    };
    int decidedAt = actual(counted);
    if (suspendedAt >= 0) {
        decidedAt = std::max(decidedAt, suspendedAt + suspendedFor);
        PlanStep& s = b.add(EventType::Suspended, at(suspendedAt));
        s.variant = suspendKind;
        s.argJd = at(suspendedAt + suspendedFor);
        b.print(core::DocumentKind::Suspension, window, Actor::CaseClerk, b.plan.slot.clerk);
        // 政府信息公开条例 Art. 32: a consultation ends with the third party's opinion.
        PlanStep& back =
            b.add(suspendKind == 8 ? EventType::ThirdPartyAnswered : EventType::Resumed,
                  at(suspendedAt + suspendedFor));
        back.variant = static_cast<quint8>(suspendedFor % 2); // agreed / objected
    }
    if (extClock >= 0) {
        // Asked for by the deadline the append-time check holds it to: the clock with the
        // suspension, as core counts it (a limit in 日 moves by the suspended calendar days, then
        // by 民法典 Art. 203, not by as many working days as the suspension lasted).
        QList<core::Suspension> suspensions;
        if (suspendedAt >= 0)
            suspensions.append({QDate::fromJulianDay(at(suspendedAt)),
                                QDate::fromJulianDay(at(suspendedAt + suspendedFor))});
        const int due =
            extClock == 1
                ? limitInWorkingDays(startJd, item.statutoryDays, item.statutoryUnit, suspensions)
                : limitInWorkingDays(startJd, item.promisedDays, item.promisedUnit, suspensions);
        const int asked = std::min(actual(extAsked), due);
        PlanStep& q = b.add(EventType::ExtensionRequested, at(asked));
        q.variant = static_cast<quint8>(extClock);
        q.arg = static_cast<qint16>(extDays);
        const int answered = std::min(asked + r.between(0, 1), decidedAt);
        b.bySupervisor(
            b.add(extApproved ? EventType::ExtensionApproved : EventType::ExtensionRefused,
                  at(answered)));
        if (extApproved)
            b.print(core::DocumentKind::Extension, window, Actor::CaseClerk, b.plan.slot.clerk);
    }
    // Supervision orders (督办): most late cases get one on their deadline day or the day after.
    int supervisedAt = -1;
    if (!sameDay && counted > promised && r.chance(0.6))
        supervisedAt = std::min(actual(std::max(promised, 0)) + r.between(0, 1), decidedAt);
    else if (r.chance(0.004))
        supervisedAt = r.between(0, decidedAt);
    if (supervisedAt >= 0) {
        PlanStep& s = b.bySupervisor(b.add(EventType::Supervised, at(supervisedAt)));
        s.argJd = workingDayAfter(at(supervisedAt), 2);
        b.print(core::DocumentKind::Supervision, window, Actor::Supervisor, s.person);
        // The clerk reports back (督办反馈) the next working day when the case is still open
        // then; an order given on the decision day or the day before closes with the case.
        if (supervisedAt + 1 < decidedAt)
            b.add(EventType::SupervisionAnswered, at(supervisedAt + 1));
    }
    if (r.chance(0.05)) {
        PlanStep& n = b.add(EventType::Note, at(r.between(0, decidedAt)));
        n.variant = static_cast<quint8>(r.below(4));
    }
    // 政府信息公开条例 Art. 36: a disclosure application is answered, a licence decided.
    PlanStep& decided =
        b.add(disclosure ? EventType::DisclosureReplied : EventType::Decided, at(decidedAt));
    decided.variant = r.chance(0.96) ? 0 : 1; // granted / not granted
    if (disclosure)
        decided.variant = demoDisclosureVariant(b.plan.slot.index);
    planDelivery(b, at(decidedAt));
}

void DemoPlanner::planDelivery(Build& b, qint32 decidedJd) const
{
    DemoRandom& r = b.random;
    std::array<double, 3> weights{0, 0, 0}; // pickup, post, electronic
    for (core::DeliveryOption option : b.item->delivery)
        weights[static_cast<std::size_t>(option)] =
            option == core::DeliveryOption::Window ? 60 : 20;
    if (weights[0] + weights[1] + weights[2] == 0)
        weights[0] = 1;
    const int method = r.weighted(weights);
    const quint8 window = b.plan.slot.window;
    if (method == 2) { // electronic: sent at once
        PlanStep& d =
            b.add(EventType::Delivered, decidedJd, static_cast<quint16>(r.between(60, 600)));
        d.variant = 2;
        if (r.chance(0.35))
            planRating(b, workingDayAfter(decidedJd, r.between(0, 3)), window, false);
        return;
    }
    const bool readySameDay = r.chance(0.5);
    const qint32 ready = readySameDay ? decidedJd : workingDayAfter(decidedJd, 1);
    b.add(EventType::ResultReady, ready,
          readySameDay ? static_cast<quint16>(r.between(600, 3600)) : quint16(0));
    if (method == 0) // 出件通知: the applicant is told to come for it
        b.print(core::DocumentKind::Ready, window, Actor::CaseClerk, b.plan.slot.clerk);
    if (method == 1) { // post
        const bool postedSameDay = r.chance(0.4);
        const qint32 posted = postedSameDay ? ready : workingDayAfter(ready, 1);
        PlanStep& d =
            b.add(EventType::Delivered, posted,
                  postedSameDay ? static_cast<quint16>(r.between(600, 3600)) : quint16(0));
        d.variant = 1;
        d.arg = static_cast<qint16>(r.below(3)); // carrier
        if (r.chance(0.35))
            planRating(b, workingDayAfter(posted, r.between(1, 3)), window, false);
        return;
    }
    // Picked up at any window (无差别受理), most within the 10-day delivery period.
    static constexpr int kWaitFrom[] = {0, 1, 6, 11};
    static constexpr int kWaitTo[] = {0, 5, 10, 20};
    const int band = r.weighted(std::array<double, 4>{15, 65, 15, 5});
    const qint32 pickedUp = workingDayAfter(ready, r.between(kWaitFrom[band], kWaitTo[band]));
    const int at = r.chance(0.5) ? window : r.below(kWindows);
    PlanStep& d = b.add(EventType::Delivered, pickedUp);
    d.variant = 0;
    d.window = static_cast<quint8>(at);
    d.actor = Actor::WindowClerk;
    if (r.chance(0.75))
        planRating(b, pickedUp, at, true);
}

void DemoPlanner::planRating(Build& b, qint32 jd, int window, bool chained) const
{
    DemoRandom& r = b.random;
    const Actor actor = b.plan.steps.back().actor == Actor::WindowClerk && chained
                            ? Actor::WindowClerk
                            : Actor::CaseClerk;
    const qint32 day = chained ? b.plan.steps.back().jd : jd;
    PlanStep& s = b.add(EventType::Rated, day,
                        chained ? static_cast<quint16>(r.between(20, 120)) : quint16(0));
    s.window = static_cast<quint8>(window);
    s.actor = actor;
    const int level = r.weighted(std::array<double, 5>{1, 2, 4, 15, 78}) + 1;
    s.variant = static_cast<quint8>(level);
    s.arg = static_cast<qint16>(r.below(8)); // comment
    if (level <= 2) { // 不满意 / 非常不满意: the supervisor calls back
        const int days = r.chance(0.9) ? r.between(1, 5) : r.between(6, 9);
        PlanStep& f =
            b.bySupervisor(b.add(EventType::RatingFollowedUp, workingDayAfter(day, days)));
        f.variant = static_cast<quint8>(r.below(4));
    }
}

} // namespace onewindow::demo

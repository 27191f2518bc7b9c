// The demo hall's processing fees (政府信息公开信息处理费管理办法, 国办函〔2020〕109号): the
// frequent applicants' disclosure applications counted per calendar month, and the plan of an
// application charged by count.
#include "demo/DemoDisclosure.h"
#include "demo/DemoPlan.h"
#include "demo/DemoPlanBuild.h"
#include "demo/DemoSchedule.h"

#include "core/DisclosureFee.h"

#include <algorithm>
#include <map>
#include <tuple>

namespace onewindow::demo {

using core::EventType;

namespace {

constexpr quint64 kPlanSalt = 0x706C616E; // as DemoPlan.cpp: the plan's first draw is its item

} // namespace

void DemoPlanner::countFrequentApplicants(const DemoSchedule& schedule)
{
    m_feePrior.clear();
    // Per applicant and month, the store's order: receipt day, then case number (window code,
    // then the window's sequence that day).
    std::map<std::tuple<int, int, int>, int> counted; // (applicant, year, month) -> so far
    quint64 index = 0;
    for (int d = 0; d < schedule.days(); ++d) {
        std::vector<CaseSlot> slots = schedule.slotsOn(d, index);
        std::sort(slots.begin(), slots.end(), [](const CaseSlot& a, const CaseSlot& b) {
            return std::tie(a.window, a.caseSeq) < std::tie(b.window, b.caseSeq);
        });
        const QDate day = QDate::fromJulianDay(schedule.day(d));
        for (const CaseSlot& slot : slots) {
            DemoRandom r(mixSeed(m_seed, slot.index, kPlanSalt));
            const int item = r.weighted(m_weights);
            if (m_items[item].profile != core::ProcedureProfile::Disclosure)
                continue;
            const int who = frequentApplicantOf(m_seed, slot.index);
            if (who < 0)
                continue;
            m_feePrior.insert(slot.index, counted[{who, day.year(), day.month()}]++);
        }
        index += static_cast<quint64>(schedule.casesOn(d));
    }
}

void DemoPlanner::planFeePath(Build& b, qint32 startJd, int prior) const
{
    DemoRandom& r = b.random;
    const quint8 window = b.plan.slot.window;
    // The notice the day of acceptance or the next working day; the time to payment is not
    // counted in the reply limit (政府信息公开条例 Art. 33).
    const qint32 noticed = workingDayAfter(startJd, r.between(0, 1));
    PlanStep& notice =
        b.add(EventType::FeeNoticed, noticed,
              noticed == b.plan.steps.back().jd ? static_cast<quint16>(r.between(300, 1800))
                                                : quint16(0));
    notice.arg = static_cast<qint16>(std::min(prior, 30000));
    b.print(core::DocumentKind::FeeNotice, window, Actor::CaseClerk, b.plan.slot.clerk);
    if (r.chance(0.2)) {
        // Not paid within the period: the application counts as withdrawn (国办函〔2020〕109号).
        PlanStep& lapse =
            b.add(EventType::FeeLapsed, workingDayAfter(noticed, core::kFeePaymentDays + 1));
        lapse.early = true;
        lapse.actor = Actor::System;
        return;
    }
    const qint32 paid = workingDayAfter(noticed, r.between(1, 8));
    PlanStep& payment = b.add(EventType::FeePaid, paid);
    payment.arg = static_cast<qint16>(r.below(10000)); // the receipt's serial
    PlanStep& replied = b.add(EventType::DisclosureReplied, workingDayAfter(paid, r.between(1, 6)));
    replied.variant = demoDisclosureVariant(b.plan.slot.index);
    planDelivery(b, replied.jd);
}

} // namespace onewindow::demo

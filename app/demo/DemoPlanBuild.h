#pragma once

// The plan of one demo case while it is being built (DemoPlan.cpp, DemoPlanFee.cpp).
#include "core/CaseClocks.h"
#include "demo/DemoPlan.h"

namespace onewindow::demo {

// The plan being built: the random source, the item and the steps so far.
struct DemoPlanner::Build
{
    explicit Build(quint64 seed) : random(seed) {}

    CasePlan plan;
    DemoRandom random;
    const core::ServiceItem* item = nullptr;
    core::ProfileRules rules{};
    int materials = 0;
    quint32 nonOptional = 0;
    int outcome = 0; // an Outcome

    PlanStep& add(core::EventType type, qint32 jd, quint16 gap = 0)
    {
        PlanStep s;
        s.type = type;
        s.jd = jd;
        s.gap = gap;
        s.window = plan.slot.window;
        s.person = plan.slot.clerk;
        plan.steps.push_back(s);
        return plan.steps.back();
    }
    PlanStep& print(core::DocumentKind doc, int window, Actor actor, quint8 person)
    {
        PlanStep& s = add(core::EventType::DocumentPrinted, plan.steps.back().jd,
                          static_cast<quint16>(random.between(20, 90)));
        s.variant = static_cast<quint8>(doc);
        s.window = static_cast<quint8>(window);
        s.actor = actor;
        s.person = person;
        return s;
    }
    PlanStep& bySupervisor(PlanStep& s)
    {
        s.actor = Actor::Supervisor;
        s.person = static_cast<quint8>(random.below(kSupervisors));
        return s;
    }
};

} // namespace onewindow::demo

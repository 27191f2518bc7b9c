#pragma once

#include "core/CaseFold.h"
#include "demo/DemoPlan.h"

#include <QList>
#include <QStringList>

namespace onewindow::demo {

// Where a case's events go in their devices' logs: the device sequence and the hybrid logical
// clock counter of each planned step, and a printed document's sequence (per device, kind and
// year), in step order.
struct StepNumbers
{
    const quint32* seqs = nullptr;
    const quint16* counters = nullptr;
    const quint32* documents = nullptr;
};

// Turns a case plan into its events: payloads written with core::payload, ids from the seed,
// every event checked by core::checkEvent against the case folded so far.
class DemoCaseMaker
{
public:
    // `contexts[i]` and `versions[i]` belong to planner.items()[i].
    DemoCaseMaker(const DemoPlanner& planner, QList<core::FoldContext> contexts,
                  QList<int> versions, QStringList deviceIds, QString hallCode, quint64 seed);

    // Appends the case's events to `out` and returns its state; an event the fold would not
    // accept is an error (a bug of the generator), never written.
    core::Result<core::CaseState> make(const CasePlan& plan, StepNumbers numbers,
                                       QList<core::Event>& out) const;

private:
    struct Making;
    QJsonObject payloadFor(Making& m, const PlanStep& step, std::size_t index) const;
    // What the demo's people type into an action's form (core::EventSpec::form).
    QJsonObject formValues(Making& m, const PlanStep& step) const;
    QString actorFor(const CasePlan& plan, const PlanStep& step) const;

    const DemoPlanner& m_planner;
    QList<core::FoldContext> m_contexts;
    QList<int> m_versions;
    QStringList m_deviceIds;
    QString m_hallCode;
    quint64 m_seed;
};

} // namespace onewindow::demo

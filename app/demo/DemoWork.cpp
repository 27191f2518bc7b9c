#include "demo/DemoWork.h"

#include "core/CaseActions.h"
#include "core/CaseClocks.h"
#include "core/CaseFold.h"
#include "core/CasePayloads.h"
#include "core/Users.h"
#include "demo/DemoPeople.h"
#include "demo/DemoRandom.h"
#include "store/CaseQueries.h"
#include "store/CatalogRepository.h"

#include <QJsonArray>

namespace onewindow::demo {

namespace {

// The form as a clerk fills it: defaults, and a few words where words are required.
core::Result<QJsonObject> clerkValues(core::EventType type, const core::CaseState& state)
{
    auto filled = core::formValuesFromText(type, {}, state);
    if (!filled)
        return filled;
    QJsonObject values = *filled;
    for (const core::FormField& f : core::eventSpec(type).form) {
        // Every text the clerk would write (a reason, a note, the back office): the fold's
        // checks refuse empty ones even where the form does not mark them required.
        const bool empty = values.value(QLatin1String(f.key)).toString().isEmpty();
        if (!empty || (!f.required && f.kind != core::FormField::Kind::Text))
            continue;
        // A clerk picks a choice (the first offered) and writes a few words where words are due.
        const auto options = f.options ? f.options() : QList<std::pair<QString, QString>>{};
        if (f.kind == core::FormField::Kind::Choice && !options.isEmpty())
            values.insert(QLatin1String(f.key), options.first().first);
        else
            values.insert(QLatin1String(f.key), QStringLiteral("演示：按规定办理"));
    }
    return values;
}

} // namespace

core::Result<WorkReport> demoWork(store::CaseStore& cases, const QList<store::User>& staff,
                                  int actions, quint64 seed)
{
    WorkReport report;
    if (staff.isEmpty())
        return core::Error{QStringLiteral("demo.no_staff"),
                           QStringLiteral("本工作站没有在用的工作人员，无法演示办件")};
    auto items = store::CatalogRepository(cases.store()).currentItems();
    if (!items)
        return items.error();
    if (items->isEmpty())
        return core::Error{QStringLiteral("demo.no_catalog"),
                           QStringLiteral("事项目录为空：请先导入事项目录")};
    DemoRandom random(mixSeed(seed, 18, 0x776f726b));
    const store::CaseQueries queries(cases.store());
    for (int done = 0, tries = 0; done < actions && tries < actions * 20; ++tries) {
        const store::User& actor = staff[random.below(static_cast<int>(staff.size()))];
        const QDate today = cases.store().clock().todayIn(cases.settings().zone);
        auto open = queries.openByUrgency(today, 200);
        if (!open)
            return open.error();
        if (open->isEmpty() || random.chance(0.3)) {
            const core::ItemVersion& v = (*items)[random.below(static_cast<int>(items->size()))];
            core::ReceivedInput in;
            in.itemCode = v.item.code;
            in.itemVersion = v.version;
            in.applicant = person(random, today);
            in.materials = core::checklistFor(v.item);
            for (core::MaterialCheck& m : in.materials)
                if (m.state == core::MaterialState::Unchecked)
                    m.state = core::MaterialState::Provided;
            auto received = cases.receive(in, actor.userId);
            if (!received)
                return received.error();
            ++report.intakes;
            ++done;
            continue;
        }
        const QString caseId = (*open)[random.below(static_cast<int>(open->size()))].caseId;
        auto loaded = cases.load(caseId);
        if (!loaded)
            return loaded.error();
        QList<core::EventType> legal;
        for (core::EventType t : core::legalActions(loaded->state, loaded->context, today))
            if (core::roleMayRecord(actor.role, t) && t != core::EventType::Withdrawn)
                legal.append(t);
        if (legal.isEmpty())
            continue;
        const core::EventType type = legal[random.below(static_cast<int>(legal.size()))];
        auto filled = clerkValues(type, loaded->state);
        if (!filled) {
            ++report.refused;
            continue;
        }
        QJsonObject values = *filled;
        // A procedure without a statutory extension (即办件, CaseClocks' profile rules) can still
        // have its promised time extended: the clerk chooses that clock, as the fold requires.
        if (type == core::EventType::ExtensionRequested &&
            core::profileRules(loaded->context.item->profile).maxExtensions == 0)
            values.insert(QStringLiteral("clock"),
                          core::keyOf(core::kExtensionClocks, core::ExtensionClock::Promised));
        if (!core::checkRequired(type, values)) {
            ++report.refused;
            continue;
        }
        const core::EventSpec& spec = core::eventSpec(type);
        const QJsonObject payload =
            spec.payloadFrom ? spec.payloadFrom(values, loaded->state, *loaded->context.item)
                             : QJsonObject();
        // A clerk issues a one-time notice only when something is missing.
        if (type == core::EventType::NoticeIssued &&
            payload.value(QStringLiteral("corrections")).toArray().isEmpty())
            continue;
        // The window checks an act before it records it (a deadline already past, an extension
        // the procedure does not have): told so, the clerk chooses another act.
        core::Event probe;
        probe.caseId = caseId;
        probe.actorId = actor.userId;
        probe.occurredAtUtc = cases.store().clock().nowUtc();
        probe.type = type;
        probe.payload = payload;
        if (!core::checkEvent(loaded->state, probe, loaded->context))
            continue;
        auto appended = cases.append(caseId, type, payload, actor.userId);
        if (!appended) {
            if (appended.error().code.startsWith(QLatin1String("store.")))
                return appended.error();
            ++report.refused; // an append-time check said no: a clerk would be told and go on
            continue;
        }
        ++report.actions;
        ++done;
    }
    return report;
}

} // namespace onewindow::demo

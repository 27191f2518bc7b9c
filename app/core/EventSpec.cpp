#include "core/EventSpec.h"

#include "core/events/SpecKit.h"

#include <QtGlobal>

#include <vector>

namespace onewindow::core {

namespace {

struct Registry
{
    std::vector<const EventSpec*> byType; // indexed by the enumerator
    QList<const EventSpec*> offered;      // in the groups' order
};

const Registry& registry()
{
    static const Registry r = [] {
        Registry out;
        for (std::span<const EventSpec> group :
             {events::receiptEvents(), events::acceptanceEvents(), events::processingEvents(),
              events::disclosureEvents(), events::oversightEvents(), events::matterEvents(),
              events::holdEvents(), events::inquiryEvents(), events::recallEvents()})
            for (const EventSpec& spec : group) {
                const auto i = static_cast<std::size_t>(spec.type);
                if (out.byType.size() <= i)
                    out.byType.resize(i + 1, nullptr);
                if (out.byType[i])
                    qFatal("event type %d is described twice", int(i));
                if (!spec.allowed || !spec.apply)
                    qFatal("event type %d has no lifecycle or no effect", int(i));
                out.byType[i] = &spec;
                out.offered.append(&spec);
            }
        for (std::size_t i = 0; i < out.byType.size(); ++i)
            if (!out.byType[i])
                qFatal("event type %d has no description (core/events)", int(i));
        return out;
    }();
    return r;
}

} // namespace

const EventSpec& eventSpec(EventType type)
{
    const Registry& r = registry();
    const auto i = static_cast<std::size_t>(type);
    if (i >= r.byType.size())
        qFatal("event type %d has no description (core/events)", int(i));
    return *r.byType[i];
}

const QList<const EventSpec*>& eventSpecs()
{
    return registry().offered;
}

Status checkRequired(EventType type, const QJsonObject& values)
{
    for (const FormField& field : eventSpec(type).form) {
        if (!field.required)
            continue;
        const QJsonValue v = values.value(QLatin1String(field.key));
        if (v.isUndefined() || v.isNull() || v.toVariant().toString().trimmed().isEmpty())
            return Error{QStringLiteral("form.required"), QString::fromUtf16(field.required)};
    }
    return {};
}

QString irreversibleQuestion(EventType type, const CaseState& state)
{
    const EventSpec& spec = eventSpec(type);
    if (!spec.irreversible)
        return QString();
    return QStringLiteral("确定对 %1（申请人：%2）%3吗？\n\n%4此操作不能撤销。")
        .arg(state.caseNumber, state.applicant.name, QString::fromUtf16(spec.name),
             QString::fromUtf16(spec.consequence));
}

namespace events {

const Material* findMaterial(const ServiceItem& item, const QString& code)
{
    for (const Material& m : item.materials)
        if (m.code == code)
            return &m;
    return nullptr;
}

MaterialCheck* materialOf(CaseState& s, const QString& code)
{
    for (MaterialCheck& m : s.materials)
        if (m.code == code)
            return &m;
    return nullptr;
}

QList<const MaterialCheck*> shortMaterials(const CaseState& s, const ServiceItem& item)
{
    QList<const MaterialCheck*> out;
    for (const MaterialCheck& m : s.materials) {
        const bool isShort =
            m.state == MaterialState::Missing || m.state == MaterialState::Defective;
        const Material* def = findMaterial(item, m.code);
        if (isShort && (!def || def->requirement != Requirement::Optional))
            out.append(&m);
    }
    return out;
}

std::optional<QDate> clockDeadline(const CaseState& s, const FoldContext& ctx, ClockKind kind,
                                   const QDate& asOf)
{
    auto clocks = clocksOf(s, ctx, asOf);
    if (!clocks)
        return std::nullopt;
    for (const CaseClock& c : *clocks)
        if (c.kind == kind)
            return c.clock.deadline;
    return std::nullopt;
}

} // namespace events

} // namespace onewindow::core

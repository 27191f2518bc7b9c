// The event of a matter (一件事一次办, issue 20) beyond its parts' own: a case taken in alone,
// counted later as a part of a matter started from it ("this applicant also needs ...").
#include "core/MatterCase.h"
#include "core/events/SpecKit.h"

namespace onewindow::core::events {

std::span<const EventSpec> matterEvents()
{
    static const EventSpec kMatter[] = {
        {.type = EventType::MatterJoined,
         .key = u"case.matter_joined",
         .name = u"并入一件事",
         .fold = 2,
         // Made by the matter's intake, never offered among a case's actions.
         // A case still to be handled or handed out; not one already closed or in a matter.
         .allowed =
             [](const CaseState& s) {
                 return !s.matter.has_value() &&
                        !isOneOf(s.status, {CaseStatus::Refused, CaseStatus::Withdrawn,
                                            CaseStatus::Abandoned, CaseStatus::Delivered});
             },
         .whyNot =
             [](const CaseState& s) {
                 return s.matter ? QStringLiteral("本件已是一件事 %1 的办件，不能再并入其他一件事")
                                       .arg(s.matter->number)
                                 : QStringLiteral("本件已%1，不能并入一件事")
                                       .arg(caseStatusName(s.status));
             },
         .check =
             [](const CaseState&, const Event& e, const FoldContext&) {
                 return checkMatterLink(e.payload.value(QStringLiteral("matter")));
             },
         .apply =
             [](CaseState& s, const Event& e, const FoldContext&, const QDate& day) {
                 s.matter = matterLinkFrom(e.payload.value(QStringLiteral("matter")));
                 s.matterJoinedOn = day;
             },
         .describe =
             [](const Event& e, const QString& name) {
                 return nameColon(name, e.payload.value(QStringLiteral("matter"))
                                            .toObject()
                                            .value(QStringLiteral("number"))
                                            .toString());
             }},
    };
    return kMatter;
}

} // namespace onewindow::core::events

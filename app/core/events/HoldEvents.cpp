// 领办 (core/CaseHold.h; docs/sync-protocol.md, decision 1): a window takes a case so that only it
// changes the case, lets it go, or a supervisor takes the hold back. Fold 3: a hall takes these
// only once every active window folds them (decision 10).
#include "core/CaseHold.h"
#include "core/events/SpecKit.h"

namespace onewindow::core::events {

namespace {

using S = CaseStatus;

bool stillToDecide(const CaseState& s)
{
    return isOneOf(s.status, {S::Received, S::AwaitingCorrection, S::InProgress, S::Suspended});
}

QString heldText(const CaseState& s)
{
    return QStringLiteral("本件已由 %1 窗口领办").arg(s.holderWindow);
}

void endHold(CaseState& s, const Event&, const FoldContext&, const QDate&)
{
    clearHold(s);
}

} // namespace

std::span<const EventSpec> holdEvents()
{
    static const EventSpec kHold[] = {
        {.type = EventType::Held,
         .key = u"case.held",
         .name = u"领办",
         .fold = 3,
         .offered = true,
         .allowed = [](const CaseState& s) { return s.holderDevice.isEmpty() && stillToDecide(s); },
         .whyNot =
             [](const CaseState& s) {
                 return s.holderDevice.isEmpty()
                            ? QStringLiteral("本件已%1，无需领办").arg(caseStatusName(s.status))
                            : heldText(s);
             },
         // A case handed on to a back office (移交后台) is that back office's to hold: the store
         // writes a back office's department into its hold.
         .replayed =
             [](const CaseState& s, const Event& e) {
                 if (s.forwardedTo.isEmpty() || text(e.payload, "department") == s.forwardedTo)
                     return Status();
                 return Status(
                     refuse("held.forwarded",
                            QStringLiteral("本件已移交%1，只有该后台可以领办").arg(s.forwardedTo)));
             },
         // The window that holds it (the store writes its own window code): the timeline and
         // every other window name it.
         .check =
             [](const CaseState&, const Event& e, const FoldContext&) {
                 return text(e.payload, "window").isEmpty()
                            ? Status(refuse("held.window", QStringLiteral("领办须写明领办的窗口")))
                            : Status();
             },
         .apply =
             [](CaseState& s, const Event& e, const FoldContext&, const QDate&) {
                 s.holderDevice = e.deviceId;
                 s.holderWindow = text(e.payload, "window");
                 s.holderActor = e.actorId;
                 s.holdEventId = e.eventId;
                 s.heldAtUtc = e.occurredAtUtc;
             },
         .describe =
             [](const Event& e, const QString& name) {
                 return QStringLiteral("%1：%2 窗口").arg(name, text(e.payload, "window"));
             }},
        {.type = EventType::HoldReleased,
         .key = u"case.hold_released",
         .name = u"释放领办",
         .fold = 3,
         .offered = true,
         .allowed = [](const CaseState& s) { return !s.holderDevice.isEmpty(); },
         .whyNot = [](const CaseState&) { return QStringLiteral("本件没有窗口领办"); },
         .apply = endHold},
        {.type = EventType::HoldRecalled,
         .key = u"case.hold_recalled",
         .name = u"收回领办",
         .fold = 3,
         .offered = true,
         .allowed = [](const CaseState& s) { return !s.holderDevice.isEmpty(); },
         .whyNot = [](const CaseState&) { return QStringLiteral("本件没有窗口领办"); },
         .check =
             [](const CaseState&, const Event& e, const FoldContext&) {
                 return text(e.payload, "reason").isEmpty()
                            ? Status(refuse("hold_recalled.reason",
                                            QStringLiteral("收回领办须写明理由")))
                            : Status();
             },
         .apply = endHold,
         .describe = [](const Event& e,
                        const QString& name) { return nameColon(name, text(e.payload, "reason")); },
         .form = {{.key = "reason",
                   .label = QT_TRANSLATE_NOOP("onewindow::ui::ActionForm", "Reason:"),
                   .required = u"请写明收回领办的理由（如领办窗口的电脑已停用）"}},
         .payloadFrom =
             [](const QJsonObject& v, const CaseState&, const ServiceItem&) {
                 return QJsonObject{{QStringLiteral("reason"), text(v, "reason")}};
             }},
    };
    return kHold;
}

} // namespace onewindow::core::events

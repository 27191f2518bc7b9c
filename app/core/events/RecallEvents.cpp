// A void document's recall closed (文书追回办结, decision 3): the supervisor records whether the
// paper printed under an act the hall rejected was got back (已追回) or cannot be (无法追回, with
// why), once per document (core/RecallClose.h). Mergeable (decision 1): accepted on any head, on
// a case another window holds and on a finished case; it moves no head and changes neither the
// state nor a clock. Fold 5: a hall takes it only once every active device folds it (decision 10).
#include "core/RecallClose.h"
#include "core/events/SpecKit.h"

namespace onewindow::core::events {

std::span<const EventSpec> recallEvents()
{
    static const EventSpec kRecall[] = {
        {.type = EventType::RecallClosed,
         .key = u"case.recall_closed",
         .name = u"文书追回办结",
         .fold = 5,
         // Not among the generic actions: the supervisor's 未生效记录 offers it on the void
         // document's row (and the ctl's case act), which names the document.
         .offered = false,
         // The paper may come back long after the case ended.
         .allowed = [](const CaseState&) { return true; },
         .check = [](const CaseState& s, const Event& e,
                     const FoldContext&) { return checkRecallClosed(s, e.payload); },
         .apply =
             [](CaseState& s, const Event& e, const FoldContext&, const QDate&) {
                 s.recallsClosed.insert(
                     recallKey(text(e.payload, "kind"), text(e.payload, "number")));
             },
         .describe = describeRecallClosed},
    };
    return kRecall;
}

} // namespace onewindow::core::events

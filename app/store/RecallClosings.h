#pragma once

#include "core/RecallClose.h"
#include "store/CaseStore.h"

namespace onewindow::store {

// Closing the recall of a void document (文书追回办结, decision 3): what the supervisor's
// 未生效记录 and `onewindowctl case act … recall_closed` both call.
//
// The document must be one of the case's void documents here (RejectedRecords::voidedDocuments:
// a document that stands has nothing to recall, and only the placements tell which are void);
// `closing.kind` may be left empty and is then the void document's of that number. Core's
// append-time check (core::checkRecallClosed) then refuses a bad payload and a second closing.
// Who may close one is core::roleMayRecord's rule, asked by the caller before. Nothing is
// written when refused.
Result<CaseStore::Appended> closeRecall(CaseStore& cases, const QString& caseId,
                                        core::RecallClosing closing, const QString& actorId);

} // namespace onewindow::store

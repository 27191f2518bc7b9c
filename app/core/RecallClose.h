#pragma once

#include "core/EnumTable.h"
#include "core/Error.h"
#include "core/Event.h"

#include <QJsonObject>
#include <QString>
#include <QTimeZone>

#include <array>

namespace onewindow::core {

struct CaseState;

// Closing a recall (文书追回办结, decision 3): a document printed under an act the hall rejected is
// void and the paper handed out is to be got back (追回已发文书, RejectedText.h: recallTaskText).
// The supervisor records how that ended, once per document, as the case's event
// case.recall_closed: mergeable (decision 1), no effect on the case's state or clocks.
enum class RecallOutcome
{
    Recovered,    // 已追回: the paper is back in the hall
    Unrecoverable // 无法追回: it cannot be got back; the note says why and what was done instead
};
inline constexpr std::array<Named<RecallOutcome>, 2> kRecallOutcomes{{
    {RecallOutcome::Recovered, u"recovered", u"已追回"},
    {RecallOutcome::Unrecoverable, u"unrecoverable", u"无法追回"},
}};

struct RecallClosing
{
    QString kind;   // core::documentKindKey
    QString number; // the document's number as printed
    RecallOutcome outcome = RecallOutcome::Recovered;
    QString note; // required when not recoverable: why, and how the applicant was told
};

// A document of a case by its kind and number (CaseState::paperDocuments, recallsClosed).
QString recallKey(const QString& kind, const QString& number);

// The event's payload: kind, number, outcome, and the note when given.
QJsonObject recallClosedPayload(const RecallClosing& closing);
// The append-time check (at the window and at the hall's server): only the keys above (and a
// caseHead, calendarVersion or importedFrom any event may carry), each a string; a known outcome;
// the note when not recoverable; a document whose paper came out in this case; and not closed
// already. The first problem, with its code; nothing is recorded.
Status checkRecallClosed(const CaseState& state, const QJsonObject& payload);

// How the closing reads where the follow-up stood: "已追回（12月8日 10:20 王主任）",
// "无法追回：申请人拒绝交回，已书面告知作废（12月8日 10:20 王主任）", in the hall's zone.
QString recallClosedText(const Event& closed, const QString& byName, const QTimeZone& zone);
// The timeline's line: "文书追回办结：不予受理决定书 620102-BY-2026-W08-00001 已追回".
QString describeRecallClosed(const Event& closed, const QString& name);

} // namespace onewindow::core

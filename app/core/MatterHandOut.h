#pragma once

#include "core/CaseState.h"
#include "core/Error.h"

#include <QJsonObject>
#include <QList>

namespace onewindow::core {

// Handing out a matter's results (一件事一次办, issue 20:
// 前台综合受理、后台分类审批、综合窗口出件). Each part handed out gets the case's own hand-out
// event (送达), its payload naming the matter: "matter": {"number": <matter number>, "partial":
// <bool>}.

// A part's result waits at the window: decided or its result ready, not yet handed out.
bool partReadyToHandOut(const CaseState& part);
// A part that will never have a result to hand out: refused, withdrawn or closed as abandoned.
bool partWithoutResult(const CaseState& part);

// Which parts (indexes into `parts`) one hand-out takes, and whether it is the whole matter's.
struct HandOutPlan
{
    QList<int> parts;
    bool partial = false;
};

// 一件事: one hand-out when every part is ready. With `asked` empty: the whole matter, refused
// (matter.not_ready, naming the parts still being handled) while any part that will have a
// result is not ready. With `asked` (the parts the applicant asks for now): a partial hand-out of
// exactly those, each of which must be ready (matter.part_not_ready); asking for every part that
// is left makes it the whole hand-out. Nothing ready: matter.nothing_ready.
Result<HandOutPlan> planHandOut(const QList<CaseState>& parts, const QList<int>& asked = {});

// The hand-out event's payload for one part: the delivery (method, signer ...) with the matter.
QJsonObject matterHandOutPayload(QJsonObject delivered, const QString& matterNumber, bool partial);

// Append-time check of a hand-out naming a matter: the case must be a part of that matter
// (code delivered.matter).
Status checkMatterHandOut(const CaseState& part, const QJsonObject& payload);
// The timeline's words after the hand-out's own: "（一件事 … 一次出件）" or "（… 部分出件）".
QString matterHandOutSuffix(const QJsonObject& payload);

// 并入一件事: the payload of the event that counts a case taken in alone as a part of a matter.
QJsonObject matterJoinedPayload(const MatterLink& link);

} // namespace onewindow::core

#pragma once

#include "ctl/CtlContext.h"
#include "store/UserRepository.h"

#include <QHash>

namespace onewindow::ctl {

// The active user whose login `--as` names (case act, matter hand-out): user.unknown otherwise.
core::Result<store::User> activeUserByLogin(store::Store& store, const QString& login);
// Who a print is recorded under (print, matter print): the active user `--as` names. Without
// --as, a store enrolled in a hall refuses (print.actor_required: the hall takes records only
// of its users, so the print and its document number would never count there and a reprint
// would take a new number); a standalone store records it under "onewindowctl".
core::Result<QString> printActor(store::Store& store, const QString& login);

// case list [--state STATE] [--overdue] [--limit N] [--json] | case show CASE_NO [--json] |
// case timeline CASE_NO
int runCaseCommand(CtlContext& ctx);
// case act CASE_NO ACTION --as LOGIN [--FIELD VALUE]... (CaseActCommand.cpp)
int actOnCase(CtlContext& ctx, QStringList args);
// case act CASE_NO recall_closed --as LOGIN --number N --outcome recovered|unrecoverable
// [--note TEXT] (RecallCloseCommand.cpp): a void document's recall closed (文书追回办结).
int closeRecallByCtl(CtlContext& ctx, const QString& caseNo, const QHash<QString, QString>& given,
                     const QString& login);

// store check | store rebuild | store backup DEST
int runStoreCommand(CtlContext& ctx);

} // namespace onewindow::ctl

#pragma once

#include "ctl/CtlContext.h"
#include "store/UserRepository.h"

namespace onewindow::ctl {

// The active user whose login `--as` names (case act, matter hand-out): user.unknown otherwise.
core::Result<store::User> activeUserByLogin(store::Store& store, const QString& login);

// case list [--state STATE] [--overdue] [--limit N] [--json] | case show CASE_NO [--json] |
// case timeline CASE_NO
int runCaseCommand(CtlContext& ctx);
// case act CASE_NO ACTION --as LOGIN [--FIELD VALUE]... (CaseActCommand.cpp)
int actOnCase(CtlContext& ctx, QStringList args);

// store check | store rebuild | store backup DEST
int runStoreCommand(CtlContext& ctx);

} // namespace onewindow::ctl

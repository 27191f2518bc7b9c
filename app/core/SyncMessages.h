#pragma once

#include "core/Error.h"

namespace onewindow::core::sync {

// The workstation side's own messages (issue 18), composed once in Chinese with stable codes.
Error notEnrolled();
Error offline(const QString& detail);            // sync.offline: no answer, timeout, refused
Error badAnswer(const QString& detail);          // sync.bad_answer: the server said nonsense
Error syncStopped(const QString& serverMessage); // sync.stopped: revoked or stopped earlier
Error badServerUrl(const QString& url);
Error enrolUnreachable(const QString& detail); // sync.offline at enrolment: nothing was changed
// A pulled page refused, nothing stored (master data, decision 8):
Error userConflict(const QString& login); // sync.user_conflict: a local account holds the login
Error catalogConflict(const QString& itemCode, int version); // sync.catalog_conflict

} // namespace onewindow::core::sync

#pragma once

#include "core/IntakeDraft.h"
#include "store/Store.h"

#include <QDateTime>
#include <QTimeZone>

#include <optional>

namespace onewindow::store {

struct StoredDraft
{
    core::IntakeDraft draft;
    QDateTime savedAtUtc;
};

// The one interrupted intake each clerk may have (table intake_drafts): written as the clerk
// completes a step or a field, read back when they next start an intake or sign in, removed when
// the intake is recorded or cancelled on purpose. One small row; a save is one statement.
class DraftRepository
{
public:
    explicit DraftRepository(Store& store) : m_store(store) {}

    Status save(const QString& clerkId, const core::IntakeDraft& draft);
    // Nothing stored: an empty optional. A damaged draft: the error "draft.corrupt" (the row is
    // left for discard(), so the caller decides when the clerk has been told).
    Result<std::optional<StoredDraft>> load(const QString& clerkId) const;
    bool exists(const QString& clerkId) const;
    Status discard(const QString& clerkId);

private:
    Store& m_store;
};

} // namespace onewindow::store

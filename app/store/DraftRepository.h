#pragma once

#include "core/IntakeDraft.h"
#include "core/MatterIntakeDraft.h"
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

    // The one interrupted matter intake each clerk may have (table matter_intake_drafts), kept
    // and offered back the same way (issue 20).
    Status saveMatter(const QString& clerkId, const core::MatterIntakeDraft& draft);
    Result<std::optional<std::pair<core::MatterIntakeDraft, QDateTime>>>
    loadMatter(const QString& clerkId) const;
    bool matterExists(const QString& clerkId) const;
    Status discardMatter(const QString& clerkId);

private:
    Store& m_store;
};

} // namespace onewindow::store

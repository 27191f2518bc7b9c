-- Decision 9 (docs/sync-protocol.md), retire: the hall's server answers a retired device's push
-- and pull with retired_at (the window's code was enrolled on a new PC, or `device retire`).
-- Kept beside the sync state so the window, and `onewindowctl sync status`, say so; '' while the
-- device is active. Its sync goes on: what it recorded before the retirement still goes up.
ALTER TABLE sync_state ADD COLUMN retired_at_utc TEXT NOT NULL DEFAULT '';

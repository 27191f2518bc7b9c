-- Decision 11 (docs/sync-protocol.md, initial sync): a new window of a large hall takes the
-- hall's working set (its master data and the events of its open and recent cases as of cursor
-- N) before it pulls on from N. initial_sync: 'pull' (from cursor 0, as before), 'snapshot'
-- (the working set still to come; snapshot_at is N once the first page came, snapshot_after
-- the last hall order stored, so a sync interrupted resumes there with the same token), or
-- 'working_set' (done: the store holds a part of the hall, named by working_set_since and
-- working_set_cases; fetched_cases counts the older cases fetched since, GET /v1/case).
ALTER TABLE sync_state ADD COLUMN initial_sync TEXT NOT NULL DEFAULT 'pull';
ALTER TABLE sync_state ADD COLUMN snapshot_at INTEGER NOT NULL DEFAULT 0;
ALTER TABLE sync_state ADD COLUMN snapshot_after INTEGER NOT NULL DEFAULT 0;
ALTER TABLE sync_state ADD COLUMN working_set_since TEXT NOT NULL DEFAULT '';
ALTER TABLE sync_state ADD COLUMN working_set_cases INTEGER NOT NULL DEFAULT 0;
ALTER TABLE sync_state ADD COLUMN fetched_cases INTEGER NOT NULL DEFAULT 0;

-- Decision 6, failover (docs/sync-protocol.md): the hall's epoch this window's cursor and
-- placements count in ('' until the hall's first failover), beside sync_state. An answer in
-- another epoch drops the placements above the new epoch's base, moves the cursor back to it and
-- makes pending again the own events the server no longer holds (store/SyncRebase.cpp), in one
-- transaction. No row: the hall's first epoch.
CREATE TABLE IF NOT EXISTS sync_epoch (
    singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
    epoch     TEXT NOT NULL
) STRICT;

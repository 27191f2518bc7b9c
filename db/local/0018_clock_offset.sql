-- Decision 7, clocks (docs/sync-protocol.md): the offset of this machine's clock measured from
-- the hall server's answers (server time minus the request's midpoint, in ms), beside sync_state.
-- One row once a sync has measured it: the clock object adds offset_ms to the machine's reading
-- from then on; online says whether the latest sync attempt measured it (0 after a try that
-- reached no server: offline, the gap rule does not apply).
CREATE TABLE IF NOT EXISTS sync_clock (
    singleton       INTEGER PRIMARY KEY CHECK (singleton = 1),
    offset_ms       INTEGER NOT NULL,
    measured_at_utc TEXT NOT NULL,
    online          INTEGER NOT NULL CHECK (online IN (0, 1))
) STRICT;

-- Decision 7, clocks (docs/sync-protocol.md "Clocks"): the hall's server flags, never rejects, an
-- event whose own time lies outside [its device's last contact - ε, its receipt + ε], and the flag
-- travels with the event on the pull. One row beside the placement of each flagged event this
-- store holds, so the supervisor's 时间存疑的记录 and the case's timeline show it. Written with the
-- placement (a pulled page's transaction); dropped with it when a failover re-places the hall
-- above its base (decision 6).
CREATE TABLE IF NOT EXISTS placement_time_flags (
    event_id            TEXT PRIMARY KEY,
    case_id             TEXT NOT NULL,
    hall_seq            INTEGER NOT NULL CHECK (hall_seq >= 1),
    code                TEXT NOT NULL,  -- time.before_contact, time.after_receipt
    reason              TEXT NOT NULL,  -- the server's Chinese reason
    window_code         TEXT NOT NULL DEFAULT '', -- of the device that pushed the event
    received_at_utc     TEXT NOT NULL DEFAULT '',
    last_contact_at_utc TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX IF NOT EXISTS placement_time_flags_case ON placement_time_flags (case_id);
CREATE INDEX IF NOT EXISTS placement_time_flags_seq ON placement_time_flags (hall_seq);

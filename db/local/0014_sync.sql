-- Sync with the hall's server (issue 18, docs/sync-protocol.md "The workstation side").
--
-- sync_state: one row once this store is enrolled as a window of a hall. The device token is
-- kept here, in the store: the store file is created 0600 in a 0700 folder (Store::open), the
-- token is worth no more than the cases beside it, and one file is one window (a backup restored
-- elsewhere is caught by the server as sequence_reused, decision 2). `cursor` is the hall order
-- this store has pulled up to; `acked_seq` the device sequence below which the server has
-- answered every own event (pending = own events at or above it).
CREATE TABLE IF NOT EXISTS sync_state (
    singleton       INTEGER PRIMARY KEY CHECK (singleton = 1),
    server_url      TEXT NOT NULL,
    hall_code       TEXT NOT NULL,
    device_id       TEXT NOT NULL,
    token           TEXT NOT NULL,
    window_code     TEXT NOT NULL,
    role            TEXT NOT NULL,
    department      TEXT NOT NULL DEFAULT '',
    cursor          INTEGER NOT NULL DEFAULT 0 CHECK (cursor >= 0),
    acked_seq       INTEGER NOT NULL DEFAULT 1 CHECK (acked_seq >= 1),
    enrolled_at_utc TEXT NOT NULL,
    last_sync_utc   TEXT NOT NULL DEFAULT '',
    stopped_code    TEXT NOT NULL DEFAULT '', -- device_revoked, device_stopped: sync stops
    stopped_message TEXT NOT NULL DEFAULT ''
) STRICT;

-- Decision 3: the verdicts travel with the events and are kept beside the immutable log. One row
-- per event the hall has placed: its hall order, accepted or rejected, and for a rejected one the
-- reason and the winning event. Written with the cursor in one transaction (a pull) or from a
-- push's answer. Every fold skips rejected events; the canonical order of a case is the hall
-- order, then the events without a placement (this device's pending ones) in (hlc, device,
-- sequence) order, which is device order for one device.
CREATE TABLE IF NOT EXISTS placement (
    event_id    TEXT PRIMARY KEY,
    case_id     TEXT NOT NULL,
    hall_seq    INTEGER NOT NULL UNIQUE CHECK (hall_seq >= 1),
    verdict     TEXT NOT NULL CHECK (verdict IN ('accepted', 'rejected')),
    reason_code TEXT NOT NULL DEFAULT '',
    reason      TEXT NOT NULL DEFAULT '',
    winner      TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX IF NOT EXISTS placement_case ON placement (case_id);

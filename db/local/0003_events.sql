-- Cases as events (architecture.md, "Cases are events"): an append-only log that is exactly what
-- will sync, and projections derived from it for the screens, rebuildable at any time.

-- This workstation's identity and counters: the next device sequence number and the persisted
-- hybrid logical clock, advanced in the same transaction as every event it stamps.
CREATE TABLE device (
    singleton    INTEGER PRIMARY KEY CHECK (singleton = 1),
    device_id    TEXT NOT NULL,
    hall_code    TEXT NOT NULL,             -- e.g. 620102
    device_code  TEXT NOT NULL,             -- window / device code, e.g. W07
    next_seq     INTEGER NOT NULL CHECK (next_seq >= 1),
    hlc_wall_ms  INTEGER NOT NULL,
    hlc_counter  INTEGER NOT NULL
) STRICT;

-- Per-day case number counters of this device (620102-20261122-W07-0042).
CREATE TABLE case_number_counters (
    day   TEXT PRIMARY KEY,
    last  INTEGER NOT NULL
) STRICT;

CREATE TABLE events (
    event_id        TEXT PRIMARY KEY,        -- UUIDv7
    case_id         TEXT NOT NULL,
    device_id       TEXT NOT NULL,
    device_seq      INTEGER NOT NULL CHECK (device_seq >= 1),
    hlc             TEXT NOT NULL,
    actor_id        TEXT NOT NULL,
    occurred_at_utc TEXT NOT NULL,
    type            TEXT NOT NULL,
    type_version    INTEGER NOT NULL,
    payload         TEXT NOT NULL,           -- JSON
    sync_state      TEXT NOT NULL DEFAULT 'pending' CHECK (sync_state IN ('pending', 'synced', 'rejected')),
    UNIQUE (device_id, device_seq)
) STRICT;

CREATE INDEX events_case ON events (case_id);
-- What to push is found by device sequence (UNIQUE above), so sync_state needs no index of its own.

-- The log is append-only: nothing but the sync state of an event may ever change.
CREATE TRIGGER events_no_delete BEFORE DELETE ON events
BEGIN
    SELECT RAISE(ABORT, 'the event log is append-only');
END;

CREATE TRIGGER events_no_update BEFORE UPDATE ON events
WHEN NEW.event_id IS NOT OLD.event_id OR NEW.case_id IS NOT OLD.case_id
  OR NEW.device_id IS NOT OLD.device_id OR NEW.device_seq IS NOT OLD.device_seq
  OR NEW.hlc IS NOT OLD.hlc OR NEW.actor_id IS NOT OLD.actor_id
  OR NEW.occurred_at_utc IS NOT OLD.occurred_at_utc OR NEW.type IS NOT OLD.type
  OR NEW.type_version IS NOT OLD.type_version OR NEW.payload IS NOT OLD.payload
BEGIN
    SELECT RAISE(ABORT, 'the event log is append-only');
END;

-- Projection: one row per case with what the lists, queues and searches need.
CREATE TABLE cases (
    case_id          TEXT PRIMARY KEY,
    case_number      TEXT NOT NULL UNIQUE,
    query_code       TEXT NOT NULL,
    item_code        TEXT NOT NULL,
    item_version     INTEGER NOT NULL,
    item_name        TEXT NOT NULL,
    department       TEXT NOT NULL,
    profile          TEXT NOT NULL,
    applicant_name   TEXT NOT NULL,
    applicant_id     TEXT NOT NULL,          -- citizen ID or USCC
    applicant_phone  TEXT NOT NULL,
    clerk_id         TEXT NOT NULL,
    window_code      TEXT NOT NULL,
    status           TEXT NOT NULL,
    is_open          INTEGER NOT NULL,
    received_date    TEXT NOT NULL,
    accepted_date    TEXT,
    decided_date     TEXT,
    closed_date      TEXT,
    deemed_accepted  INTEGER NOT NULL,
    repeat_notices   INTEGER NOT NULL,
    due_date         TEXT,                   -- earliest deadline of the running clocks
    yellow_from      TEXT,                   -- earliest day a running clock turns yellow
    suspended        INTEGER NOT NULL,
    provisional      INTEGER NOT NULL,
    event_count      INTEGER NOT NULL,
    rejected_count   INTEGER NOT NULL
) STRICT, WITHOUT ROWID;
-- (One b-tree: an action touches one page for its row, not a table page and an index page.)

CREATE INDEX cases_open_due ON cases (due_date) WHERE is_open = 1;
CREATE INDEX cases_clerk_open ON cases (clerk_id, due_date) WHERE is_open = 1;
CREATE INDEX cases_query_code ON cases (query_code);
CREATE INDEX cases_applicant_name ON cases (applicant_name);
CREATE INDEX cases_applicant_id ON cases (applicant_id);
CREATE INDEX cases_applicant_phone ON cases (applicant_phone);
CREATE INDEX cases_received ON cases (received_date);
CREATE INDEX cases_accepted ON cases (accepted_date);
CREATE INDEX cases_decided ON cases (decided_date);
CREATE INDEX cases_status ON cases (status, due_date);
CREATE INDEX cases_deemed ON cases (received_date) WHERE deemed_accepted = 1;
CREATE INDEX cases_provisional ON cases (case_id) WHERE provisional = 1;

-- Projection: every clock of every case.
CREATE TABLE case_clocks (
    case_id        TEXT NOT NULL,
    kind           TEXT NOT NULL,
    trigger_date   TEXT NOT NULL,
    limit_days     INTEGER NOT NULL,
    extension_days INTEGER NOT NULL,
    deadline       TEXT NOT NULL,
    yellow_from    TEXT NOT NULL,
    stopped_date   TEXT,
    excluded_days  INTEGER NOT NULL,
    provisional    INTEGER NOT NULL,
    PRIMARY KEY (case_id, kind)
) STRICT, WITHOUT ROWID;

CREATE INDEX case_clocks_running ON case_clocks (kind, deadline) WHERE stopped_date IS NULL;

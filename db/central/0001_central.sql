-- onewindow-server's central store: halls, enrolment codes, devices and the halls' event streams.
-- One text for PostgreSQL 15 and SQLite: portable types only (TEXT, BIGINT, INTEGER), times as
-- ISO 8601 UTC text, payloads as their canonical text (the checksum covers those bytes).

CREATE TABLE halls (
    hall_code TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    zone TEXT NOT NULL,
    -- The hall's commit counter: taken inside each push transaction (UPDATE ... RETURNING), so a
    -- cursor never skips an event that commits late.
    seq BIGINT NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL
);

CREATE TABLE enrol_codes (
    code_hash TEXT PRIMARY KEY,
    hall_code TEXT NOT NULL REFERENCES halls (hall_code),
    window_code TEXT NOT NULL,
    role TEXT NOT NULL,
    department TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    used_at TEXT,
    device_id TEXT
);

CREATE TABLE devices (
    device_id TEXT PRIMARY KEY,
    hall_code TEXT NOT NULL REFERENCES halls (hall_code),
    window_code TEXT NOT NULL,
    role TEXT NOT NULL,
    department TEXT NOT NULL DEFAULT '',
    name TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    enrolled_at TEXT NOT NULL,
    revoked_at TEXT,
    stopped_reason TEXT,
    -- The device sequence the server expects next.
    next_seq BIGINT NOT NULL DEFAULT 1
);

CREATE TABLE events (
    hall_code TEXT NOT NULL REFERENCES halls (hall_code),
    hall_seq BIGINT NOT NULL,
    event_id TEXT NOT NULL,
    case_id TEXT NOT NULL,
    device_id TEXT NOT NULL,
    device_seq BIGINT NOT NULL,
    hlc TEXT NOT NULL,
    actor_id TEXT NOT NULL,
    occurred_at TEXT NOT NULL,
    type TEXT NOT NULL,
    type_version INTEGER NOT NULL,
    payload TEXT NOT NULL,
    checksum TEXT NOT NULL,
    verdict TEXT NOT NULL CHECK (verdict IN ('accepted', 'rejected')),
    reason_code TEXT NOT NULL DEFAULT '',
    reason TEXT NOT NULL DEFAULT '',
    winner_event_id TEXT NOT NULL DEFAULT '',
    received_at TEXT NOT NULL,
    PRIMARY KEY (hall_code, hall_seq),
    UNIQUE (device_id, device_seq)
);
CREATE INDEX events_by_case ON events (case_id, hall_seq);
CREATE INDEX events_by_id ON events (event_id);

-- Which hall a case belongs to and its head: the last accepted event that is not mergeable.
CREATE TABLE cases (
    case_id TEXT PRIMARY KEY,
    hall_code TEXT NOT NULL REFERENCES halls (hall_code),
    head_event_id TEXT NOT NULL
);

-- Decision 7, clocks (docs/sync-protocol.md): the server judges a pushed event as of its own
-- recorded time and flags, never rejects, one whose time lies outside [the device's last contact
-- - tolerance, its receipt + tolerance]. A device's last contact is its latest pull (a
-- workstation pushes everything pending before it pulls) or its enrolment.
ALTER TABLE devices ADD COLUMN last_contact_at TEXT NOT NULL DEFAULT '';

-- One row beside each flagged event (the event itself is never changed).
CREATE TABLE time_flags (
    hall_code TEXT NOT NULL,
    hall_seq BIGINT NOT NULL,
    event_id TEXT NOT NULL,
    device_id TEXT NOT NULL,
    reason_code TEXT NOT NULL,
    occurred_at TEXT NOT NULL,
    received_at TEXT NOT NULL,
    last_contact_at TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (hall_code, hall_seq)
);

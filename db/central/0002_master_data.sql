-- Decision 8 (master data has one author): each hall's catalog items, calendar notices, users
-- (with their password verifiers and roles over time), hall settings and revoked devices are
-- versioned records in the hall's stream. They take their place from the same commit counter as
-- the events (halls.seq), so a pull brings both down one road, in one order.
CREATE TABLE master_records (
    hall_code TEXT NOT NULL REFERENCES halls (hall_code),
    hall_seq BIGINT NOT NULL,
    -- catalog.item, calendar.notice, user, hall.settings, device.revoked
    kind TEXT NOT NULL,
    record_key TEXT NOT NULL,
    version INTEGER NOT NULL,
    -- The record as compact JSON text (docs/sync-protocol.md shows each kind).
    body TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    PRIMARY KEY (hall_code, hall_seq),
    UNIQUE (hall_code, kind, record_key, version)
);
CREATE INDEX master_records_by_key ON master_records (hall_code, kind, record_key, version);

-- Decision 5 (numbers issued offline): every case and document number an accepted event issued,
-- with the window that issued it. A case number is issued once per hall; enrolment hands down
-- the highest of each kind a window has issued.
CREATE TABLE issued_numbers (
    hall_code TEXT NOT NULL REFERENCES halls (hall_code),
    kind TEXT NOT NULL, -- case, or the document kind
    number TEXT NOT NULL,
    window_code TEXT NOT NULL,
    event_id TEXT NOT NULL,
    PRIMARY KEY (hall_code, kind, number)
);
CREATE INDEX issued_numbers_by_window ON issued_numbers (hall_code, window_code, kind, number);

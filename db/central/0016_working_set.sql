-- Decision 11 (initial sync): a new window of a large hall starts from a working set, not from
-- cursor 0 (docs/sync-protocol.md, GET /v1/snapshot). The set is fixed when a device first asks
-- for it: the hall's cursor then (at_seq), the open cases and those with an event since `since`
-- (now - the server's working-set days). It is made once per (hall, cursor) and kept so that
-- every page, and a resumed snapshot, pages through the same events; a set older than a week
-- is dropped when the next one is made (its devices start over).
CREATE TABLE snapshots (
    hall_code TEXT NOT NULL REFERENCES halls (hall_code),
    at_seq BIGINT NOT NULL,
    since TEXT NOT NULL,
    made_at TEXT NOT NULL,
    cases BIGINT NOT NULL,
    events BIGINT NOT NULL,
    -- core::hallDigest of the set's events (hall_seq <= at_seq), computed at its last page.
    digest TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (hall_code, at_seq)
);

-- The hall orders of the set's events, in the order they are served.
CREATE TABLE snapshot_events (
    hall_code TEXT NOT NULL,
    at_seq BIGINT NOT NULL,
    hall_seq BIGINT NOT NULL,
    PRIMARY KEY (hall_code, at_seq, hall_seq)
);

-- The recent cases are found by the events' own time, not by scanning the hall.
CREATE INDEX events_by_time ON events (hall_code, occurred_at);

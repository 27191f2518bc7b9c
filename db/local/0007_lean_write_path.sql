-- One user action must cost about what two raw inserts cost (architecture.md, performance budgets).
-- With synchronous=FULL every b-tree page an action touches is a WAL frame written before the
-- commit returns, so the projection keeps only indexes whose keys rarely change:
--
-- * Open cases are a few thousand even in a ten-year store: one partial index keyed by the clerk
--   (fixed while a case is open) finds them; it is written when a case opens and when it closes,
--   never by the actions in between. The board, the queue, the overdue list and the counts per
--   state sort or group those few thousand rows. (Replaces five indexes keyed by status or due
--   date, each rewritten by nearly every action.)
-- * Dates that are NULL until a case gets there are indexed only once they are set.
-- * Running clocks are found through the open cases (case_clocks' primary key), not by an index
--   over every clock of every case.
DROP INDEX cases_open_due;
DROP INDEX cases_clerk_open;
DROP INDEX cases_status;
DROP INDEX cases_open_status;
DROP INDEX cases_open_clerk_status;
DROP INDEX cases_accepted;
DROP INDEX cases_decided;
DROP INDEX case_clocks_running;

CREATE INDEX cases_open ON cases (clerk_id) WHERE is_open = 1;
CREATE INDEX cases_accepted ON cases (accepted_date) WHERE accepted_date IS NOT NULL;
CREATE INDEX cases_decided ON cases (decided_date) WHERE decided_date IS NOT NULL;

-- The next case number of a day is read off the case-number index (CaseStore::nextCaseNumber):
-- one row less to write with every intake.
DROP TABLE case_number_counters;

-- The device's sequence and hybrid logical clock go on from its last event (read off the
-- (device_id, device_seq) index in the action's transaction); the event row persists both, so
-- `device.next_seq` and `device.hlc_*` are now floors, not counters written by every action.

-- The event log's own identity is (device_id, device_seq): contiguous per device, what sync
-- pushes and pulls, unique here by its index. The UUIDv7 event id is unique by construction
-- (74 random bits), checked on import (an event already stored under its device sequence must
-- carry the same id) and by `store check`, and will be enforced across halls by the central
-- server; a second unique index on it cost every action one more page. Rows keep their rowids
-- (the log's local order).
CREATE TABLE events_new (
    event_id        TEXT NOT NULL,           -- UUIDv7
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

INSERT INTO events_new (rowid, event_id, case_id, device_id, device_seq, hlc, actor_id,
                        occurred_at_utc, type, type_version, payload, sync_state)
SELECT rowid, event_id, case_id, device_id, device_seq, hlc, actor_id, occurred_at_utc, type,
       type_version, payload, sync_state
FROM events ORDER BY rowid;

DROP TABLE events;
ALTER TABLE events_new RENAME TO events;
CREATE INDEX events_case ON events (case_id);

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

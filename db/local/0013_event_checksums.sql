-- Every event carries a checksum over its canonical bytes (core/EventChecksum.h, docs/event-log.md
-- "Event checksums"): SHA-256 of every envelope field and the payload. `store check` verifies it,
-- so a byte edited inside a stored event (its payload, its time) no longer passes unseen; the
-- server will check it too. Events stored before this are trusted as they are now: their
-- checksums are computed here, in the migration's transaction (onewindow_event_checksum is
-- core's function, registered on the connection by the migration runner).
ALTER TABLE events ADD COLUMN checksum TEXT NOT NULL DEFAULT '';

DROP TRIGGER IF EXISTS events_no_update;

UPDATE events SET checksum = onewindow_event_checksum(event_id, case_id, device_id, device_seq,
    hlc, actor_id, occurred_at_utc, type, type_version, payload);

-- The log is append-only: nothing but the sync state of an event may ever change (its checksum
-- neither).
CREATE TRIGGER events_no_update BEFORE UPDATE ON events
WHEN NEW.event_id IS NOT OLD.event_id OR NEW.case_id IS NOT OLD.case_id
  OR NEW.device_id IS NOT OLD.device_id OR NEW.device_seq IS NOT OLD.device_seq
  OR NEW.hlc IS NOT OLD.hlc OR NEW.actor_id IS NOT OLD.actor_id
  OR NEW.occurred_at_utc IS NOT OLD.occurred_at_utc OR NEW.type IS NOT OLD.type
  OR NEW.type_version IS NOT OLD.type_version OR NEW.payload IS NOT OLD.payload
  OR NEW.checksum IS NOT OLD.checksum
BEGIN
    SELECT RAISE(ABORT, 'the event log is append-only');
END;

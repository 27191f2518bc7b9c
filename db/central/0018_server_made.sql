-- Decisions 4 and 9 (docs/sync-protocol.md): the events the server makes itself.
-- The latest civil day of a device's own events for which the server looked at the cases it holds
-- (server/ServerMade.h): the first push of a new day makes the due facts of its held cases.
ALTER TABLE devices ADD COLUMN due_checked_on TEXT NOT NULL DEFAULT '';
-- The holds a device was granted, found without reading its whole history.
CREATE INDEX events_holds_by_device ON events (device_id, case_id) WHERE type = 'case.held' AND verdict = 'accepted';
-- Decision 1: a system event never moves a case's head (core::sync::movesHead, as every device
-- counts it); heads stored before named them. Each such head goes back to the case's last accepted
-- event that is neither mergeable nor a system event.
UPDATE cases SET head_event_id = COALESCE((
    SELECT e.event_id FROM events e WHERE e.hall_code = cases.hall_code AND e.case_id = cases.case_id
    AND e.verdict = 'accepted'
    AND e.type NOT IN ('case.note', 'case.document_printed', 'case.document_print_failed', 'case.rated',
                       'case.deemed_accepted', 'case.deemed_abandoned', 'case.fee_lapsed',
                       'case.deadline_recomputed')
    ORDER BY e.hall_seq DESC LIMIT 1), head_event_id)
WHERE head_event_id IN (
    SELECT event_id FROM events WHERE verdict = 'accepted'
    AND type IN ('case.deemed_accepted', 'case.deemed_abandoned', 'case.fee_lapsed', 'case.deadline_recomputed'));

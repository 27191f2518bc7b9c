-- Decision 4 (docs/sync-protocol.md): a system event (deemed acceptance, abandonment, fee lapse)
-- stands outside every device's sequence as the only event of its pseudo-device
-- `system/<event id>` at sequence 1. Stored refused in `events`, a device's copy would take that
-- place for good (events are unique by device and sequence) and the hall could never accept the
-- same event from the case's holder or make it itself. So a refused copy takes no place in the
-- hall's order: it is kept here, as it came, with the answer the device got, by (device, event
-- id), and the same device sending it again gets the same answer.
CREATE TABLE system_refusals (
    device_id TEXT NOT NULL,
    event_id TEXT NOT NULL,
    hall_code TEXT NOT NULL REFERENCES halls (hall_code),
    case_id TEXT NOT NULL,
    hlc TEXT NOT NULL,
    actor_id TEXT NOT NULL,
    occurred_at TEXT NOT NULL,
    type TEXT NOT NULL,
    type_version INTEGER NOT NULL,
    payload TEXT NOT NULL,
    checksum TEXT NOT NULL,
    reason_code TEXT NOT NULL,
    reason TEXT NOT NULL,
    winner_event_id TEXT NOT NULL DEFAULT '',
    received_at TEXT NOT NULL,
    PRIMARY KEY (device_id, event_id)
);
CREATE INDEX system_refusals_by_case ON system_refusals (case_id);

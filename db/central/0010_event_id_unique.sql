-- An event id stands once in a hall: no two accepted events of one hall share an id (a device
-- that reuses an id under another sequence, or two devices that make the same one, get the later
-- event rejected event.duplicate_id, set aside like every rejection). Rejected rows may repeat an
-- id: they are the record of what was refused. The server checks before it inserts; this index is
-- the guarantee should a check ever be missed.
CREATE UNIQUE INDEX events_accepted_id ON events (hall_code, event_id) WHERE verdict = 'accepted';

-- Decision 7, clocks (docs/sync-protocol.md): the offset of this machine's clock measured from
-- the hall server's answers (server time minus the request's midpoint, in ms). The clock object
-- adds it to the machine's reading once measured (clock_measured_at_utc set); clock_online says
-- whether the latest sync attempt measured it (0 after a try that reached no server: offline, the
-- gap rule does not apply).
ALTER TABLE sync_state ADD COLUMN clock_offset_ms INTEGER NOT NULL DEFAULT 0;
ALTER TABLE sync_state ADD COLUMN clock_measured_at_utc TEXT NOT NULL DEFAULT '';
ALTER TABLE sync_state ADD COLUMN clock_online INTEGER NOT NULL DEFAULT 0;

-- Decision 6, failover (docs/sync-protocol.md): every answer about a hall carries the hall's
-- epoch. A promoted standby or a restored backup may have lost the last commits of the old
-- primary; `onewindow-server failover` then starts a new epoch, recording the hall's counter at
-- that moment (epoch_base: everything at or below it is the same on both sides). A workstation
-- that sees another epoch drops what it placed above the base, pulls again from there and
-- pushes again what of its own was placed above it. '' is the hall's first epoch.
ALTER TABLE halls ADD COLUMN epoch TEXT NOT NULL DEFAULT '';
ALTER TABLE halls ADD COLUMN epoch_base BIGINT NOT NULL DEFAULT 0;

-- Decision 6, failover (docs/sync-protocol.md "Failover"): a user row pulled from the hall
-- remembers the hall order of the record that wrote it (pulled_seq; NULL for an account made at
-- this window before it was enrolled). When a new epoch begins, rows pulled above its base came
-- from a history the promoted server may lack (store/SyncRebase.cpp marks them lost_epoch = 1):
-- if the server then gives their login to another user (an administrator adding again the
-- colleague the failover lost), the lost row gives way instead of stopping the window's sync
-- (store/SyncMasterData.cpp).
ALTER TABLE users ADD COLUMN pulled_seq INTEGER;
ALTER TABLE users ADD COLUMN lost_epoch INTEGER NOT NULL DEFAULT 0 CHECK (lost_epoch IN (0, 1));

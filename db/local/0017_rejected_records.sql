-- Records the hall did not take (issue 18, decision 3), as the window shows them.
--
-- rejection_notices: the own rejected events the clerk has been told of by the tray (or the
-- status bar), so a restart does not tell them again. Local to this workstation: who was told
-- here is nothing the hall needs.
CREATE TABLE IF NOT EXISTS rejection_notices (
    event_id    TEXT PRIMARY KEY,
    told_at_utc TEXT NOT NULL
) STRICT, WITHOUT ROWID;

-- The few rejected placements among a hall's many accepted ones: the supervisor's 未生效记录,
-- the tray's look after every sync and the documents printed under a rejected act start here.
CREATE INDEX IF NOT EXISTS placement_rejected ON placement (hall_seq) WHERE verdict = 'rejected';

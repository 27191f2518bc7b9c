-- Decision 10 (docs/sync-protocol.md, Versions): a new event type is taken for a hall only while
-- every active device of the hall folds it. Each device's fold is the one its last request named
-- (a device enrolled before this migration counts as fold 1 until it next asks); a hall's floor is
-- the newest fold its accepted events need, below which no device is served any more.
ALTER TABLE devices ADD COLUMN fold_version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE halls ADD COLUMN fold_floor INTEGER NOT NULL DEFAULT 1;
-- The types fold 2 introduced (core::sync::foldIntroducing), already accepted in a hall.
UPDATE halls SET fold_floor = 2 WHERE EXISTS (
    SELECT 1 FROM events e WHERE e.hall_code = halls.hall_code AND e.verdict = 'accepted'
    AND e.type IN ('case.third_party_answered', 'case.disclosure_replied', 'case.fee_noticed',
                   'case.fee_paid', 'case.fee_lapsed', 'case.matter_joined'));

-- The hall supervisor's figures (core/Figures.h) are counted from the projection with GROUP BY, so
-- each case row carries the facts they need. Plain columns, set by the projection writer:
ALTER TABLE cases ADD COLUMN notice_count INTEGER;       -- one-time notices issued
ALTER TABLE cases ADD COLUMN refused_date TEXT;          -- the day it was refused
ALTER TABLE cases ADD COLUMN rating INTEGER;             -- 好差评 level 1..5
ALTER TABLE cases ADD COLUMN rated_date TEXT;            -- the day it was rated
ALTER TABLE cases ADD COLUMN promised_on_time INTEGER;   -- decided within the promised limit (0/1)
ALTER TABLE cases ADD COLUMN statutory_on_time INTEGER;  -- decided within the statutory limit (0/1)
ALTER TABLE cases ADD COLUMN decision_days INTEGER;      -- working days to decision, suspended excluded

-- A year of a busy hall is ~100,000 cases. Looking each one up in the table costs ~1.5 us per
-- case and per kind of day (measured: ~0.6 s for a year), so each kind of day has an index that
-- also holds the group columns and the values counted that day: the figures read indexes only.
-- Every one of them is written once in a case's life, by the action that sets its day (receipt,
-- acceptance, refusal, decision, rating, and a one-time notice for the notice index), and the group
-- columns never change: an action pays no more index writes than before.
DROP INDEX IF EXISTS cases_received;
CREATE INDEX cases_received ON cases (received_date, department, item_code, window_code, clerk_id);
DROP INDEX IF EXISTS cases_accepted;
CREATE INDEX cases_accepted ON cases (accepted_date, department, item_code, window_code, clerk_id)
    WHERE accepted_date IS NOT NULL;
DROP INDEX IF EXISTS cases_decided;
CREATE INDEX cases_decided ON cases (decided_date, department, item_code, window_code, clerk_id,
                                     promised_on_time, statutory_on_time, decision_days)
    WHERE decided_date IS NOT NULL;
CREATE INDEX cases_refused ON cases (refused_date, department, item_code, window_code, clerk_id)
    WHERE refused_date IS NOT NULL;
CREATE INDEX cases_rated ON cases (rated_date, department, item_code, window_code, clerk_id, rating)
    WHERE rated_date IS NOT NULL;
CREATE INDEX cases_noticed ON cases (received_date, department, item_code, window_code, clerk_id,
                                     notice_count, repeat_notices)
    WHERE notice_count > 0;

-- Cases projected before this version have the new columns empty until the projection is rebuilt
-- from the events (`onewindowctl store rebuild`, which clears this mark). Until then the figures
-- refuse to count rather than count wrong.
INSERT INTO store_meta (key, value)
SELECT 'figures_need_rebuild', '0008' WHERE EXISTS (SELECT 1 FROM cases);

-- The hall supervisor's figures (core/Figures.h) are counted from the projection with GROUP BY, so
-- each case row carries the facts they need. Plain columns, set by the projection writer:
ALTER TABLE cases ADD COLUMN notice_count INTEGER;       -- one-time notices issued
ALTER TABLE cases ADD COLUMN refused_date TEXT;          -- the day it was refused
ALTER TABLE cases ADD COLUMN rating INTEGER;             -- 好差评 level 1..5
ALTER TABLE cases ADD COLUMN rated_date TEXT;            -- the day it was rated
ALTER TABLE cases ADD COLUMN promised_on_time INTEGER;   -- decided within the promised limit (0/1)
ALTER TABLE cases ADD COLUMN statutory_on_time INTEGER;  -- decided within the statutory limit (0/1)
ALTER TABLE cases ADD COLUMN decision_days INTEGER;      -- working days to decision, suspended excluded

-- A refusal and a rating each happen once in a case's life, so like the other once-set dates they
-- are indexed only once set: the index is written by that one action and never again, and a
-- year's figures read its days without scanning ten years of cases.
CREATE INDEX cases_refused ON cases (refused_date) WHERE refused_date IS NOT NULL;
CREATE INDEX cases_rated ON cases (rated_date) WHERE rated_date IS NOT NULL;

-- Cases projected before this version have the new columns empty until the projection is rebuilt
-- from the events (`onewindowctl store rebuild`, which clears this mark). Until then the figures
-- refuse to count rather than count wrong.
INSERT INTO store_meta (key, value)
SELECT 'figures_need_rebuild', '0008' WHERE EXISTS (SELECT 1 FROM cases);

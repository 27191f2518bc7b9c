-- The first-inquiry log names the item asked about: the catalog item's name when one was picked
-- (so today's list reads without the catalog, and still reads after the item is renamed), or the
-- asker's own words when the question is not about a catalog item. Not indexed; written only when
-- an inquiry is logged.
ALTER TABLE inquiries ADD COLUMN item_name TEXT NOT NULL DEFAULT '';

-- What the tray has told a clerk today (a case turning yellow or red, once per level per day), so
-- that a restart does not tell it again. One small row per clerk, written only when something is
-- told; yesterday's row is simply overwritten.
CREATE TABLE warning_notices (
    clerk_id  TEXT PRIMARY KEY,
    told_on   TEXT NOT NULL,               -- civil date in the hall
    told      TEXT NOT NULL                -- JSON array of "case_id/level" (1 yellow, 2 red)
) STRICT;

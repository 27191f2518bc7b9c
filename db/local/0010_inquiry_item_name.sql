-- The first-inquiry log names the item asked about: the catalog item's name when one was picked
-- (so today's list reads without the catalog, and still reads after the item is renamed), or the
-- asker's own words when the question is not about a catalog item. Not indexed; written only when
-- an inquiry is logged.
ALTER TABLE inquiries ADD COLUMN item_name TEXT NOT NULL DEFAULT '';

-- A case's event count was written into its projection row by every action and read by no
-- screen or query. It made a printed document (a third of all events, which changes nothing else
-- a screen shows) rewrite the case row: one more page to write and sync before the print's commit
-- returns. The count is the case's events (events_case index) whenever it is wanted.
ALTER TABLE cases DROP COLUMN event_count;

-- A first-inquiry entry can be corrected on the day it was logged, at its window (a misheard
-- name, the referral added after a phone call); a past day's log stays as it was recorded. The
-- latest correction is stamped with who made it and when. Not indexed; written only then.
ALTER TABLE inquiries ADD COLUMN amended_at_utc TEXT;
ALTER TABLE inquiries ADD COLUMN amended_by TEXT NOT NULL DEFAULT '';

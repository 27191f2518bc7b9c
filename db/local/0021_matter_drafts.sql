-- Issue 20: a matter intake (一件事一次办) cut off by closing, the idle lock or a takeover is kept
-- as the clerk's draft, beside the single intake's (intake_drafts), and offered again.
CREATE TABLE IF NOT EXISTS matter_intake_drafts (
    clerk_id       TEXT PRIMARY KEY,         -- one interrupted matter intake per clerk
    saved_at_utc   TEXT NOT NULL,
    content        TEXT NOT NULL             -- JSON of the matter intake (core/MatterIntakeDraft)
) STRICT;

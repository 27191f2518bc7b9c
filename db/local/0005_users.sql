-- People and the hall: users with roles and hashed passwords, the hall's settings, the
-- first-inquiry log (首问负责) and interrupted intakes kept as drafts.

CREATE TABLE users (
    user_id          TEXT PRIMARY KEY,       -- what events record as the actor
    login            TEXT NOT NULL UNIQUE COLLATE NOCASE,
    display_name     TEXT NOT NULL,
    role             TEXT NOT NULL CHECK (role IN ('clerk', 'supervisor', 'administrator')),
    window_code      TEXT NOT NULL DEFAULT '',
    password_hash    TEXT NOT NULL,          -- libsodium crypto_pwhash_str (Argon2id)
    failed_attempts  INTEGER NOT NULL DEFAULT 0,
    last_failure_utc TEXT,
    locked_until_utc TEXT,
    active           INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at_utc   TEXT NOT NULL
) STRICT;

CREATE TABLE hall_settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

CREATE TABLE inquiries (
    inquiry_id      TEXT PRIMARY KEY,        -- UUIDv7
    asked_at_utc    TEXT NOT NULL,
    asked_on        TEXT NOT NULL,           -- civil date in the hall
    clerk_id        TEXT NOT NULL,
    window_code     TEXT NOT NULL,
    person          TEXT NOT NULL,           -- who asked (name or description)
    phone           TEXT NOT NULL,
    item_code       TEXT NOT NULL,           -- may be empty: not about a catalog item
    question        TEXT NOT NULL,
    answer          TEXT NOT NULL,
    referred_to     TEXT NOT NULL            -- the office or person referred to, may be empty
) STRICT;

CREATE INDEX inquiries_day ON inquiries (asked_on, clerk_id);

CREATE TABLE intake_drafts (
    clerk_id       TEXT PRIMARY KEY,         -- one interrupted intake per clerk
    saved_at_utc   TEXT NOT NULL,
    content        TEXT NOT NULL             -- JSON of the intake form
) STRICT;

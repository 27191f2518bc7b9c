-- The working-day calendar: one State Council notice per year, and its dated entries.
-- A year without a row here is provisional (Monday-Friday).

CREATE TABLE calendar_notices (
    year            INTEGER PRIMARY KEY CHECK (year BETWEEN 2000 AND 2099),
    papers          TEXT NOT NULL,           -- JSON array of the notice's URLs
    source          TEXT NOT NULL,           -- the file it was imported from
    sha256          TEXT NOT NULL,           -- of the imported bytes
    imported_at_utc TEXT NOT NULL            -- ISO 8601, UTC
) STRICT;

CREATE TABLE calendar_days (
    notice_year INTEGER NOT NULL REFERENCES calendar_notices(year) ON DELETE CASCADE,
    date        TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    name        TEXT NOT NULL CHECK (length(name) > 0),
    is_off_day  INTEGER NOT NULL CHECK (is_off_day IN (0, 1)),
    PRIMARY KEY (notice_year, date)
) STRICT, WITHOUT ROWID;

-- Every import, kept for audit: which file replaced which.
CREATE TABLE calendar_imports (
    import_id        INTEGER PRIMARY KEY,
    year             INTEGER NOT NULL,
    source           TEXT NOT NULL,
    sha256           TEXT NOT NULL,
    replaced_sha256  TEXT,                   -- the notice it replaced, if any
    imported_at_utc  TEXT NOT NULL
) STRICT;

CREATE TABLE store_meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

-- 一件事一次办 (issue 20): matters in the catalog, versioned like items. A case received as part
-- of a matter keeps the matter's code, version and number in its received event; the matter's
-- parts are found through the index below, so nothing beside the log needs rebuilding. "IF NOT
-- EXISTS": tests that step a store back to an older version run the later steps again.

CREATE TABLE IF NOT EXISTS catalog_matter_versions (
    code           TEXT NOT NULL,
    version        INTEGER NOT NULL CHECK (version >= 1),
    payload        TEXT NOT NULL,            -- the matter in the catalog format's JSON (compact)
    sha256         TEXT NOT NULL,            -- of payload: an identical re-import makes no version
    created_at_utc TEXT NOT NULL,
    note           TEXT NOT NULL,
    PRIMARY KEY (code, version)
) STRICT, WITHOUT ROWID;

CREATE TRIGGER IF NOT EXISTS catalog_matter_versions_immutable BEFORE UPDATE ON catalog_matter_versions
BEGIN
    SELECT RAISE(ABORT, 'catalog matter versions are immutable');
END;

CREATE TRIGGER IF NOT EXISTS catalog_matter_versions_kept BEFORE DELETE ON catalog_matter_versions
BEGIN
    SELECT RAISE(ABORT, 'catalog matter versions are never deleted');
END;

-- The current version of each matter, with what lists and the intake search need.
CREATE TABLE IF NOT EXISTS catalog_matters (
    code            TEXT PRIMARY KEY,
    current_version INTEGER NOT NULL,
    name            TEXT NOT NULL,
    initials        TEXT NOT NULL,           -- pinyin initials of the name
    promised_days   INTEGER NOT NULL,
    FOREIGN KEY (code, current_version) REFERENCES catalog_matter_versions (code, version)
) STRICT;

-- The parts of a matter: the received events carrying its number.
CREATE INDEX IF NOT EXISTS events_matter_number ON events (json_extract(payload, '$.matter.number'))
    WHERE type = 'case.received';

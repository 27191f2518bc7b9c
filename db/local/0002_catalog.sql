-- The service catalog. Every change to an item is a new, immutable version; cases keep the version
-- they were received under, so editing the catalog never changes an old case or its documents.

CREATE TABLE catalog_item_versions (
    code           TEXT NOT NULL CHECK (length(code) = 31),
    version        INTEGER NOT NULL CHECK (version >= 1),
    payload        TEXT NOT NULL,            -- the item in the catalog format's JSON (compact)
    sha256         TEXT NOT NULL,            -- of payload: an identical re-import makes no version
    created_at_utc TEXT NOT NULL,
    note           TEXT NOT NULL,            -- where the version came from (file, editor's note)
    PRIMARY KEY (code, version)
) STRICT, WITHOUT ROWID;

CREATE TRIGGER catalog_item_versions_immutable BEFORE UPDATE ON catalog_item_versions
BEGIN
    SELECT RAISE(ABORT, 'catalog item versions are immutable');
END;

CREATE TRIGGER catalog_item_versions_kept BEFORE DELETE ON catalog_item_versions
BEGIN
    SELECT RAISE(ABORT, 'catalog item versions are never deleted');
END;

-- The current version of each item, with the columns the search and lists need.
CREATE TABLE catalog_items (
    code            TEXT PRIMARY KEY,
    current_version INTEGER NOT NULL,
    name            TEXT NOT NULL,
    initials        TEXT NOT NULL,           -- pinyin initials of the name
    department      TEXT NOT NULL,
    office          TEXT NOT NULL,
    profile         TEXT NOT NULL,
    promised_days   INTEGER NOT NULL,
    FOREIGN KEY (code, current_version) REFERENCES catalog_item_versions (code, version)
) STRICT;

CREATE INDEX catalog_items_name ON catalog_items (name);
CREATE INDEX catalog_items_department ON catalog_items (department, name);

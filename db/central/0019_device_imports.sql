-- Decisions 2 and 9: a stopped (sequence_reused) or revoked device's events come in only through
-- an administrator's import (`onewindow-server device import`). Each import is recorded here:
-- who, why, when, the file's SHA-256, and what became of its events. The events themselves are
-- judged like a push of the import's own device (import_device_id: retired when the import
-- ends), their ids derived from the originals, which each one's payload names (importedFrom).
CREATE TABLE device_imports (
    import_device_id TEXT PRIMARY KEY,
    hall_code TEXT NOT NULL REFERENCES halls (hall_code),
    source_device_id TEXT NOT NULL,
    imported_by TEXT NOT NULL,
    reason TEXT NOT NULL,
    file_sha256 TEXT NOT NULL,
    started_at TEXT NOT NULL,
    finished_at TEXT NOT NULL DEFAULT '',
    events_in_file INTEGER NOT NULL,
    already_held INTEGER NOT NULL DEFAULT 0,
    accepted INTEGER NOT NULL DEFAULT 0,
    rejected INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX device_imports_by_hall ON device_imports (hall_code, started_at);

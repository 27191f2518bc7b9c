-- Decision 8 (docs/sync-protocol.md): `calendar import` commits the hall's new notices first,
-- then makes the "deadline moved" entries in chunks of cases, each chunk a short transaction of
-- its own, so the hall's pushes are taken between them. One row per import that wrote notices:
-- where its chunks have got to (`after_case`, the last case id done, in id order), so an import
-- stopped midway is finished by running it again, and a second process takes turns with the
-- first instead of doing a chunk twice. `notice_seq` is the hall order of the notices written
-- (the cases placed before it are the ones the import looks at); `recorded_at` their time (the
-- calendar before is the one recorded before it).
CREATE TABLE calendar_recomputes (
    hall_code TEXT NOT NULL,
    notice_seq BIGINT NOT NULL,
    recorded_at TEXT NOT NULL,
    notices TEXT NOT NULL,
    after_case TEXT NOT NULL DEFAULT '',
    cases BIGINT NOT NULL DEFAULT 0,
    made BIGINT NOT NULL DEFAULT 0,
    finished_at TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (hall_code, notice_seq)
);

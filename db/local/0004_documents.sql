-- Printed documents (issue 6): every document gets a number unique per kind, hall and year, and
-- partitioned by the device that took it (620102-SL-2026-W07-00042), so two windows working
-- offline never give the same one. The hall and device codes are this store's (device table);
-- these are the device's counters. Which number a case's document got is in its
-- document-printed event (a reprint keeps it), so nothing here needs a rebuild.
CREATE TABLE document_counters (
    kind  TEXT NOT NULL,                      -- receipt, acceptance, notice, ...
    year  INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2999),
    last  INTEGER NOT NULL CHECK (last >= 1),
    PRIMARY KEY (kind, year)
) STRICT, WITHOUT ROWID;

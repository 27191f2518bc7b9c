-- Decision 5 (docs/sync-protocol.md): at a window enrolled in a hall, an office's 文号 (its
-- 机关代字, the year, the sequence) come from blocks the hall's server allots to this device
-- (POST /v1/numbers), so two windows never issue one 文号. An island store keeps its own counter
-- (document_counters, key office:代字).
CREATE TABLE office_number_blocks (
    series TEXT NOT NULL,         -- the office's 机关代字
    year INTEGER NOT NULL,
    first_number INTEGER NOT NULL,
    last_number INTEGER NOT NULL,
    next_number INTEGER NOT NULL, -- last_number + 1 once used up
    PRIMARY KEY (series, year, first_number)
);
-- A block this window asked for and the server has not allotted yet. The next sync asks with the
-- request id, so a request resent after a lost answer gets the same block.
CREATE TABLE office_number_wants (
    series TEXT NOT NULL,
    year INTEGER NOT NULL,
    request_id TEXT NOT NULL,
    PRIMARY KEY (series, year)
);

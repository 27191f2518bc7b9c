-- Decision 5: an office's 文号 (机关代字〔year〕N号) are issued at the windows, offline too, from
-- blocks the hall's server allots to each device (POST /v1/numbers): the series' next block
-- starts after every block allotted before and every number of the series the hall's accepted
-- events issued, so no two windows ever hold one number. A request resent (Qt resends a POST by
-- itself when a connection drops) gets the block its request id already has.
CREATE TABLE number_blocks (
    hall_code TEXT NOT NULL REFERENCES halls (hall_code),
    series TEXT NOT NULL,
    year INTEGER NOT NULL,
    first_number BIGINT NOT NULL,
    last_number BIGINT NOT NULL,
    device_id TEXT NOT NULL,
    request_id TEXT NOT NULL,
    allotted_at TEXT NOT NULL,
    PRIMARY KEY (hall_code, series, year, first_number),
    UNIQUE (device_id, request_id)
);

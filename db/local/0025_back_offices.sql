-- The hall's back offices (移交后台), pulled from the hall's server as the record
-- hall.back_offices (docs/sync-protocol.md, decision 8): the departments a case may be forwarded
-- to, so an enrolled window offers them as a choice instead of free text a typo sends to nobody's
-- queue. Replaced whole by each version of the record; position keeps the hall's order.
CREATE TABLE hall_back_offices (
    department TEXT PRIMARY KEY,
    position INTEGER NOT NULL
);

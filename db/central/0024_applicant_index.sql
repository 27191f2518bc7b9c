-- Decision 11 (docs/sync-protocol.md, GET /v1/search): the applicant's keys of every accepted
-- receipt (ID number, phone, name, unified social credit code, the agent's name and ID number, as
-- the receipt recorded them), so a search by them is an index lookup instead of a read of every
-- receipt of the hall. The search keeps it (server/storage/CaseSearch.cpp): before it looks, it
-- indexes the receipts stored since the hall's `indexed_seq`, a bounded range per transaction.
CREATE TABLE applicant_keys (
    hall_code TEXT NOT NULL,
    key_text TEXT NOT NULL,
    hall_seq BIGINT NOT NULL,
    case_id TEXT NOT NULL,
    PRIMARY KEY (hall_code, key_text, hall_seq)
);

CREATE TABLE applicant_index (
    hall_code TEXT PRIMARY KEY,
    indexed_seq BIGINT NOT NULL
);

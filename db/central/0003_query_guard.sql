-- The applicant's status page (GET /q/CASE_NO?code=...): a query code has only 10^6 values, so
-- wrong codes are counted per case number and capped (decision 12); every server process of the
-- hall shares the count.
CREATE TABLE query_failures (
    case_number TEXT PRIMARY KEY,
    failures INTEGER NOT NULL,
    window_start TEXT NOT NULL
);

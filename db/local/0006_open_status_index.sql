-- Counting open cases per state (the queue's and the board's summary line) must not scan every
-- case of ten years: a partial index holds only the open ones.
CREATE INDEX cases_open_status ON cases (status) WHERE is_open = 1;
CREATE INDEX cases_open_clerk_status ON cases (clerk_id, status) WHERE is_open = 1;

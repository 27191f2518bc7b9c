-- 一件事一次办 (issue 20): the cases projection names the matter a case is a part of, so the
-- board reads the matters with an open part and the figures the matters that touch their period,
-- instead of folding every matter the store ever held. The projection writer keeps the column;
-- this fills it for the parts already stored (a received part or a case joined later), skipping
-- what the hall's server rejected as the fold does.
ALTER TABLE cases ADD COLUMN matter_number TEXT;

UPDATE cases SET matter_number = m.number
FROM (SELECT case_id, json_extract(payload, '$.matter.number') AS number FROM events
      WHERE type = 'case.received' AND json_extract(payload, '$.matter.number') > ''
      AND NOT EXISTS (SELECT 1 FROM placement p WHERE p.event_id = events.event_id
                      AND p.verdict = 'rejected')) AS m
WHERE cases.case_id = m.case_id;

UPDATE cases SET matter_number = m.number
FROM (SELECT case_id, json_extract(payload, '$.matter.number') AS number FROM events
      WHERE type = 'case.matter_joined' AND json_extract(payload, '$.matter.number') > ''
      AND NOT EXISTS (SELECT 1 FROM placement p WHERE p.event_id = events.event_id
                      AND p.verdict = 'rejected')) AS m
WHERE cases.case_id = m.case_id;

-- A part not finished (no decision, no refusal, still open) keeps its matter on the board.
CREATE INDEX IF NOT EXISTS cases_matter_open ON cases (matter_number)
    WHERE matter_number > '' AND is_open = 1 AND decided_date IS NULL AND refused_date IS NULL;
CREATE INDEX IF NOT EXISTS cases_matter_received ON cases (received_date) WHERE matter_number > '';
CREATE INDEX IF NOT EXISTS cases_matter_decided ON cases (decided_date) WHERE matter_number > '';
CREATE INDEX IF NOT EXISTS cases_matter_refused ON cases (refused_date) WHERE matter_number > '';
CREATE INDEX IF NOT EXISTS cases_matter_closed ON cases (closed_date) WHERE matter_number > '';

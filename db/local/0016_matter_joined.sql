-- 一件事一次办 (issue 20): a case taken in alone may join a matter started from it later (the
-- event case.matter_joined names the matter as a part's received event does). Its parts are
-- found through this index beside events_matter_number.

CREATE INDEX IF NOT EXISTS events_matter_joined ON events (json_extract(payload, '$.matter.number'))
    WHERE type = 'case.matter_joined';

-- Each clock's limit carries its unit (工作日 or 日, calendar days) from the item version the case
-- was received under, so limit_days and excluded_days read right. Every clock stored before this
-- counted working days.
ALTER TABLE case_clocks ADD COLUMN unit TEXT NOT NULL DEFAULT 'working_days';

-- An inquiry about a case (首问负责 with "我的件办到哪了") names the case: the same question is
-- then also the case's event case.inquired (咨询), written in the same transaction, so every window
-- and the supervisor see it in the case's record. Empty when the inquiry is about no case. The
-- number is kept beside the id so today's list reads without the cases. Not indexed; written only
-- when an inquiry is logged.
ALTER TABLE inquiries ADD COLUMN case_id TEXT NOT NULL DEFAULT '';
ALTER TABLE inquiries ADD COLUMN case_number TEXT NOT NULL DEFAULT '';

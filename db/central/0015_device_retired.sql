-- Decision 9 (retire and revoke) and decision 5 (one active device per window code): a retired
-- device may still push what it recorded before its retirement (drained, judged as usual); an
-- event it recorded later is rejected device.retired, set aside like every rejection; its pulls
-- keep working. Enrolling a window code retires the window's active device in the same
-- transaction (retired_by: the device that took its place; '' for `device retire`).
ALTER TABLE devices ADD COLUMN retired_at TEXT;
ALTER TABLE devices ADD COLUMN retired_by TEXT NOT NULL DEFAULT '';

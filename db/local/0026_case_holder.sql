-- 领办 (issue 18; core/CaseHold.h): the window that holds a case, in the projection, so the
-- queues and boards show it (NULL while nobody holds it). Written by every projection; older
-- rows are NULL until their case is projected again, which is what they would be: fold 3 holds
-- came with this version.
ALTER TABLE cases ADD COLUMN holder_window TEXT;

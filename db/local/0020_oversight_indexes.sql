-- The supervisor's and the clerk's oversight lists (督办, 延期审批) read the few oversight events of
-- the open cases. Through events_case each open case's whole log was read (35-60 ms at every
-- sign-in and queue refresh of a 1,000,000-case hall); these partial indexes hold only those
-- events. The queries name the same types literally (store/SupervisionQueries.cpp), so SQLite
-- can prove the index covers them.
CREATE INDEX IF NOT EXISTS events_supervision ON events (case_id)
    WHERE type IN ('case.supervised', 'case.supervision_answered');
CREATE INDEX IF NOT EXISTS events_extension ON events (case_id)
    WHERE type IN ('case.extension_requested', 'case.extension_approved', 'case.extension_refused');

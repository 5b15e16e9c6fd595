-- A programme's code begins with its lead department's code and a hyphen (DFE-SCHOOLS-CORE), and neither changes.
-- So a department creates codes only in its own namespace, and a code that is taken is always one of its own
-- programmes: refusing it as taken reveals nothing about another department's programmes.
ALTER TABLE programme
    ADD CONSTRAINT programme_code_in_lead_namespace
    CHECK (left(code, length(lead_department) + 1) = lead_department || '-');

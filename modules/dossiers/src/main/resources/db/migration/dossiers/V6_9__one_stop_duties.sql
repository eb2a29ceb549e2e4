-- The one-stop duties: who ends which step of a dossier's process. A step's role in the procedure's process
-- (RECEIVER, HANDLER, LEADER; OTHER_AGENCY is the receiving agency's HANDLER or LEADER; APPLICANT's papers taken at
-- the counter by a RECEIVER) is a role a unit administrator gives its staff.
ALTER TABLE app_user DROP CONSTRAINT app_user_roles_check;
ALTER TABLE app_user ADD CONSTRAINT app_user_roles_check
    CHECK (roles <@ ARRAY['PROVINCE_ADMIN','UNIT_ADMIN','STAFF','CITIZEN','EDITOR','APPROVER','RECEIVER','HANDLER','LEADER']::text[]);

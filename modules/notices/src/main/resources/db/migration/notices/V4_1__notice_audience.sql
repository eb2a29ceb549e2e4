-- Who a notice is for (issue 4: it decides who finds it in search, too): public (anyone, e.g. on the portal),
-- staff (the unit's staff, the default) or admins (the unit's administrators only).
ALTER TABLE notice ADD COLUMN audience varchar(12) NOT NULL DEFAULT 'staff'
    CHECK (audience IN ('public', 'staff', 'admins'));

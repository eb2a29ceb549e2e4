-- Which unit became which: renames and recodes (later: merges, moves, dissolutions), so that old codes and old
-- URLs keep answering with a permanent redirect, and "where did commune X go?" has an answer.
-- Public, like the tree itself: no tenant_id column; anyone may read it, a change is recorded only by a
-- transaction whose scope covers the unit.
CREATE TABLE unit_history (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    unit_id     bigint       NOT NULL REFERENCES tenant(id),
    change      varchar(20)  NOT NULL CHECK (change IN ('renamed')),
    old_code    varchar(63)  NOT NULL,
    old_name    varchar(200) NOT NULL,
    new_code    varchar(63)  NOT NULL,
    new_name    varchar(200) NOT NULL,
    reason      varchar(300),
    changed_by  varchar(64)  NOT NULL,
    changed_at  timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX unit_history_old_code ON unit_history (old_code, changed_at DESC);
CREATE INDEX unit_history_unit ON unit_history (unit_id, changed_at DESC);
ALTER TABLE unit_history ENABLE ROW LEVEL SECURITY;
ALTER TABLE unit_history FORCE ROW LEVEL SECURITY;
CREATE POLICY history_read ON unit_history FOR SELECT USING (true);
CREATE POLICY history_record ON unit_history FOR INSERT
    WITH CHECK (unit_id = ANY ((SELECT visible_tenants())::bigint[]));
GRANT SELECT, INSERT ON unit_history TO ${app_role};
GRANT USAGE, SELECT ON SEQUENCE unit_history_id_seq TO ${app_role};
GRANT UPDATE (code) ON tenant TO ${app_role};

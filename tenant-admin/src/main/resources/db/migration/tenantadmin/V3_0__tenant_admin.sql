-- Tenant administration: the application may now create and change units, within its scope only,
-- and everything an administrator does is audited.

-- The tree stays readable by everyone (it is the public directory). Writes need a scope: a new unit's parent,
-- or the unit changed, must be visible to the transaction. ENABLE without FORCE: provisioning, as the owner,
-- still loads reference trees; the application role is always subject to these policies.
ALTER TABLE tenant ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_read ON tenant FOR SELECT USING (true);
CREATE POLICY tenant_create ON tenant FOR INSERT
    WITH CHECK (parent_id = ANY ((SELECT visible_tenants())::bigint[]));
CREATE POLICY tenant_change ON tenant FOR UPDATE
    USING (id = ANY ((SELECT visible_tenants())::bigint[]))
    WITH CHECK (id = ANY ((SELECT visible_tenants())::bigint[]));
GRANT INSERT ON tenant TO ${app_role};
GRANT UPDATE (name, status, custom_domain) ON tenant TO ${app_role};
GRANT USAGE, SELECT ON SEQUENCE tenant_id_seq TO ${app_role};

-- Contact details and settings of a unit.
CREATE TABLE unit_setting (
    tenant_id        bigint       PRIMARY KEY REFERENCES tenant(id),
    display_name     varchar(200) NOT NULL CHECK (length(btrim(display_name)) > 0),
    short_name       varchar(60),
    address          varchar(300),
    phone            varchar(40),
    email            varchar(254),
    mail_sender_name varchar(200),
    default_language varchar(2)   NOT NULL DEFAULT 'vi' CHECK (default_language IN ('vi', 'en')),
    updated_at       timestamptz  NOT NULL DEFAULT now(),
    version          integer      NOT NULL DEFAULT 1
);
ALTER TABLE unit_setting ENABLE ROW LEVEL SECURITY;
ALTER TABLE unit_setting FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_scope ON unit_setting
    USING (tenant_id = ANY ((SELECT visible_tenants())::bigint[]))
    WITH CHECK (tenant_id = ANY ((SELECT visible_tenants())::bigint[]));
GRANT SELECT, INSERT, UPDATE ON unit_setting TO ${app_role};

-- What administrators did: who, when, which unit, before and after (JSON text). Append-only for the app.
CREATE TABLE audit_entry (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id    bigint       NOT NULL REFERENCES tenant(id),
    actor        varchar(64)  NOT NULL,
    action       varchar(40)  NOT NULL,
    target       varchar(200) NOT NULL,
    before_state text,
    after_state  text,
    at           timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX audit_entry_tenant_at ON audit_entry (tenant_id, at DESC);
ALTER TABLE audit_entry ENABLE ROW LEVEL SECURITY;
ALTER TABLE audit_entry FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_scope ON audit_entry
    USING (tenant_id = ANY ((SELECT visible_tenants())::bigint[]))
    WITH CHECK (tenant_id = ANY ((SELECT visible_tenants())::bigint[]));
GRANT SELECT, INSERT ON audit_entry TO ${app_role};
GRANT USAGE, SELECT ON SEQUENCE audit_entry_id_seq TO ${app_role};

-- (a unit without a unit_setting row has the defaults: display name = the unit's name, Vietnamese)

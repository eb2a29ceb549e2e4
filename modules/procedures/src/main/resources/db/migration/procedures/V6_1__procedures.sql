-- The catalogue of administrative procedures (thủ tục hành chính). A procedure belongs to the unit that publishes
-- it: the province for its master catalogue (which units then adopt), or a unit for a local one. Every change is a
-- new, immutable version: a dossier keeps the version it was submitted under. A procedure is public information
-- (the national portal publishes it), so next to the tenant policy each table has a SELECT-only policy for the
-- public-read scope: visitors' pages, and a unit reading the province's master catalogue to adopt from it.
CREATE TABLE procedure (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id       bigint       NOT NULL REFERENCES tenant(id),
    code            varchar(40)  NOT NULL CHECK (code ~ '^[0-9]\.[0-9]{6}(\.[0-9]{3}\.[0-9]{2}\.[0-9]{2})?\.[A-Z][0-9]{2}$'),
    name            varchar(500) NOT NULL CHECK (length(btrim(name)) > 0),
    sector          varchar(200) NOT NULL,
    level           varchar(10)  NOT NULL CHECK (level IN ('province', 'district', 'commune')),
    online_level    varchar(10)  NOT NULL CHECK (online_level IN ('full', 'partial')),
    time_limit_days numeric(5,1) NOT NULL CHECK (time_limit_days >= 0),
    current_version integer      NOT NULL CHECK (current_version >= 1),
    created_at      timestamptz  NOT NULL DEFAULT now(),
    updated_at      timestamptz  NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, code)
);

CREATE TABLE procedure_version (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id    bigint      NOT NULL REFERENCES tenant(id),
    procedure_id bigint      NOT NULL REFERENCES procedure(id) ON DELETE CASCADE,
    version      integer     NOT NULL CHECK (version >= 1),
    definition   jsonb       NOT NULL,
    created_by   varchar(64) NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    UNIQUE (procedure_id, version)
);
CREATE INDEX procedure_version_tenant ON procedure_version (tenant_id);

-- which procedures a unit offers from the province's master catalogue
CREATE TABLE unit_procedure (
    tenant_id    bigint      NOT NULL REFERENCES tenant(id),
    procedure_id bigint      NOT NULL REFERENCES procedure(id) ON DELETE CASCADE,
    adopted_by   varchar(64) NOT NULL,
    adopted_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, procedure_id)
);
CREATE INDEX unit_procedure_procedure ON unit_procedure (procedure_id);

ALTER TABLE procedure ENABLE ROW LEVEL SECURITY;
ALTER TABLE procedure FORCE ROW LEVEL SECURITY;
ALTER TABLE procedure_version ENABLE ROW LEVEL SECURITY;
ALTER TABLE procedure_version FORCE ROW LEVEL SECURITY;
ALTER TABLE unit_procedure ENABLE ROW LEVEL SECURITY;
ALTER TABLE unit_procedure FORCE ROW LEVEL SECURITY;

CREATE POLICY tenant_scope ON procedure
    USING (tenant_id = ANY ((SELECT visible_tenants())::bigint[]))
    WITH CHECK (tenant_id = ANY ((SELECT visible_tenants())::bigint[]));
CREATE POLICY tenant_scope ON procedure_version
    USING (tenant_id = ANY ((SELECT visible_tenants())::bigint[]))
    WITH CHECK (tenant_id = ANY ((SELECT visible_tenants())::bigint[]));
CREATE POLICY tenant_scope ON unit_procedure
    USING (tenant_id = ANY ((SELECT visible_tenants())::bigint[]))
    WITH CHECK (tenant_id = ANY ((SELECT visible_tenants())::bigint[]));

CREATE POLICY public_read ON procedure FOR SELECT USING ((SELECT portal_public_read()));
CREATE POLICY public_read ON procedure_version FOR SELECT USING ((SELECT portal_public_read()));
CREATE POLICY public_read ON unit_procedure FOR SELECT USING ((SELECT portal_public_read()));

-- versions are never changed once written
GRANT SELECT, INSERT, UPDATE, DELETE ON procedure, unit_procedure TO ${app_role};
GRANT SELECT, INSERT ON procedure_version TO ${app_role};
GRANT USAGE, SELECT ON SEQUENCE procedure_id_seq, procedure_version_id_seq TO ${app_role};

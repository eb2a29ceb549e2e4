-- Internal notices of a unit (thông báo nội bộ): readable and writable by the unit's staff only.
CREATE TABLE notice (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id   bigint       NOT NULL REFERENCES tenant(id),
    title       varchar(200) NOT NULL CHECK (length(btrim(title)) > 0),
    body        text         NOT NULL CHECK (length(body) <= 20000),
    created_by  varchar(64)  NOT NULL,
    created_at  timestamptz  NOT NULL DEFAULT now(),
    updated_at  timestamptz,
    version     integer      NOT NULL DEFAULT 0
);
CREATE INDEX notice_tenant_created ON notice (tenant_id, created_at DESC);

ALTER TABLE notice ENABLE ROW LEVEL SECURITY;
ALTER TABLE notice FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_scope ON notice
    USING (tenant_id = ANY ((SELECT visible_tenants())::bigint[]))
    WITH CHECK (tenant_id = ANY ((SELECT visible_tenants())::bigint[]));

GRANT SELECT, INSERT, UPDATE, DELETE ON notice TO ${app_role};
GRANT USAGE, SELECT ON SEQUENCE notice_id_seq TO ${app_role};

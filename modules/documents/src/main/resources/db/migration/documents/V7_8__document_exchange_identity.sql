-- A unit's identity on the national document axis: its organ id (mã định danh, Decision 20/2020/QĐ-TTg, e.g.
-- 000.00.16.H38), set by the unit's administrators. Packages and statuses it sends carry it as From; a package for
-- it may name it (or its platform code) in To. No two units share one.
CREATE TABLE document_exchange_identity (
    tenant_id   bigint       PRIMARY KEY REFERENCES tenant(id),
    organ_id    varchar(13)  NOT NULL UNIQUE CHECK (organ_id ~ '^[0-9]{3}\.[0-9]{2}\.[0-9]{2}\.[A-Z][0-9]{2}$'),
    set_by      varchar(64)  NOT NULL,
    set_at      timestamptz  NOT NULL DEFAULT now()
);
ALTER TABLE document_exchange_identity ENABLE ROW LEVEL SECURITY;
ALTER TABLE document_exchange_identity FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_scope ON document_exchange_identity
    USING (tenant_id = ANY ((SELECT visible_tenants())::bigint[]))
    WITH CHECK (tenant_id = ANY ((SELECT visible_tenants())::bigint[]));
GRANT SELECT, INSERT, UPDATE ON document_exchange_identity TO ${app_role};

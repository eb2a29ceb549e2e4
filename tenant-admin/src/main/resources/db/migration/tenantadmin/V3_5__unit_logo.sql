-- A unit's logo (PNG or JPEG, checked by decoding it; SVG is refused: it can carry scripts). One per unit.
CREATE TABLE unit_logo (
    tenant_id    bigint       PRIMARY KEY REFERENCES tenant(id),
    content_type varchar(20)  NOT NULL CHECK (content_type IN ('image/png', 'image/jpeg')),
    image        bytea        NOT NULL CHECK (octet_length(image) <= 262144),
    sha256       varchar(64)  NOT NULL,
    width        integer      NOT NULL,
    height       integer      NOT NULL,
    updated_by   varchar(64)  NOT NULL,
    updated_at   timestamptz  NOT NULL DEFAULT now()
);
ALTER TABLE unit_logo ENABLE ROW LEVEL SECURITY;
ALTER TABLE unit_logo FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_scope ON unit_logo
    USING (tenant_id = ANY ((SELECT visible_tenants())::bigint[]))
    WITH CHECK (tenant_id = ANY ((SELECT visible_tenants())::bigint[]));
GRANT SELECT, INSERT, UPDATE, DELETE ON unit_logo TO ${app_role};

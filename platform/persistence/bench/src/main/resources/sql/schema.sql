-- Runs as the owner role (rlsbench_owner) in the scratch database; ltree already created by the superuser.

-- Tenant tree shaped like a province: 1 province, 18 departments, 9 districts, 165 communes.
-- path is built of ids, e.g. '1.20.45' = province 1 / district 20 / commune 45.
CREATE TABLE tenant (
    id        bigint PRIMARY KEY,
    parent_id bigint REFERENCES tenant (id),
    kind      text   NOT NULL CHECK (kind IN ('province', 'department', 'district', 'commune')),
    name      text   NOT NULL,
    path      ltree  NOT NULL UNIQUE
);
CREATE INDEX tenant_path_gist ON tenant USING gist (path);

INSERT INTO tenant VALUES (1, NULL, 'province', 'Tỉnh Lào Cai', '1');
-- departments: ids 2..19
INSERT INTO tenant
SELECT 1 + g, 1, 'department', 'Sở ' || g, text2ltree('1.' || (1 + g))
FROM generate_series(1, 18) g;
-- districts: ids 20..28
INSERT INTO tenant
SELECT 19 + g, 1, 'district', 'Huyện ' || g, text2ltree('1.' || (19 + g))
FROM generate_series(1, 9) g;
-- communes: ids 29..193, dealt round-robin to the districts (18 or 19 each)
INSERT INTO tenant
SELECT 28 + g, 20 + (g - 1) % 9, 'commune', 'Xã ' || g, text2ltree('1.' || (20 + (g - 1) % 9) || '.' || (28 + g))
FROM generate_series(1, 165) g;

-- visible_tenants() is created right after this file: visible_tenants_plpgsql.sql (the migration's function,
-- default) or visible_tenants.sql (the earlier SQL variant, -Dbench.function=sql).

-- Two identical tables; only record_rls gets the policy (see secure.sql, applied after the load).
CREATE TABLE record_plain (
    id        bigserial   PRIMARY KEY,
    tenant_id bigint      NOT NULL REFERENCES tenant (id),
    created   timestamptz NOT NULL,
    status    int         NOT NULL,
    title     text        NOT NULL
);
CREATE TABLE record_rls (
    id        bigserial   PRIMARY KEY,
    tenant_id bigint      NOT NULL REFERENCES tenant (id),
    created   timestamptz NOT NULL,
    status    int         NOT NULL,
    title     text        NOT NULL
);

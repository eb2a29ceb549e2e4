-- Dossiers (hồ sơ) received by a unit under one version of one of its procedures. A dossier belongs to the unit
-- that receives it. Its applicant (a citizen's or business's account, which works for no unit) reads their own
-- dossiers in the applicant scope: app.applicant_id set per transaction, like the tenant, with a bound parameter.
CREATE FUNCTION dossier_applicant() RETURNS bigint LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT NULLIF(current_setting('app.applicant_id', true), '')::bigint
$$;
GRANT EXECUTE ON FUNCTION dossier_applicant() TO ${app_role};

CREATE TABLE dossier (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id         bigint       NOT NULL REFERENCES tenant(id),
    code              varchar(100) NOT NULL UNIQUE,
    procedure_id      bigint       NOT NULL REFERENCES procedure(id),
    procedure_code    varchar(40)  NOT NULL,
    procedure_name    varchar(500) NOT NULL,
    procedure_version integer      NOT NULL,
    applicant_id      bigint       REFERENCES app_user(id),
    applicant_name    varchar(200) NOT NULL,
    channel           varchar(10)  NOT NULL CHECK (channel IN ('online', 'counter', 'post')),
    form              jsonb        NOT NULL,
    status            varchar(20)  NOT NULL CHECK (status IN ('received', 'in_progress', 'supplement', 'transferred', 'done', 'refused', 'stopped')),
    received_at       timestamptz  NOT NULL DEFAULT now(),
    due_date          date         NOT NULL,
    created_by        varchar(64)  NOT NULL
);
CREATE INDEX dossier_tenant_received ON dossier (tenant_id, received_at DESC);
CREATE INDEX dossier_applicant ON dossier (applicant_id, received_at DESC);

CREATE TABLE dossier_file (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id    bigint       NOT NULL REFERENCES tenant(id),
    dossier_id   bigint       NOT NULL REFERENCES dossier(id) ON DELETE CASCADE,
    paper_id     varchar(40)  NOT NULL,
    name         varchar(255) NOT NULL,
    content_type varchar(100) NOT NULL,
    size_bytes   integer      NOT NULL CHECK (size_bytes > 0),
    sha256       char(64)     NOT NULL,
    content      bytea        NOT NULL
);
CREATE INDEX dossier_file_dossier ON dossier_file (dossier_id);

CREATE TABLE dossier_event (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id  bigint       NOT NULL REFERENCES tenant(id),
    dossier_id bigint       NOT NULL REFERENCES dossier(id) ON DELETE CASCADE,
    at         timestamptz  NOT NULL DEFAULT now(),
    status     varchar(20)  NOT NULL,
    actor      varchar(64)  NOT NULL,
    note       varchar(2000)
);
CREATE INDEX dossier_event_dossier ON dossier_event (dossier_id, at);

-- the day's last number of each receiving unit: taken and incremented in the receiving transaction (a row lock),
-- so that numbers are unique and, since a rolled-back submission gives its number back, without gaps
CREATE TABLE dossier_sequence (
    tenant_id bigint  NOT NULL REFERENCES tenant(id),
    day       date    NOT NULL,
    last      integer NOT NULL CHECK (last >= 1),
    PRIMARY KEY (tenant_id, day)
);

ALTER TABLE dossier ENABLE ROW LEVEL SECURITY;
ALTER TABLE dossier FORCE ROW LEVEL SECURITY;
ALTER TABLE dossier_file ENABLE ROW LEVEL SECURITY;
ALTER TABLE dossier_file FORCE ROW LEVEL SECURITY;
ALTER TABLE dossier_event ENABLE ROW LEVEL SECURITY;
ALTER TABLE dossier_event FORCE ROW LEVEL SECURITY;
ALTER TABLE dossier_sequence ENABLE ROW LEVEL SECURITY;
ALTER TABLE dossier_sequence FORCE ROW LEVEL SECURITY;

CREATE POLICY tenant_scope ON dossier
    USING (tenant_id = ANY ((SELECT visible_tenants())::bigint[])) WITH CHECK (tenant_id = ANY ((SELECT visible_tenants())::bigint[]));
CREATE POLICY tenant_scope ON dossier_file
    USING (tenant_id = ANY ((SELECT visible_tenants())::bigint[])) WITH CHECK (tenant_id = ANY ((SELECT visible_tenants())::bigint[]));
CREATE POLICY tenant_scope ON dossier_event
    USING (tenant_id = ANY ((SELECT visible_tenants())::bigint[])) WITH CHECK (tenant_id = ANY ((SELECT visible_tenants())::bigint[]));
CREATE POLICY tenant_scope ON dossier_sequence
    USING (tenant_id = ANY ((SELECT visible_tenants())::bigint[])) WITH CHECK (tenant_id = ANY ((SELECT visible_tenants())::bigint[]));

-- the applicant reads their own dossiers (and their files and history), nothing else, and writes nothing this way
CREATE POLICY applicant_read ON dossier FOR SELECT USING (applicant_id = (SELECT dossier_applicant()));
CREATE POLICY applicant_read ON dossier_file FOR SELECT
    USING (EXISTS (SELECT 1 FROM dossier d WHERE d.id = dossier_id AND d.applicant_id = (SELECT dossier_applicant())));
CREATE POLICY applicant_read ON dossier_event FOR SELECT
    USING (EXISTS (SELECT 1 FROM dossier d WHERE d.id = dossier_id AND d.applicant_id = (SELECT dossier_applicant())));

GRANT SELECT, INSERT, UPDATE ON dossier, dossier_sequence TO ${app_role};
GRANT SELECT, INSERT ON dossier_file, dossier_event TO ${app_role};
GRANT USAGE, SELECT ON SEQUENCE dossier_id_seq, dossier_file_id_seq, dossier_event_id_seq TO ${app_role};

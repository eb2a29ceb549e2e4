-- The work on a document. Outgoing: draft -> review (submitted to the leader) -> signed (approved and signed by the
-- leader, or sent back to draft with a note) -> issued (numbered by the clerk) -> recalled. Incoming: registered ->
-- directed (a leader names the lead handler, the supporting handlers and the deadline) -> done (the lead handler
-- closes it); handling notes on the way. Its files: the main PDF and attachments of an outgoing document, the scan of a
-- paper one; a receiver reads the files of a document sent to it (and not recalled) through its delivery.

ALTER TABLE document DROP CONSTRAINT document_status_check;
ALTER TABLE document ADD CONSTRAINT document_status_check
    CHECK (status IN ('draft', 'review', 'signed', 'issued', 'recalled', 'registered', 'directed', 'done'));
ALTER TABLE document DROP CONSTRAINT document_check;   -- (status = 'draft') = (number IS NULL)
ALTER TABLE document ADD CONSTRAINT document_numbered_check CHECK ((status IN ('draft', 'review', 'signed')) = (number IS NULL));
ALTER TABLE document DROP CONSTRAINT document_check1;  -- only incoming documents are 'registered'
ALTER TABLE document DROP CONSTRAINT document_check2;  -- incoming documents are always 'registered'
ALTER TABLE document ADD CONSTRAINT document_register_status_check CHECK (
    (register = 'outgoing' AND status IN ('draft', 'review', 'signed', 'issued', 'recalled'))
    OR (register = 'incoming' AND status IN ('registered', 'directed', 'done')));

ALTER TABLE document
    ADD COLUMN reviewed_by      varchar(64),
    ADD COLUMN review_note      varchar(2000),
    ADD COLUMN signed_by        varchar(64),
    ADD COLUMN signed_at        timestamptz,
    ADD COLUMN issued_by        varchar(64),
    ADD COLUMN directed_by      varchar(64),
    ADD COLUMN direction        varchar(2000),
    ADD COLUMN lead_handler     varchar(64),
    ADD COLUMN support_handlers varchar(64)[] NOT NULL DEFAULT '{}',
    ADD COLUMN handle_by        date,
    ADD COLUMN done_by          varchar(64),
    ADD COLUMN done_at          timestamptz,
    ADD COLUMN result_note      varchar(2000);
CREATE INDEX document_handler ON document (tenant_id, lead_handler) WHERE status = 'directed';

-- what happened to a document, in order: who did what (the register's trail and the handling notes)
CREATE TABLE document_event (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id   bigint        NOT NULL REFERENCES tenant(id),
    document_id bigint        NOT NULL REFERENCES document(id),
    action      varchar(20)   NOT NULL CHECK (action IN ('drafted', 'submitted', 'returned', 'signed', 'issued', 'sent', 'recalled',
                                                         'registered', 'directed', 'note', 'done', 'file')),
    actor       varchar(64)   NOT NULL,
    note        varchar(2000),
    at          timestamptz   NOT NULL DEFAULT now()
);
CREATE INDEX document_event_document ON document_event (document_id, id);

CREATE TABLE document_file (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id    bigint        NOT NULL REFERENCES tenant(id),
    document_id  bigint        NOT NULL REFERENCES document(id),
    -- main: the document's PDF (outgoing); attachment: its annexes; scan: a paper document's scan (incoming)
    kind         varchar(12)   NOT NULL CHECK (kind IN ('main', 'attachment', 'scan')),
    name         varchar(200)  NOT NULL CHECK (length(btrim(name)) > 0),
    content_type varchar(100)  NOT NULL,
    size_bytes   integer       NOT NULL CHECK (size_bytes > 0),
    sha256       varchar(64)   NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    content      bytea         NOT NULL,
    created_by   varchar(64)   NOT NULL,
    created_at   timestamptz   NOT NULL DEFAULT now(),
    replaced_at  timestamptz
);
CREATE INDEX document_file_document ON document_file (document_id, id);
-- one current main PDF per document (a signed one replaces the unsigned one; the old one is kept, replaced)
CREATE UNIQUE INDEX document_file_one_main ON document_file (document_id) WHERE kind = 'main' AND replaced_at IS NULL;

ALTER TABLE document_event ENABLE ROW LEVEL SECURITY;
ALTER TABLE document_event FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_scope ON document_event
    USING (tenant_id = ANY ((SELECT visible_tenants())::bigint[]))
    WITH CHECK (tenant_id = ANY ((SELECT visible_tenants())::bigint[]));

ALTER TABLE document_file ENABLE ROW LEVEL SECURITY;
ALTER TABLE document_file FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_scope ON document_file
    USING (tenant_id = ANY ((SELECT visible_tenants())::bigint[]))
    WITH CHECK (tenant_id = ANY ((SELECT visible_tenants())::bigint[]));
-- a receiver reads (only reads) the current files of an issued document sent to it, unless it was recalled
CREATE POLICY sent_to_scope ON document_file FOR SELECT
    USING (replaced_at IS NULL AND EXISTS (SELECT 1 FROM document_delivery v WHERE v.document_id = document_file.document_id
                  AND v.to_tenant_id = ANY ((SELECT visible_tenants())::bigint[]) AND v.status <> 'recalled'));

GRANT SELECT, INSERT ON document_event TO ${app_role};
GRANT SELECT, INSERT ON document_file TO ${app_role};
GRANT UPDATE (replaced_at) ON document_file TO ${app_role};

-- the clerk (văn thư): numbers and issues outgoing documents, receives and registers incoming ones
ALTER TABLE app_user DROP CONSTRAINT app_user_roles_check;
ALTER TABLE app_user ADD CONSTRAINT app_user_roles_check
    CHECK (roles <@ ARRAY['PROVINCE_ADMIN','UNIT_ADMIN','STAFF','CITIZEN','EDITOR','APPROVER','RECEIVER','HANDLER','LEADER','CLERK']::text[]);

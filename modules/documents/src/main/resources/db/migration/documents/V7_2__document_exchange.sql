-- Documents from systems outside the platform: edXML packages (QCVN 102:2016) that reached a unit and wait for its
-- clerk, who accepts one into the incoming register or returns it with a reason. The package is kept as it came, so its
-- signature can be checked again at any time.

CREATE TABLE document_inbound (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id          bigint        NOT NULL REFERENCES tenant(id),
    status             varchar(10)   NOT NULL CHECK (status IN ('received', 'accepted', 'returned')),
    from_organ_id      varchar(60)   NOT NULL,
    from_organ_name    varchar(300)  NOT NULL,
    edxml_document_id  varchar(100)  NOT NULL,
    number_symbol      varchar(60)   NOT NULL,
    doc_type           varchar(80)   NOT NULL,
    abstract           varchar(2000) NOT NULL,
    signer             varchar(200),
    issued_on          date          NOT NULL,
    due_date           date,
    page_count         integer,
    urgency            varchar(12)   NOT NULL,
    signed_by          varchar(500)  NOT NULL,
    package            bytea         NOT NULL,
    received_at        timestamptz   NOT NULL DEFAULT now(),
    answered_by        varchar(64),
    answered_at        timestamptz,
    reason             varchar(2000),
    incoming_id        bigint        REFERENCES document(id),
    -- the same package delivered twice is one
    UNIQUE (tenant_id, from_organ_id, edxml_document_id)
);
CREATE INDEX document_inbound_queue ON document_inbound (tenant_id, status, received_at);
ALTER TABLE document ADD COLUMN inbound_id bigint REFERENCES document_inbound(id);

ALTER TABLE document_inbound ENABLE ROW LEVEL SECURITY;
ALTER TABLE document_inbound FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_scope ON document_inbound
    USING (tenant_id = ANY ((SELECT visible_tenants())::bigint[]))
    WITH CHECK (tenant_id = ANY ((SELECT visible_tenants())::bigint[]));

GRANT SELECT, INSERT ON document_inbound TO ${app_role};
GRANT UPDATE (status, answered_by, answered_at, reason, incoming_id) ON document_inbound TO ${app_role};

-- what a file's signatures said when it was signed here: the verdict and the signers (shown with the file)
ALTER TABLE document_file ADD COLUMN signature jsonb;
-- an incoming document whose files failed the signature check and that the clerk accepted anyway, knowingly
ALTER TABLE document ADD COLUMN signature_warning varchar(2000);

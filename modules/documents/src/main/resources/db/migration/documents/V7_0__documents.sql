-- Official documents (văn bản, Decree 30/2020/NĐ-CP): each unit's outgoing register (văn bản đi) and incoming
-- register (văn bản đến), yearly, numbered by the system; secret documents (MẬT, TỐI MẬT, TUYỆT MẬT) in a series of
-- their own. An issued outgoing document is sent to other units of the platform as a delivery: a copy of its
-- metadata addressed to the receiving unit, which sees it in its queue in the sending transaction, then accepts it
-- into its incoming register (an arrival number) or returns it with a reason.

CREATE TABLE document (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id       bigint        NOT NULL REFERENCES tenant(id),
    register        varchar(8)    NOT NULL CHECK (register IN ('outgoing', 'incoming')),
    -- outgoing: draft -> issued (-> recalled); incoming: registered (from a delivery or from paper)
    status          varchar(12)   NOT NULL CHECK (status IN ('draft', 'issued', 'recalled', 'registered')),
    secrecy         varchar(10)   CHECK (secrecy IN ('MAT', 'TOI_MAT', 'TUYET_MAT')),
    series          varchar(6)    GENERATED ALWAYS AS (CASE WHEN secrecy IS NULL THEN 'normal' ELSE 'secret' END) STORED,
    urgency         varchar(12)   NOT NULL DEFAULT 'THUONG' CHECK (urgency IN ('THUONG', 'KHAN', 'THUONG_KHAN', 'HOA_TOC')),
    doc_type        varchar(80)   NOT NULL CHECK (length(btrim(doc_type)) > 0),
    -- outgoing: the symbol after the number ("UBND-VP"); the register's number once issued
    symbol          varchar(40),
    year            integer,
    number          integer       CHECK (number > 0),
    -- as printed on the document: "05/UBND-VP" (the number below 10 zero-padded)
    number_symbol   varchar(60),
    issuer          varchar(300)  NOT NULL CHECK (length(btrim(issuer)) > 0),
    place           varchar(100),
    issued_on       date,
    abstract        varchar(2000) NOT NULL CHECK (length(btrim(abstract)) > 0),
    signer          varchar(200),
    recipients_text varchar(2000),
    due_date        date,
    page_count      integer       CHECK (page_count > 0),
    -- a secret document is read only by these people of the unit (besides the one who entered it)
    readers         bigint[]      NOT NULL DEFAULT '{}',
    -- incoming: the delivery it was accepted from, or the day a paper one arrived
    delivery_id     bigint,
    received_on     date,
    created_by      varchar(64)   NOT NULL,
    created_at      timestamptz   NOT NULL DEFAULT now(),
    registered_at   timestamptz,
    row_version     integer       NOT NULL DEFAULT 0,
    CHECK ((status = 'draft') = (number IS NULL)),
    CHECK (register = 'incoming' OR status <> 'registered'),
    CHECK (register = 'outgoing' OR status = 'registered'),
    CHECK (number IS NULL OR year IS NOT NULL)
);
CREATE UNIQUE INDEX document_number ON document (tenant_id, register, series, year, number);
-- number + symbol unique per unit and year in the outgoing register
CREATE UNIQUE INDEX document_outgoing_number_symbol ON document (tenant_id, year, number_symbol) WHERE register = 'outgoing';
CREATE INDEX document_register_list ON document (tenant_id, register, year, number DESC);
CREATE INDEX document_incoming_same ON document (tenant_id, lower(number_symbol), lower(issuer)) WHERE register = 'incoming';

-- the last number of each unit's register, series and year: taken under the row's lock, so numbers have no gap or
-- duplicate whatever the concurrency (a rolled-back issue gives its number back with its transaction)
CREATE TABLE document_counter (
    tenant_id bigint     NOT NULL REFERENCES tenant(id),
    register  varchar(8) NOT NULL CHECK (register IN ('outgoing', 'incoming')),
    series    varchar(6) NOT NULL CHECK (series IN ('normal', 'secret')),
    year      integer    NOT NULL,
    last      integer    NOT NULL CHECK (last > 0),
    PRIMARY KEY (tenant_id, register, series, year)
);

-- An issued document sent to another unit of the platform: what the receiver sees of it (its metadata as issued),
-- and where it stands for that receiver. Both the sender and the receiver read it; the receiver answers it.
CREATE TABLE document_delivery (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id       bigint        NOT NULL REFERENCES tenant(id),
    document_id     bigint        NOT NULL REFERENCES document(id),
    to_tenant_id    bigint        NOT NULL REFERENCES tenant(id),
    -- received: in the receiver's queue (acknowledged on arrival); accepted: in its incoming register;
    -- returned: sent back with a reason; recalled: the sender took it back
    status          varchar(10)   NOT NULL CHECK (status IN ('received', 'accepted', 'returned', 'recalled')),
    reason          varchar(2000),
    number_symbol   varchar(60)   NOT NULL,
    issuer          varchar(300)  NOT NULL,
    doc_type        varchar(80)   NOT NULL,
    urgency         varchar(12)   NOT NULL,
    abstract        varchar(2000) NOT NULL,
    signer          varchar(200),
    issued_on       date          NOT NULL,
    due_date        date,
    page_count      integer,
    sent_by         varchar(64)   NOT NULL,
    sent_at         timestamptz   NOT NULL DEFAULT now(),
    received_at     timestamptz   NOT NULL DEFAULT now(),
    answered_by     varchar(64),
    answered_at     timestamptz,
    incoming_id     bigint        REFERENCES document(id),
    UNIQUE (document_id, to_tenant_id),
    CHECK (to_tenant_id <> tenant_id),
    CHECK ((status = 'returned') = (reason IS NOT NULL) OR status = 'recalled'),
    CHECK ((status = 'accepted') = (incoming_id IS NOT NULL) OR status = 'recalled')
);
CREATE INDEX document_delivery_inbox ON document_delivery (to_tenant_id, status, received_at);
ALTER TABLE document ADD CONSTRAINT document_delivery_fk FOREIGN KEY (delivery_id) REFERENCES document_delivery(id);

ALTER TABLE document ENABLE ROW LEVEL SECURITY;
ALTER TABLE document FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_scope ON document
    USING (tenant_id = ANY ((SELECT visible_tenants())::bigint[]))
    WITH CHECK (tenant_id = ANY ((SELECT visible_tenants())::bigint[]));

ALTER TABLE document_counter ENABLE ROW LEVEL SECURITY;
ALTER TABLE document_counter FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_scope ON document_counter
    USING (tenant_id = ANY ((SELECT visible_tenants())::bigint[]))
    WITH CHECK (tenant_id = ANY ((SELECT visible_tenants())::bigint[]));

-- the sender's and the receiver's row: either end of the delivery sees it, nobody else
ALTER TABLE document_delivery ENABLE ROW LEVEL SECURITY;
ALTER TABLE document_delivery FORCE ROW LEVEL SECURITY;
CREATE POLICY sender_or_receiver ON document_delivery
    USING (tenant_id = ANY ((SELECT visible_tenants())::bigint[]) OR to_tenant_id = ANY ((SELECT visible_tenants())::bigint[]))
    WITH CHECK (tenant_id = ANY ((SELECT visible_tenants())::bigint[]) OR to_tenant_id = ANY ((SELECT visible_tenants())::bigint[]));
-- a new delivery is always the sender's own
CREATE POLICY sent_by_scope ON document_delivery AS RESTRICTIVE FOR INSERT
    WITH CHECK (tenant_id = ANY ((SELECT visible_tenants())::bigint[]));

GRANT SELECT, INSERT, UPDATE ON document TO ${app_role};
GRANT SELECT, INSERT, UPDATE ON document_counter TO ${app_role};
GRANT SELECT, INSERT ON document_delivery TO ${app_role};
-- what changes on a delivery after it is sent: its status and the answer, nothing of what was sent
GRANT UPDATE (status, reason, answered_by, answered_at, incoming_id) ON document_delivery TO ${app_role};

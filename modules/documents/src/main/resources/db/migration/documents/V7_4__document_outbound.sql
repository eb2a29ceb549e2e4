-- Documents sent outside the platform (issue 7): an issued document goes to organisations on the national document
-- axis (trục liên thông văn bản quốc gia), named by their organ id (000.00.00.G22). Each recipient has a row with its
-- status (queued, then sent with the axis's id, or refused with the axis's reason, or failed after the retries), and
-- the signed edXML package waits in the documents outbox, written in the same transaction as the send. The outbox
-- also carries the e-mails that tell a unit's clerks and leaders of an urgent document (HỎA TỐC, THƯỢNG KHẨN).

CREATE TABLE document_outbound (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id          bigint        NOT NULL REFERENCES tenant(id),
    document_id        bigint        NOT NULL REFERENCES document(id),
    organ_id           varchar(13)   NOT NULL CHECK (organ_id ~ '^[0-9]{3}\.[0-9]{2}\.[0-9]{2}\.[A-Z][0-9]{2}$'),
    organ_name         varchar(300)  NOT NULL,
    edxml_document_id  varchar(100)  NOT NULL,
    status             varchar(10)   NOT NULL DEFAULT 'queued'
                       CHECK (status IN ('queued', 'sent', 'received', 'returned', 'refused', 'failed')),
    axis_id            varchar(100),
    reason             varchar(2000),
    attempts           integer       NOT NULL DEFAULT 0,
    last_error         varchar(2000),
    queued_by          varchar(64)   NOT NULL,
    queued_at          timestamptz   NOT NULL DEFAULT now(),
    sent_at            timestamptz,
    answered_at        timestamptz,
    -- an organisation is sent a document once
    UNIQUE (document_id, organ_id)
);
CREATE INDEX document_outbound_tenant ON document_outbound (tenant_id, document_id);
-- the axis names a package by its id when it reports what the receiving organisation did with it
CREATE UNIQUE INDEX document_outbound_axis ON document_outbound (axis_id) WHERE axis_id IS NOT NULL;

CREATE TABLE document_outbox (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id       bigint       NOT NULL REFERENCES tenant(id),
    target          varchar(12)  NOT NULL CHECK (target IN ('edxml-axis', 'email')),
    outbound_id     bigint       REFERENCES document_outbound(id),
    payload         bytea        NOT NULL,
    created_at      timestamptz  NOT NULL DEFAULT now(),
    attempts        integer      NOT NULL DEFAULT 0,
    next_attempt_at timestamptz  NOT NULL DEFAULT now(),
    claimed_until   timestamptz,
    last_error      text,
    sent_at         timestamptz,
    CHECK ((target = 'edxml-axis') = (outbound_id IS NOT NULL))
);
CREATE INDEX document_outbox_unsent ON document_outbox (target, id) WHERE sent_at IS NULL;

ALTER TABLE document_outbound ENABLE ROW LEVEL SECURITY;
ALTER TABLE document_outbound FORCE ROW LEVEL SECURITY;
ALTER TABLE document_outbox ENABLE ROW LEVEL SECURITY;
ALTER TABLE document_outbox FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_scope ON document_outbound
    USING (tenant_id = ANY ((SELECT visible_tenants())::bigint[]))
    WITH CHECK (tenant_id = ANY ((SELECT visible_tenants())::bigint[]));
CREATE POLICY tenant_scope ON document_outbox
    USING (tenant_id = ANY ((SELECT visible_tenants())::bigint[]))
    WITH CHECK (tenant_id = ANY ((SELECT visible_tenants())::bigint[]));

-- the application writes both in the sender's scope and reads the statuses; the worker's functions mark what the axis
-- said. In the sender's scope the application records the receiving organisation's answer (received, returned) and
-- queues a failed recipient again (its package due now, its tries counted from zero).
GRANT SELECT, INSERT ON document_outbound, document_outbox TO ${app_role};
GRANT UPDATE (status, reason, answered_at, attempts, last_error) ON document_outbound TO ${app_role};
GRANT UPDATE (next_attempt_at, attempts, last_error) ON document_outbox TO ${app_role};

-- The worker serves every unit, so it reads and marks the outbox through these functions, owned by the role that
-- bypasses row-level security (the search and dossier outboxes' owner). Rows are independent of each other (one
-- package per recipient, one e-mail per notice), so the claim takes the oldest due rows of the targets asked for.
CREATE FUNCTION document_outbox_claim(p_limit integer, p_lease interval, p_targets text[])
    RETURNS TABLE (id bigint, tenant_id bigint, target text, outbound_id bigint, payload bytea, attempts integer)
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    RETURN QUERY
    WITH ready AS (
        SELECT o.id FROM document_outbox o
         WHERE o.sent_at IS NULL
           AND o.target = ANY (p_targets)
           AND o.next_attempt_at <= now()
           AND (o.claimed_until IS NULL OR o.claimed_until < now())
         ORDER BY o.id
         LIMIT p_limit
         FOR UPDATE SKIP LOCKED)
    UPDATE document_outbox o SET claimed_until = now() + p_lease
      FROM ready WHERE o.id = ready.id
    RETURNING o.id, o.tenant_id, o.target::text, o.outbound_id, o.payload, o.attempts;
END
$$;

-- taken: by the axis (with its id: the recipient's status becomes sent) or by the mail server
CREATE FUNCTION document_outbox_sent(p_id bigint, p_axis_id text) RETURNS void
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    ob bigint;
BEGIN
    UPDATE document_outbox SET sent_at = now(), claimed_until = NULL, last_error = NULL WHERE id = p_id RETURNING outbound_id INTO ob;
    IF ob IS NOT NULL THEN
        UPDATE document_outbound SET status = 'sent', axis_id = left(p_axis_id, 100), sent_at = now(), last_error = NULL
         WHERE id = ob AND status IN ('queued', 'failed');
    END IF;
END
$$;

-- refused by the axis with a reason: final, never sent again
CREATE FUNCTION document_outbox_refused(p_id bigint, p_reason text) RETURNS void
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    ob bigint;
BEGIN
    UPDATE document_outbox SET sent_at = now(), claimed_until = NULL, attempts = attempts + 1, last_error = left(p_reason, 2000)
     WHERE id = p_id RETURNING outbound_id INTO ob;
    IF ob IS NOT NULL THEN
        UPDATE document_outbound SET status = 'refused', reason = left(p_reason, 2000), answered_at = now(), attempts = attempts + 1
         WHERE id = ob AND status IN ('queued', 'failed');
    END IF;
END
$$;

-- not taken (the axis or the mail server down or failing): again after 2^attempts seconds, at most p_max_delay_s; after
-- p_max_attempts the recipient's status is failed with the reason, and the row stays (kept, not lost) without a due time
CREATE FUNCTION document_outbox_failed(p_id bigint, p_error text, p_max_delay_s integer, p_max_attempts integer) RETURNS void
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    ob bigint;
    n integer;
BEGIN
    UPDATE document_outbox
       SET attempts = attempts + 1,
           claimed_until = NULL,
           last_error = left(p_error, 2000),
           next_attempt_at = CASE WHEN attempts + 1 >= p_max_attempts THEN 'infinity'::timestamptz
                                  ELSE now() + make_interval(secs => least(p_max_delay_s, power(2, least(attempts, 20)))::double precision) END
     WHERE id = p_id
    RETURNING outbound_id, attempts INTO ob, n;
    IF ob IS NOT NULL THEN
        UPDATE document_outbound
           SET attempts = n, last_error = left(p_error, 2000),
               status = CASE WHEN n >= p_max_attempts THEN 'failed' ELSE status END,
               reason = CASE WHEN n >= p_max_attempts THEN left(p_error, 2000) ELSE reason END
         WHERE id = ob AND status IN ('queued', 'failed');
    END IF;
END
$$;

-- the axis reports on a package by its id before any scope is known: the unit that sent it, and nothing else
CREATE FUNCTION document_outbound_unit(p_axis_id text) RETURNS bigint
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT tenant_id FROM document_outbound WHERE axis_id = p_axis_id
$$;

GRANT SELECT, UPDATE ON document_outbox, document_outbound TO ${indexer_role};
GRANT USAGE, CREATE ON SCHEMA public TO ${indexer_role};
ALTER FUNCTION document_outbound_unit(text) OWNER TO ${indexer_role};
ALTER FUNCTION document_outbox_claim(integer, interval, text[]) OWNER TO ${indexer_role};
ALTER FUNCTION document_outbox_sent(bigint, text) OWNER TO ${indexer_role};
ALTER FUNCTION document_outbox_refused(bigint, text) OWNER TO ${indexer_role};
ALTER FUNCTION document_outbox_failed(bigint, text, integer, integer) OWNER TO ${indexer_role};
REVOKE CREATE ON SCHEMA public FROM ${indexer_role};
REVOKE EXECUTE ON FUNCTION document_outbox_claim(integer, interval, text[]), document_outbox_sent(bigint, text),
    document_outbox_refused(bigint, text), document_outbox_failed(bigint, text, integer, integer), document_outbound_unit(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION document_outbox_claim(integer, interval, text[]), document_outbox_sent(bigint, text),
    document_outbox_refused(bigint, text), document_outbox_failed(bigint, text, integer, integer), document_outbound_unit(text) TO ${app_role};

-- Who hears of an urgent document: the receiving unit's clerks and leaders who have an e-mail address (app_user.email),
-- read when the e-mail is sent. The worker serves every unit, so this is a function owned by the login role (which
-- reads users and nothing else); it answers addresses only, for one unit, for accounts that are active.
CREATE FUNCTION document_mail_recipients(p_tenant bigint) RETURNS TABLE (email text, display_name text)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT u.email::text, u.display_name::text FROM app_user u
     WHERE u.tenant_id = p_tenant AND u.status = 'active' AND u.email IS NOT NULL AND btrim(u.email) <> ''
       AND u.roles && ARRAY['CLERK', 'LEADER']::text[]
     ORDER BY u.id
$$;
GRANT USAGE, CREATE ON SCHEMA public TO ${auth_role};
ALTER FUNCTION document_mail_recipients(bigint) OWNER TO ${auth_role};
REVOKE CREATE ON SCHEMA public FROM ${auth_role};
REVOKE EXECUTE ON FUNCTION document_mail_recipients(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION document_mail_recipients(bigint) TO ${app_role};

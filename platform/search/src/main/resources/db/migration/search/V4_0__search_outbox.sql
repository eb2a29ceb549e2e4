-- Search (issue 4). A change that must reach the search index is written here, in the same transaction as the
-- change itself; the outbox worker sends it to Solr and deletes it. With Solr down the rows wait (with backoff).
CREATE TABLE search_outbox (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id       bigint       NOT NULL REFERENCES tenant(id),
    doc_id          varchar(200) NOT NULL,
    op              varchar(8)   NOT NULL CHECK (op IN ('upsert', 'delete', 'purge')),
    document        jsonb,
    job_id          bigint,
    created_at      timestamptz  NOT NULL DEFAULT now(),
    attempts        integer      NOT NULL DEFAULT 0,
    next_attempt_at timestamptz  NOT NULL DEFAULT now(),
    claimed_until   timestamptz,
    last_error      text,
    CHECK ((op = 'upsert') = (document IS NOT NULL))
);
CREATE INDEX search_outbox_ready ON search_outbox (next_attempt_at, id);
CREATE INDEX search_outbox_doc ON search_outbox (doc_id, id);
CREATE INDEX search_outbox_tenant ON search_outbox (tenant_id);
CREATE INDEX search_outbox_job ON search_outbox (job_id) WHERE job_id IS NOT NULL;

ALTER TABLE search_outbox ENABLE ROW LEVEL SECURITY;
ALTER TABLE search_outbox FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_scope ON search_outbox
    USING (tenant_id = ANY ((SELECT visible_tenants())::bigint[]))
    WITH CHECK (tenant_id = ANY ((SELECT visible_tenants())::bigint[]));
GRANT SELECT, INSERT ON search_outbox TO ${app_role};

-- A full reindex of a unit or a subtree: what was asked, and how far the enqueueing got.
CREATE TABLE search_reindex_job (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id     bigint      NOT NULL REFERENCES tenant(id),
    subtree       boolean     NOT NULL,
    requested_by  varchar(64) NOT NULL,
    started_at    timestamptz NOT NULL DEFAULT now(),
    finished_at   timestamptz,
    units_total   integer     NOT NULL DEFAULT 0,
    units_done    integer     NOT NULL DEFAULT 0,
    documents     bigint      NOT NULL DEFAULT 0,
    error         text
);
CREATE INDEX search_reindex_job_tenant ON search_reindex_job (tenant_id, id DESC);
ALTER TABLE search_reindex_job ENABLE ROW LEVEL SECURITY;
ALTER TABLE search_reindex_job FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_scope ON search_reindex_job
    USING (tenant_id = ANY ((SELECT visible_tenants())::bigint[]))
    WITH CHECK (tenant_id = ANY ((SELECT visible_tenants())::bigint[]));
GRANT SELECT, INSERT, UPDATE ON search_reindex_job TO ${app_role};
GRANT USAGE, SELECT ON SEQUENCE search_reindex_job_id_seq TO ${app_role};

-- The worker serves every unit, so it reads the outbox through these three functions, owned by a role that
-- bypasses RLS and can do nothing else. They touch the outbox only.

-- Claims up to p_limit ready rows in id order for p_lease (another node's worker skips them). A row is not
-- claimed while a newer row for the same document waits: the newer one wins, and its "done" removes both.
CREATE FUNCTION search_outbox_claim(p_limit integer, p_lease interval)
    RETURNS TABLE (id bigint, tenant_id bigint, doc_id text, op text, document jsonb, attempts integer)
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    RETURN QUERY
    WITH ready AS (
        SELECT o.id FROM search_outbox o
         WHERE o.next_attempt_at <= now()
           AND (o.claimed_until IS NULL OR o.claimed_until < now())
           AND NOT EXISTS (SELECT 1 FROM search_outbox n WHERE n.doc_id = o.doc_id AND n.id > o.id)
         ORDER BY o.id
         LIMIT p_limit
         FOR UPDATE SKIP LOCKED)
    UPDATE search_outbox o SET claimed_until = now() + p_lease
      FROM ready WHERE o.id = ready.id
    RETURNING o.id, o.tenant_id, o.doc_id::text, o.op::text, o.document, o.attempts;
END
$$;

-- The rows were applied to the index: they go, with any older row of the same documents.
CREATE FUNCTION search_outbox_done(p_ids bigint[]) RETURNS integer
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    n integer;
BEGIN
    DELETE FROM search_outbox o
     USING (SELECT s.doc_id, max(s.id) AS last_id FROM search_outbox s WHERE s.id = ANY (p_ids) GROUP BY s.doc_id) d
     WHERE o.doc_id = d.doc_id AND o.id <= d.last_id;
    GET DIAGNOSTICS n = ROW_COUNT;
    RETURN n;
END
$$;

-- Sending failed: the rows wait 2^attempts seconds (at most p_max_delay_s) and keep the error for the admin page.
CREATE FUNCTION search_outbox_failed(p_ids bigint[], p_error text, p_max_delay_s integer) RETURNS void
    LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    UPDATE search_outbox
       SET attempts = attempts + 1,
           claimed_until = NULL,
           last_error = left(p_error, 2000),
           next_attempt_at = now() + make_interval(secs => least(p_max_delay_s, power(2, least(attempts, 20)))::double precision)
     WHERE id = ANY (p_ids)
$$;

-- How much waits, province-wide, for the worker's health and the province's admin page (counts only).
CREATE FUNCTION search_outbox_backlog()
    RETURNS TABLE (pending bigint, failing bigint, oldest timestamptz)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT count(*), count(*) FILTER (WHERE o.attempts > 0), min(o.created_at)
      FROM search_outbox o WHERE o.next_attempt_at < 'infinity'
$$;

GRANT SELECT, UPDATE, DELETE ON search_outbox TO ${indexer_role};
-- a function's new owner needs CREATE on its schema at the moment of the transfer, not after
GRANT USAGE, CREATE ON SCHEMA public TO ${indexer_role};
ALTER FUNCTION search_outbox_claim(integer, interval) OWNER TO ${indexer_role};
ALTER FUNCTION search_outbox_done(bigint[]) OWNER TO ${indexer_role};
ALTER FUNCTION search_outbox_failed(bigint[], text, integer) OWNER TO ${indexer_role};
ALTER FUNCTION search_outbox_backlog() OWNER TO ${indexer_role};
REVOKE CREATE ON SCHEMA public FROM ${indexer_role};
REVOKE EXECUTE ON FUNCTION search_outbox_claim(integer, interval), search_outbox_done(bigint[]),
    search_outbox_failed(bigint[], text, integer), search_outbox_backlog() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION search_outbox_claim(integer, interval), search_outbox_done(bigint[]),
    search_outbox_failed(bigint[], text, integer), search_outbox_backlog() TO ${app_role};

-- Issue 20: search through a reorganisation (RecordRule "search", vn.egov.platform.search.control.SearchRecords).
-- The ended unit's items leave the index in the plan's own transaction (a purge row for it in the outbox), its waiting
-- outbox rows and reindex jobs go to the successor. In the server, the UnitsReorganised observer then reindexes the
-- successors in the same transaction; the operator's tool has no observers, so the plan leaves a pending reindex job
-- for each unit it changed, which the server's worker starts (search_reindex_claim).
ALTER TABLE search_reindex_job ADD COLUMN queued boolean NOT NULL DEFAULT false;
CREATE INDEX search_reindex_job_queued ON search_reindex_job (id) WHERE queued;

CREATE FUNCTION search_reorg_transfer(p_from bigint, p_to bigint) RETURNS TABLE (table_name text, moved bigint)
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    PERFORM reorg_require_scope(ARRAY[p_from, p_to]);
    UPDATE search_outbox SET tenant_id = p_to WHERE tenant_id = p_from;
    table_name := 'search_outbox'; GET DIAGNOSTICS moved = ROW_COUNT; RETURN NEXT;
    -- after what waited: everything the index holds under the ended unit goes
    INSERT INTO search_outbox (tenant_id, doc_id, op) VALUES (p_from, 'purge:' || p_from, 'purge');
    UPDATE search_reindex_job SET tenant_id = p_to WHERE tenant_id = p_from;
    table_name := 'search_reindex_job'; GET DIAGNOSTICS moved = ROW_COUNT; RETURN NEXT;
END $$;
REVOKE EXECUTE ON FUNCTION search_reorg_transfer(bigint, bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION search_reorg_transfer(bigint, bigint) TO ${app_role};

-- The worker takes one pending job (any unit's: it then works under that unit's scope).
CREATE FUNCTION search_reindex_claim() RETURNS TABLE (id bigint, tenant_id bigint, path text, subtree boolean, requested_by text)
    LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    UPDATE search_reindex_job j SET queued = false, started_at = now()
      FROM tenant t
     WHERE j.id = (SELECT p.id FROM search_reindex_job p WHERE p.queued ORDER BY p.id LIMIT 1 FOR UPDATE SKIP LOCKED)
       AND t.id = j.tenant_id
    RETURNING j.id, j.tenant_id, t.path::text, j.subtree, j.requested_by::text
$$;
GRANT SELECT, UPDATE ON search_reindex_job TO ${indexer_role};
GRANT SELECT (id, path) ON tenant TO ${indexer_role};
GRANT USAGE, CREATE ON SCHEMA public TO ${indexer_role};
ALTER FUNCTION search_reindex_claim() OWNER TO ${indexer_role};
REVOKE CREATE ON SCHEMA public FROM ${indexer_role};
REVOKE EXECUTE ON FUNCTION search_reindex_claim() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION search_reindex_claim() TO ${app_role};

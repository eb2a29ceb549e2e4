-- The outbox claim read the whole backlog on every call. Without fresh statistics (a busy table between two
-- ANALYZEs, or a server with autovacuum off) the planner expected a few unsent rows, so it fetched every unsent row
-- of the wanted targets, checked each for an older unsent change of its dossier, and sorted them all to keep the
-- oldest 200: with the replay benchmark's backlog of 800,000 rows one claim took 1.7 s of a core, and the worker
-- sent fewer than 100 rows a second. The claim now walks each target's unsent rows in id order (an index gives that
-- order, so no plan has to sort) and stops as soon as it has its share: its cost follows what it takes, not the
-- backlog. The rules are the same: only the targets asked for, due, not leased, not locked by another claim, and
-- never ahead of an older unsent change of the same dossier and target.
CREATE INDEX dossier_outbox_unsent_by_target ON dossier_outbox (target, id) WHERE sent_at IS NULL;

DROP FUNCTION dossier_outbox_claim_for(integer, interval, text[]);
CREATE FUNCTION dossier_outbox_claim_for(p_limit integer, p_lease interval, p_targets text[])
    RETURNS TABLE (id bigint, tenant_id bigint, dossier_id bigint, target text, payload jsonb, attempts integer)
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    t text;
    c record;
    share integer := greatest(1, ceil(p_limit::numeric / greatest(1, cardinality(p_targets)))::integer);
    taken integer;
    ids bigint[] := '{}';
BEGIN
    FOREACH t IN ARRAY coalesce(p_targets, '{}') LOOP
        taken := 0;
        FOR c IN SELECT o.id, o.dossier_id, o.next_attempt_at, o.claimed_until FROM dossier_outbox o
                  WHERE o.sent_at IS NULL AND o.target = t ORDER BY o.id LOOP
            EXIT WHEN taken >= share;
            CONTINUE WHEN c.next_attempt_at > now() OR c.claimed_until >= now();
            -- a dossier's changes go in order: none while an older one of the same dossier and target is unsent
            CONTINUE WHEN EXISTS (SELECT 1 FROM dossier_outbox e WHERE e.dossier_id = c.dossier_id AND e.target = t
                                                                   AND e.sent_at IS NULL AND e.id < c.id);
            -- a row another claim holds is skipped, not waited for (and checked again as it is now)
            PERFORM 1 FROM dossier_outbox l WHERE l.id = c.id AND l.sent_at IS NULL AND l.next_attempt_at <= now()
                                              AND (l.claimed_until IS NULL OR l.claimed_until < now()) FOR UPDATE SKIP LOCKED;
            CONTINUE WHEN NOT FOUND;
            ids := ids || c.id;
            taken := taken + 1;
        END LOOP;
    END LOOP;
    RETURN QUERY
    UPDATE dossier_outbox o SET claimed_until = now() + p_lease WHERE o.id = ANY (ids)
    RETURNING o.id, o.tenant_id, o.dossier_id, o.target::text, o.payload, o.attempts;
END
$$;
GRANT USAGE, CREATE ON SCHEMA public TO ${indexer_role};
ALTER FUNCTION dossier_outbox_claim_for(integer, interval, text[]) OWNER TO ${indexer_role};
REVOKE CREATE ON SCHEMA public FROM ${indexer_role};
REVOKE EXECUTE ON FUNCTION dossier_outbox_claim_for(integer, interval, text[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION dossier_outbox_claim_for(integer, interval, text[]) TO ${app_role};

-- Email to the applicant at each change that matters to them (issue 6): the address they gave for the dossier
-- (online or at the counter: an applicant at the counter has no account), and the outbox's second target.
ALTER TABLE dossier ADD COLUMN contact_email varchar(254) CHECK (contact_email IS NULL OR contact_email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$');

ALTER TABLE dossier_outbox DROP CONSTRAINT dossier_outbox_target_check;
ALTER TABLE dossier_outbox ADD CONSTRAINT dossier_outbox_target_check CHECK (target IN ('national-portal', 'email'));

DROP FUNCTION dossier_outbox_claim(integer, interval);

-- the worker claims only the targets it can reach now (a target not configured keeps its rows, untouched)
CREATE FUNCTION dossier_outbox_claim_for(p_limit integer, p_lease interval, p_targets text[])
    RETURNS TABLE (id bigint, tenant_id bigint, dossier_id bigint, target text, payload jsonb, attempts integer)
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    RETURN QUERY
    WITH ready AS (
        SELECT o.id FROM dossier_outbox o
         WHERE o.sent_at IS NULL
           AND o.target = ANY (p_targets)
           AND o.next_attempt_at <= now()
           AND (o.claimed_until IS NULL OR o.claimed_until < now())
           AND NOT EXISTS (SELECT 1 FROM dossier_outbox e WHERE e.dossier_id = o.dossier_id AND e.target = o.target
                                                            AND e.sent_at IS NULL AND e.id < o.id)
         ORDER BY o.id
         LIMIT p_limit
         FOR UPDATE SKIP LOCKED)
    UPDATE dossier_outbox o SET claimed_until = now() + p_lease
      FROM ready WHERE o.id = ready.id
    RETURNING o.id, o.tenant_id, o.dossier_id, o.target::text, o.payload, o.attempts;
END
$$;
GRANT USAGE, CREATE ON SCHEMA public TO ${indexer_role};
ALTER FUNCTION dossier_outbox_claim_for(integer, interval, text[]) OWNER TO ${indexer_role};
REVOKE CREATE ON SCHEMA public FROM ${indexer_role};
REVOKE EXECUTE ON FUNCTION dossier_outbox_claim_for(integer, interval, text[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION dossier_outbox_claim_for(integer, interval, text[]) TO ${app_role};
